package web

import "net/http"

// apiRoutes is every endpoint of the JSON API. Routes under
// /api/v1/lifters/{lifter} act for a lifter the signed-in coach coaches: a
// coach may read a lifter's log and plan sessions for them, nothing else.
func (s *Server) apiRoutes() []route {
	return []route{
		{"GET", "/healthz", public, s.healthz},
		{"GET", "/api/v1/openapi.json", public, s.openAPI},

		{"POST", "/api/v1/signup", public, s.signup},
		{"POST", "/api/v1/login", public, s.login},
		{"POST", "/api/v1/logout", signedIn, s.logout},
		{"POST", "/api/v1/tokens", public, s.createToken},
		{"GET", "/api/v1/tokens", signedIn, s.listTokens},
		{"DELETE", "/api/v1/tokens/{id}", signedIn, s.deleteToken},
		{"GET", "/api/v1/account", signedIn, s.getAccount},
		{"PATCH", "/api/v1/account", signedIn, s.updateAccount},
		{"POST", "/api/v1/account/password", signedIn, s.changePassword},
		{"DELETE", "/api/v1/account", signedIn, s.deleteAccount},

		{"GET", "/api/v1/sessions", signedIn, s.listSessions},
		{"POST", "/api/v1/sessions", signedIn, s.createSession},
		{"GET", "/api/v1/sessions/{id}", signedIn, s.getSession},
		{"PUT", "/api/v1/sessions/{id}", signedIn, s.replaceSession},
		{"DELETE", "/api/v1/sessions/{id}", signedIn, s.deleteSession},
		{"POST", "/api/v1/checkins", signedIn, s.saveCheckIn},
		{"GET", "/api/v1/checkins", signedIn, s.listCheckIns},
		{"GET", "/api/v1/today", signedIn, s.today},
		{"POST", "/api/v1/imports", signedIn, s.importFile},
		{"GET", "/api/v1/export", signedIn, s.export},

		{"POST", "/api/v1/adapt", public, s.adapt},
		{"POST", "/api/v1/ramp", public, s.ramp},
		{"GET", "/api/v1/classify", public, s.classify},
		{"GET", "/api/v1/exercises", public, s.exercises},

		{"POST", "/api/v1/invites", signedIn, s.createInvite},
		{"GET", "/api/v1/invites", signedIn, s.listInvites},
		{"DELETE", "/api/v1/invites/{id}", signedIn, s.revokeInvite},
		{"POST", "/api/v1/invites/accept", signedIn, s.acceptInvite},
		{"GET", "/api/v1/lifters", signedIn, s.listLifters},
		{"GET", "/api/v1/lifters/{lifter}/sessions", coachOf, s.listSessions},
		{"POST", "/api/v1/lifters/{lifter}/sessions", coachOf, s.createSession},
		{"GET", "/api/v1/lifters/{lifter}/sessions/{id}", coachOf, s.getSession},
		{"GET", "/api/v1/lifters/{lifter}/checkins", coachOf, s.listCheckIns},
		{"GET", "/api/v1/lifters/{lifter}/today", coachOf, s.today},
	}
}

func (s *Server) healthz(w http.ResponseWriter, r *http.Request, _ *call) error {
	if err := s.db.Ping(r.Context()); err != nil {
		return writeJSON(w, http.StatusServiceUnavailable, map[string]string{"status": "unavailable"})
	}
	return writeJSON(w, http.StatusOK, map[string]string{"status": "ok"})
}

// apiNotFound answers unknown API paths in JSON, like every API error.
func (s *Server) apiNotFound(w http.ResponseWriter, r *http.Request) {
	writeJSON(w, http.StatusNotFound, func() errorBody {
		var b errorBody
		b.Error.Code, b.Error.Message = "not_found", "no such endpoint: "+r.Method+" "+r.URL.Path
		return b
	}())
}
