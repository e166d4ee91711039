package web

import (
	"fmt"
	"html"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/backload/backload"
)

// pageProgressSession logs a session of squats (spinal-heavy) and leg press
// (spine-neutral) days ago, sets working sets of weight × 5.
func pageProgressSession(t *testing.T, c *client, daysAgo int, weight float64, sets int) {
	t.Helper()
	var working []string
	for range sets {
		working = append(working, fmt.Sprintf(`{"kind": "working", "weight_kg": %g, "reps": 5}`, weight))
	}
	day := time.Now().UTC().AddDate(0, 0, -daysAgo).Format(time.DateOnly)
	body := fmt.Sprintf(`{"started_at": "%sT07:00:00Z", "title": "Legs", "exercises": [
		{"input": "Squat (Barbell)", "sets": [%s]},
		{"input": "Leg Press", "sets": [{"kind": "working", "weight_kg": 200, "reps": 10}]}]}`, day, strings.Join(working, ","))
	if status, resp := c.do("POST", "/api/v1/sessions", body); status != 201 {
		t.Fatalf("session %d days ago: %d %s", daysAgo, status, resp)
	}
}

// pageProgressCheckIn checks in daysAgo with the pain given.
func pageProgressCheckIn(t *testing.T, c *client, daysAgo, pain int, extra string) {
	t.Helper()
	day := time.Now().UTC().AddDate(0, 0, -daysAgo).Format(time.DateOnly)
	body := fmt.Sprintf(`{"date": %q, "pain": %d%s}`, day, pain, extra)
	if status, resp := c.do("POST", "/api/v1/checkins", body); status != 201 {
		t.Fatalf("check-in %d days ago: %d %s", daysAgo, status, resp)
	}
}

// pageProgressHistory gives a lifter six weeks of steady squats, then a week
// of much heavier ones (a spike), and a few check-ins.
func pageProgressHistory(t *testing.T, c *client) {
	t.Helper()
	for _, d := range []int{42, 35, 28, 21, 14} {
		pageProgressSession(t, c, d, 100, 3)
	}
	for _, d := range []int{6, 4, 2} {
		pageProgressSession(t, c, d, 140, 5)
	}
	pageProgressCheckIn(t, c, 10, 3, "")
	pageProgressCheckIn(t, c, 5, 4, `, "morning_change": 1`)
	pageProgressCheckIn(t, c, 1, 2, `, "red_flags": ["fever"]`)
}

// progressFigure returns the figure with the data-testid given, or "".
func progressFigure(page, testid string) string {
	m := regexp.MustCompile(`(?s)<figure class="chart" data-testid="` + testid + `".*?</figure>`).FindString(page)
	return m
}

func TestProgressPage(t *testing.T) {
	ts := newTestServer(t)
	lifter := ts.signUp(t, "lifter@example.com", backload.Lifter)
	coach := ts.signUp(t, "coach@example.com", backload.Coach)
	other := ts.signUp(t, "other@example.com", backload.Lifter)
	fresh := ts.signUp(t, "fresh@example.com", backload.Lifter)
	coachInvite(t, lifter, coach)
	pageProgressHistory(t, lifter)
	pageProgressSession(t, other, 3, 180, 5)

	t.Run("Charts", func(t *testing.T) {
		status, page := lifter.getPage("/progress")
		if status != 200 {
			t.Fatalf("GET /progress: %d %s", status, page)
		}
		for _, id := range []string{"spinal", "volume", "e1rm", "core"} {
			fig := progressFigure(page, "chart-"+id)
			if fig == "" {
				t.Errorf("no figure chart-%s", id)
				continue
			}
			for _, w := range []string{"<svg", `<title id="progress-` + id + `-title">`, "<figcaption>", `<details class="chart-table">`, "<table"} {
				if !strings.Contains(fig, w) {
					t.Errorf("chart-%s lacks %q", id, w)
				}
			}
		}
		if n := strings.Count(page, "<svg"); n != 4 {
			t.Errorf("%d charts, want 4", n)
		}
		for _, w := range []string{`data-testid="progress-range"`, `value="12w" class="preset" aria-pressed="true"`,
			"12 weeks: ", `data-testid="pain-summary"`, "Worse mornings after a session", "Days with a red flag reported",
			`data-testid="spike-warning"`, "not a prediction of injury", "Total volume holding while spinal load dropped",
			"Load and pain moving together", `href="/report?from=`, "Estimated one-rep max", "Squat"} {
			if !strings.Contains(page, w) {
				t.Errorf("progress page lacks %q", w)
			}
		}
		// The pain summary counts the three check-ins, the worse morning and
		// the red-flag day.
		summary := regexp.MustCompile(`(?s)data-testid="pain-summary".*?</section>`).FindString(page)
		for _, w := range []string{"<dt>Check-ins</dt><dd>3</dd>", "<dt>Worse mornings after a session</dt><dd>1</dd>",
			"<dt>Days with a red flag reported</dt><dd>1</dd>"} {
			if !strings.Contains(summary, w) {
				t.Errorf("pain summary lacks %q:\n%s", w, summary)
			}
		}
		if strings.Contains(page, "other@example.com") || strings.Contains(page, "180 kg") {
			t.Error("the page shows another lifter's data")
		}
	})

	t.Run("Ranges", func(t *testing.T) {
		today := time.Now().UTC()
		for path, want := range map[string]string{
			"/progress?range=4w":  `value="4w" class="preset" aria-pressed="true"`,
			"/progress?range=all": "All time: ",
			"/progress?from=" + today.AddDate(0, 0, -20).Format(time.DateOnly) + "&to=" + today.Format(time.DateOnly): `value="` + today.AddDate(0, 0, -20).Format(time.DateOnly) + `"`,
		} {
			status, page := lifter.getPage(path)
			if status != 200 || !strings.Contains(page, want) || !strings.Contains(page, `data-testid="chart-spinal"`) {
				t.Errorf("%s: %d, lacks %q", path, status, want)
			}
		}
		// The report link covers the same dates as the page.
		from, to := today.AddDate(0, 0, -30).Format(time.DateOnly), today.Format(time.DateOnly)
		_, page := lifter.getPage("/progress?from=" + from + "&to=" + to)
		if !strings.Contains(page, `href="`+html.EscapeString("/report?from="+from+"&to="+to)+`"`) {
			t.Error("the report link does not carry the range")
		}
	})

	t.Run("BadRange", func(t *testing.T) {
		for path, field := range map[string]string{
			"/progress?from=2026-13-01&to=2026-12-01":          "from",
			"/progress?from=2026-03-01&to=2026-02-01":          "to",
			"/progress?range=2w":                               "range",
			"/progress?range=4w&from=2026-01-01&to=2026-02-01": "range",
		} {
			status, page := lifter.getPage(path)
			if status != 400 {
				t.Errorf("%s: status %d, want 400", path, status)
			}
			if !strings.Contains(page, `<p class="field-error" id="`+field+`-error">`) || !strings.Contains(page, `aria-describedby="`+field+`-error"`) {
				t.Errorf("%s: no error next to %s", path, field)
			}
			if strings.Contains(page, "<svg") || !strings.Contains(page, `data-testid="progress-range"`) {
				t.Errorf("%s: want the form and no charts", path)
			}
		}
	})

	t.Run("Empty", func(t *testing.T) {
		status, page := fresh.getPage("/progress")
		if status != 200 || !strings.Contains(page, "Nothing to chart yet") || strings.Contains(page, "<svg") {
			t.Errorf("empty history: %d %s", status, page)
		}
		// A lifter with history, looking at a period without any.
		_, page = lifter.getPage("/progress?from=2001-01-01&to=2001-02-01")
		if !strings.Contains(page, "Nothing logged in this period") || strings.Contains(page, "<svg") {
			t.Error("an empty period does not say so")
		}
	})

	t.Run("Flare", func(t *testing.T) {
		flared := ts.signUp(t, "flared@example.com", backload.Lifter)
		// Heavy squats before a red day, three calm check-ins that settle
		// the flare and start the return plan, then lighter squats.
		pageProgressSession(t, flared, 40, 140, 3)
		pageProgressSession(t, flared, 33, 140, 3)
		pageProgressCheckIn(t, flared, 26, 8, "")
		for _, d := range []int{24, 23, 22} {
			pageProgressCheckIn(t, flared, d, 2, "")
		}
		pageProgressSession(t, flared, 15, 100, 3)
		pageProgressSession(t, flared, 8, 100, 3)
		pageProgressCheckIn(t, flared, 0, 2, "")
		status, page := flared.getPage("/progress")
		if status != 200 {
			t.Fatalf("GET /progress: %d", status)
		}
		// Epley: 140 × (1 + 5/30) = 163.3 before, 100 × 7/6 = 116.7 now.
		flare := regexp.MustCompile(`(?s)data-testid="pre-flare".*?</section>`).FindString(page)
		squat := regexp.MustCompile(`(?s)<th scope="row">Squat \(Barbell\)</th>.*?</tr>`).FindString(flare)
		if !regexp.MustCompile(`(?s)163\x{a0}kg.*estimated 1RM.*top set 140\x{a0}kg.*117\x{a0}kg.*estimated 1RM.*top set 100\x{a0}kg`).MatchString(squat) ||
			!strings.Contains(flare, "One-rep maxima are estimates") {
			t.Errorf("pre-flare against now:\n%s", flare)
		}
		for _, w := range []string{`data-testid="adherence"`, "Week 1</strong>", "still to come", "(this week)", "Not done: Squat (Barbell) at "} {
			if !strings.Contains(page, w) {
				t.Errorf("a lifter back from a flare: the page lacks %q", w)
			}
		}
	})

	t.Run("Coach", func(t *testing.T) {
		status, page := coach.getPage(fmt.Sprintf("/coach/%d/progress", lifter.user.ID))
		if status != 200 {
			t.Fatalf("coach view: %d", status)
		}
		for _, w := range []string{"Progress of lifter@example.com", `data-testid="chart-spinal"`,
			fmt.Sprintf(`action="/coach/%d/progress"`, lifter.user.ID), fmt.Sprintf(`href="/coach/%d/plan"`, lifter.user.ID)} {
			if !strings.Contains(page, w) {
				t.Errorf("coach view lacks %q", w)
			}
		}
		if strings.Contains(page, `href="/report?`) || strings.Contains(page, "<form method=\"post\"") {
			t.Error("the coach's read-only view links the lifter's own report or has a form that writes")
		}
		for _, p := range []struct {
			who  *client
			path string
		}{
			{coach, fmt.Sprintf("/coach/%d/progress", other.user.ID)},
			{coach, "/coach/abc/progress"},
			{lifter, fmt.Sprintf("/coach/%d/progress", other.user.ID)},
		} {
			status, page := p.who.getPage(p.path)
			if status != 404 || strings.Contains(page, "other@example.com") || strings.Contains(page, "<svg") {
				t.Errorf("%s: %d", p.path, status)
			}
		}
	})
}
