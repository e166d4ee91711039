package web

import (
	"encoding/json"
	"fmt"
	"net/http"
	"net/url"
	"regexp"
	"strings"
	"testing"

	"github.com/backload/backload"
)

// settingsCookieLogin logs a fresh client in through the log-in form.
func settingsCookieLogin(t *testing.T, ts *testServer, email, password string) *client {
	t.Helper()
	c := ts.anonymous(t)
	status, _ := c.postForm("/login", url.Values{"email": {email}, "password": {password}})
	if status != http.StatusSeeOther {
		t.Fatalf("log in %s: %d", email, status)
	}
	return c
}

func settingsWant(t *testing.T, what string, status int, body string, wantStatus int, wants ...string) {
	t.Helper()
	if status != wantStatus {
		t.Errorf("%s: status %d, want %d\n%s", what, status, wantStatus, body)
		return
	}
	for _, w := range wants {
		if !strings.Contains(body, w) {
			t.Errorf("%s: no %q in\n%s", what, w, body)
		}
	}
}

func settingsAccount(t *testing.T, c *client) backload.User {
	t.Helper()
	var u backload.User
	_, body := c.do("GET", "/api/v1/account", nil)
	json.Unmarshal(body, &u)
	return u
}

func TestSettingsPage(t *testing.T) {
	ts := newTestServer(t)
	a := ts.signUp(t, "a@example.com", backload.Lifter)
	status, body := a.getPage("/settings")
	settingsWant(t, "settings", status, body, 200, `data-testid="settings-units"`, "a@example.com", `data-testid="token-create"`,
		`data-testid="invite-create"`, `data-testid="export-json"`, `data-testid="delete-account"`, `action="/logout"`,
		`aria-current="page"`, "default: 2.5 kg, or 5 lb", `<option value="UTC" selected>`)
	if status, _ := ts.anonymous(t).do("GET", "/settings", nil); status != http.StatusSeeOther {
		t.Errorf("anonymous: %d", status)
	}
}

func TestSettingsPreferences(t *testing.T) {
	ts := newTestServer(t)
	a := ts.signUp(t, "a@example.com", backload.Lifter)
	status, body := a.postForm("/settings/preferences", url.Values{"units": {"lb"}, "plate_step": {"2,5"}, "time_zone": {"Europe/Berlin"}})
	if status != http.StatusSeeOther || !strings.HasPrefix(a.header.Get("Location"), "/settings?ok=") {
		t.Fatalf("save: %d %q %s", status, a.header.Get("Location"), body)
	}
	if loc := a.header.Get("Location"); !strings.Contains(loc, "plate+step") {
		t.Errorf("a unit change with a plate step should remind of it: %q", loc)
	}
	if u := settingsAccount(t, a); u.Units != backload.Pounds || u.PlateStep != 2.5 || u.TimeZone != "Europe/Berlin" {
		t.Errorf("stored %+v", u)
	}
	status, body = a.getPage("/settings")
	settingsWant(t, "page after save", status, body, 200, `<option value="lb" selected>`, `<option value="Europe/Berlin" selected>`, `value="2.5"`)

	// The typed zone wins over the list; a zone not in the list is shown
	// in the text field.
	if status, body := a.postForm("/settings/preferences", url.Values{"units": {"lb"}, "plate_step": {""}, "time_zone": {"UTC"}, "time_zone_other": {"America/Regina"}}); status != http.StatusSeeOther {
		t.Errorf("typed zone: %d %s", status, body)
	}
	if u := settingsAccount(t, a); u.TimeZone != "America/Regina" || u.PlateStep != 0 {
		t.Errorf("typed zone: %+v", u)
	}
	status, body = a.getPage("/settings")
	settingsWant(t, "other zone", status, body, 200, `value="America/Regina"`, `<option value="" selected>`)

	for name, form := range map[string]url.Values{
		"time_zone":  {"units": {"kg"}, "plate_step": {"0"}, "time_zone_other": {"Mars/Olympus"}},
		"plate_step": {"units": {"kg"}, "plate_step": {"heavy"}, "time_zone": {"UTC"}},
		"units":      {"units": {"stone"}, "plate_step": {"0"}, "time_zone": {"UTC"}},
	} {
		status, body := a.postForm("/settings/preferences", form)
		settingsWant(t, name, status, body, 400, `role="alert"`, `aria-describedby="`+name+`-error"`, `id="`+name+`-error"`)
	}
	if u := settingsAccount(t, a); u.TimeZone != "America/Regina" || u.Units != backload.Pounds {
		t.Errorf("a refused form changed the settings: %+v", u)
	}
	_, body = a.postForm("/settings/preferences", url.Values{"units": {"kg"}, "plate_step": {"0"}, "time_zone_other": {"Mars/Olympus"}})
	if !strings.Contains(body, `value="Mars/Olympus"`) {
		t.Errorf("a refused form should keep what was typed")
	}
}

func TestSettingsPassword(t *testing.T) {
	ts := newTestServer(t)
	ts.signUp(t, "a@example.com", backload.Lifter)
	here := settingsCookieLogin(t, ts, "a@example.com", "correct horse battery")
	there := settingsCookieLogin(t, ts, "a@example.com", "correct horse battery")

	status, body := here.postForm("/settings/password", url.Values{"current": {"wrong password!"}, "new": {"a brand new passphrase"}})
	settingsWant(t, "wrong current", status, body, 400, "Current password is wrong", `aria-describedby="current-error"`)
	status, body = here.postForm("/settings/password", url.Values{"current": {"correct horse battery"}, "new": {"short"}})
	settingsWant(t, "short new", status, body, 400, "New password must be at least 10 characters")
	status, _ = here.postForm("/settings/password", url.Values{"current": {"correct horse battery"}, "new": {"a brand new passphrase"}})
	if status != http.StatusSeeOther || !strings.Contains(here.header.Get("Location"), "ok=Password+changed") {
		t.Fatalf("change: %d %q", status, here.header.Get("Location"))
	}
	if status, _ := here.getPage("/settings"); status != 200 {
		t.Errorf("this log-in should stay: %d", status)
	}
	if status, _ := there.getPage("/settings"); status != http.StatusSeeOther {
		t.Errorf("the other log-in should end: %d", status)
	}
	settingsCookieLogin(t, ts, "a@example.com", "a brand new passphrase")
}

func TestSettingsTokens(t *testing.T) {
	ts := newTestServer(t)
	a := ts.signUp(t, "a@example.com", backload.Lifter)
	b := ts.signUp(t, "b@example.com", backload.Lifter)
	status, body := a.postForm("/settings/tokens", url.Values{"name": {"laptop"}})
	settingsWant(t, "create", status, body, 200, `data-testid="token-value"`, "Copy it now", "laptop")
	m := regexp.MustCompile(`data-testid="token-value"[^>]*>(bl_[^<]+)</textarea>`).FindStringSubmatch(body)
	if m == nil {
		t.Fatalf("no token in %s", body)
	}
	laptop := &client{t: t, ts: ts, http: ts.anonymous(t).http, token: m[1]}
	if u := settingsAccount(t, laptop); u.Email != "a@example.com" {
		t.Fatalf("the new token does not work: %+v", u)
	}
	status, body = a.getPage("/settings")
	settingsWant(t, "list", status, body, 200, "laptop", "last used")
	if strings.Contains(body, m[1]) {
		t.Error("the token is shown again")
	}
	var list struct{ Tokens []struct{ ID int64 } }
	_, raw := a.do("GET", "/api/v1/tokens", nil)
	json.Unmarshal(raw, &list)
	id := list.Tokens[0].ID
	if status, _ := b.postForm(fmt.Sprintf("/settings/tokens/%d/revoke", id), nil); status != 404 {
		t.Errorf("b revoking a's token: %d", status)
	}
	if status, _ := a.postForm(fmt.Sprintf("/settings/tokens/%d/revoke", id), nil); status != http.StatusSeeOther {
		t.Errorf("revoke: %d", status)
	}
	if status, _ := laptop.do("GET", "/api/v1/account", nil); status != 401 {
		t.Errorf("a revoked token still works: %d", status)
	}
	status, body = a.postForm("/settings/tokens", url.Values{"name": {strings.Repeat("x", 101)}})
	settingsWant(t, "long name", status, body, 400, "Token name must be at most 100 characters")
}

func TestSettingsInvites(t *testing.T) {
	ts := newTestServer(t)
	a := ts.signUp(t, "a@example.com", backload.Lifter)
	b := ts.signUp(t, "b@example.com", backload.Lifter)
	coach := ts.signUp(t, "coach@example.com", backload.Coach)
	other := ts.signUp(t, "other@example.com", backload.Coach)

	status, body := a.postForm("/settings/invites", url.Values{"note": {"Sam the physio"}})
	settingsWant(t, "create", status, body, 200, `data-testid="invite-link"`, "Copy it now", "Sam the physio", "Waiting for a coach")
	m := regexp.MustCompile(`data-testid="invite-link"[^>]*>([^<]+)</textarea>`).FindStringSubmatch(body)
	if m == nil || !strings.HasPrefix(m[1], ts.URL+"/invite/inv_") {
		t.Fatalf("invite link: %v", m)
	}
	path := strings.TrimPrefix(m[1], ts.URL)

	status, body = ts.anonymous(t).getPage(path)
	settingsWant(t, "visitor", status, body, 200, "/login?next="+url.QueryEscape(path), "coach account")
	if strings.Contains(body, "a@example.com") {
		t.Error("a visitor sees the lifter's email")
	}
	if status, _ := ts.anonymous(t).postForm(path, nil); status != http.StatusSeeOther {
		t.Errorf("visitor accepting: %d", status)
	}
	status, body = b.getPage(path)
	settingsWant(t, "lifter", status, body, 403, "Only coach accounts")
	if strings.Contains(body, "a@example.com") {
		t.Error("another lifter sees the lifter's email")
	}
	status, body = b.postForm(path, nil)
	settingsWant(t, "lifter accepting", status, body, 403, "Only coach accounts")
	status, body = a.getPage(path)
	settingsWant(t, "own link", status, body, 200, "your own invite link")
	status, body = coach.getPage(path)
	settingsWant(t, "coach", status, body, 200, "Coach a@example.com?", `data-testid="invite-accept"`)

	status, _ = coach.postForm(path, nil)
	if status != http.StatusSeeOther || !strings.HasPrefix(coach.header.Get("Location"), "/coach") {
		t.Fatalf("accept: %d %q", status, coach.header.Get("Location"))
	}
	if status, _ := coach.do("GET", fmt.Sprintf("/api/v1/lifters/%d/sessions", a.user.ID), nil); status != 200 {
		t.Errorf("coach after accepting: %d", status)
	}
	status, body = coach.getPage(path)
	settingsWant(t, "accepted", status, body, 200, "You already coach a@example.com")
	status, body = other.getPage(path)
	settingsWant(t, "taken", status, body, 409, "already been used")
	status, body = a.getPage("/settings")
	settingsWant(t, "listed", status, body, 200, "coach@example.com accepted it")

	var list struct{ Invites []struct{ ID int64 } }
	_, raw := a.do("GET", "/api/v1/invites", nil)
	json.Unmarshal(raw, &list)
	if status, _ := a.postForm(fmt.Sprintf("/settings/invites/%d/revoke", list.Invites[0].ID), nil); status != http.StatusSeeOther {
		t.Errorf("revoke: %d", status)
	}
	if status, _ := coach.do("GET", fmt.Sprintf("/api/v1/lifters/%d/sessions", a.user.ID), nil); status != 404 {
		t.Errorf("coach after revoking: %d", status)
	}
	status, body = coach.getPage(path)
	settingsWant(t, "revoked", status, body, 404, "no longer works")
	status, body = a.getPage("/settings")
	settingsWant(t, "listed revoked", status, body, 200, "Revoked")
}

func TestSettingsExport(t *testing.T) {
	ts := newTestServer(t)
	a := ts.signUp(t, "a@example.com", backload.Lifter)
	a.do("POST", "/api/v1/sessions", fmt.Sprintf(sampleSession, "Lower"))
	status, body := a.getPage("/settings/export")
	if status != 200 || !strings.Contains(a.header.Get("Content-Disposition"), "attachment") || !strings.Contains(body, "Squat (Barbell)") {
		t.Errorf("json: %d %q %s", status, a.header.Get("Content-Disposition"), body)
	}
	status, body = a.getPage("/settings/export?format=csv")
	if status != 200 || !strings.HasPrefix(a.header.Get("Content-Type"), "text/csv") || !strings.HasPrefix(body, "date,time,title,exercise") ||
		!strings.Contains(body, "Lower") {
		t.Errorf("csv: %d %q %s", status, a.header.Get("Content-Type"), body)
	}
}

func TestSettingsDelete(t *testing.T) {
	ts := newTestServer(t)
	a := ts.signUp(t, "a@example.com", backload.Lifter)
	b := settingsCookieLogin(t, ts, "a@example.com", "correct horse battery")
	status, body := b.postForm("/settings/delete", url.Values{"password": {"not my password"}})
	settingsWant(t, "wrong password", status, body, 400, "Password is wrong: your account was not deleted")
	status, body = b.postForm("/settings/delete", nil)
	settingsWant(t, "no password", status, body, 400, "Password is required")
	if u := settingsAccount(t, a); u.Email != "a@example.com" {
		t.Fatal("deleted on a wrong password")
	}
	status, _ = b.postForm("/settings/delete", url.Values{"password": {"correct horse battery"}})
	if status != http.StatusSeeOther || !strings.HasPrefix(b.header.Get("Location"), "/welcome?ok=") {
		t.Errorf("delete the only account: %d %q", status, b.header.Get("Location"))
	}
	if status, _ := a.do("GET", "/api/v1/account", nil); status != 401 {
		t.Errorf("account still there: %d", status)
	}

	ts.signUp(t, "c@example.com", backload.Lifter)
	d := ts.signUp(t, "d@example.com", backload.Lifter)
	d.postForm("/settings/delete", url.Values{"password": {"correct horse battery"}})
	if loc := d.header.Get("Location"); !strings.HasPrefix(loc, "/login?ok=") {
		t.Errorf("delete with others left: %q", loc)
	}
}
