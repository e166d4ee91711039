package backload

import "math"

// liftPlan is one lift's ladder of weekly weights from its start to its
// working weight, the sets at each rung, and where the lift stands.
type liftPlan struct {
	lift    RampLift
	class   Classification
	weights []float64 // rungs, ending exactly at lift.To
	sets    []int     // sets at each rung
	pos     int       // current rung
	history []float64 // the weight of each week so far
}

func newLiftPlan(l RampLift, c Classification, step float64, p Policy) *liftPlan {
	if !c.Class.Valid() {
		c.Class = Other
	}
	lp := &liftPlan{lift: l, class: c}
	switch {
	case c.Class.LoadsSpine():
		lp.weights = rungs(l, p.RampStart, step, p)
		lp.sets = rampSets(len(lp.weights), l.Sets, p)
	case c.Class == SpineNeutralLower:
		// Its volume never left during the flare, so only the weight ramps,
		// from where two steps of RampStep end at To (80% by default).
		start := math.Max(p.RampStart, 1-float64(p.SpineNeutralLowerSteps)*p.RampStep)
		lp.weights = rungs(l, start, step, p)
		lp.sets = fullSets(len(lp.weights), l.Sets)
	default:
		// Upper body, core and conditioning never left: no ramp.
		lp.weights = []float64{l.To}
		lp.sets = []int{l.Sets}
	}
	return lp
}

// rungs returns the weekly weights from the start, the lighter of From and
// startFrac of To rounded down to the plate step, up to exactly To, rising
// by the plate-rounded weekly step.
func rungs(l RampLift, startFrac, step float64, p Policy) []float64 {
	start := RoundDown(math.Min(l.From, startFrac*l.To), step)
	if start >= l.To-weightTolerance {
		return []float64{l.To}
	}
	inc := RoundDown(p.RampStep*l.To, step)
	if inc <= 0 {
		inc = step // see Ramp: one plate is the smallest possible step
	}
	ws := []float64{start}
	for w := start; w < l.To; {
		next := cleanWeight(w + inc)
		if next >= l.To-weightTolerance || next <= w {
			next = l.To
		}
		ws = append(ws, next)
		w = next
	}
	return ws
}

// rampSets gives reduced sets (p.RampEarlySets of full, rounded up) on every
// rung but the last p.RampFullSetsSteps.
func rampSets(n, full int, p Policy) []int {
	sets := fullSets(n, full)
	early := int(math.Ceil(float64(full) * p.RampEarlySets))
	for i := 0; i < n-p.RampFullSetsSteps; i++ {
		sets[i] = min(full, max(1, early))
	}
	return sets
}

func fullSets(n, full int) []int {
	sets := make([]int, n)
	for i := range sets {
		sets[i] = full
	}
	return sets
}

func (l *liftPlan) done() bool { return l.pos == len(l.weights)-1 }

// advance moves the lift for the week after a response: green up one rung,
// amber stay, red down one rung (never below the start). A green step that
// would rise more than twoWeekCap over two weeks waits a week instead, and
// advance reports that hold; after a week without a rise the step is taken,
// however large, or a lift with coarse plates could never come back.
func (l *liftPlan) advance(z Zone, twoWeekCap float64) (held bool) {
	switch z {
	case Green:
		if l.done() {
			return false
		}
		next := l.weights[l.pos+1]
		if n := len(l.history); n >= 2 {
			rose := l.history[n-1] > l.history[n-2]
			if rose && next-l.history[n-2] > twoWeekCap+weightTolerance {
				return true
			}
		}
		l.pos++
	case Red:
		if l.pos > 0 {
			l.pos--
		}
	}
	return false
}
