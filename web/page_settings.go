package web

// settingsPages is filled in by the settings pages.
func (s *Server) settingsPages() []route { return nil }
