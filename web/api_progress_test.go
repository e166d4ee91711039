package web

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/backload/backload"
)

// progressHistory is a lifter's last twelve weeks, ending today (UTC):
//   - from 84 to 37 days ago, a session every other day: squat 5x5 at
//     100 kg (2,500 kg of spinal load) and a 45 s plank; from 60 to 54 days
//     ago each session adds 5x5 of deadlift at 140 kg, a jump in spinal load
//     that the spike warning must catch;
//   - check-ins from 45 days ago: a red day 36 days ago (the flare), green
//     days otherwise, which settle the flare 33 days ago: the return ramp
//     runs, in its fifth week today;
//   - after the flare, squat 3x5 at 60 kg every other day: ramp week 1's
//     weight, so week 1 is done and the later weeks are not.
func progressHistory(today time.Time) ([]backload.Session, []backload.DailyCheckIn) {
	squat := func(kg float64, sets int) backload.ExerciseLog {
		e := backload.ExerciseLog{Input: "Squat (Barbell)", ExerciseID: "barbell-back-squat", Class: backload.SpinalHeavy}
		for range sets {
			e.Sets = append(e.Sets, backload.Set{Kind: backload.Working, WeightKg: kg, Reps: 5, Unit: backload.Kilograms})
		}
		return e
	}
	plank := backload.ExerciseLog{Input: "Plank", ExerciseID: "front-plank", Class: backload.CoreEndurance,
		Sets: []backload.Set{{Kind: backload.Working, Seconds: 45}}}
	var sessions []backload.Session
	for ago := 84; ago >= 1; ago -= 2 {
		s := backload.Session{StartedAt: today.AddDate(0, 0, -ago).Add(7 * time.Hour), Title: "Lower", Source: "strong"}
		switch {
		case ago >= 37:
			s.Exercises = []backload.ExerciseLog{squat(100, 5), plank}
			if ago <= 60 && ago >= 54 {
				dl := squat(140, 5)
				dl.Input, dl.ExerciseID = "Deadlift (Barbell)", "barbell-deadlift"
				s.Exercises = append(s.Exercises, dl)
			}
		case ago <= 34:
			s.Exercises = []backload.ExerciseLog{squat(60, 3), plank}
		default:
			continue // the flare: no training
		}
		sessions = append(sessions, s)
	}
	var checkins []backload.DailyCheckIn
	for ago := 45; ago >= 0; ago-- {
		pain := 1
		if ago == 36 {
			pain = 7
		}
		checkins = append(checkins, backload.DailyCheckIn{Date: today.AddDate(0, 0, -ago).Format(time.DateOnly),
			CheckIn: backload.CheckIn{Pain: pain, RedFlags: []backload.RedFlag{}}})
	}
	return sessions, checkins
}

// progressBody is the part of the document the tests read.
type progressBody struct {
	From, To string
	Weeks    []struct {
		Start        string
		SpinalLoadKg float64            `json:"spinal_load_kg"`
		VolumeKg     float64            `json:"volume_kg"`
		ByClass      map[string]float64 `json:"by_class"`
	}
	Pain struct {
		Days    []struct{ Day, Zone string }
		Summary struct{ CheckIns, Amber, Red int }
	}
	E1RM struct {
		Estimate bool
		Lifts    []struct {
			Lift   string
			Points []struct {
				Week string
				Kg   float64
			}
		}
	}
	Flare *struct {
		Phase, Began string
		Lifts        []struct {
			Lift        string
			BeforeTopKg float64 `json:"before_top_kg"`
			NowTopKg    float64 `json:"now_top_kg"`
		}
	}
	Core []struct {
		LongestHoldS int `json:"longest_hold_s"`
		CoreSetReps  int `json:"core_set_reps"`
	}
	Adherence []struct{ Week, Planned, Done int }
	Spike     struct {
		Days    []struct{ Day string }
		Message string
	}
}

func TestProgressAPI(t *testing.T) {
	ts := newTestServer(t)
	a := ts.signUp(t, "a@example.com", backload.Lifter)
	b := ts.signUp(t, "b@example.com", backload.Lifter)
	today := localToday(a.user)
	sessions, checkins := progressHistory(today)
	if _, err := ts.db.ImportSessions(context.Background(), a.user.ID, "", sessions, checkins); err != nil {
		t.Fatal(err)
	}
	get := func(c *client, path string) (int, []byte) {
		t.Helper()
		status, body := c.do("GET", path, nil)
		if status == http.StatusOK {
			template := "/api/v1/progress"
			if strings.HasPrefix(path, "/api/v1/lifters/") {
				template = "/api/v1/lifters/{lifter}/progress"
			}
			checkResponse(t, "GET", template, status, c.header, body)
		}
		return status, body
	}

	t.Run("Shape", func(t *testing.T) {
		status, body := get(a, "/api/v1/progress?range=12w")
		if status != 200 {
			t.Fatalf("%d %s", status, body)
		}
		var pr progressBody
		if err := json.Unmarshal(body, &pr); err != nil {
			t.Fatal(err)
		}
		if pr.From != today.AddDate(0, 0, -83).Format(time.DateOnly) || pr.To != today.Format(time.DateOnly) {
			t.Errorf("range %s to %s, want twelve weeks to today", pr.From, pr.To)
		}
		if n := len(pr.Weeks); n < 12 || n > 13 || len(pr.Core) != n {
			t.Errorf("%d weeks and %d core weeks, want the same 12 or 13", n, len(pr.Core))
		}
		// Each week's spinal load is the sum over its sessions, worked out
		// here from the sessions themselves.
		want := map[string]float64{}
		for _, s := range sessions {
			d := s.StartedAt.UTC().Truncate(24 * time.Hour)
			monday := d.AddDate(0, 0, -((int(d.Weekday()) + 6) % 7)).Format(time.DateOnly)
			for _, e := range s.Exercises {
				if e.Class.LoadsSpine() {
					want[monday] += e.Summary(backload.DefaultPolicy()).WorkingVolumeKg
				}
			}
		}
		for _, w := range pr.Weeks {
			if w.SpinalLoadKg != want[w.Start] {
				t.Errorf("week of %s: spinal load %v, want %v", w.Start, w.SpinalLoadKg, want[w.Start])
			}
			if sum := w.ByClass["spinal-heavy"] + w.ByClass["core-endurance"] + w.ByClass["other"]; sum != w.VolumeKg {
				t.Errorf("week of %s: classes add to %v, volume %v", w.Start, sum, w.VolumeKg)
			}
		}
		if pr.Pain.Summary.CheckIns != 46 || len(pr.Pain.Days) != 46 || pr.Pain.Summary.Red != 1 {
			t.Errorf("pain: %d days, summary %+v; want 46 check-ins, one red", len(pr.Pain.Days), pr.Pain.Summary)
		}
		if !pr.E1RM.Estimate || len(pr.E1RM.Lifts) == 0 || pr.E1RM.Lifts[0].Lift != "barbell-back-squat" {
			t.Fatalf("e1rm: %+v", pr.E1RM)
		}
		if p := pr.E1RM.Lifts[0].Points[0]; p.Kg < 116.6 || p.Kg > 116.7 {
			t.Errorf("first squat estimate %v, want Epley's 116.67 for 100 kg x 5", p.Kg)
		}
		if pr.Flare == nil || pr.Flare.Phase != "return" || pr.Flare.Began != today.AddDate(0, 0, -36).Format(time.DateOnly) {
			t.Fatalf("flare %+v, want the return phase of a flare 36 days ago", pr.Flare)
		}
		if l := pr.Flare.Lifts[0]; l.Lift != "barbell-back-squat" || l.BeforeTopKg != 100 || l.NowTopKg != 60 {
			t.Errorf("pre-flare vs now: %+v, want squat 100 kg before, 60 now", l)
		}
		if len(pr.Adherence) < 5 || pr.Adherence[0].Planned != 1 || pr.Adherence[0].Done != 1 || pr.Adherence[1].Done != 0 {
			t.Errorf("adherence %+v, want five weeks or more, the first done, the second not", pr.Adherence)
		}
		if len(pr.Spike.Days) == 0 || !strings.Contains(pr.Spike.Message, "not a prediction of injury") {
			t.Errorf("spike %+v, want the deadlift weeks flagged as a prompt", pr.Spike)
		}
		for _, d := range pr.Spike.Days {
			if d.Day < today.AddDate(0, 0, -60).Format(time.DateOnly) || d.Day > today.AddDate(0, 0, -47).Format(time.DateOnly) {
				t.Errorf("spike on %s, outside the deadlift weeks and the week after", d.Day)
			}
		}
		if c := pr.Core[len(pr.Core)-2]; c.LongestHoldS != 45 || c.CoreSetReps != 0 {
			t.Errorf("core week %+v, want a 45 s plank (a hold, no reps)", c)
		}
	})
	t.Run("Ranges", func(t *testing.T) {
		for _, tc := range []struct {
			query, from string
		}{
			{"", today.AddDate(0, 0, -83).Format(time.DateOnly)},
			{"?range=4w", today.AddDate(0, 0, -27).Format(time.DateOnly)},
			{"?range=all", sessions[0].StartedAt.Format(time.DateOnly)},
			{"?from=2026-01-05&to=2026-02-01", "2026-01-05"},
		} {
			status, body := get(a, "/api/v1/progress"+tc.query)
			var pr progressBody
			json.Unmarshal(body, &pr)
			if status != 200 || pr.From != tc.from {
				t.Errorf("%q: %d from %s, want %s", tc.query, status, pr.From, tc.from)
			}
		}
	})
	t.Run("ErrRange", func(t *testing.T) {
		for _, tc := range []struct{ query, field string }{
			{"?range=5y", "range"},
			{"?range=4w&from=2026-01-01", "range"},
			{"?from=2026-13-01", "from"},
			{"?to=yesterday", "to"},
			{"?from=2026-03-31&to=2026-03-01", "to"},
			{"?from=1900-01-01&to=2026-03-01", "from"},
			{"?from=" + today.AddDate(0, 0, 3).Format(time.DateOnly), "from"},
		} {
			status, body := a.do("GET", "/api/v1/progress"+tc.query, nil)
			wantError(t, status, body, 400, tc.field)
		}
	})
	t.Run("OthersNeverVisible", func(t *testing.T) {
		status, body := get(b, "/api/v1/progress?range=all")
		var pr progressBody
		json.Unmarshal(body, &pr)
		if status != 200 || len(pr.Pain.Days) != 0 || len(pr.E1RM.Lifts) != 0 || pr.Flare != nil || strings.Contains(string(body), "Squat") {
			t.Errorf("B sees: %d %s", status, body)
		}
		for _, w := range pr.Weeks {
			if w.VolumeKg != 0 {
				t.Errorf("B's week of %s has volume %v", w.Start, w.VolumeKg)
			}
		}
		if status, body := b.do("GET", fmt.Sprintf("/api/v1/lifters/%d/progress", a.user.ID), nil); status != 404 || strings.Contains(string(body), "Squat") {
			t.Errorf("B reading A's progress as a coach: %d %s", status, body)
		}
	})
	t.Run("FreshAfterWrite", func(t *testing.T) {
		// Progress is cached under the data version: a changed check-in
		// must show in the very next answer.
		amber := func() int {
			t.Helper()
			_, body := get(a, "/api/v1/progress?range=4w")
			var pr progressBody
			json.Unmarshal(body, &pr)
			return pr.Pain.Summary.Amber
		}
		before := amber()
		if status, body := a.do("POST", "/api/v1/checkins", fmt.Sprintf(`{"date": %q, "pain": 3}`, today.AddDate(0, 0, -27).Format(time.DateOnly))); status != 201 {
			t.Fatalf("check-in: %d %s", status, body)
		}
		if after := amber(); after != before+1 {
			t.Errorf("%d amber days after making one of %d more amber", after, before)
		}
	})
	t.Run("Coach", func(t *testing.T) {
		coach := ts.signUp(t, "coach@example.com", backload.Coach)
		path := fmt.Sprintf("/api/v1/lifters/%d/progress?range=26w", a.user.ID)
		if status, _ := coach.do("GET", path, nil); status != 404 {
			t.Errorf("before the invite: %d, want 404", status)
		}
		_, body := a.do("POST", "/api/v1/invites", `{}`)
		var inv struct{ Token string }
		json.Unmarshal(body, &inv)
		if status, body := coach.do("POST", "/api/v1/invites/accept", fmt.Sprintf(`{"token": %q}`, inv.Token)); status != 200 {
			t.Fatalf("accept: %d %s", status, body)
		}
		status, theirs := get(coach, path)
		_, own := get(a, "/api/v1/progress?range=26w")
		if status != 200 || string(theirs) != string(own) {
			t.Errorf("the coach sees %d %s\nthe lifter sees %s", status, theirs, own)
		}
	})
}

func TestParseRangeInZone(t *testing.T) {
	// Far east of UTC the lifter's today is often UTC's tomorrow: the range
	// must end on the lifter's date.
	u := backload.User{TimeZone: "Pacific/Kiritimati"}
	req := httptest.NewRequest("GET", "/api/v1/progress?range=4w", nil)
	rng, err := parseRange(req, u)
	if err != nil {
		t.Fatal(err)
	}
	y, m, d := time.Now().In(u.Location()).Date()
	if want := time.Date(y, m, d, 0, 0, 0, 0, time.UTC); !rng.To.Equal(want) || !rng.From.Equal(want.AddDate(0, 0, -27)) {
		t.Errorf("range %v to %v, want 28 days to %v", rng.From, rng.To, want)
	}
}
