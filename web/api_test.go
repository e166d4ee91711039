package web

import (
	"encoding/json"
	"fmt"
	"net/http"
	"strings"
	"testing"

	"github.com/backload/backload"
)

func TestHealthz(t *testing.T) {
	ts := newTestServer(t)
	status, body := ts.anonymous(t).do("GET", "/healthz", nil)
	if status != 200 || strings.TrimSpace(string(body)) != `{"status":"ok"}` {
		t.Errorf("%d %s", status, body)
	}
}

func TestSignUpAndLogIn(t *testing.T) {
	ts := newTestServer(t)
	anon := ts.anonymous(t)
	t.Run("ErrPasswordShort", func(t *testing.T) {
		status, body := anon.do("POST", "/api/v1/signup", `{"email": "a@example.com", "password": "short"}`)
		wantError(t, status, body, 400, "password")
	})
	t.Run("ErrEmail", func(t *testing.T) {
		status, body := anon.do("POST", "/api/v1/signup", `{"email": "nope", "password": "correct horse battery"}`)
		wantError(t, status, body, 400, "email")
	})
	t.Run("ErrRole", func(t *testing.T) {
		status, body := anon.do("POST", "/api/v1/signup", `{"email": "r@example.com", "password": "correct horse battery", "role": "admin"}`)
		wantError(t, status, body, 400, "role")
	})
	a := ts.signUp(t, "a@example.com", "")
	if a.user.Role != backload.Lifter || a.user.ID == 0 {
		t.Errorf("user %+v", a.user)
	}
	t.Run("ErrTaken", func(t *testing.T) {
		status, body := anon.do("POST", "/api/v1/signup", `{"email": "A@example.com", "password": "correct horse battery"}`)
		wantError(t, status, body, 409, "email")
	})
	t.Run("CookieLogIn", func(t *testing.T) {
		c := ts.anonymous(t)
		if status, body := c.do("GET", "/api/v1/account", nil); status != 401 {
			t.Errorf("before log-in: %d %s", status, body)
		}
		status, body := c.do("POST", "/api/v1/login", `{"email": "a@example.com", "password": "correct horse battery"}`)
		if status != 200 {
			t.Fatalf("login: %d %s", status, body)
		}
		if status, _ := c.do("GET", "/api/v1/account", nil); status != 200 {
			t.Errorf("after log-in: %d", status)
		}
		if status, _ := c.do("POST", "/api/v1/logout", nil); status != 204 {
			t.Errorf("logout: %d", status)
		}
		if status, _ := c.do("GET", "/api/v1/account", nil); status != 401 {
			t.Errorf("after log-out: %d", status)
		}
	})
	t.Run("TokenRevoked", func(t *testing.T) {
		status, body := a.do("GET", "/api/v1/tokens", nil)
		var list struct{ Tokens []struct{ ID int64 } }
		json.Unmarshal(body, &list)
		if status != 200 || len(list.Tokens) != 1 {
			t.Fatalf("tokens: %d %s", status, body)
		}
		other := ts.signUp(t, "other@example.com", "")
		if status, _ := other.do("DELETE", fmt.Sprintf("/api/v1/tokens/%d", list.Tokens[0].ID), nil); status != 404 {
			t.Errorf("another user revoking a's token: %d", status)
		}
		if status, _ := a.do("DELETE", fmt.Sprintf("/api/v1/tokens/%d", list.Tokens[0].ID), nil); status != 204 {
			t.Errorf("revoke: %d", status)
		}
		if status, _ := a.do("GET", "/api/v1/account", nil); status != 401 {
			t.Errorf("revoked token still works: %d", status)
		}
	})
}

func TestLogInRateLimit(t *testing.T) {
	ts := newTestServer(t)
	ts.signUp(t, "a@example.com", "")
	anon := ts.anonymous(t)
	for i := range 5 {
		status, body := anon.do("POST", "/api/v1/login", `{"email": "a@example.com", "password": "wrong password!"}`)
		wantError(t, status, body, 401, "")
		_ = i
	}
	status, body := anon.do("POST", "/api/v1/login", `{"email": "a@example.com", "password": "correct horse battery"}`)
	wantError(t, status, body, 429, "")
	// Guessing across many accounts is limited per address.
	for i := range 15 {
		status, body := anon.do("POST", "/api/v1/login", fmt.Sprintf(`{"email": "ghost%d@example.com", "password": "whatever123"}`, i))
		wantError(t, status, body, 401, "")
	}
	status, body = anon.do("POST", "/api/v1/tokens", `{"email": "b@example.com", "password": "whatever123"}`)
	wantError(t, status, body, 429, "")
}

func TestSessionsCRUD(t *testing.T) {
	ts := newTestServer(t)
	a := ts.signUp(t, "a@example.com", "")
	status, body := a.do("POST", "/api/v1/sessions", fmt.Sprintf(sampleSession, "Lower"))
	if status != 201 {
		t.Fatalf("create: %d %s", status, body)
	}
	var created backload.Session
	json.Unmarshal(body, &created)
	if created.ID == 0 || created.Exercises[0].ExerciseID != "barbell-back-squat" || created.Source != "api" {
		t.Errorf("created %+v", created)
	}
	status, body = a.do("POST", "/api/v1/sessions", fmt.Sprintf(sampleSession, "Lower"))
	wantError(t, status, body, 409, "")

	status, body = a.do("GET", "/api/v1/sessions?from=2026-11-20&to=2026-11-20", nil)
	var list struct{ Sessions []backload.Session }
	json.Unmarshal(body, &list)
	if status != 200 || len(list.Sessions) != 1 {
		t.Errorf("list: %d %s", status, body)
	}
	status, body = a.do("GET", "/api/v1/sessions?from=2026-11-21", nil)
	json.Unmarshal(body, &list)
	if status != 200 || len(list.Sessions) != 0 {
		t.Errorf("list from the next day: %d %s", status, body)
	}
	path := fmt.Sprintf("/api/v1/sessions/%d", created.ID)
	if status, body := a.do("PUT", path, fmt.Sprintf(sampleSession, "Renamed")); status != 200 || !strings.Contains(string(body), "Renamed") {
		t.Errorf("put: %d %s", status, body)
	}
	if status, body := a.do("GET", path, nil); status != 200 || !strings.Contains(string(body), "Renamed") {
		t.Errorf("get: %d %s", status, body)
	}
	if status, _ := a.do("DELETE", path, nil); status != 204 {
		t.Errorf("delete: %d", status)
	}
	status, body = a.do("GET", path, nil)
	wantError(t, status, body, 404, "")
}

func TestCheckInAndToday(t *testing.T) {
	ts := newTestServer(t)
	a := ts.signUp(t, "a@example.com", "")
	a.do("POST", "/api/v1/sessions", fmt.Sprintf(sampleSession, "Lower"))
	status, body := a.do("GET", "/api/v1/today", nil)
	wantError(t, status, body, 400, "")

	status, body = a.do("POST", "/api/v1/checkins", `{"pain": 6, "session_pain": 4, "morning_change": 1}`)
	if status != 201 || !strings.Contains(string(body), `"zone":"red"`) {
		t.Fatalf("checkin: %d %s", status, body)
	}
	status, body = a.do("GET", "/api/v1/today", nil)
	var today backload.AdaptResponse
	json.Unmarshal(body, &today)
	if status != 200 || today.Zone != backload.Red || today.Items[0].Action != backload.ActionReduce {
		t.Errorf("today: %d %s", status, body)
	}
	status, body = a.do("GET", "/api/v1/checkins?from=2000-01-01", nil)
	if status != 200 || !strings.Contains(string(body), `"pain":6`) {
		t.Errorf("checkins: %d %s", status, body)
	}
}

func TestBadInputIsAJSONError(t *testing.T) {
	ts := newTestServer(t)
	a := ts.signUp(t, "a@example.com", "")
	tests := []struct {
		method, path string
		body         any
		status       int
		field        string
	}{
		{"POST", "/api/v1/checkins", `{"pain": 11}`, 400, "pain"},
		{"POST", "/api/v1/checkins", `{"pain": 3, "red_flags": ["headache"]}`, 400, "red_flags[0]"},
		{"POST", "/api/v1/checkins", `{"pain":`, 400, ""},
		{"POST", "/api/v1/sessions", `{"title": "no start"}`, 400, "started_at"},
		{"POST", "/api/v1/sessions", `{"started_at": "2026-11-20T07:00:00Z", "exercises": [{"input": "Squat", "sets": [{"kind": "working", "weight_kg": 5000}]}]}`, 400, "exercises[0].sets[0].weight_kg"},
		{"POST", "/api/v1/adapt", `{"checkin": {"pain": 11}, "session": []}`, 400, "checkin.pain"},
		{"POST", "/api/v1/ramp", `{"lifts": []}`, 400, "lifts"},
		{"GET", "/api/v1/classify", nil, 400, "name"},
		{"GET", "/api/v1/exercises?class=heavy", nil, 400, "class"},
		{"GET", "/api/v1/sessions?from=yesterday", nil, 400, "from"},
		{"GET", "/api/v1/sessions?from=2026-02-01&to=2026-01-01", nil, 400, "to"},
		{"GET", "/api/v1/checkins?to=1/2/2026", nil, 400, "to"},
		{"PATCH", "/api/v1/account", `{"units": "stone"}`, 400, "units"},
		{"PATCH", "/api/v1/account", `{"time_zone": "Mars/Olympus"}`, 400, "time_zone"},
		{"POST", "/api/v1/account/password", `{"current": "wrong", "new": "another long one"}`, 400, "current"},
		{"DELETE", "/api/v1/account", `{"password": "wrong"}`, 400, "password"},
		{"GET", "/api/v1/sessions/abc", nil, 404, ""},
		{"GET", "/api/v1/sessions/999999", nil, 404, ""},
		{"POST", "/api/v1/invites/accept", `{"token": "inv_nope"}`, 403, ""},
		{"POST", "/api/v1/imports", `{}`, 400, "file"},
		{"POST", "/api/v1/sessions", strings.Repeat(" ", 2<<20), 413, "body"},
		{"POST", "/api/v1/checkins", strings.Repeat("[", 100000), 400, ""},
		{"POST", "/api/v1/checkins", "\xff\xfe{}", 400, ""},
	}
	for _, tc := range tests {
		t.Run(tc.method+" "+tc.path, func(t *testing.T) {
			status, body := a.do(tc.method, tc.path, tc.body)
			wantError(t, status, body, tc.status, tc.field)
		})
	}
}

func TestCrossOriginPostIsRefused(t *testing.T) {
	ts := newTestServer(t)
	a := ts.signUp(t, "a@example.com", "")
	for _, path := range []string{"/api/v1/checkins", "/api/v1/signup", "/api/v1/sessions"} {
		status, _ := a.do("POST", path, `{"pain": 3}`, "Origin", "https://evil.example", "Sec-Fetch-Site", "cross-site")
		if status != http.StatusForbidden {
			t.Errorf("forged POST %s: %d, want 403", path, status)
		}
	}
	if status, _ := a.do("POST", "/api/v1/checkins", `{"pain": 3}`, "Origin", ts.URL, "Sec-Fetch-Site", "same-origin"); status != 201 {
		t.Errorf("same-origin POST: %d", status)
	}
}

const strongCSV = "Date,Workout Name,Duration,Exercise Name,Set Order,Weight,Reps,Distance,Seconds,Notes,Workout Notes,RPE\n" +
	"2026-01-10 10:00:00,\"Legs\",1h,\"Squat (Barbell)\",W,60,5,0,0,,,\n" +
	"2026-01-10 10:00:00,\"Legs\",1h,\"Squat (Barbell)\",1,100,5,0,0,,,8.5\n" +
	"2026-01-10 10:00:00,\"Legs\",1h,\"Squat (Barbell)\",Rest Timer,0,0,0,90,,,\n"

func TestImportUpload(t *testing.T) {
	ts := newTestServer(t)
	a := ts.signUp(t, "a@example.com", "")
	status, body := a.upload("/api/v1/imports", "strong.csv", []byte(strongCSV), map[string]string{"format": "auto", "unit": "kg"})
	if status != 200 || !strings.Contains(string(body), `"sets_added":2`) || !strings.Contains(string(body), `"warmups":1`) ||
		!strings.Contains(string(body), `"reason"`) {
		t.Fatalf("import: %d %s", status, body)
	}
	status, body = a.upload("/api/v1/imports", "strong.csv", []byte(strongCSV), nil)
	if status != 200 || !strings.Contains(string(body), `"sets_added":0`) {
		t.Errorf("second import: %d %s", status, body)
	}
	bad := strings.Replace(strongCSV, ",100,5,", ",abc,5,", 1)
	status, body = a.upload("/api/v1/imports", "bad.csv", []byte(bad), nil)
	wantError(t, status, body, 422, "line 3, column Weight")
	status, body = a.upload("/api/v1/imports", "x.csv", []byte(strongCSV), map[string]string{"unit": "stone"})
	wantError(t, status, body, 400, "unit")

	status, body = a.do("GET", "/api/v1/export", nil)
	if status != 200 || !strings.Contains(string(body), `"version": 1`) && !strings.Contains(string(body), `"version":1`) {
		t.Errorf("export: %d %s", status, body)
	}
}

func TestDeleteAccountRemovesEverything(t *testing.T) {
	ts := newTestServer(t)
	a := ts.signUp(t, "a@example.com", "")
	a.do("POST", "/api/v1/sessions", fmt.Sprintf(sampleSession, "Lower"))
	a.do("POST", "/api/v1/checkins", `{"pain": 2}`)
	if status, body := a.do("DELETE", "/api/v1/account", `{"password": "correct horse battery"}`); status != 204 {
		t.Fatalf("delete: %d %s", status, body)
	}
	if status, _ := a.do("GET", "/api/v1/account", nil); status != 401 {
		t.Errorf("token of a deleted account: %d", status)
	}
	sessions, sets, _ := ts.db.Counts(t.Context())
	if sessions != 0 || sets != 0 {
		t.Errorf("%d sessions and %d sets left", sessions, sets)
	}
	// The email is free again.
	ts.signUp(t, "a@example.com", "")
}

func TestUnknownAPIPathIsJSON(t *testing.T) {
	ts := newTestServer(t)
	status, body := ts.anonymous(t).do("GET", "/api/v1/nothing-here", nil)
	wantError(t, status, body, 404, "")
}

func TestMetricsByRoutePattern(t *testing.T) {
	ts := newTestServer(t)
	a := ts.signUp(t, "a@example.com", "")
	a.do("GET", "/api/v1/sessions/12345", nil)
	status, body := a.do("GET", "/metrics", nil)
	if status != 200 || !strings.Contains(string(body), `route="GET /api/v1/sessions/{id}"`) || strings.Contains(string(body), "12345") {
		t.Errorf("metrics: %d, by pattern? %v", status, strings.Contains(string(body), "{id}"))
	}
}
