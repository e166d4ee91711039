package report

import (
	"time"

	"github.com/backload/backload"
)

// RecentDays is the window, in days, of "now" when comparing with before a
// flare: four weeks, the same length as the default pre-flare lookback, so
// both sides have the same chance to hold a heavy week.
const RecentDays = 28

// FlareComparison is one lift's best before a flare against its best now.
type FlareComparison struct {
	// Lift is the LiftKey, Name how the lifter last logged it.
	Lift, Name string
	// BeforeE1RMKg and NowE1RMKg are the best estimated one-repetition
	// maxima (estimates) of each window, 0 when the lift has none there.
	BeforeE1RMKg, NowE1RMKg float64
	// BeforeTopKg and NowTopKg are the heaviest working sets of each
	// window: the pre-flare working weight of domain.md section 6, which
	// the return ramp aims back to.
	BeforeTopKg, NowTopKg float64
}

// PreFlareVsNow compares, for each lift in lifts (by LiftKey), the best of
// the p.PreFlareLookback days before flareStart (flareStart itself left
// out) with the best of the RecentDays days ending on today. The output
// lines up with lifts.
func PreFlareVsNow(rows []ExerciseRow, lifts []string, flareStart, today time.Time, p backload.Policy) []FlareComparison {
	flare, now := dayOf(flareStart), dayOf(today)
	beforeFrom, nowFrom := flare-p.PreFlareLookback, now-(RecentDays-1)
	index := make(map[string]int, len(lifts))
	for i, l := range lifts {
		index[l] = i
	}
	out := make([]FlareComparison, len(lifts))
	names := makeNewestNames(len(lifts))
	for i := range rows {
		row := &rows[i]
		l, ok := index[LiftKey(*row)]
		if !ok {
			continue
		}
		d := dayOf(row.Day)
		names.see(l, d, row.Input)
		c := &out[l]
		if d >= beforeFrom && d < flare {
			c.BeforeE1RMKg = max(c.BeforeE1RMKg, row.BestE1RMKg)
			c.BeforeTopKg = max(c.BeforeTopKg, row.TopWorkingKg)
		}
		if d >= nowFrom && d <= now {
			c.NowE1RMKg = max(c.NowE1RMKg, row.BestE1RMKg)
			c.NowTopKg = max(c.NowTopKg, row.TopWorkingKg)
		}
	}
	for l, key := range lifts {
		out[l].Lift, out[l].Name = key, names.name(l, key)
	}
	return out
}
