package report

import (
	"strings"
	"time"

	"github.com/backload/backload"
)

// AdherenceToleranceKg is how far under the planned weight a working set
// may be and still count the lift as done: a plan in one unit loaded with
// the other's plates lands a fraction under (135 lb is 61.23 kg; the
// nearest kg load is 61.25 or 60), and rounding in a logging app does the
// same. Half a kilogram is well under the usual plate step (2.5 kg a
// pair), so loading a step lighter than planned does not count as done.
const AdherenceToleranceKg = 0.5

// kgPerPound is the international avoirdupois pound, by definition.
const kgPerPound = 0.45359237

// AdherenceWeek is one week of a return ramp, planned against done.
type AdherenceWeek struct {
	// Week counts from 1; Start is its first day, at midnight UTC. Ramp
	// weeks start on the ramp's start day, not on a Monday.
	Week  int
	Start time.Time
	// Planned is the number of lifts planned that week; Done how many of
	// them had a working set at or above the planned weight, less
	// AdherenceToleranceKg.
	Planned, Done int
	// Upcoming is true for a week that starts after today: nothing done in
	// it yet is not a miss.
	Upcoming bool
	Lifts    []LiftAdherence
}

// LiftAdherence is one planned lift in one week.
type LiftAdherence struct {
	// Name is the lift as planned.
	Name string
	// PlannedKg is the planned weight in kg; BestKg the heaviest working
	// set of the lift that week, 0 when it was not done.
	PlannedKg, BestKg float64
	Done              bool
}

// Adherence compares a return ramp with what was done: for each week of
// plan, how many of its lifts were planned and how many done. A row
// matches a planned lift when their catalog slugs agree, or when the names
// agree ignoring case. u is the unit the plan's weights are in (empty means
// kg); rows are always in kg.
//
// It returns an EINVALID *backload.Error when a week has no start date
// (a ramp planned without a start), since done cannot be placed in time.
func Adherence(plan backload.RampResponse, u backload.Unit, rows []ExerciseRow, today time.Time) ([]AdherenceWeek, error) {
	toKg := 1.0
	if u == backload.Pounds {
		toKg = kgPerPound
	}
	out := make([]AdherenceWeek, len(plan.Weeks))
	starts := make([]int, len(plan.Weeks))
	for i, w := range plan.Weeks {
		d, ok := parseDay(w.Starts)
		if !ok {
			return nil, backload.Errorf(backload.EINVALID, "ramp week %d has no start date (%q), so what was done cannot be matched to it", w.Week, w.Starts)
		}
		starts[i] = d
		out[i] = AdherenceWeek{Week: w.Week, Start: dayTime(d), Planned: len(w.Lifts), Upcoming: d > dayOf(today),
			Lifts: make([]LiftAdherence, len(w.Lifts))}
		for j, l := range w.Lifts {
			out[i].Lifts[j] = LiftAdherence{Name: l.Input, PlannedKg: clean(l.Weight * toKg)}
		}
	}
	for i := range rows {
		row := &rows[i]
		if row.WorkingSets == 0 {
			continue
		}
		w := rampWeek(starts, dayOf(row.Day))
		if w < 0 {
			continue
		}
		for j, l := range plan.Weeks[w].Lifts {
			if matches(row, l) {
				la := &out[w].Lifts[j]
				la.BestKg = max(la.BestKg, row.TopWorkingKg)
				// A plan of 0 kg (a bodyweight lift) is done by any
				// working set, hence a flag rather than BestKg > 0.
				la.Done = la.Done || row.TopWorkingKg >= la.PlannedKg-AdherenceToleranceKg
			}
		}
	}
	for i := range out {
		for j := range out[i].Lifts {
			if out[i].Lifts[j].Done {
				out[i].Done++
			}
		}
	}
	return out, nil
}

// rampWeek returns the index of the week holding day d: a week runs seven
// days from its start, or up to the next week's start if that is sooner.
func rampWeek(starts []int, d int) int {
	if len(starts) == 0 || d < starts[0] || d >= starts[len(starts)-1]+7 {
		return -1 // most history lies outside the plan: answer it at once
	}
	for i := len(starts) - 1; i >= 0; i-- {
		if d >= starts[i] {
			if d < starts[i]+7 {
				return i
			}
			return -1
		}
	}
	return -1
}

func matches(row *ExerciseRow, l backload.RampedLift) bool {
	if l.Exercise != "" && row.ExerciseID == l.Exercise {
		return true
	}
	return strings.EqualFold(strings.TrimSpace(row.Input), strings.TrimSpace(l.Input))
}
