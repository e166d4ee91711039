package web

// corePages is filled in by the core pages.
func (s *Server) corePages() []route { return nil }
