package web

// importPages is filled in by the import pages.
func (s *Server) importPages() []route { return nil }
