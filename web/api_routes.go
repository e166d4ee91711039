package web

import "net/http"

// apiRoutes is every endpoint of the JSON API. Routes under
// /api/v1/lifters/{lifter} act for a lifter the signed-in coach coaches: a
// coach may read a lifter's log and plan sessions for them, nothing else.
func (s *Server) apiRoutes() []route {
	return []route{
		{"GET", "/healthz", public, s.healthz, false},
		{"GET", "/api/v1/openapi.json", public, s.openAPI, false},

		{"POST", "/api/v1/signup", public, s.signup, false},
		{"POST", "/api/v1/login", public, s.login, false},
		{"POST", "/api/v1/logout", signedIn, s.logout, false},
		{"POST", "/api/v1/tokens", public, s.createToken, false},
		{"GET", "/api/v1/tokens", signedIn, s.listTokens, false},
		{"DELETE", "/api/v1/tokens/{id}", signedIn, s.deleteToken, false},
		{"GET", "/api/v1/account", signedIn, s.getAccount, false},
		{"PATCH", "/api/v1/account", signedIn, s.updateAccount, false},
		{"POST", "/api/v1/account/password", signedIn, s.changePassword, false},
		{"DELETE", "/api/v1/account", signedIn, s.deleteAccount, false},

		{"GET", "/api/v1/sessions", signedIn, s.listSessions, false},
		{"POST", "/api/v1/sessions", signedIn, s.createSession, false},
		{"GET", "/api/v1/sessions/{id}", signedIn, s.getSession, false},
		{"PUT", "/api/v1/sessions/{id}", signedIn, s.replaceSession, false},
		{"DELETE", "/api/v1/sessions/{id}", signedIn, s.deleteSession, false},
		{"POST", "/api/v1/checkins", signedIn, s.saveCheckIn, false},
		{"GET", "/api/v1/checkins", signedIn, s.listCheckIns, false},
		{"GET", "/api/v1/today", signedIn, s.today, false},
		{"POST", "/api/v1/imports", signedIn, s.importFile, false},
		{"GET", "/api/v1/imports/progress/{key}", signedIn, s.importProgress, false},
		{"GET", "/api/v1/export", signedIn, s.export, false},

		{"POST", "/api/v1/adapt", public, s.adapt, false},
		{"POST", "/api/v1/ramp", public, s.ramp, false},
		{"GET", "/api/v1/classify", public, s.classify, false},
		{"GET", "/api/v1/exercises", public, s.exercises, false},

		{"POST", "/api/v1/invites", signedIn, s.createInvite, false},
		{"GET", "/api/v1/invites", signedIn, s.listInvites, false},
		{"DELETE", "/api/v1/invites/{id}", signedIn, s.revokeInvite, false},
		{"POST", "/api/v1/invites/accept", signedIn, s.acceptInvite, false},
		{"GET", "/api/v1/lifters", signedIn, s.listLifters, false},
		{"GET", "/api/v1/lifters/{lifter}/sessions", coachOf, s.listSessions, false},
		{"POST", "/api/v1/lifters/{lifter}/sessions", coachOf, s.createSession, false},
		{"GET", "/api/v1/lifters/{lifter}/sessions/{id}", coachOf, s.getSession, false},
		{"GET", "/api/v1/lifters/{lifter}/checkins", coachOf, s.listCheckIns, false},
		{"GET", "/api/v1/lifters/{lifter}/today", coachOf, s.today, false},
		{"GET", "/api/v1/progress", signedIn, s.getProgress, false},
		{"GET", "/api/v1/lifters/{lifter}/progress", coachOf, s.getProgress, false},
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
