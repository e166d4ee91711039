package backload

import (
	"time"
)

// RampRequest asks for a week-by-week return to pre-flare working weights
// (issue 3). Build one with DecodeRampRequest or in code; Ramp validates it
// either way.
type RampRequest struct {
	// Units is kg or lb; empty means kg.
	Units Unit
	// PlateStep is the smallest weight change the lifter can load; zero
	// means the unit's default (2.5 kg or 5 lb).
	PlateStep float64
	// Start is the first day of week 1. When zero the weeks carry no dates:
	// the rules read no clock, so a caller that wants "today" sets it.
	Start time.Time
	Lifts []RampLift
	// Responses[i] is how the back took week i+1; it decides week i+2.
	// Weeks after the last response assume green.
	Responses []Zone
}

// RampLift is one lift to bring back.
type RampLift struct {
	// Exercise is any name; the catalog classifies it.
	Exercise string
	// From is the weight in use now, To the pre-flare working weight.
	From float64
	To   float64
	// Sets and Reps are the full working sets and reps; zero sets means one.
	Sets int
	Reps int
}

// RampResponse is the plan, one entry per week, ending with the first week
// at which every lift is back to its To weight.
type RampResponse struct {
	Weeks []RampWeek `json:"weeks"`
}

// RampWeek is one week of the plan.
type RampWeek struct {
	Week int `json:"week"`
	// Starts is the week's first day, YYYY-MM-DD, or "" without a start.
	Starts string       `json:"starts"`
	Lifts  []RampedLift `json:"lifts"`
	Why    string       `json:"why"`
}

// RampedLift is one lift in one week.
type RampedLift struct {
	Input    string  `json:"input"`
	Exercise string  `json:"exercise"`
	Class    Class   `json:"class"`
	Weight   float64 `json:"weight"`
	Sets     int     `json:"sets"`
	Reps     int     `json:"reps"`
}

// Ramp plans the return to previous loads of domain.md section 6. Lifts that
// load the spine (spinal-heavy, loaded flexion) start at the lighter of the
// weight in use and p.RampStart of To, rounded down to the plate step, rise
// by at most p.RampStep of To a week and p.RampTwoWeekCap across two weeks,
// and do reduced sets until their last p.RampFullSetsSteps steps.
// Spine-neutral lower-body lifts come back in p.SpineNeutralLowerSteps steps
// with full sets; every other class (upper body, core, conditioning) never
// left and stays at To. Each week after the first follows the response to
// the week before: green advances one step, amber repeats, red steps back
// one, never below the start. The last week is exactly To for every lift.
//
// One exception to the weekly cap: when p.RampStep of To is less than one
// plate step (a light lift with coarse plates), the step is one plate, the
// smallest change the lifter can make; the two-week cap then puts a hold
// week between such steps.
//
// It returns an EINVALID *Error when the request or the policy is invalid,
// and an EINTERNAL one when cat is nil.
func Ramp(req RampRequest, cat Catalog, p Policy) (RampResponse, error) {
	if err := p.Validate(); err != nil {
		return RampResponse{}, err
	}
	if cat == nil {
		return RampResponse{}, Errorf(EINTERNAL, "ramp: no exercise catalog")
	}
	req = req.withDefaults(p)
	if err := req.Validate(p); err != nil {
		return RampResponse{}, err
	}

	plans := make([]*liftPlan, len(req.Lifts))
	limit := len(req.Responses) + 2
	for i, l := range req.Lifts {
		plans[i] = newLiftPlan(l, cat.Classify(l.Exercise), req.PlateStep, p)
		limit += 2 * len(plans[i].weights)
	}

	resp := RampResponse{Weeks: []RampWeek{}}
	why := firstWeekWhy(plans, p)
	for week := 1; ; week++ {
		resp.Weeks = append(resp.Weeks, weekOf(week, req.Start, plans, why))
		if allDone(plans) {
			last := &resp.Weeks[len(resp.Weeks)-1]
			last.Why += " " + whyRampDone()
			return resp, nil
		}
		if week > limit {
			return RampResponse{}, Errorf(EINTERNAL, "ramp: no end after %d weeks", week)
		}
		zone, assumed := Green, true
		if week <= len(req.Responses) {
			zone, assumed = req.Responses[week-1], false
		}
		held, fuller := false, false
		for _, l := range plans {
			before := l.sets[l.pos]
			held = l.advance(zone, p.RampTwoWeekCap*l.lift.To) || held
			fuller = fuller || l.sets[l.pos] > before
		}
		why = nextWeekWhy(week, zone, assumed, held, fuller, p)
	}
}

// weekOf writes every lift's weight and sets for one week and records the
// weights for the two-week cap.
func weekOf(week int, start time.Time, plans []*liftPlan, why string) RampWeek {
	w := RampWeek{Week: week, Lifts: make([]RampedLift, len(plans)), Why: why}
	if !start.IsZero() {
		w.Starts = start.AddDate(0, 0, 7*(week-1)).Format(dateLayout)
	}
	for i, l := range plans {
		weight := l.weights[l.pos]
		l.history = append(l.history, weight)
		w.Lifts[i] = RampedLift{Input: l.lift.Exercise, Exercise: l.class.ExerciseID, Class: l.class.Class,
			Weight: weight, Sets: l.sets[l.pos], Reps: l.lift.Reps}
	}
	return w
}

func allDone(plans []*liftPlan) bool {
	for _, l := range plans {
		if !l.done() {
			return false
		}
	}
	return true
}

// dateLayout is how dates are written in requests and responses.
const dateLayout = "2006-01-02"
