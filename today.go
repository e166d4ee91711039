package backload

import (
	"fmt"
	"math"
	"time"
)

// TodayInput is what Today needs from the lifter's log.
type TodayInput struct {
	// Date is today in the lifter's time zone, at midnight UTC.
	Date      time.Time
	Units     Unit
	PlateStep float64
	// CheckIns should cover at least p.FlareMemory days up to today.
	CheckIns []DailyCheckIn
	// Planned is the session to adapt: the latest with the chosen title, or
	// the latest of all. Nil when there is none yet.
	Planned *Session
	// History should cover p.FlareMemory + p.PreFlareLookback days up to
	// today, for the pre-flare working weights.
	History []LiftRecord
}

// LiftRecord is one exercise of one session reduced to what the return
// ramp needs: when, what, and the heaviest working set. The store keeps it
// summarised, so planning today never decodes years of sets.
type LiftRecord struct {
	StartedAt    time.Time
	Input        string
	Class        Class
	TopWorkingKg float64
}

// LiftRecordsOf reduces sessions to lift records.
func LiftRecordsOf(sessions []Session, p Policy) []LiftRecord {
	var out []LiftRecord
	for _, s := range sessions {
		for _, e := range s.Exercises {
			out = append(out, LiftRecord{StartedAt: s.StartedAt, Input: e.Input, Class: e.Class, TopWorkingKg: e.Summary(p).TopWorkingKg})
		}
	}
	return out
}

// TodayPlan is the session to do today and how it was reached.
type TodayPlan struct {
	Adapted AdaptResponse
	Flare   FlareState
	// Ramp is the return plan, when Flare.Phase is Returning.
	Ramp *RampResponse
	// RampRequest is what Ramp was planned from.
	RampRequest *RampRequest
}

// Today adapts the planned session to the latest check-in, with the weekly
// trend worked out from the stored check-ins. While a settled flare's return
// ramp runs, its lifts take the ramp's weight and sets for this week before
// the day's zone rules apply.
//
// It returns an EINVALID *Error when there is no check-in yet.
func Today(in TodayInput, cat Catalog, p Policy) (TodayPlan, error) {
	latest, ok := latestCheckIn(in.CheckIns, in.Date)
	if !ok {
		return TodayPlan{}, Errorf(EINVALID, "no check-in yet: check in first (backload checkin --pain N)")
	}
	checkIn := latest.CheckIn
	if checkIn.Trend == "" {
		checkIn.Trend = WeeklyTrend(in.CheckIns, in.Date, p)
	}
	var items []PlannedItem
	if in.Planned != nil {
		items = PlannedItems(*in.Planned, in.Units)
	}
	plan := TodayPlan{Flare: Flare(in.CheckIns, in.Date, p)}
	var rampNote string
	if plan.Flare.Phase == Returning {
		req := ReturnRequest(items, in, plan.Flare, p)
		if len(req.Lifts) > 0 {
			ramp, err := Ramp(req, cat, p)
			if err != nil {
				return TodayPlan{}, err
			}
			if plan.Flare.Week <= len(ramp.Weeks) {
				plan.Ramp, plan.RampRequest = &ramp, &req
				week := ramp.Weeks[plan.Flare.Week-1]
				items = applyRampWeek(items, week)
				rampNote = fmt.Sprintf("Return to your previous weights: week %d of %d. %s", week.Week, len(ramp.Weeks), week.Why)
			} else {
				plan.Flare.Phase = NoFlare // the ramp is done
			}
		}
	}
	adapted, err := Adapt(AdaptRequest{Units: in.Units, PlateStep: in.PlateStep, CheckIn: checkIn, Session: items}, cat, p)
	if err != nil {
		return TodayPlan{}, err
	}
	if latest.Date != in.Date.Format(dateLayout) {
		adapted.Messages = append([]string{fmt.Sprintf(
			"This uses your latest check-in, from %s. Check in today for advice that fits how your back is today.", latest.Date)},
			adapted.Messages...)
	}
	if rampNote != "" && adapted.Status == StatusTrain {
		adapted.Messages = append(adapted.Messages, rampNote)
	}
	plan.Adapted = adapted
	return plan, nil
}

// latestCheckIn is the newest check-in on or before today.
func latestCheckIn(checkins []DailyCheckIn, today time.Time) (DailyCheckIn, bool) {
	var best DailyCheckIn
	found := false
	limit := today.Format(dateLayout)
	for _, c := range checkins {
		if c.Date <= limit && (!found || c.Date > best.Date) {
			best, found = c, true
		}
	}
	return best, found
}

// PlannedItems summarises a session's working sets per exercise as a plan:
// the number of working sets, the top working weight (in units) with its
// reps, and the longest hold. Exercises with only warm-ups are left out.
func PlannedItems(s Session, units Unit) []PlannedItem {
	var out []PlannedItem
	for _, e := range s.Exercises {
		var it PlannedItem
		it.Exercise = e.Input
		var topKg float64
		for _, x := range e.Sets {
			if x.Kind == WarmUp {
				continue
			}
			it.Sets++
			if x.WeightKg > topKg || x.WeightKg == topKg && x.Reps > it.Reps {
				topKg, it.Reps = x.WeightKg, x.Reps
			}
			it.Seconds = max(it.Seconds, x.Seconds)
			it.RPE = math.Max(it.RPE, x.RPE)
		}
		if it.Sets == 0 {
			continue
		}
		it.Weight = FromKg(topKg, units)
		out = append(out, it)
	}
	return out
}

// FromKg converts kilograms to units, cleaned of conversion noise to 0.01.
func FromKg(kg float64, u Unit) float64 {
	if u == Pounds {
		kg /= kgPerPound
	}
	return math.Round(kg*100) / 100
}

// ToKg converts a weight in units to kilograms.
func ToKg(w float64, u Unit) float64 {
	if u == Pounds {
		return w * kgPerPound
	}
	return w
}

// ReturnRequest builds the ramp for the lifts of a plan that need one: those
// that load the spine and the spine-neutral lower-body lifts, with a weight.
// To is the pre-flare working weight, the heaviest working set in the
// p.PreFlareLookback days before the flare began, or the planned weight
// when the history has none; From is the planned weight, the weight in use.
func ReturnRequest(items []PlannedItem, in TodayInput, st FlareState, p Policy) RampRequest {
	req := RampRequest{Units: in.Units, PlateStep: in.PlateStep, Start: st.RampStart, Responses: st.Responses}
	if len(req.Responses) > p.MaxRampResponses {
		req.Responses = req.Responses[len(req.Responses)-p.MaxRampResponses:]
	}
	from := st.Began.AddDate(0, 0, -p.PreFlareLookback)
	for _, it := range items {
		if it.Weight <= 0 || len(req.Lifts) >= p.MaxLifts {
			continue
		}
		top, class := preFlareTop(in.History, it.Exercise, from, st.Began)
		if class != "" && !class.LoadsSpine() && class != SpineNeutralLower {
			continue
		}
		to := FromKg(top, in.Units)
		if to < it.Weight {
			to = it.Weight
		}
		req.Lifts = append(req.Lifts, RampLift{Exercise: it.Exercise, From: it.Weight, To: to, Sets: it.Sets, Reps: it.Reps})
	}
	return req
}

// preFlareTop is the heaviest working set, in kg, of the exercise logged as
// name between from and to, and the class it was stored with.
func preFlareTop(history []LiftRecord, name string, from, to time.Time) (float64, Class) {
	var top float64
	var class Class
	for _, r := range history {
		if r.Input != name {
			continue
		}
		class = r.Class
		if !r.StartedAt.Before(from) && r.StartedAt.Before(to) && r.TopWorkingKg > top {
			top = r.TopWorkingKg
		}
	}
	return top, class
}

// applyRampWeek gives the plan's ramped lifts this week's weight, sets and
// reps.
func applyRampWeek(items []PlannedItem, week RampWeek) []PlannedItem {
	out := make([]PlannedItem, len(items))
	copy(out, items)
	for _, l := range week.Lifts {
		for i := range out {
			if out[i].Exercise == l.Input {
				out[i].Weight, out[i].Sets, out[i].Reps = l.Weight, l.Sets, l.Reps
			}
		}
	}
	return out
}
