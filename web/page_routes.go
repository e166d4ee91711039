package web

import "net/http"

// pageRoutes are the web app's pages. Each group lives in a file of its
// own (page_<group>.go) with its templates.
func (s *Server) pageRoutes() []route {
	var out []route
	for _, group := range [][]route{
		s.accountPages(), s.todayPages(), s.logPages(), s.corePages(),
		s.settingsPages(), s.libraryPages(), s.importPages(), s.coachPages(), s.progressPages(),
		s.reportPages(), s.calendarRoutes(),
	} {
		out = append(out, group...)
	}
	return out
}

// page makes a page route.
func page(method, pattern string, a access, h func(http.ResponseWriter, *http.Request, *call) error) route {
	return route{method: method, pattern: pattern, access: a, handle: h, page: true}
}
