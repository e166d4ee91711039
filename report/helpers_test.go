package report

import (
	"math"
	"testing"
	"time"

	"github.com/backload/backload"
)

// day parses a YYYY-MM-DD date as midnight UTC, failing the test on a typo.
func day(tb testing.TB, s string) time.Time {
	tb.Helper()
	t, err := time.Parse("2006-01-02", s)
	if err != nil {
		tb.Fatalf("bad date %q: %v", s, err)
	}
	return t
}

// span is the range of two YYYY-MM-DD dates.
func span(tb testing.TB, from, to string) Range {
	tb.Helper()
	return Range{From: day(tb, from), To: day(tb, to)}
}

// lift is a row of a weighted exercise: volume over every set, working
// volume, top working weight and best estimated 1RM.
func lift(tb testing.TB, date string, c backload.Class, id, input string, vol, working, top, e1rm float64) ExerciseRow {
	tb.Helper()
	ws := 0
	if working > 0 || top > 0 {
		ws = 3
	}
	return ExerciseRow{Day: day(tb, date), Class: c, ExerciseID: id, Input: input, Sets: 4, WorkingSets: ws, Reps: 20,
		VolumeKg: vol, WorkingVolumeKg: working, TopWorkingKg: top, BestE1RMKg: e1rm}
}

// hold is a row of a core exercise: reps holds, the longest of secs.
func hold(tb testing.TB, date, id, input string, reps, secs int) ExerciseRow {
	tb.Helper()
	return ExerciseRow{Day: day(tb, date), Class: backload.CoreEndurance, ExerciseID: id, Input: input,
		Sets: 3, WorkingSets: 3, Reps: reps, LongestHoldS: secs}
}

func near(a, b float64) bool { return math.Abs(a-b) < 1e-9 }
