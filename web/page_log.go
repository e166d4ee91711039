package web

// logPages is filled in by the log pages.
func (s *Server) logPages() []route { return nil }
