package web

import (
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/backload/backload"
)

// todayGet fetches a page and fails the test unless it answers 200.
func (c *client) todayGet(path string) string {
	c.t.Helper()
	status, body := c.do("GET", path, nil)
	if status != http.StatusOK {
		c.t.Fatalf("GET %s: %d %s", path, status, body)
	}
	return string(body)
}

// todayAddSession stores a session of squats and leg presses, days ago.
func (c *client) todayAddSession(title string, daysAgo int, squatKg float64) {
	c.t.Helper()
	started := time.Now().UTC().AddDate(0, 0, -daysAgo).Add(-time.Hour).Format(time.RFC3339)
	body := fmt.Sprintf(`{"started_at": %q, "title": %q, "exercises": [
		{"input": "Squat (Barbell)", "sets": [{"kind": "warmup", "weight_kg": 60, "reps": 5},
			{"kind": "working", "weight_kg": %v, "reps": 5}, {"kind": "working", "weight_kg": %v, "reps": 5},
			{"kind": "working", "weight_kg": %v, "reps": 5}]},
		{"input": "Good Morning (Barbell)", "sets": [{"kind": "working", "weight_kg": 60, "reps": 8}]},
		{"input": "Leg Press", "sets": [{"kind": "working", "weight_kg": 200, "reps": 10}]}]}`,
		started, title, squatKg, squatKg, squatKg)
	if status, resp := c.do("POST", "/api/v1/sessions", body); status != http.StatusCreated {
		c.t.Fatalf("add session: %d %s", status, resp)
	}
}

// todayCheckInOn stores a check-in for a day relative to the lifter's today.
func (c *client) todayCheckInOn(daysAgo, pain int) {
	c.t.Helper()
	day := localToday(c.user).AddDate(0, 0, -daysAgo).Format(time.DateOnly)
	if status, resp := c.do("POST", "/api/v1/checkins", map[string]any{"date": day, "pain": pain}); status != http.StatusCreated {
		c.t.Fatalf("check-in: %d %s", status, resp)
	}
}

func todayWant(t *testing.T, body string, parts ...string) {
	t.Helper()
	for _, p := range parts {
		if !strings.Contains(body, p) {
			t.Errorf("page lacks %q", p)
		}
	}
}

func todayWantNot(t *testing.T, body string, parts ...string) {
	t.Helper()
	for _, p := range parts {
		if strings.Contains(body, p) {
			t.Errorf("page shows %q", p)
		}
	}
}

func todayForm(pain int, extra ...string) url.Values {
	f := url.Values{"pain": {fmt.Sprint(pain)}, "session_pain": {"0"}, "morning_change": {"0"}, "note": {""}, "flags_seen": {"0"}}
	for i := 0; i+1 < len(extra); i += 2 {
		if extra[i] == "red_flag" {
			f.Add(extra[i], extra[i+1])
		} else {
			f.Set(extra[i], extra[i+1])
		}
	}
	return f
}

func TestTodayPageFirstCheckIn(t *testing.T) {
	ts := newTestServer(t)
	c := ts.signUp(t, "first@example.com", backload.Lifter)
	c.todayAddSession("Legs", 2, 140)

	page := c.todayGet("/today")
	todayWant(t, page, `data-testid="checkin-form"`, `data-testid="pain-slider"`, `type="range"`, `name="pain"`,
		`data-testid="session-pain"`, `data-testid="morning-change"`, `data-testid="checkin-submit"`,
		`<label for="pain">`, "no pain", "worst pain", `name="red_flag" value="saddle-numbness"`,
		"Numbness around the groin", `name="flags_seen" id="flags-seen" value="1"`, "first check-in",
		`value="-1"`, `value="3"`, "Much worse", `aria-current="page"`)
	todayWantNot(t, page, `data-testid="adapted-item"`, `<details class="flags"`)

	status, _ := c.postForm("/today/checkin", todayForm(6, "flags_seen", "1"))
	if status != http.StatusSeeOther || !strings.HasPrefix(c.header.Get("Location"), "/today?ok=") {
		t.Fatalf("check-in: %d to %q, want 303 to /today", status, c.header.Get("Location"))
	}
	page = c.todayGet("/today")
	todayWant(t, page, `data-testid="zone"`, "Red day", "your pain now is 6/10",
		`data-action="reduce"`, `data-action="substitute"`, `data-action="add"`, `data-testid="item-why"`,
		"Adapted from <strong>Legs</strong>", "Instead of Good Morning (Barbell)", "Planned: 3 × 5 @ 140 kg",
		"RPE", "Why is my squat lighter today?", "Change today's check-in", "About today")
	todayWantNot(t, page, `data-testid="clinician-message"`)

	// The stored check-in went through the API's rules: one for today.
	_, body := c.do("GET", "/api/v1/checkins", nil)
	todayWant(t, string(body), `"pain":6`, localToday(c.user).Format(time.DateOnly))
}

func TestTodayRedFlagsWhenPainRises(t *testing.T) {
	ts := newTestServer(t)
	c := ts.signUp(t, "rise@example.com", backload.Lifter)
	c.todayCheckInOn(1, 2)

	page := c.todayGet("/today")
	todayWant(t, page, `<details class="flags" id="red-flags" data-prev-pain="2">`, "Any new symptoms?",
		`name="flags_seen" id="flags-seen" value="0"`, "Last check-in: 2.")

	// Pain up, the questions folded away: asked once more, nothing saved.
	status, page := c.postForm("/today/checkin", todayForm(5))
	if status != http.StatusOK {
		t.Fatalf("rising pain: %d, want the form again", status)
	}
	todayWant(t, page, "higher than at your last check-in", `<fieldset class="flags" id="red-flags">`,
		`name="flags_seen" id="flags-seen" value="1"`, `value="5"`)
	_, body := c.do("GET", "/api/v1/checkins", nil)
	if strings.Contains(string(body), localToday(c.user).Format(time.DateOnly)) {
		t.Errorf("saved before the red-flag questions were seen: %s", body)
	}
	if status, _ := c.postForm("/today/checkin", todayForm(5, "flags_seen", "1")); status != http.StatusSeeOther {
		t.Errorf("after seeing the questions: %d, want 303", status)
	}

	// Pain not rising saves at once.
	c2 := ts.signUp(t, "steady@example.com", backload.Lifter)
	c2.todayCheckInOn(1, 4)
	if status, _ := c2.postForm("/today/checkin", todayForm(3)); status != http.StatusSeeOther {
		t.Errorf("falling pain: %d, want 303", status)
	}
	page = c2.todayGet("/today")
	todayWant(t, page, "Amber day", "you have none yet", `href="/log"`, `href="/import"`)
}

func TestTodayRedFlagShowsOnlyClinician(t *testing.T) {
	ts := newTestServer(t)
	c := ts.signUp(t, "flag@example.com", backload.Lifter)
	c.todayAddSession("Legs", 1, 100)
	if status, _ := c.postForm("/today/checkin", todayForm(3, "flags_seen", "1", "red_flag", "saddle-numbness")); status != http.StatusSeeOther {
		t.Fatalf("check-in: %d", status)
	}
	page := c.todayGet("/today")
	todayWant(t, page, `data-testid="clinician-message"`, `data-urgency="urgent"`, "Get emergency care now",
		"emergency", `role="alert"`, `name="red_flag" value="saddle-numbness" checked`)
	todayWantNot(t, page, `data-testid="adapted-item"`, `data-testid="zone"`, "Why is my squat lighter")

	if status, _ := c.postForm("/today/checkin", todayForm(3, "flags_seen", "1", "red_flag", "fever")); status != http.StatusSeeOther {
		t.Fatalf("check-in: %d", status)
	}
	page = c.todayGet("/today")
	todayWant(t, page, `data-urgency="clinician"`, "See a clinician before you train", "doctor or physiotherapist")
	todayWantNot(t, page, `data-testid="adapted-item"`, "Get emergency care now")
}

func TestTodayCheckInErrorsAndRecovery(t *testing.T) {
	ts := newTestServer(t)
	c := ts.signUp(t, "err@example.com", backload.Lifter)
	status, page := c.postForm("/today/checkin", todayForm(11, "flags_seen", "1", "note", "slept badly"))
	if status != http.StatusUnprocessableEntity && status != http.StatusBadRequest {
		t.Fatalf("pain 11: %d, want a form error", status)
	}
	todayWant(t, page, `role="alert"`, "pain", `aria-invalid="true"`, "slept badly", `data-testid="checkin-form"`)

	status, page = c.postForm("/today/checkin", todayForm(4, "flags_seen", "1", "red_flag", "not-a-flag"))
	if status < 400 || status >= 500 {
		t.Fatalf("unknown red flag: %d", status)
	}
	todayWant(t, page, `role="alert"`)

	if status, _ := c.postForm("/today/checkin", todayForm(9, "flags_seen", "1")); status != http.StatusSeeOther {
		t.Fatalf("pain 9: %d", status)
	}
	page = c.todayGet("/today")
	todayWant(t, page, "Recovery day.", `data-action="add"`)
}

func TestTodayPlanFromTitleAndUnits(t *testing.T) {
	ts := newTestServer(t)
	c := ts.signUp(t, "titles@example.com", backload.Lifter)
	c.todayAddSession("Heavy legs", 3, 140)
	c.todayAddSession("Light legs", 1, 100)
	if status, body := c.do("PATCH", "/api/v1/account", `{"units": "lb"}`); status != http.StatusOK {
		t.Fatalf("units: %d %s", status, body)
	}
	if status, _ := c.postForm("/today/checkin", todayForm(4, "flags_seen", "1", "workout", "Heavy legs")); status != http.StatusSeeOther {
		t.Fatalf("check-in: %d", status)
	}
	if loc := c.header.Get("Location"); !strings.HasPrefix(loc, "/today?workout=Heavy+legs") {
		t.Errorf("redirect to %q, want the chosen session kept", loc)
	}
	page := c.todayGet("/today")
	todayWant(t, page, "Adapted from <strong>Light legs</strong>", `<option value="Heavy legs" >`, " lb")
	page = c.todayGet("/today?workout=Heavy+legs")
	todayWant(t, page, "Adapted from <strong>Heavy legs</strong>", `<option value="Heavy legs" selected>`, "308.65 lb")
	page = c.todayGet("/today?workout=Nothing+like+it")
	todayWant(t, page, "no session with that title", "Adapted from <strong>Light legs</strong>")
}

func TestPlanPageStates(t *testing.T) {
	ts := newTestServer(t)
	c := ts.signUp(t, "plan@example.com", backload.Lifter)
	page := c.todayGet("/plan")
	todayWant(t, page, "No flare in the last 12 weeks", `data-testid="plan-state"`, `aria-current="page"`)
	todayWantNot(t, page, `data-testid="ramp-week"`)

	c.todayCheckInOn(0, 1)
	todayWant(t, c.todayGet("/plan"), "No flare in the last 12 weeks, so there is no return plan")

	c2 := ts.signUp(t, "flare@example.com", backload.Lifter)
	c2.todayCheckInOn(2, 7)
	c2.todayCheckInOn(1, 4)
	page = c2.todayGet("/plan")
	day := localToday(c2.user).AddDate(0, 0, -2).Format("Mon 2 Jan")
	todayWant(t, page, "In a flare since "+day, "after 2 more calm check-ins", "you have 1 so far")
}

func TestPlanPageRamp(t *testing.T) {
	ts := newTestServer(t)
	c := ts.signUp(t, "ramp@example.com", backload.Lifter)
	c.todayAddSession("Legs", 20, 140) // before the flare
	c.todayCheckInOn(10, 7)            // the flare
	for d := 9; d >= 7; d-- {
		c.todayCheckInOn(d, 1) // settled: the ramp starts 7 days ago
	}
	c.todayAddSession("Legs", 1, 80) // training light during the return
	page := c.todayGet("/plan")
	todayWant(t, page, `data-testid="ramp-this-week"`, "This week: week 2 of", `data-testid="ramp-week"`,
		`aria-current="step"`, "Squat (Barbell)", "If your back stays green this week", "you move up to",
		"An amber week repeats", "A red week", "Your back that week: <span class=\"zone zone-green\">Green</span>")
	if n := strings.Count(page, `data-testid="ramp-week"`); n < 3 {
		t.Errorf("%d ramp weeks, want several", n)
	}
	// The adapted session on Today follows the same week.
	c.todayCheckInOn(0, 1)
	todayWant(t, c.todayGet("/today"), "Week 2 of", `href="/plan"`)
}
