package backload_test

import (
	"math"
	"math/rand/v2"
	"testing"
	"testing/quick"

	"github.com/backload/backload"
)

var propertyNames = []string{"Squat (Barbell)", "Deadlift (Barbell)", "Good Morning (Barbell)", "Cable Crunch",
	"Jefferson Curl", "Leg Press", "Hip Thrust (Barbell)", "Plank", "Bench Press", "Box Jump", "Walking",
	"Unheard Of Lift"}

var propertySteps = []float64{0, 0.5, 1, 1.25, 2, 2.5, 5, 10}

// randomSession builds a planned session and a check-in from a seed.
func randomSession(r *rand.Rand) backload.AdaptRequest {
	req := backload.AdaptRequest{PlateStep: propertySteps[r.IntN(len(propertySteps))]}
	if r.IntN(2) == 0 {
		req.Units = backload.Pounds
	}
	for range r.IntN(9) {
		it := backload.PlannedItem{Exercise: propertyNames[r.IntN(len(propertyNames))], Sets: 1 + r.IntN(10),
			Reps: r.IntN(16), Seconds: r.IntN(3) * 30}
		if r.IntN(2) == 0 {
			it.Weight = float64(r.IntN(800)) / 2
		} else {
			it.Weight = r.Float64() * 400
		}
		if r.IntN(3) == 0 {
			it.RPE = float64(1 + r.IntN(19)/2)
		}
		req.Session = append(req.Session, it)
	}
	trends := []backload.Trend{"", backload.Flat, backload.Rising, backload.Falling}
	req.CheckIn = backload.CheckIn{Pain: r.IntN(11), SessionPain: r.IntN(11), MorningChange: r.IntN(21) - 10,
		Trend: trends[r.IntN(len(trends))]}
	if r.IntN(20) == 0 {
		req.CheckIn.RedFlags = []backload.RedFlag{backload.RedFlags[r.IntN(len(backload.RedFlags))]}
	}
	return req
}

// spinalLoad is weight × sets × reps summed over the items that load the
// spine (domain.md section 8); an item without reps counts once per set.
func spinalLoad(resp backload.AdaptResponse) float64 {
	load := 0.0
	for _, it := range resp.Items {
		if it.Class.LoadsSpine() {
			load += it.Weight * float64(it.Sets) * float64(max(it.Reps, 1))
		}
	}
	return load
}

// TestPropertySpinalLoadNeverRisesWithPain: with everything else equal, a
// worse answer (pain now, last-session pain, morning change, a rising
// trend) never gives a heavier spinal load, and no spinal item is ever
// heavier or longer than planned.
func TestPropertySpinalLoadNeverRisesWithPain(t *testing.T) {
	cat, p := newFakeCatalog(), backload.DefaultPolicy()
	loadOf := func(req backload.AdaptRequest) float64 {
		resp, err := backload.Adapt(req, cat, p)
		if err != nil {
			t.Fatalf("Adapt(%+v): %v", req, err)
		}
		for _, it := range resp.Items {
			if it.Class == backload.SpinalHeavy && it.Action != backload.ActionAdd &&
				(it.Weight > it.Planned.Weight || it.Sets > it.Planned.Sets) {
				t.Fatalf("%+v is heavier than planned", it)
			}
		}
		return spinalLoad(resp)
	}
	worse := []func(c *backload.CheckIn, r *rand.Rand) bool{
		func(c *backload.CheckIn, r *rand.Rand) bool {
			if c.Pain == 10 {
				return false
			}
			c.Pain += 1 + r.IntN(10-c.Pain)
			return true
		},
		func(c *backload.CheckIn, r *rand.Rand) bool {
			if c.SessionPain == 10 {
				return false
			}
			c.SessionPain += 1 + r.IntN(10-c.SessionPain)
			return true
		},
		func(c *backload.CheckIn, r *rand.Rand) bool {
			if c.MorningChange == 10 {
				return false
			}
			c.MorningChange += 1 + r.IntN(10-c.MorningChange)
			return true
		},
		func(c *backload.CheckIn, _ *rand.Rand) bool {
			if c.Trend == backload.Rising {
				return false
			}
			c.Trend = backload.Rising
			return true
		},
	}
	property := func(s1, s2 uint64) bool {
		r := rand.New(rand.NewPCG(s1, s2))
		req := randomSession(r)
		before := loadOf(req)
		for i, w := range worse {
			worseReq := req
			if !w(&worseReq.CheckIn, r) {
				continue
			}
			if after := loadOf(worseReq); after > before+1e-6 {
				t.Logf("answer %d: %+v gives %v, worse %+v gives %v", i, req.CheckIn, before, worseReq.CheckIn, after)
				return false
			}
		}
		return true
	}
	if err := quick.Check(property, &quick.Config{MaxCount: 3000}); err != nil {
		t.Error(err)
	}
}

// TestPropertyRamp: every ramp ends exactly at to for every lift, the first
// week at which all are back; no week is above to or below the start; no
// week rises more than the weekly step, nor two weeks more than the two-week
// cap (one plate, when a plate is more than the step); sets never exceed
// full and reps never change.
func TestPropertyRamp(t *testing.T) {
	cat, p := newFakeCatalog(), backload.DefaultPolicy()
	property := func(s1, s2 uint64) bool {
		r := rand.New(rand.NewPCG(s1, s2))
		req := backload.RampRequest{PlateStep: propertySteps[1+r.IntN(len(propertySteps)-1)]}
		for range 1 + r.IntN(4) {
			to := 1 + r.Float64()*399
			if r.IntN(2) == 0 {
				to = math.Ceil(to)
			}
			from := to * r.Float64()
			if r.IntN(3) == 0 {
				from = to
			}
			req.Lifts = append(req.Lifts, backload.RampLift{Exercise: propertyNames[r.IntN(len(propertyNames))],
				From: from, To: to, Sets: 1 + r.IntN(8), Reps: r.IntN(12)})
		}
		all := []backload.Zone{backload.Green, backload.Amber, backload.Red}
		for range r.IntN(20) {
			req.Responses = append(req.Responses, all[r.IntN(3)])
		}
		resp, err := backload.Ramp(req, cat, p)
		if err != nil {
			t.Fatalf("Ramp(%+v): %v", req, err)
		}
		weeks := resp.Weeks
		for i, l := range req.Lifts {
			step := math.Max(p.RampStep*l.To, req.PlateStep)
			twoWeeks := math.Max(p.RampTwoWeekCap*l.To, req.PlateStep)
			if req.PlateStep <= p.RampStep*l.To {
				step = p.RampStep * l.To
			}
			start := weeks[0].Lifts[i].Weight
			for w, week := range weeks {
				got := week.Lifts[i]
				switch {
				case got.Weight > l.To+1e-9 || got.Weight < start-1e-9:
					t.Logf("lift %+v week %d: %v outside [%v, %v]", l, w+1, got.Weight, start, l.To)
					return false
				case got.Sets < 1 || got.Sets > l.Sets || got.Reps != l.Reps:
					t.Logf("lift %+v week %d: %d×%d", l, w+1, got.Sets, got.Reps)
					return false
				case w >= 1 && got.Weight-weeks[w-1].Lifts[i].Weight > step+1e-6:
					t.Logf("lift %+v week %d: rise %v over step %v", l, w+1, got.Weight-weeks[w-1].Lifts[i].Weight, step)
					return false
				case w >= 2 && got.Weight-weeks[w-2].Lifts[i].Weight > twoWeeks+1e-6:
					t.Logf("lift %+v week %d: two-week rise over %v", l, w+1, twoWeeks)
					return false
				}
			}
			if start > math.Min(l.From, p.RampStart*l.To)+1e-9 && weeks[0].Lifts[i].Class.LoadsSpine() {
				t.Logf("lift %+v starts at %v", l, start)
				return false
			}
			if last := weeks[len(weeks)-1].Lifts[i]; last.Weight != l.To || last.Sets != l.Sets {
				t.Logf("lift %+v ends at %v×%d", l, last.Weight, last.Sets)
				return false
			}
		}
		for w := range weeks[:len(weeks)-1] {
			done := true
			for i, l := range req.Lifts {
				done = done && weeks[w].Lifts[i].Weight == l.To && weeks[w].Lifts[i].Sets == l.Sets
			}
			if done {
				t.Logf("every lift is back at week %d but the plan goes on to %d", w+1, len(weeks))
				return false
			}
		}
		return true
	}
	if err := quick.Check(property, &quick.Config{MaxCount: 3000}); err != nil {
		t.Error(err)
	}
}
