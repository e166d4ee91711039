package web

// coachPages is filled in by the coach pages.
func (s *Server) coachPages() []route { return nil }
