package report

import (
	"time"

	"github.com/backload/backload"
)

// CoreWeek is one week of core-endurance work (domain.md section 7).
type CoreWeek struct {
	// Start is the Monday, at midnight UTC.
	Start time.Time
	// LongestHoldS is the longest timed set of any core-endurance exercise
	// that week, and LongestHoldBy the exercise's name as logged; 0 and ""
	// when there was none.
	LongestHoldS  int
	LongestHoldBy string
	// CoreSetReps counts the repetitions (holds) of the core set,
	// Policy.CoreSet, over the week: the way core work progresses, by
	// adding holds rather than lengthening them.
	CoreSetReps int
}

// Core returns the weekly core-endurance measures over r, widened to whole
// weeks, one entry per week. Rows may come in any order.
func Core(rows []ExerciseRow, r Range, p backload.Policy) []CoreWeek {
	first, n := r.weeks()
	out := make([]CoreWeek, n)
	for i := range out {
		out[i].Start = dayTime(first + 7*i)
	}
	for i := range rows {
		row := &rows[i]
		if row.Class != backload.CoreEndurance && row.ExerciseID == "" {
			continue // cheap test first: most rows are neither
		}
		w := weekIndex(dayOf(row.Day), first, n)
		if w < 0 {
			continue
		}
		wk := &out[w]
		if row.Class == backload.CoreEndurance && row.LongestHoldS > wk.LongestHoldS {
			wk.LongestHoldS, wk.LongestHoldBy = row.LongestHoldS, row.Input
		}
		if inCoreSet(row.ExerciseID, p.CoreSet) {
			wk.CoreSetReps += row.Reps
		}
	}
	return out
}

func inCoreSet(id string, set []string) bool {
	if id == "" {
		return false
	}
	for _, s := range set {
		if s == id {
			return true
		}
	}
	return false
}
