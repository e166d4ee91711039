package report

import (
	"math"
	"time"

	"github.com/backload/backload"
)

// Week is one Monday-to-Sunday week of training load.
type Week struct {
	// Start is the Monday, at midnight UTC.
	Start time.Time
	// SpinalLoadKg is weight × reps over the working sets of spinal-heavy
	// and loaded-flexion exercises (domain.md section 8). Warm-ups are left
	// out: a lifter building up to a working weight should not see their
	// ramp-up sets count as load.
	SpinalLoadKg float64
	// VolumeKg is weight × reps over every set of every class.
	VolumeKg float64
	// ByClass is VolumeKg split by class, in the order of
	// backload.Classes; a class the domain does not know counts as Other,
	// so the six add up to VolumeKg.
	ByClass [numClasses]float64
}

// ClassVolumeKg returns the week's volume of class c.
func (w Week) ClassVolumeKg(c backload.Class) float64 { return w.ByClass[classIndex(c)] }

// Weekly returns the weekly spinal load, total volume and volume by class
// over r, widened to whole weeks (Monday to Sunday), one entry per week
// including empty weeks, so that total volume held while spinal load
// dropped shows as it happened. Rows may come in any order; rows outside
// the weeks are ignored.
func Weekly(rows []ExerciseRow, r Range) []Week {
	first, n := r.weeks()
	out := make([]Week, n)
	for i := range out {
		out[i].Start = dayTime(first + 7*i)
	}
	for i := range rows {
		row := &rows[i]
		w := weekIndex(dayOf(row.Day), first, n)
		if w < 0 {
			continue
		}
		wk := &out[w]
		wk.VolumeKg += row.VolumeKg
		wk.ByClass[classIndex(row.Class)] += row.VolumeKg
		if row.Class.LoadsSpine() {
			wk.SpinalLoadKg += row.WorkingVolumeKg
		}
	}
	for i := range out {
		wk := &out[i]
		wk.VolumeKg, wk.SpinalLoadKg = clean(wk.VolumeKg), clean(wk.SpinalLoadKg)
		for c := range wk.ByClass {
			wk.ByClass[c] = clean(wk.ByClass[c])
		}
	}
	return out
}

// weekIndex returns which of n weeks from the Monday first holds day d, or
// -1 when none does.
func weekIndex(d, first, n int) int {
	if d < first {
		return -1
	}
	if w := (d - first) / 7; w < n {
		return w
	}
	return -1
}

// clean rounds a sum of weights to the milligram, removing the
// floating-point dust (2400.0000000000005) that sums of decimal weights
// collect, so that figures compare and print as people write them.
func clean(x float64) float64 {
	if math.Abs(x) > 1e9 {
		return x
	}
	return math.Round(x*1e6) / 1e6
}
