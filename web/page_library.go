package web

// libraryPages is filled in by the library pages.
func (s *Server) libraryPages() []route { return nil }
