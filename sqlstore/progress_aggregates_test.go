package sqlstore_test

import (
	"context"
	"fmt"
	"math"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/backload/backload"
	"github.com/backload/backload/report"
	"github.com/backload/backload/sqlstore"
)

// aggregateLifts are the exercises the random histories draw from: every
// class, a name logged two ways for one catalog exercise, and one name the
// catalog does not know.
var aggregateLifts = []backload.ExerciseLog{
	{Input: "Squat (Barbell)", ExerciseID: "barbell-back-squat", Class: backload.SpinalHeavy},
	{Input: "Back Squat", ExerciseID: "barbell-back-squat", Class: backload.SpinalHeavy},
	{Input: "Good Morning", ExerciseID: "good-morning", Class: backload.LoadedFlexion},
	{Input: "Leg Press", ExerciseID: "leg-press", Class: backload.SpineNeutralLower},
	{Input: "Plank", ExerciseID: "front-plank", Class: backload.CoreEndurance},
	{Input: "Bench Press (Barbell)", ExerciseID: "barbell-bench-press", Class: backload.UpperBody},
	{Input: "Mystery Machine", Class: backload.Other},
}

// randomSession is a session at a random hour of day d of a random history:
// hours near midnight are favoured, where local days and weeks part from
// UTC's.
func randomSession(rng *rand.Rand, base time.Time, title string) backload.Session {
	hour := []int{0, 1, 2, 3, 11, 12, 21, 22, 23}[rng.IntN(9)]
	at := base.AddDate(0, 0, rng.IntN(400)).Add(time.Duration(hour)*time.Hour + time.Duration(rng.IntN(60))*time.Minute)
	s := backload.Session{StartedAt: at, Title: title, Source: "backload"}
	for range 1 + rng.IntN(3) {
		e := aggregateLifts[rng.IntN(len(aggregateLifts))]
		e.Sets = nil
		for range 1 + rng.IntN(4) {
			set := backload.Set{Kind: backload.Working, WeightKg: float64(20 + 5*rng.IntN(30)), Reps: 1 + rng.IntN(12), Unit: backload.Kilograms}
			switch {
			case e.Class == backload.CoreEndurance:
				set = backload.Set{Kind: backload.Working, Seconds: 10 + rng.IntN(90)}
			case rng.IntN(4) == 0:
				set.Kind = backload.WarmUp
			}
			e.Sets = append(e.Sets, set)
		}
		s.Exercises = append(s.Exercises, e)
	}
	return s
}

// TestProgressAggregatesMatchRows drives one account through every kind of
// write, in zones with clock changes and odd offsets, and after each checks
// the kept aggregates against the same sums taken from the exercise rows.
func TestProgressAggregatesMatchRows(t *testing.T) {
	forEachEngine(t, func(t *testing.T) {
		ctx := context.Background()
		db := MustOpenDB(t)
		u := MustCreateUser(t, db, "aggregates@example.com")
		bystander := MustCreateUser(t, db, "bystander@example.com")
		rng := rand.New(rand.NewPCG(7, 11))
		// 1969 and 1970: sessions before the Unix epoch, where day numbers
		// go negative, and across it.
		bases := []time.Time{time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC), time.Date(1969, 6, 1, 0, 0, 0, 0, time.UTC)}
		n := 0
		newSession := func() backload.Session {
			n++
			return randomSession(rng, bases[n%len(bases)], fmt.Sprint("S", n))
		}
		var batch []backload.Session
		for range 60 {
			batch = append(batch, newSession())
		}
		if _, err := db.ImportSessions(ctx, bystander.ID, "", batch[:10], nil); err != nil {
			t.Fatal(err)
		}
		steps := []struct {
			name string
			do   func(t *testing.T)
		}{
			{"import", func(t *testing.T) {
				if _, err := db.ImportSessions(ctx, u.ID, "", batch, nil); err != nil {
					t.Fatal(err)
				}
			}},
			{"import more sets into stored sessions", func(t *testing.T) {
				longer := slices.Clone(batch[:20])
				for i := range longer {
					longer[i].Exercises = slices.Clone(longer[i].Exercises)
					e := &longer[i].Exercises[0]
					e.Sets = append(slices.Clone(e.Sets), backload.Set{Kind: backload.Working, WeightKg: 42.5, Reps: 3, Unit: backload.Kilograms})
				}
				if _, err := db.ImportSessions(ctx, u.ID, "", longer, nil); err != nil {
					t.Fatal(err)
				}
			}},
			{"add", func(t *testing.T) {
				for range 5 {
					if _, err := db.AddSession(ctx, u.ID, newSession()); err != nil {
						t.Fatal(err)
					}
				}
			}},
			{"move sessions to other weeks", func(t *testing.T) {
				for _, s := range mustSessions(t, db, u.ID)[:8] {
					moved := newSession()
					if err := db.ReplaceSession(ctx, u.ID, s.ID, moved); err != nil {
						t.Fatal(err)
					}
				}
			}},
			{"delete", func(t *testing.T) {
				for _, s := range mustSessions(t, db, u.ID)[10:16] {
					if err := db.DeleteSession(ctx, u.ID, s.ID); err != nil {
						t.Fatal(err)
					}
				}
			}},
			{"reclassify a name", func(t *testing.T) {
				o := sqlstore.Override{NameKey: "mystery machine", Class: backload.SpinalHeavy}
				if _, err := db.SaveOverride(ctx, u.ID, o, strings.ToLower); err != nil {
					t.Fatal(err)
				}
			}},
			{"move to Lord Howe Island", func(t *testing.T) {
				// Half-hour daylight saving on a +10:30 zone.
				u.TimeZone = "Australia/Lord_Howe"
				if err := db.UpdateSettings(ctx, u); err != nil {
					t.Fatal(err)
				}
			}},
			{"write in the new zone", func(t *testing.T) {
				for range 5 {
					if _, err := db.AddSession(ctx, u.ID, newSession()); err != nil {
						t.Fatal(err)
					}
				}
			}},
			{"move to New York", func(t *testing.T) {
				u.TimeZone = "America/New_York"
				if err := db.UpdateSettings(ctx, u); err != nil {
					t.Fatal(err)
				}
				// Read once, so the writes below update built aggregates.
				if _, err := db.WeeklyRows(ctx, u.ID, day("1960-01-01"), day("2030-01-01")); err != nil {
					t.Fatal(err)
				}
				for _, s := range mustSessions(t, db, u.ID)[:4] {
					if err := db.ReplaceSession(ctx, u.ID, s.ID, newSession()); err != nil {
						t.Fatal(err)
					}
				}
			}},
		}
		for _, step := range steps {
			step.do(t)
			checkAggregates(t, db, u)
		}
		checkAggregates(t, db, bystander)
	})
}

func mustSessions(t *testing.T, db *sqlstore.DB, userID int64) []backload.Session {
	t.Helper()
	s, err := db.Sessions(context.Background(), userID, sqlstore.SessionFilter{})
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// checkAggregates compares WeeklyRows and DailyLoads with sums of every
// exercise row of u.
func checkAggregates(t *testing.T, db *sqlstore.DB, u backload.User) {
	t.Helper()
	ctx := context.Background()
	loc, err := time.LoadLocation(u.TimeZone)
	if err != nil {
		t.Fatal(err)
	}
	rows, err := db.ExerciseRows(ctx, u.ID, time.Date(1900, 1, 1, 0, 0, 0, 0, time.UTC), time.Date(2100, 1, 1, 0, 0, 0, 0, time.UTC), loc)
	if err != nil {
		t.Fatal(err)
	}
	from, to := day("1960-01-01"), day("2030-01-01")
	gotWeeks, err := db.WeeklyRows(ctx, u.ID, from, to)
	if err != nil {
		t.Fatal(err)
	}
	gotDays, err := db.DailyLoads(ctx, u.ID, from, to)
	if err != nil {
		t.Fatal(err)
	}
	if diff := diffRows(sumByWeek(rows), gotWeeks); diff != "" {
		t.Errorf("%s, zone %s: weekly aggregates differ from the rows:\n%s", u.Email, u.TimeZone, diff)
	}
	wantDays := report.DailyLoads(rows)
	if len(gotDays) != len(wantDays) {
		t.Fatalf("%s: %d days aggregated, the rows hold %d", u.Email, len(gotDays), len(wantDays))
	}
	for i := range wantDays {
		if !gotDays[i].Day.Equal(wantDays[i].Day) || math.Abs(gotDays[i].SpinalLoadKg-wantDays[i].SpinalLoadKg) > 1e-6 {
			t.Errorf("%s: day %d is %+v, the rows say %+v", u.Email, i, gotDays[i], wantDays[i])
		}
	}
}

// sumByWeek groups rows as the aggregates do: by Monday, class, exercise
// and name, in that order.
func sumByWeek(rows []report.ExerciseRow) []report.ExerciseRow {
	type key struct {
		monday            time.Time
		class             backload.Class
		exerciseID, input string
	}
	sums := map[key]*report.ExerciseRow{}
	var keys []key
	for _, r := range rows {
		monday := r.Day.AddDate(0, 0, -((int(r.Day.Weekday()) + 6) % 7))
		k := key{monday, r.Class, r.ExerciseID, r.Input}
		s, ok := sums[k]
		if !ok {
			s = &report.ExerciseRow{Day: monday, Class: r.Class, ExerciseID: r.ExerciseID, Input: r.Input}
			sums[k] = s
			keys = append(keys, k)
		}
		s.Sets += r.Sets
		s.WorkingSets += r.WorkingSets
		s.Reps += r.Reps
		s.VolumeKg += r.VolumeKg
		s.WorkingVolumeKg += r.WorkingVolumeKg
		s.TopWorkingKg = max(s.TopWorkingKg, r.TopWorkingKg)
		s.BestE1RMKg = max(s.BestE1RMKg, r.BestE1RMKg)
		s.LongestHoldS = max(s.LongestHoldS, r.LongestHoldS)
	}
	slices.SortFunc(keys, func(a, b key) int {
		return cmpAll(a.monday.Compare(b.monday), strings.Compare(string(a.class), string(b.class)),
			strings.Compare(a.exerciseID, b.exerciseID), strings.Compare(a.input, b.input))
	})
	out := make([]report.ExerciseRow, len(keys))
	for i, k := range keys {
		out[i] = *sums[k]
	}
	return out
}

func cmpAll(cs ...int) int {
	for _, c := range cs {
		if c != 0 {
			return c
		}
	}
	return 0
}

func diffRows(want, got []report.ExerciseRow) string {
	var b strings.Builder
	if len(want) != len(got) {
		fmt.Fprintf(&b, "%d rows, want %d\n", len(got), len(want))
	}
	for i := range min(len(want), len(got)) {
		w, g := want[i], got[i]
		kg := func(a, b float64) bool { return math.Abs(a-b) < 1e-6 }
		if !w.Day.Equal(g.Day) || w.Class != g.Class || w.ExerciseID != g.ExerciseID || w.Input != g.Input ||
			w.Sets != g.Sets || w.WorkingSets != g.WorkingSets || w.Reps != g.Reps || w.LongestHoldS != g.LongestHoldS ||
			!kg(w.VolumeKg, g.VolumeKg) || !kg(w.WorkingVolumeKg, g.WorkingVolumeKg) || !kg(w.TopWorkingKg, g.TopWorkingKg) ||
			!kg(w.BestE1RMKg, g.BestE1RMKg) {
			fmt.Fprintf(&b, "row %d: got  %+v\n        want %+v\n", i, g, w)
			if b.Len() > 2000 {
				break
			}
		}
	}
	return b.String()
}
