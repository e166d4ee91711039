package report

import (
	"reflect"
	"testing"

	"github.com/backload/backload"
)

func TestE1RM(t *testing.T) {
	rows := []ExerciseRow{
		lift(t, "2026-03-05", backload.SpinalHeavy, "squat", "Squat (Barbell)", 0, 0, 90, 110),
		lift(t, "2026-03-02", backload.SpinalHeavy, "squat", "Squat (Barbell)", 0, 0, 85, 100),
		lift(t, "2026-03-16", backload.SpinalHeavy, "squat", "Squat (Barbell)", 0, 0, 85, 105),
		lift(t, "2026-03-17", backload.SpinalHeavy, "squat", "Squat (Barbell)", 0, 0, 0, 0),       // no estimate
		lift(t, "2026-03-30", backload.SpinalHeavy, "squat", "Back Squat", 0, 0, 100, 140),        // after the range
		lift(t, "2026-03-10", backload.SpinalHeavy, "", "Trap bar DL", 0, 0, 120, 150),            // inferred: keyed by name
		lift(t, "2026-03-10", backload.UpperBody, "bench-press", "Bench", 0, 0, 70, 90),           // not asked for
		lift(t, "2026-03-11", backload.SpinalHeavy, "", "Trap bar DL", 0, 0, 110, 140),            // same week, lower
		lift(t, "2026-02-23", backload.SpinalHeavy, "", "Trap bar DL", 0, 0, 130, 160),            // before the range
		lift(t, "2026-03-12", backload.SpinalHeavy, "deadlift", "Deadlift (Barbell)", 0, 0, 0, 0), // no estimate
	}
	got := E1RM(rows, []string{"squat", "Trap bar DL", "deadlift"}, span(t, "2026-03-02", "2026-03-22"))
	want := []LiftSeries{
		// The week of 2 March keeps its best, 110; the name is the newest.
		{Lift: "squat", Name: "Back Squat", Points: []Point{{day(t, "2026-03-02"), 110}, {day(t, "2026-03-16"), 105}}},
		{Lift: "Trap bar DL", Name: "Trap bar DL", Points: []Point{{day(t, "2026-03-09"), 150}}},
		// No estimate at all: an empty series named by its key.
		{Lift: "deadlift", Name: "deadlift", Points: []Point{}},
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("got  %+v\nwant %+v", got, want)
	}
}

func TestMainLifts(t *testing.T) {
	var rows []ExerciseRow
	add := func(n int, c backload.Class, id, input string, e1rm float64) {
		for range n {
			rows = append(rows, lift(t, "2026-03-02", c, id, input, 1, 1, 1, e1rm))
		}
	}
	add(5, backload.SpinalHeavy, "squat", "Squat", 100)
	add(5, backload.UpperBody, "bench-press", "Bench", 80)
	add(3, backload.SpinalHeavy, "", "Trap bar DL", 150)
	add(9, backload.CoreEndurance, "suitcase-carry", "Carry", 60) // a 1RM of a carry means nothing
	add(9, backload.Other, "sled-push", "Sled", 200)
	add(9, backload.UpperBody, "lat-pulldown", "Pulldown", 0) // no estimate
	tests := []struct {
		n    int
		want []string
	}{
		{2, []string{"bench-press", "squat"}}, // a tie of 5: alphabetical
		{9, []string{"bench-press", "squat", "Trap bar DL"}},
		{0, []string{}},
	}
	for _, tt := range tests {
		if got := MainLifts(rows, tt.n); !reflect.DeepEqual(got, tt.want) {
			t.Errorf("MainLifts(%d) = %q, want %q", tt.n, got, tt.want)
		}
	}
}

func TestPreFlareVsNow(t *testing.T) {
	p := backload.DefaultPolicy() // PreFlareLookback 28
	sq := func(date string, top, e1rm float64) ExerciseRow {
		return lift(t, date, backload.SpinalHeavy, "squat", "Squat", 1, 1, top, e1rm)
	}
	rows := []ExerciseRow{
		sq("2026-03-03", 180, 200), // 29 days before the flare: outside
		sq("2026-03-04", 130, 150), // 28 days before: the first day in
		sq("2026-03-31", 140, 160), // the day before the flare
		sq("2026-04-01", 170, 170), // the flare's first day: neither
		sq("2026-04-13", 90, 110),  // 27 days before today: the first day of now
		sq("2026-05-10", 100, 120), // today
		sq("2026-05-11", 300, 300), // after today
		lift(t, "2026-03-20", backload.UpperBody, "bench-press", "Bench", 1, 1, 60, 70),
	}
	got := PreFlareVsNow(rows, []string{"squat", "deadlift"}, day(t, "2026-04-01"), day(t, "2026-05-10"), p)
	want := []FlareComparison{
		{Lift: "squat", Name: "Squat", BeforeE1RMKg: 160, NowE1RMKg: 120, BeforeTopKg: 140, NowTopKg: 100},
		{Lift: "deadlift", Name: "deadlift"},
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("got  %+v\nwant %+v", got, want)
	}
}
