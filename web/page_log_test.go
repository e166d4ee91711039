package web

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/backload/backload"
)

// logSetForm posts a set and follows the redirect back to the log page.
func logSetForm(t *testing.T, c *client, form url.Values) string {
	t.Helper()
	status, body := c.postForm("/log/set", form)
	if status != http.StatusSeeOther {
		t.Fatalf("log set %v: %d %s", form, status, body)
	}
	loc := c.header.Get("Location")
	if !strings.HasPrefix(loc, "/log?rest=") {
		t.Fatalf("log set redirected to %q", loc)
	}
	status, page := c.getPage(loc)
	if status != http.StatusOK {
		t.Fatalf("GET %s: %d", loc, status)
	}
	return page
}

// todaysWebSession is the client's one web session of today.
func todaysWebSession(t *testing.T, ts *testServer, c *client) (backload.Session, bool) {
	t.Helper()
	from := time.Now().UTC().Truncate(24 * time.Hour)
	s, err := ts.db.LatestSession(context.Background(), c.user.ID, "web", from, from.AddDate(0, 0, 1))
	if backload.ErrorCode(err) == backload.ENOTFOUND {
		return s, false
	}
	if err != nil {
		t.Fatal(err)
	}
	return s, true
}

func logWant(t *testing.T, page string, want ...string) {
	t.Helper()
	for _, w := range want {
		if !strings.Contains(page, w) {
			t.Errorf("page lacks %q", w)
		}
	}
}

func TestLogPageLogsSets(t *testing.T) {
	ts := newTestServer(t)
	c := ts.signUp(t, "lifter@example.com", backload.Lifter)

	status, page := c.getPage("/log")
	if status != http.StatusOK {
		t.Fatalf("GET /log: %d", status)
	}
	logWant(t, page, `data-testid="log-form"`, `data-testid="log-exercise"`, `data-testid="log-weight"`,
		`data-testid="log-reps"`, `data-testid="log-rpe"`, `data-testid="log-submit"`, `data-testid="log-repeat"`,
		`data-testid="log-undo"`, `<option value="Barbell Back Squat">`, `step="2.5"`, `name="title"`, `aria-current="page">Log`)
	if strings.Contains(page, `data-testid="rest-timer"`) || strings.Contains(page, `data-testid="logged-set"`) {
		t.Error("a fresh log page shows a timer or sets")
	}

	t.Run("FirstSetRoundsToPlates", func(t *testing.T) {
		page := logSetForm(t, c, url.Values{"exercise": {"Squat"}, "weight": {"83"}, "unit": {"kg"}, "reps": {"5"},
			"rpe": {"8"}, "kind": {"working"}, "title": {"Leg day"}})
		logWant(t, page, `data-testid="rest-timer"`, `data-seconds="`, "Rounded 83 kg down to 82.5 kg",
			`data-testid="logged-set"`, "82.5 kg × 5", "RPE 8", "Heavy spinal loading", "Leg day: 1 set today",
			`value="Squat"`, `value="82.5"`, "Last set: Squat, 82.5 kg × 5.")
		if strings.Contains(page, `name="title"`) {
			t.Error("the title field is still offered once the session started")
		}
		s, ok := todaysWebSession(t, ts, c)
		if !ok || s.Title != "Leg day" || len(s.Exercises) != 1 {
			t.Fatalf("stored session: %+v", s)
		}
		e := s.Exercises[0]
		if e.ExerciseID != "barbell-back-squat" || e.Class != backload.SpinalHeavy {
			t.Errorf("classified as %q %q", e.ExerciseID, e.Class)
		}
		if x := e.Sets[0]; x.WeightKg != 82.5 || x.Reps != 5 || x.RPE != 8 || x.Kind != backload.Working || x.Unit != backload.Kilograms {
			t.Errorf("stored set %+v", x)
		}
	})

	t.Run("SetsJoinTheSessionGroupedNewestFirst", func(t *testing.T) {
		logSetForm(t, c, url.Values{"exercise": {"Front Plank"}, "seconds": {"45"}, "kind": {"working"}})
		page := logSetForm(t, c, url.Values{"exercise": {"squat"}, "weight": {"60"}, "reps": {"8"}, "kind": {"warmup"}})
		if n := strings.Count(page, `data-testid="logged-set"`); n != 3 {
			t.Errorf("%d logged sets shown, want 3", n)
		}
		if strings.Index(page, "60 kg × 8") > strings.Index(page, "45 s") {
			t.Error("the newest exercise is not listed first")
		}
		logWant(t, page, "Warm-up", "Core endurance", "Leg day: 3 sets today")
		s, _ := todaysWebSession(t, ts, c)
		if len(s.Exercises) != 2 || s.Exercises[1].Input != "Squat" || len(s.Exercises[1].Sets) != 2 {
			t.Errorf("exercises %+v", s.Exercises)
		}
	})

	t.Run("RepeatAndUndo", func(t *testing.T) {
		status, _ := c.postForm("/log/repeat", nil)
		if status != http.StatusSeeOther || !strings.HasPrefix(c.header.Get("Location"), "/log?rest=") {
			t.Fatalf("repeat: %d to %q", status, c.header.Get("Location"))
		}
		s, _ := todaysWebSession(t, ts, c)
		sets := s.Exercises[1].Sets
		if len(sets) != 3 || sets[2].WeightKg != 60 || sets[2].Reps != 8 || sets[2].Kind != backload.WarmUp {
			t.Errorf("after repeat: %+v", sets)
		}
		for range 3 {
			if status, body := c.postForm("/log/undo", nil); status != http.StatusSeeOther {
				t.Fatalf("undo: %d %s", status, body)
			}
		}
		if !strings.Contains(c.header.Get("Location"), "Removed+Squat") {
			t.Errorf("undo said %q", c.header.Get("Location"))
		}
		s, _ = todaysWebSession(t, ts, c)
		if len(s.Exercises) != 1 || s.Exercises[0].Input != "Front Plank" {
			t.Errorf("after undo: %+v", s.Exercises)
		}
		c.postForm("/log/undo", nil)
		if _, ok := todaysWebSession(t, ts, c); ok {
			t.Error("undoing the only set left an empty session")
		}
		status, page := c.postForm("/log/undo", nil)
		if status != http.StatusBadRequest || !strings.Contains(page, "no set to undo") {
			t.Errorf("undo with nothing: %d", status)
		}
		status, page = c.postForm("/log/repeat", nil)
		if status != http.StatusBadRequest || !strings.Contains(page, "no set to repeat") || !strings.Contains(page, `role="alert"`) {
			t.Errorf("repeat with nothing: %d", status)
		}
	})
}

func TestLogPageUnits(t *testing.T) {
	ts := newTestServer(t)
	c := ts.signUp(t, "pounds@example.com", backload.Lifter)
	if status, body := c.do("PATCH", "/api/v1/account", `{"units": "lb"}`); status != http.StatusOK {
		t.Fatalf("units: %d %s", status, body)
	}
	c.user.Units = backload.Pounds
	_, page := c.getPage("/log")
	logWant(t, page, `<option value="lb" selected>`, `step="5"`)

	page = logSetForm(t, c, url.Values{"exercise": {"Bench Press"}, "weight": {"227"}, "unit": {"lb"}, "reps": {"3"}})
	logWant(t, page, "225 lb × 3", "Rounded 227 lb down to 225 lb")
	s, _ := todaysWebSession(t, ts, c)
	if x := s.Exercises[0].Sets[0]; x.Unit != backload.Pounds || x.WeightKg < 102.05 || x.WeightKg > 102.07 {
		t.Errorf("stored %+v, want 225 lb in kg", x)
	}

	// A set entered in kg on a pound account shows in pounds, with what was typed.
	page = logSetForm(t, c, url.Values{"exercise": {"Bench Press"}, "weight": {"100"}, "unit": {"kg"}, "reps": {"1"}})
	logWant(t, page, "220.46 lb × 1", "entered as 100 kg")
}

func TestLogPageRejectsBadSets(t *testing.T) {
	ts := newTestServer(t)
	c := ts.signUp(t, "typo@example.com", backload.Lifter)
	for _, tc := range []struct {
		name  string
		form  url.Values
		field string
		says  string
	}{
		{"NoExercise", url.Values{"reps": {"5"}}, "exercise", "Enter the exercise"},
		{"Weight", url.Values{"exercise": {"Squat"}, "weight": {"heavy"}, "reps": {"5"}}, "weight", "Enter the weight as a number"},
		{"Absurd", url.Values{"exercise": {"Squat"}, "weight": {"5000"}, "reps": {"5"}}, "weight", "from 0 to 1000 kg"},
		{"FractionalReps", url.Values{"exercise": {"Squat"}, "weight": {"100"}, "reps": {"5.5"}}, "reps", "whole number"},
		{"Nothing", url.Values{"exercise": {"Squat"}, "weight": {"100"}}, "reps", "or the seconds for a hold"},
		{"RPE", url.Values{"exercise": {"Squat"}, "reps": {"5"}, "rpe": {"8.3"}}, "rpe", "half steps"},
		{"Kind", url.Values{"exercise": {"Squat"}, "reps": {"5"}, "kind": {"heroic"}}, "", "kind of set"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			status, page := c.postForm("/log/set", tc.form)
			if status != http.StatusBadRequest {
				t.Fatalf("status %d, want 400", status)
			}
			logWant(t, page, tc.says, `role="alert"`, `data-testid="log-form"`)
			if tc.field != "" {
				i := strings.Index(page, `id="`+tc.field+`"`)
				if i < 0 || !strings.Contains(page[i:i+strings.Index(page[i:], ">")], `aria-invalid="true"`) {
					t.Errorf("field %s is not marked invalid", tc.field)
				}
			}
			if v := tc.form.Get("weight"); v != "" {
				logWant(t, page, `value="`+v+`"`)
			}
		})
	}
	if _, ok := todaysWebSession(t, ts, c); ok {
		t.Error("a rejected set was stored")
	}
	// A comma decimal, as phones in many countries type it, is a number.
	page := logSetForm(t, c, url.Values{"exercise": {"Goblet Squat"}, "weight": {"22,5"}, "reps": {"10"}})
	logWant(t, page, "22.5 kg × 10")
	// A weight under one plate step is kept, not rounded to nothing.
	page = logSetForm(t, c, url.Values{"exercise": {"Lateral Raise"}, "weight": {"2"}, "reps": {"15"}})
	logWant(t, page, "2 kg × 15")
}

func TestLogPagePrefillAndSuggestions(t *testing.T) {
	ts := newTestServer(t)
	c := ts.signUp(t, "prefill@example.com", backload.Lifter)
	if status, body := c.do("POST", "/api/v1/sessions", fmt.Sprintf(sampleSession, "Old")); status != http.StatusCreated {
		t.Fatalf("session: %d %s", status, body)
	}
	_, page := c.getPage("/log?exercise=Trap+Bar+Deadlift&weight=100&reps=5")
	logWant(t, page, `value="Trap Bar Deadlift"`, `value="100"`, `value="5"`, `<option value="Squat (Barbell)">`, `<option value="Leg Press">`)
	if strings.Index(page, `<option value="Squat (Barbell)">`) > strings.Index(page, `<option value="Barbell Back Squat">`) {
		t.Error("the lifter's own names do not lead the suggestions")
	}
	// A rest timer far in the past or future is not shown.
	for _, rest := range []string{"1", "99999999999"} {
		if _, page := c.getPage("/log?rest=" + rest); strings.Contains(page, `data-testid="rest-timer"`) {
			t.Errorf("rest=%s shows a timer", rest)
		}
	}
}

func TestHistoryPages(t *testing.T) {
	ts := newTestServer(t)
	a := ts.signUp(t, "history@example.com", backload.Lifter)
	b := ts.signUp(t, "other@example.com", backload.Lifter)

	_, page := a.getPage("/history")
	logWant(t, page, "No sessions yet", `href="/log"`)

	var ids []int64
	for i := range 25 {
		body := strings.Replace(fmt.Sprintf(sampleSession, fmt.Sprintf("Session %02d", i)), "2026-11-20", fmt.Sprintf("2025-10-%02d", i+1), 1)
		status, resp := a.do("POST", "/api/v1/sessions", body)
		if status != http.StatusCreated {
			t.Fatalf("session %d: %d %s", i, status, resp)
		}
		var made backload.Session
		json.Unmarshal(resp, &made)
		ids = append(ids, made.ID)
	}
	logSetForm(t, a, url.Values{"exercise": {"Front Plank"}, "seconds": {"30"}})

	status, page := a.getPage("/history")
	if status != http.StatusOK {
		t.Fatalf("GET /history: %d", status)
	}
	if n := strings.Count(page, `data-testid="history-session"`); n != 20 {
		t.Errorf("%d sessions on page 1, want 20", n)
	}
	logWant(t, page, "Workout", "Logged in Backload", "Added through the API", "4 sets, 1 warm-up",
		"Squat (Barbell)", "Heavy spinal loading", `href="/history?page=2"`, "Older sessions", `aria-current="page">History`)
	if strings.Index(page, "Workout") > strings.Index(page, "Session 24") || strings.Index(page, "Session 24") > strings.Index(page, "Session 23") {
		t.Error("sessions are not newest first")
	}
	if strings.Contains(page, "Session 05") {
		t.Error("page 1 holds an old session")
	}

	_, page = a.getPage("/history?page=2")
	if n := strings.Count(page, `data-testid="history-session"`); n != 6 {
		t.Errorf("%d sessions on page 2, want 6", n)
	}
	logWant(t, page, "Session 00", "Newer sessions", `href="/history"`)
	if strings.Contains(page, "Older sessions") {
		t.Error("the last page links to an older one")
	}
	if status, _ := a.getPage("/history?page=abc"); status != http.StatusOK {
		t.Errorf("a bad page number answered %d", status)
	}

	list, err := ts.db.SessionPage(context.Background(), a.user.ID, 0, 1)
	if err != nil || len(list) != 1 {
		t.Fatalf("newest session: %v %v", list, err)
	}
	status, page = a.getPage(fmt.Sprintf("/history/%d", ids[0]))
	if status != http.StatusOK {
		t.Fatalf("detail: %d", status)
	}
	logWant(t, page, "Session 00", "Squat (Barbell)", "Heavy spinal loading", "60 kg × 5", "140 kg × 5",
		"Warm-up", "Working", "8.5", "200 kg × 10", "4 sets, 1 warm-up")
	_, page = a.getPage(fmt.Sprintf("/history/%d", list[0].ID))
	logWant(t, page, "30 s", "Keep logging this session")

	for _, path := range []string{fmt.Sprintf("/history/%d", ids[0]), "/history/abc", "/history/999999"} {
		if status, page := b.getPage(path); status != http.StatusNotFound || strings.Contains(page, "Squat (Barbell)") {
			t.Errorf("other user GET %s: %d", path, status)
		}
	}
}

func TestLogPageStartsANewSessionEachDay(t *testing.T) {
	ts := newTestServer(t)
	c := ts.signUp(t, "days@example.com", backload.Lifter)
	// Far east of UTC, so "today" is a local day, not a UTC one.
	if status, body := c.do("PATCH", "/api/v1/account", `{"time_zone": "Pacific/Kiritimati"}`); status != http.StatusOK {
		t.Fatalf("time zone: %d %s", status, body)
	}
	loc, _ := time.LoadLocation("Pacific/Kiritimati")
	y, m, d := time.Now().In(loc).Date()
	yesterday := time.Date(y, m, d, 0, 0, 0, 0, loc).Add(-time.Hour)
	old := fmt.Sprintf(`{"started_at": %q, "title": "Workout", "source": "web", "exercises": [{"input": "Squat", "sets": [{"kind": "working", "weight_kg": 100, "reps": 5}]}]}`,
		yesterday.Format(time.RFC3339))
	if status, body := c.do("POST", "/api/v1/sessions", old); status != http.StatusCreated {
		t.Fatalf("yesterday's session: %d %s", status, body)
	}
	if _, page := c.getPage("/log"); strings.Contains(page, `data-testid="logged-set"`) || !strings.Contains(page, `name="title"`) {
		t.Error("yesterday's sets show as today's session")
	}
	page := logSetForm(t, c, url.Values{"exercise": {"Squat"}, "weight": {"100"}, "reps": {"3"}})
	if n := strings.Count(page, `data-testid="logged-set"`); n != 1 {
		t.Errorf("%d sets today, want 1", n)
	}
	list, err := ts.db.SessionPage(context.Background(), c.user.ID, 0, 10)
	if err != nil || len(list) != 2 || len(list[1].Exercises[0].Sets) != 1 {
		t.Errorf("sessions %+v %v: want yesterday's untouched and a new one", list, err)
	}
}
