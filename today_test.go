package backload_test

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/backload/backload"
)

// days builds daily check-ins from a string of zones, one letter a day
// ending on end: g green (pain 1), a amber (pain 4), r red (pain 7), and .
// for a day without a check-in.
func days(end time.Time, zones string) []backload.DailyCheckIn {
	pain := map[rune]int{'g': 1, 'a': 4, 'r': 7}
	var out []backload.DailyCheckIn
	for i, z := range zones {
		if z == '.' {
			continue
		}
		d := end.AddDate(0, 0, i-len(zones)+1)
		out = append(out, backload.DailyCheckIn{Date: d.Format(time.DateOnly), CheckIn: backload.CheckIn{Pain: pain[z]}})
	}
	return out
}

var today = time.Date(2026, 11, 23, 0, 0, 0, 0, time.UTC)

func TestFlare(t *testing.T) {
	p := backload.DefaultPolicy()
	tests := []struct {
		zones string
		phase backload.Phase
		began int // days before today, when in a flare or returning
		start int // days before today the ramp started
		week  int
		resp  string
	}{
		{"ggggggg", backload.NoFlare, 0, 0, 0, ""},
		{"gaaagag", backload.NoFlare, 0, 0, 0, ""}, // amber alone never starts a flare
		{"gggaarr", backload.InFlare, 3, 0, 0, ""},
		{"ggarrgg", backload.InFlare, 4, 0, 0, ""}, // two calm days are not yet three
		{"ggarrggg", backload.Returning, 5, 0, 1, ""},
		{"garg.gaggggggggg", backload.Returning, 14, 9, 2, "a"},
		{"gargggggggggggggggggg", backload.Returning, 19, 15, 3, "gg"},
		{"garggggggrggggggggggg", backload.Returning, 19, 15, 3, "rg"}, // one red day steps back, no new flare
		{"garggggggrrrgg", backload.InFlare, 12, 0, 0, ""},             // three reds in a row: flared again
	}
	for _, tc := range tests {
		t.Run(tc.zones, func(t *testing.T) {
			st := backload.Flare(days(today, tc.zones), today, p)
			if st.Phase != tc.phase {
				t.Fatalf("phase %q, want %q", st.Phase, tc.phase)
			}
			if tc.phase == backload.NoFlare {
				return
			}
			if want := today.AddDate(0, 0, -tc.began); !st.Began.Equal(want) {
				t.Errorf("began %s, want %s", st.Began.Format(time.DateOnly), want.Format(time.DateOnly))
			}
			if tc.phase != backload.Returning {
				return
			}
			if want := today.AddDate(0, 0, -tc.start); !st.RampStart.Equal(want) || st.Week != tc.week {
				t.Errorf("ramp start %s week %d, want %s week %d", st.RampStart.Format(time.DateOnly), st.Week, want.Format(time.DateOnly), tc.week)
			}
			var resp string
			for _, z := range st.Responses {
				resp += string(z[0])
			}
			if resp != tc.resp {
				t.Errorf("responses %q, want %q", resp, tc.resp)
			}
		})
	}
}

func TestWeeklyTrend(t *testing.T) {
	p := backload.DefaultPolicy()
	mk := func(pains ...int) []backload.DailyCheckIn {
		var out []backload.DailyCheckIn
		for i, pain := range pains {
			out = append(out, backload.DailyCheckIn{Date: today.AddDate(0, 0, i-len(pains)+1).Format(time.DateOnly), CheckIn: backload.CheckIn{Pain: pain}})
		}
		return out
	}
	tests := []struct {
		name string
		in   []backload.DailyCheckIn
		want backload.Trend
	}{
		{"rising", mk(2, 2, 2, 2, 2, 2, 2, 3, 3, 3, 4, 4, 4, 4), backload.Rising},
		{"falling", mk(5, 5, 5, 5, 5, 5, 5, 3, 3, 3, 3, 3, 3, 3), backload.Falling},
		{"flat", mk(3, 3, 3, 3, 3, 3, 3, 3, 4, 3, 3, 3, 3, 3), backload.Flat},
		{"too few", mk(1, 7), ""},
	}
	for _, tc := range tests {
		if got := backload.WeeklyTrend(tc.in, today, p); got != tc.want {
			t.Errorf("%s: %q, want %q", tc.name, got, tc.want)
		}
	}
}

func squatSession(at time.Time, kg float64) backload.Session {
	return backload.Session{StartedAt: at, Title: "Lower", Source: "log", Exercises: []backload.ExerciseLog{
		{Input: "Squat (Barbell)", Class: backload.SpinalHeavy, Sets: []backload.Set{
			{Kind: backload.WarmUp, WeightKg: 60, Reps: 5},
			{Kind: backload.Working, WeightKg: kg, Reps: 5},
			{Kind: backload.Working, WeightKg: kg, Reps: 5},
			{Kind: backload.Working, WeightKg: kg, Reps: 4},
		}},
		{Input: "Bench Press (Barbell)", Class: backload.UpperBody, Sets: []backload.Set{
			{Kind: backload.Working, WeightKg: 80, Reps: 8},
		}},
	}}
}

func TestPlannedItems(t *testing.T) {
	items := backload.PlannedItems(squatSession(today, 100), backload.Pounds)
	if len(items) != 2 {
		t.Fatalf("%d items", len(items))
	}
	if sq := items[0]; sq.Sets != 3 || sq.Reps != 5 || sq.Weight != 220.46 {
		t.Errorf("squat planned as %+v, want 3 x 5 @ 220.46 lb", sq)
	}
}

func TestToday(t *testing.T) {
	p := backload.DefaultPolicy()
	cat := newFakeCatalog()
	history := backload.LiftRecordsOf([]backload.Session{squatSession(today.AddDate(0, 0, -40), 140)}, p)
	t.Run("ErrNoCheckIn", func(t *testing.T) {
		_, err := backload.Today(backload.TodayInput{Date: today, Units: backload.Kilograms}, cat, p)
		if backload.ErrorCode(err) != backload.EINVALID {
			t.Errorf("err %v", err)
		}
	})
	t.Run("green without a flare keeps the plan", func(t *testing.T) {
		planned := squatSession(today.AddDate(0, 0, -2), 140)
		plan, err := backload.Today(backload.TodayInput{Date: today, Units: backload.Kilograms, CheckIns: days(today, "ggg"), Planned: &planned, History: history}, cat, p)
		if err != nil {
			t.Fatal(err)
		}
		if plan.Adapted.Zone != backload.Green || plan.Adapted.Items[0].Weight != 140 || plan.Ramp != nil {
			t.Errorf("plan %+v", plan.Adapted.Items[0])
		}
	})
	t.Run("returning follows the ramp", func(t *testing.T) {
		// A flare 20 days ago, settled 16 days ago: ramp week 3 after two
		// green weeks. The lifter squatted 80 kg during the flare.
		planned := squatSession(today.AddDate(0, 0, -1), 80)
		in := backload.TodayInput{Date: today, Units: backload.Kilograms, CheckIns: days(today, "garrggggggggggggggggg"),
			Planned: &planned, History: append(history, backload.LiftRecordsOf([]backload.Session{planned}, p)...)}
		plan, err := backload.Today(in, cat, p)
		if err != nil {
			t.Fatal(err)
		}
		if plan.Flare.Phase != backload.Returning || plan.Ramp == nil {
			t.Fatalf("flare %+v", plan.Flare)
		}
		sq := plan.Adapted.Items[0]
		// Week 3 after two green weeks: two steps of at most 10% of
		// 140 kg above the 80 kg in use (below 60%, so the start).
		if sq.Weight <= 92.5 || sq.Weight > 108 || sq.Action != backload.ActionKeep {
			t.Errorf("squat %v kg (%s), want two steps above 80 kg, kept", sq.Weight, sq.Action)
		}
		if bench := plan.Adapted.Items[1]; bench.Weight != 80 {
			t.Errorf("bench %v, want 80 (upper body never left)", bench.Weight)
		}
		last := plan.Adapted.Messages[len(plan.Adapted.Messages)-1]
		if !strings.Contains(last, "week 3 of") {
			t.Errorf("no ramp message: %q", last)
		}
	})
	t.Run("a stale check-in is named", func(t *testing.T) {
		planned := squatSession(today.AddDate(0, 0, -2), 100)
		plan, err := backload.Today(backload.TodayInput{Date: today, Units: backload.Kilograms, CheckIns: days(today.AddDate(0, 0, -3), "g"), Planned: &planned}, cat, p)
		if err != nil {
			t.Fatal(err)
		}
		if want := fmt.Sprint("latest check-in, from ", today.AddDate(0, 0, -3).Format(time.DateOnly)); !strings.Contains(plan.Adapted.Messages[0], want) {
			t.Errorf("first message %q", plan.Adapted.Messages[0])
		}
	})
}
