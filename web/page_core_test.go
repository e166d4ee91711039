package web

import (
	"context"
	"encoding/json"
	"html"
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/backload/backload"
	"github.com/backload/backload/sqlstore"
)

// corePlanScript reads the plan the page hands to core.js.
func corePlanScript(t *testing.T, page string) coreScript {
	t.Helper()
	const open = `<script type="application/json" id="core-plan">`
	i := strings.Index(page, open)
	if i < 0 {
		t.Fatal("no core-plan script block")
	}
	rest := page[i+len(open):]
	var sc coreScript
	if err := json.Unmarshal([]byte(rest[:strings.Index(rest, "</script>")]), &sc); err != nil {
		t.Fatalf("core-plan is not JSON: %v", err)
	}
	return sc
}

// plannedSteps reads the hidden field that logs the whole plan.
func plannedSteps(t *testing.T, page string) string {
	t.Helper()
	const open = `name="steps" id="core-steps" value="`
	i := strings.Index(page, open)
	if i < 0 {
		t.Fatal("no steps field")
	}
	rest := page[i+len(open):]
	return html.UnescapeString(rest[:strings.Index(rest, `"`)])
}

func guidedSessions(t *testing.T, ts *testServer, userID int64) []backload.Session {
	t.Helper()
	list, err := ts.db.Sessions(context.Background(), userID, sqlstore.SessionFilter{})
	if err != nil {
		t.Fatal(err)
	}
	var out []backload.Session
	for _, s := range list {
		if s.Source == "guided" {
			out = append(out, s)
		}
	}
	return out
}

func TestCorePage(t *testing.T) {
	ts := newTestServer(t)
	c := ts.signUp(t, "core@example.com", backload.Lifter)

	t.Run("ShowsTheRoutine", func(t *testing.T) {
		status, body := c.do("GET", "/core", nil)
		if status != http.StatusOK {
			t.Fatalf("status %d", status)
		}
		page := string(body)
		for _, want := range []string{
			"Week 1 of your core practice",
			"Rounds of 6, 4 and 2 holds, 10 seconds each",
			"Next week: rounds of 7, 4 and 2.",
			"McGill Curl-Up", "Side Plank", "Bird Dog", "Dead Bug", "Front Plank",
			"Left arm and right leg", "expert practice, not something trials have tested",
			`aria-current="page"`, `data-speed="1"`,
			`data-testid="core-step"`, `data-testid="core-exercise"`, `data-testid="core-countdown"`,
			`data-testid="core-start"`, `data-testid="core-pause"`, `data-testid="core-resume"`,
			`data-testid="core-skip"`, `data-testid="core-back"`, `data-testid="core-finish"`,
			`data-testid="core-done"`, `action="/core/done"`, "84 holds",
		} {
			if !strings.Contains(page, want) {
				t.Errorf("page lacks %q", want)
			}
		}
		if strings.Contains(page, " style=") || strings.Contains(page, "<script>") {
			t.Error("inline style or script: the CSP forbids them")
		}
		sc := corePlanScript(t, page)
		if sc.Hold != 10 || sc.Speed != 1 || len(sc.Exercises) != 5 {
			t.Errorf("script plan: hold %d speed %d exercises %d", sc.Hold, sc.Speed, len(sc.Exercises))
		}
		// 3 rounds of curl-up, dead bug and front plank; 3 rounds on each
		// of two sides for side plank and bird dog.
		if len(sc.Groups) != 21 {
			t.Errorf("%d sets, want 21", len(sc.Groups))
		}
	})

	t.Run("Speed", func(t *testing.T) {
		status, body := c.do("GET", "/core?speed=25", nil)
		if status != http.StatusOK || !strings.Contains(string(body), `data-speed="25"`) {
			t.Errorf("speed 25: status %d", status)
		}
		if sc := corePlanScript(t, string(body)); sc.Speed != 25 {
			t.Errorf("script speed %d", sc.Speed)
		}
		for _, bad := range []string{"0", "101", "fast", "2.5"} {
			status, body := c.do("GET", "/core?speed="+bad, nil)
			if status != http.StatusBadRequest || !strings.Contains(string(body), "from 1 to 100") {
				t.Errorf("speed %s: status %d", bad, status)
			}
		}
	})

	t.Run("NeedsLogIn", func(t *testing.T) {
		a := ts.anonymous(t)
		status, _ := a.do("GET", "/core", nil)
		if status != http.StatusSeeOther || !strings.HasPrefix(a.header.Get("Location"), "/login") {
			t.Errorf("status %d location %q", status, a.header.Get("Location"))
		}
		status, _ = a.postForm("/core/done", url.Values{"steps": {"[]"}})
		if status != http.StatusSeeOther {
			t.Errorf("anonymous post: status %d", status)
		}
	})
}

func TestCoreDoneLogsThePlanWithoutScript(t *testing.T) {
	ts := newTestServer(t)
	c := ts.signUp(t, "nojs@example.com", backload.Lifter)
	_, body := c.do("GET", "/core", nil)
	status, _ := c.postForm("/core/done", url.Values{"steps": {plannedSteps(t, string(body))}, "seconds": {""}})
	if status != http.StatusSeeOther {
		t.Fatalf("status %d", status)
	}
	if loc := c.header.Get("Location"); !strings.HasPrefix(loc, "/core?ok=") || !strings.Contains(loc, "84+holds") {
		t.Errorf("location %q", loc)
	}
	list := guidedSessions(t, ts, c.user.ID)
	if len(list) != 1 {
		t.Fatalf("%d guided sessions", len(list))
	}
	s := list[0]
	if s.Title != "Guided core session" || len(s.Exercises) != 5 {
		t.Fatalf("session %q with %d exercises", s.Title, len(s.Exercises))
	}
	wantSets := map[string]int{"mcgill-curl-up": 12, "side-plank": 24, "bird-dog": 24, "dead-bug": 12, "front-plank": 12}
	for _, e := range s.Exercises {
		if len(e.Sets) != wantSets[e.ExerciseID] || e.Class != backload.CoreEndurance {
			t.Errorf("%s: %d sets, class %s", e.ExerciseID, len(e.Sets), e.Class)
		}
		for _, set := range e.Sets {
			if set.Kind != backload.Working || set.Reps != 1 || set.Seconds != 10 {
				t.Errorf("%s: set %+v", e.ExerciseID, set)
				break
			}
		}
	}
	if got := s.Exercises[1].Sets[0].Notes; got != "Round 1, left side" {
		t.Errorf("side plank's first note %q", got)
	}
	if got := s.Exercises[1].Sets[6].Notes; got != "Round 1, right side" {
		t.Errorf("side plank's seventh note %q", got)
	}

	// The page says the session counts this week, and the dose waits for
	// next week.
	_, body = c.do("GET", "/core?ok=x", nil)
	if page := string(body); !strings.Contains(page, "Week 1 of") || !strings.Contains(page, "1 guided session this week") {
		t.Errorf("after logging, the page does not say so")
	}
}

func TestCoreDoneLogsTheHoldsDone(t *testing.T) {
	ts := newTestServer(t)
	c := ts.signUp(t, "partial@example.com", backload.Lifter)
	// Posted out of order: the log follows the routine's order.
	steps := `[{"exercise":"bird-dog","side":"right","round":1,"holds":6},
		{"exercise":"mcgill-curl-up","round":2,"holds":3},
		{"exercise":"mcgill-curl-up","round":1,"holds":6}]`
	status, body := c.postForm("/core/done", url.Values{"steps": {steps}, "seconds": {"600"}})
	if status != http.StatusSeeOther {
		t.Fatalf("status %d: %s", status, body)
	}
	list := guidedSessions(t, ts, c.user.ID)
	if len(list) != 1 {
		t.Fatalf("%d guided sessions", len(list))
	}
	s := list[0]
	if s.DurationSec != 600 || time.Since(s.StartedAt) < 590*time.Second {
		t.Errorf("duration %d, started %s ago", s.DurationSec, time.Since(s.StartedAt))
	}
	if len(s.Exercises) != 2 || s.Exercises[0].ExerciseID != "mcgill-curl-up" || len(s.Exercises[0].Sets) != 9 ||
		s.Exercises[1].ExerciseID != "bird-dog" || len(s.Exercises[1].Sets) != 6 {
		t.Fatalf("exercises %+v", s.Exercises)
	}
	if got := s.Exercises[1].Sets[0].Notes; got != "Round 1, right arm and left leg" {
		t.Errorf("bird dog note %q", got)
	}
}

func TestCoreDoneRefusesBadPosts(t *testing.T) {
	ts := newTestServer(t)
	c := ts.signUp(t, "strict@example.com", backload.Lifter)
	for _, tt := range []struct {
		name, steps, seconds, want string
	}{
		{"Empty", "", "", "lists no holds"},
		{"EmptyList", "[]", "", "lists no holds"},
		{"Null", "null", "", "lists no holds"},
		{"NotJSON", "all of it", "", "not in the expected form"},
		{"TrailingData", `[{"exercise":"dead-bug","round":1,"holds":1}] x`, "", "not in the expected form"},
		{"UnknownField", `[{"exercise":"dead-bug","round":1,"holds":1,"kg":100}]`, "", "not in the expected form"},
		{"UnknownExercise", `[{"exercise":"barbell-back-squat","round":1,"holds":1}]`, "", "not an exercise of this routine"},
		{"MissingSide", `[{"exercise":"side-plank","round":1,"holds":1}]`, "", "has no side"},
		{"SideOfUnsided", `[{"exercise":"dead-bug","side":"left","round":1,"holds":1}]`, "", "has no side"},
		{"BadRound", `[{"exercise":"dead-bug","round":4,"holds":1}]`, "", "round 4"},
		{"TooManyHolds", `[{"exercise":"dead-bug","round":1,"holds":7}]`, "", "from 1 to 6 holds"},
		{"ZeroHolds", `[{"exercise":"dead-bug","round":1,"holds":0}]`, "", "from 1 to 6 holds"},
		{"Twice", `[{"exercise":"dead-bug","round":1,"holds":1},{"exercise":"dead-bug","round":1,"holds":1}]`, "", "listed twice"},
		{"TooManySets", "[" + strings.Repeat(`{"exercise":"dead-bug","round":1,"holds":1},`, 21) + `{"exercise":"dead-bug","round":1,"holds":1}]`, "", "more than the 21"},
		{"BadSeconds", `[{"exercise":"dead-bug","round":1,"holds":1}]`, "-5", "session length"},
		{"HugeSeconds", `[{"exercise":"dead-bug","round":1,"holds":1}]`, "99999", "session length"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			status, body := c.postForm("/core/done", url.Values{"steps": {tt.steps}, "seconds": {tt.seconds}})
			if status != http.StatusBadRequest {
				t.Errorf("status %d, want 400", status)
			}
			if !strings.Contains(html.UnescapeString(body), tt.want) || !strings.Contains(body, `role="alert"`) {
				t.Errorf("the page does not say %q", tt.want)
			}
			if !strings.Contains(body, `data-testid="core-finish"`) {
				t.Error("the error page lost the routine and its form")
			}
		})
	}
	t.Run("KeepsTheClockSpeed", func(t *testing.T) {
		_, body := c.postForm("/core/done", url.Values{"steps": {"[]"}, "speed": {"50"}})
		if !strings.Contains(body, `data-speed="50"`) {
			t.Error("a refused log lost the guide's clock speed")
		}
	})
	if n := len(guidedSessions(t, ts, c.user.ID)); n != 0 {
		t.Errorf("%d sessions logged from bad posts", n)
	}
}

func TestCoreDoseProgressesByWeek(t *testing.T) {
	ts := newTestServer(t)
	c := ts.signUp(t, "weeks@example.com", backload.Lifter)
	ctx := context.Background()
	add := func(daysAgo int, source string) {
		t.Helper()
		s := backload.Session{StartedAt: time.Now().AddDate(0, 0, -daysAgo).Truncate(time.Second), Title: "Guided core session", Source: source,
			Exercises: []backload.ExerciseLog{{Input: "Dead Bug", ExerciseID: "dead-bug", Class: backload.CoreEndurance,
				Sets: []backload.Set{{Kind: backload.Working, Reps: 1, Seconds: 10}}}}}
		if _, err := ts.db.AddSession(ctx, c.user.ID, s); err != nil {
			t.Fatal(err)
		}
	}
	add(7, "guided")
	add(14, "guided")
	add(15, "guided") // maybe the same week as 14 days ago, maybe not
	add(100, "web")   // the same title typed by hand does not count
	_, body := c.do("GET", "/core", nil)
	page := string(body)
	// Two or three earlier weeks, depending on today's weekday.
	if !strings.Contains(page, "Week 3 of") && !strings.Contains(page, "Week 4 of") {
		t.Fatalf("page does not show week 3 or 4")
	}
	if strings.Contains(page, "Week 3 of") && !strings.Contains(page, "Rounds of 8, 4 and 2 holds") {
		t.Error("week 3 should be rounds of 8, 4 and 2")
	}
	if strings.Contains(page, "Week 4 of") && !strings.Contains(page, "Rounds of 9, 4 and 2 holds") {
		t.Error("week 4 should be rounds of 9, 4 and 2")
	}
	// The plan the form logs follows the week's dose: a round of 8 is
	// accepted in week 3 and later.
	status, _ := c.postForm("/core/done", url.Values{"steps": {`[{"exercise":"front-plank","round":1,"holds":8}]`}})
	if status != http.StatusSeeOther {
		t.Errorf("a round of 8 in week 3: status %d", status)
	}
}
