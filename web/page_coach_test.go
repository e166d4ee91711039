package web

import (
	"encoding/json"
	"fmt"
	"html"
	"regexp"
	"strings"
	"testing"

	"github.com/backload/backload"
)

// coachInvite has the lifter invite the coach, and the coach accept.
func coachInvite(t *testing.T, lifter, coach *client) {
	t.Helper()
	status, body := lifter.do("POST", "/api/v1/invites", `{"note": "coach"}`)
	if status != 201 {
		t.Fatalf("invite: %d %s", status, body)
	}
	var inv struct{ Token string }
	json.Unmarshal(body, &inv)
	if status, body := coach.do("POST", "/api/v1/invites/accept", fmt.Sprintf(`{"token": %q}`, inv.Token)); status != 200 {
		t.Fatalf("accept: %d %s", status, body)
	}
}

func coachSessionOf(t *testing.T, c *client, title string) int64 {
	t.Helper()
	status, body := c.do("POST", "/api/v1/sessions", fmt.Sprintf(sampleSession, title))
	if status != 201 {
		t.Fatalf("session: %d %s", status, body)
	}
	var s backload.Session
	json.Unmarshal(body, &s)
	return s.ID
}

func TestCoachPages(t *testing.T) {
	ts := newTestServer(t)
	coach := ts.signUp(t, "coach@example.com", backload.Coach)
	red := ts.signUp(t, "red@example.com", backload.Lifter)
	flagged := ts.signUp(t, "flagged@example.com", backload.Lifter)
	green := ts.signUp(t, "green@example.com", backload.Lifter)
	amber := ts.signUp(t, "amber@example.com", backload.Lifter)
	quiet := ts.signUp(t, "quiet@example.com", backload.Lifter)
	other := ts.signUp(t, "other@example.com", backload.Lifter)
	for _, l := range []*client{quiet, green, amber, red, flagged} {
		coachInvite(t, l, coach)
	}
	redSession := coachSessionOf(t, red, "Heavy legs")
	otherSession := coachSessionOf(t, other, "Not yours")
	for c, checkin := range map[*client]string{
		red:     `{"pain": 7, "note": "bad night"}`,
		flagged: `{"pain": 2, "red_flags": ["fever"]}`,
		green:   `{"pain": 1}`,
		amber:   `{"pain": 4}`,
		other:   `{"pain": 9}`,
	} {
		if status, body := c.do("POST", "/api/v1/checkins", checkin); status != 201 {
			t.Fatalf("check-in: %d %s", status, body)
		}
	}

	t.Run("List", func(t *testing.T) {
		status, body := coach.do("GET", "/coach", nil)
		if status != 200 {
			t.Fatalf("GET /coach: %d %s", status, body)
		}
		page := string(body)
		rows := regexp.MustCompile(`data-testid="coach-lifter" data-zone="(\w+)">\s*<a href="/coach/\d+">\s*<span class="coach-name">([^<]+)<`).
			FindAllStringSubmatch(page, -1)
		var got []string
		for _, r := range rows {
			got = append(got, r[2]+":"+r[1])
		}
		want := []string{"flagged@example.com:green", "red@example.com:red", "amber@example.com:amber",
			"green@example.com:green", "quiet@example.com:none"}
		if fmt.Sprint(got) != fmt.Sprint(want) {
			t.Errorf("rows %v, want %v", got, want)
		}
		for _, w := range []string{"One lifter has reported symptoms that need a clinician", "Needs a clinician", "No check-in yet",
			"In a flare-up since", `aria-current="page"`} {
			if !strings.Contains(page, w) {
				t.Errorf("list lacks %q", w)
			}
		}
		if strings.Contains(page, "other@example.com") {
			t.Error("the list shows a lifter who did not invite the coach")
		}
	})

	t.Run("Lifter", func(t *testing.T) {
		status, body := coach.do("GET", fmt.Sprintf("/coach/%d", red.user.ID), nil)
		if status != 200 {
			t.Fatalf("lifter page: %d %s", status, body)
		}
		page := string(body)
		for _, w := range []string{`data-testid="coach-lifter-today"`, "Viewing red@example.com as their coach",
			fmt.Sprintf(`/coach/%d/sessions/%d`, red.user.ID, redSession), "Heavy legs", "Pain now 7/10", "bad night",
			"Lighter today", "Squat", `class="item reduce"`} {
			if !strings.Contains(page, w) {
				t.Errorf("lifter page lacks %q", w)
			}
		}
		if strings.Contains(page, "<form") && strings.Contains(page, `method="post"`) {
			t.Error("the coach's view of a lifter has a form that writes")
		}
	})

	t.Run("Clinician", func(t *testing.T) {
		_, body := coach.do("GET", fmt.Sprintf("/coach/%d", flagged.user.ID), nil)
		page := string(body)
		if !strings.Contains(page, html.EscapeString(backload.SeeClinician.Advice())) || strings.Contains(page, `class="items"`) {
			t.Error("a red flag does not show only the clinician's message")
		}
		if !strings.Contains(page, "fever, chills") {
			t.Error("the reported symptom is not shown")
		}
	})

	t.Run("NoCheckIn", func(t *testing.T) {
		status, body := coach.do("GET", fmt.Sprintf("/coach/%d", quiet.user.ID), nil)
		if status != 200 || !strings.Contains(string(body), "No check-in yet, so there is no plan for today") {
			t.Errorf("lifter without a check-in: %d", status)
		}
	})

	t.Run("Session", func(t *testing.T) {
		status, body := coach.do("GET", fmt.Sprintf("/coach/%d/sessions/%d", red.user.ID, redSession), nil)
		page := string(body)
		if status != 200 || !strings.Contains(page, "Heavy legs") || !strings.Contains(page, "Working · 140 kg × 5 · RPE 8.5") ||
			!strings.Contains(page, "Heavy spinal loading") {
			t.Errorf("session page: %d %s", status, page)
		}
	})

	t.Run("NothingElse", func(t *testing.T) {
		for _, p := range []string{
			fmt.Sprintf("/coach/%d", other.user.ID),
			fmt.Sprintf("/coach/%d/sessions/%d", other.user.ID, otherSession),
			fmt.Sprintf("/coach/%d/sessions/%d", red.user.ID, otherSession),
			"/coach/abc",
		} {
			status, body := coach.do("GET", p, nil)
			if status != 404 || strings.Contains(string(body), "Not yours") || strings.Contains(string(body), "other@example.com") {
				t.Errorf("%s: %d", p, status)
			}
		}
		// A lifter is not anyone's coach.
		if status, _ := green.do("GET", fmt.Sprintf("/coach/%d", red.user.ID), nil); status != 404 {
			t.Errorf("lifter opening another lifter: %d", status)
		}
		status, body := green.do("GET", "/coach", nil)
		if status != 200 || !strings.Contains(string(body), "This page is for coach accounts") {
			t.Errorf("lifter on /coach: %d", status)
		}
	})
}

func TestCoachSeesTheLiftersPlan(t *testing.T) {
	w := newWorld(t)
	path := fmt.Sprintf("/coach/%d/plan", w.a.user.ID)
	if status, body := w.coach.do("GET", path, nil); status != 200 || !strings.Contains(string(body), "No flare") {
		t.Errorf("coach: %d %.300s", status, body)
	}
	for _, c := range []*client{w.b, w.stranger, w.ex} {
		if status, _ := c.do("GET", path, nil); status != 404 {
			t.Errorf("%s reading A's plan: %d", c.user.Email, status)
		}
	}
}
