package web

// todayPages is filled in by the today pages.
func (s *Server) todayPages() []route { return nil }
