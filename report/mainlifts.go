package report

import (
	"sort"

	"github.com/backload/backload"
)

// MainLifts returns up to n lifts (by LiftKey) to chart by default: those
// with an estimated 1RM on the most rows, among the barbell-style classes
// (spinal-heavy, loaded flexion, spine-neutral lower body, upper body),
// since a 1RM of a plank or a run means nothing. Ties go to the key first
// in alphabetical order, so the choice is stable.
func MainLifts(rows []ExerciseRow, n int) []string {
	counts := map[string]int{}
	for i := range rows {
		row := &rows[i]
		switch row.Class {
		case backload.CoreEndurance, backload.Other:
			continue
		}
		if row.BestE1RMKg > 0 {
			counts[LiftKey(*row)]++
		}
	}
	keys := make([]string, 0, len(counts))
	for k := range counts {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(i, j int) bool {
		if counts[keys[i]] != counts[keys[j]] {
			return counts[keys[i]] > counts[keys[j]]
		}
		return keys[i] < keys[j]
	})
	if len(keys) > n {
		keys = keys[:max(n, 0)]
	}
	return keys
}
