package web

import (
	"encoding/json"
	"fmt"
	"strings"
	"testing"

	"github.com/backload/backload"
)

// world is lifter A's data and the people who try to reach it: another
// lifter, a coach A invited, a coach A never invited, and a coach whose
// invite A revoked.
type world struct {
	ts                        *testServer
	a, b, coach, stranger, ex *client
	sessionID, tokenID        int64
	inviteID                  int64
}

// secret marks A's data, so any response that leaks it is caught.
const secret = "A-PRIVATE-7f3a"

func newWorld(t *testing.T) *world {
	ts := newTestServer(t)
	w := &world{ts: ts}
	w.a = ts.signUp(t, "a@example.com", backload.Lifter)
	w.b = ts.signUp(t, "b@example.com", backload.Lifter)
	w.coach = ts.signUp(t, "coach@example.com", backload.Coach)
	w.stranger = ts.signUp(t, "stranger@example.com", backload.Coach)
	w.ex = ts.signUp(t, "ex@example.com", backload.Coach)

	status, body := w.a.do("POST", "/api/v1/sessions", fmt.Sprintf(sampleSession, secret))
	if status != 201 {
		t.Fatalf("a's session: %d %s", status, body)
	}
	var s backload.Session
	json.Unmarshal(body, &s)
	w.sessionID = s.ID
	w.a.do("POST", "/api/v1/checkins", fmt.Sprintf(`{"pain": 4, "note": %q}`, secret))
	var toks struct{ Tokens []struct{ ID int64 } }
	_, body = w.a.do("GET", "/api/v1/tokens", nil)
	json.Unmarshal(body, &toks)
	w.tokenID = toks.Tokens[0].ID

	accept := func(coach *client) int64 {
		status, body := w.a.do("POST", "/api/v1/invites", `{"note": "`+secret+`"}`)
		var inv struct {
			ID    int64
			Token string
		}
		json.Unmarshal(body, &inv)
		if status != 201 {
			t.Fatalf("invite: %d %s", status, body)
		}
		if status, body := coach.do("POST", "/api/v1/invites/accept", fmt.Sprintf(`{"token": %q}`, inv.Token)); status != 200 {
			t.Fatalf("accept: %d %s", status, body)
		}
		return inv.ID
	}
	revoked := accept(w.ex)
	if status, _ := w.a.do("DELETE", fmt.Sprintf("/api/v1/invites/%d", revoked), nil); status != 204 {
		t.Fatal("revoke failed")
	}
	w.inviteID = accept(w.coach)
	return w
}

// path fills a route's pattern with A's ids.
func (w *world) path(pattern string) string {
	id := w.sessionID
	switch {
	case strings.HasPrefix(pattern, "/api/v1/tokens/"):
		id = w.tokenID
	case strings.HasPrefix(pattern, "/api/v1/invites/"):
		id = w.inviteID
	}
	p := strings.ReplaceAll(pattern, "{lifter}", fmt.Sprint(w.a.user.ID))
	return strings.ReplaceAll(p, "{id}", fmt.Sprint(id))
}

// bodies are requests that would succeed if the caller had access, so a
// refusal is about access, not a malformed body.
var bodies = map[string]string{
	"POST /api/v1/sessions":                  fmt.Sprintf(sampleSession, "intruder"),
	"PUT /api/v1/sessions/{id}":              fmt.Sprintf(sampleSession, "intruder"),
	"POST /api/v1/lifters/{lifter}/sessions": fmt.Sprintf(sampleSession, "intruder"),
	"POST /api/v1/checkins":                  `{"pain": 9}`,
	"DELETE /api/v1/account":                 `{"password": "correct horse battery"}`,
	"POST /api/v1/account/password":          `{"current": "correct horse battery", "new": "a brand new passphrase"}`,
	"PATCH /api/v1/account":                  `{"units": "lb"}`,
	"POST /api/v1/invites":                   `{"note": "x"}`,
	"POST /api/v1/invites/accept":            `{"token": "inv_unknown"}`,
	"POST /api/v1/tokens":                    `{"name": "x"}`,
	"POST /api/v1/login":                     `{"email": "a@example.com", "password": "wrong password"}`,
	"POST /api/v1/signup":                    `{"email": "new@example.com", "password": "correct horse battery"}`,
	"POST /api/v1/adapt":                     `{"checkin": {"pain": 2}, "session": []}`,
	"POST /api/v1/ramp":                      `{"lifts": [{"exercise": "Deadlift", "from": 60, "to": 100}]}`,
}

// TestAccessMatrix calls every registered route, as anonymous, another
// lifter, a coach without an invite and a coach whose invite was revoked,
// with A's ids in the path: no response may carry A's data, and A's data
// must be exactly as it was afterwards.
func TestAccessMatrix(t *testing.T) {
	w := newWorld(t)
	before := w.snapshot(t)
	callers := map[string]*client{
		"anonymous": w.ts.anonymous(t), "other lifter": w.b, "uninvited coach": w.stranger, "revoked coach": w.ex,
	}
	routes := w.ts.srv.routes
	n := 0
	for name, c := range callers {
		for _, rt := range routes {
			key := rt.method + " " + rt.pattern
			if rt.pattern == "/api/v1/account" && rt.method == "DELETE" && name != "anonymous" {
				continue // would delete the caller's own account, checked elsewhere
			}
			var body any
			if b, ok := bodies[key]; ok {
				body = b
			}
			status, resp := c.do(rt.method, w.path(rt.pattern), body)
			n++
			if strings.Contains(string(resp), secret) || strings.Contains(string(resp), "a@example.com") {
				t.Errorf("%s: %s leaks A's data: %d %s", name, key, status, resp)
			}
			if rt.access == coachOf && status != 404 && !(name == "anonymous" && (status == 401 || status == 303)) {
				t.Errorf("%s: %s answered %d, want 404 (or 401 anonymous)", name, key, status)
			}
			switch {
			case rt.access == signedIn && name == "anonymous" && rt.page:
				if status != 303 || !strings.HasPrefix(c.header.Get("Location"), "/login") {
					t.Errorf("anonymous: page %s answered %d to %q, want a redirect to /login", key, status, c.header.Get("Location"))
				}
			case rt.access == signedIn && name == "anonymous" && status != 401:
				t.Errorf("anonymous: %s answered %d, want 401", key, status)
			}
			if strings.Contains(rt.pattern, "{id}") && name != "anonymous" && status != 404 {
				t.Errorf("%s: %s on A's id answered %d, want 404", name, key, status)
			}
		}
	}
	t.Logf("access matrix: %d routes x %d callers = %d requests", len(routes), len(callers), n)
	if after := w.snapshot(t); after != before {
		t.Errorf("A's data changed:\nbefore %s\nafter  %s", before, after)
	}
}

// TestCoachSeesOnlyTheirLifters checks what the invited coach may do.
func TestCoachSeesOnlyTheirLifters(t *testing.T) {
	w := newWorld(t)
	base := fmt.Sprintf("/api/v1/lifters/%d", w.a.user.ID)
	for _, p := range []string{"/sessions", fmt.Sprintf("/sessions/%d", w.sessionID), "/checkins", "/today"} {
		status, body := w.coach.do("GET", base+p, nil)
		if status != 200 {
			t.Errorf("coach GET %s: %d %s", p, status, body)
		}
	}
	status, body := w.coach.do("GET", "/api/v1/lifters", nil)
	if status != 200 || !strings.Contains(string(body), "a@example.com") || strings.Contains(string(body), "b@example.com") {
		t.Errorf("lifters: %d %s", status, body)
	}
	status, body = w.coach.do("POST", base+"/sessions", fmt.Sprintf(sampleSession, "Plan from coach"))
	if status != 201 || !strings.Contains(string(body), `"source":"coach"`) {
		t.Errorf("coach plans a session: %d %s", status, body)
	}
	// B's data stays out of reach even for A's coach.
	if status, _ := w.coach.do("GET", fmt.Sprintf("/api/v1/lifters/%d/sessions", w.b.user.ID), nil); status != 404 {
		t.Errorf("coach reading B: %d", status)
	}
	// Lifters cannot accept invites; coaches cannot reuse another's.
	status, body = w.a.do("POST", "/api/v1/invites", `{}`)
	var inv struct{ Token string }
	json.Unmarshal(body, &inv)
	if status, _ := w.b.do("POST", "/api/v1/invites/accept", fmt.Sprintf(`{"token": %q}`, inv.Token)); status != 403 {
		t.Errorf("lifter accepting an invite: %d", status)
	}
	w.coach.do("POST", "/api/v1/invites/accept", fmt.Sprintf(`{"token": %q}`, inv.Token))
	if status, _ := w.stranger.do("POST", "/api/v1/invites/accept", fmt.Sprintf(`{"token": %q}`, inv.Token)); status != 409 {
		t.Errorf("second coach on a used invite: %d", status)
	}
	// Revoking ends access at once.
	w.a.do("DELETE", fmt.Sprintf("/api/v1/invites/%d", w.inviteID), nil)
	var list struct{ Invites []struct{ ID int64 } }
	_, body = w.a.do("GET", "/api/v1/invites", nil)
	json.Unmarshal(body, &list)
	for _, i := range list.Invites {
		w.a.do("DELETE", fmt.Sprintf("/api/v1/invites/%d", i.ID), nil)
	}
	if status, _ := w.coach.do("GET", base+"/sessions", nil); status != 404 {
		t.Errorf("after revoking: %d", status)
	}
}

// snapshot is A's data as A sees it.
func (w *world) snapshot(t *testing.T) string {
	var b strings.Builder
	for _, p := range []string{"/api/v1/sessions", "/api/v1/checkins", "/api/v1/tokens", "/api/v1/invites", "/api/v1/account"} {
		status, body := w.a.do("GET", p, nil)
		fmt.Fprintf(&b, "%s %d %s\n", p, status, body)
	}
	return b.String()
}
