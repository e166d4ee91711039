package backload

import (
	"math"
	"strconv"
)

// Unit is the unit a request's weights are written in.
type Unit string

// The two units Backload accepts.
const (
	Kilograms Unit = "kg"
	Pounds    Unit = "lb"
)

// kgPerPound is the international avoirdupois pound, by definition; it is a
// conversion, not a policy threshold.
const kgPerPound = 0.45359237

// Valid reports whether u is kg or lb.
func (u Unit) Valid() bool { return u == Kilograms || u == Pounds }

// DefaultPlateStep is the plate step a request in u gets when it names none:
// p.DefaultPlateStepKg or p.DefaultPlateStepLb.
func (u Unit) DefaultPlateStep(p Policy) float64 {
	if u == Pounds {
		return p.DefaultPlateStepLb
	}
	return p.DefaultPlateStepKg
}

// MaxWeight is p.AbsurdWeightKg written in u.
func (u Unit) MaxWeight(p Policy) float64 {
	if u == Pounds {
		return p.AbsurdWeightKg / kgPerPound
	}
	return p.AbsurdWeightKg
}

// weightTolerance absorbs floating-point noise in weights: no plate is
// lighter than a milligram.
const weightTolerance = 1e-6

// RoundDown returns the heaviest multiple of step that is at most w: the
// weight a lifter can actually load under a cap of w. It never returns more
// than w, so a capped weight stays under its cap; a step of zero or less, or
// one too fine to matter at w's size, leaves w as it is, and a negative w
// gives 0.
func RoundDown(w, step float64) float64 {
	if w <= 0 || math.IsNaN(w) {
		return 0
	}
	q := w / step
	if step <= 0 || math.IsNaN(step) || math.IsInf(w, 0) || q > 1e12 {
		return w
	}
	// 0.3/0.1 is 2.9999999999999996 in floating point; without the nudge
	// three steps of 0.1 would round down to two.
	r := math.Floor(q+1e-9) * step
	if c := cleanWeight(r); c <= w {
		return c
	}
	if r <= w {
		return r
	}
	return w // the nudge: w is a whole number of steps, give or take float noise
}

// cleanWeight removes floating-point dust such as 82.50000000000001 so that
// weights print as people write them.
func cleanWeight(w float64) float64 {
	const scale = 1e6
	if math.Abs(w) > 1e9 {
		return w
	}
	return math.Round(w*scale) / scale
}

// formatWeight writes w with its unit, as in "82.5 kg".
func formatWeight(w float64, u Unit) string {
	return formatNumber(w) + " " + string(u)
}

// formatNumber writes a number the shortest way that reads it back exactly,
// without an exponent unless it is huge: 2500, 6.5, 1e+21.
func formatNumber(x float64) string {
	if math.Abs(x) < 1e15 {
		return strconv.FormatFloat(x, 'f', -1, 64)
	}
	return strconv.FormatFloat(x, 'g', -1, 64)
}

// percent writes a fraction as a whole percentage, as in "70%".
func percent(f float64) string {
	return strconv.Itoa(int(math.Round(f*100))) + "%"
}

// roundUp returns the lightest multiple of step that is at least w, but
// never above limit: the floor a lifter should not go under, in plates.
func roundUp(w, step, limit float64) float64 {
	r := RoundDown(w, step)
	if r < w-weightTolerance {
		r = cleanWeight(r + step)
	}
	return math.Min(r, limit)
}
