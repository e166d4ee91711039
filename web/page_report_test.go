package web

import (
	"fmt"
	"net/http"
	"net/http/httptest"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/backload/backload"
	"github.com/backload/backload/report"
)

// reportHistory gives c a flare and a return: squats before it, a red day
// ten days ago, calm days since, light squats during the return, and notes
// on a session and a check-in.
func reportHistory(c *client) {
	c.t.Helper()
	c.todayAddSession("Legs", 20, 140)
	c.todayCheckInOn(10, 7)
	for d := 9; d >= 7; d-- {
		c.todayCheckInOn(d, 1)
	}
	started := time.Now().UTC().AddDate(0, 0, -1).Add(-time.Hour).Format(time.RFC3339)
	body := fmt.Sprintf(`{"started_at": %q, "title": "Return", "notes": "Felt steady & calm",
		"exercises": [{"input": "Squat (Barbell)", "notes": "No pain at 80", "sets": [{"kind": "working", "weight_kg": 80, "reps": 5}]}]}`, started)
	if status, resp := c.do("POST", "/api/v1/sessions", body); status != http.StatusCreated {
		c.t.Fatalf("add session: %d %s", status, resp)
	}
	day := localToday(c.user).Format(time.DateOnly)
	if status, resp := c.do("POST", "/api/v1/checkins", map[string]any{"date": day, "pain": 2, "note": "Sitting <long> hurt"}); status != http.StatusCreated {
		c.t.Fatalf("check-in: %d %s", status, resp)
	}
}

func TestReportPage(t *testing.T) {
	ts := newTestServer(t)
	c := ts.signUp(t, "physio@example.com", backload.Lifter)
	reportHistory(c)
	from := localToday(c.user).AddDate(0, 0, -27).Format(time.DateOnly)
	page := c.todayGet("/report?from=" + from)
	todayWant(t, page, "@page { size: A4;", "@media print", "physio@example.com", "Back pain and training report",
		"Flare-up from", "Settled", "Return, week by week", "Squat (Barbell) 140 kg before, best since 80 kg",
		"Felt steady &amp; calm", "No pain at 80", "Sitting &lt;long&gt; hurt", "The return plan running now",
		`<svg xmlns="http://www.w3.org/2000/svg"`, `href="/progress?from=`+from)
	todayWantNot(t, page, "<script", "<nav", " style=", "<link")
	csp := c.header.Get("Content-Security-Policy")
	if !strings.Contains(csp, "style-src "+report.PhysioStyleHash()) || !strings.Contains(csp, "default-src 'none'") {
		t.Errorf("CSP %q", csp)
	}
	if ct := c.header.Get("Content-Type"); ct != "text/html; charset=utf-8" {
		t.Errorf("content type %q", ct)
	}
	if m := regexp.MustCompile(`(?s)<style>(.*?)</style>`).FindStringSubmatch(page); m == nil {
		t.Error("no inline style sheet")
	}

	status, body := c.getPage("/report?from=2026-02-30")
	if status != http.StatusBadRequest || !strings.Contains(body, "from") {
		t.Errorf("bad from: %d %.200s", status, body)
	}
	// A range in the past tells its own story: no flare, no plan running
	// now.
	old := c.todayGet("/report?to=" + localToday(c.user).AddDate(0, 0, -30).Format(time.DateOnly))
	todayWantNot(t, old, "The return plan running now", "Flare-up from")
	todayWant(t, c.todayGet("/report?range=all"), "Flare-up from")
}

func TestReportPageForCoach(t *testing.T) {
	w := newWorld(t)
	reportHistory(w.a)
	path := fmt.Sprintf("/coach/%d/report", w.a.user.ID)
	status, body := w.coach.do("GET", path, nil)
	if status != 200 || !strings.Contains(string(body), "a@example.com") || !strings.Contains(string(body), "Flare-up from") ||
		!strings.Contains(string(body), fmt.Sprintf(`href="/coach/%d/progress?`, w.a.user.ID)) {
		t.Errorf("coach: %d %.300s", status, body)
	}
	for _, c := range []*client{w.b, w.stranger, w.ex} {
		if status, body := c.do("GET", path, nil); status != 404 || strings.Contains(string(body), "a@example.com") {
			t.Errorf("%s reading A's report: %d", c.user.Email, status)
		}
	}
	// B's report through A's coach: not theirs to see.
	if status, _ := w.coach.do("GET", fmt.Sprintf("/coach/%d/report", w.b.user.ID), nil); status != 404 {
		t.Errorf("coach reading B's report: %d", status)
	}
	// The coach's own /report is their own, empty one.
	if status, body := w.coach.do("GET", "/report", nil); status != 200 || strings.Contains(string(body), "a@example.com") {
		t.Errorf("coach's own report: %d", status)
	}
	if status, _ := w.ts.anonymous(t).do("GET", "/report", nil); status != http.StatusSeeOther {
		t.Errorf("anonymous: %d, want a redirect to log in", status)
	}
}

// BenchmarkReport measures the physiotherapist report for a lifter with
// 200,000 sets (ten years): the default twelve weeks, and all of it, which
// also reads every session in full for its notes.
func BenchmarkReport(b *testing.B) {
	srv, token := benchServer(b)
	for _, q := range []string{"", "?range=all"} {
		b.Run("range="+strings.TrimPrefix(q, "?range="), func(b *testing.B) {
			for b.Loop() {
				req := httptest.NewRequest("GET", "/report"+q, nil)
				req.Header.Set("Authorization", "Bearer "+token)
				rec := httptest.NewRecorder()
				srv.ServeHTTP(rec, req)
				if rec.Code != http.StatusOK {
					b.Fatalf("%d %.300s", rec.Code, rec.Body)
				}
			}
		})
	}
}
