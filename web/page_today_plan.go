package web

import (
	"net/http"
	"strconv"
	"time"

	"github.com/backload/backload"
)

// The states of the return plan page.
const (
	planNoCheckIns = "no-checkins" // nothing to read a flare from
	planCalm       = "calm"        // no flare within the flare memory
	planInFlare    = "flare"       // a flare that has not settled yet
	planReturning  = "returning"   // the ramp runs: weeks to show
	planNoLifts    = "no-lifts"    // settled, but the session has no lift to ramp
	planDone       = "done"        // the ramp is over
)

// planData is what the return plan page shows.
type planData struct {
	State       string
	MemoryWeeks int    // how far back a flare counts
	Began       string // the flare's first day
	RampStart   string
	CalmSoFar   int // calm check-ins in a row since the last red day
	CalmNeeded  int // calm check-ins in a row that settle a flare
	CalmToGo    int
	Week, Total int
	This        *rampWeekView
	Weeks       []rampWeekView
	Gate        rampGateView
	Workout     string
	Titles      []string
	From        *plannedFrom
}

// rampWeekView is one week of the ramp.
type rampWeekView struct {
	Week     int
	Starts   string
	Lifts    []rampLiftView
	Why      string
	This     bool
	Past     bool
	Response backload.Zone // how the back took a past week
}

type rampLiftView struct {
	Name   string
	Weight string
	Sets   int
	Reps   int
}

// rampGateView is what this week's response does to next week, each worked
// out by the ramp itself with that response added.
type rampGateView struct {
	Known     bool // the responses line up with the weeks, so the three paths are known
	Last      bool // this is the plan's last week
	Green     []rampLiftView
	GreenDone bool // green this week ends the plan
	Red       []rampLiftView
	RedSame   bool // red cannot step back: the ramp is at its start
	Settled   int  // red check-ins in a row that make it a flare again
}

func (s *Server) planPage(w http.ResponseWriter, r *http.Request, c *call) error {
	data, err := s.planData(r, c, r.URL.Query().Get("workout"))
	if err != nil {
		return err
	}
	return s.render(w, r, http.StatusOK, "plan", view{Title: "Return plan", Nav: "plan", Data: data})
}

func (s *Server) planData(r *http.Request, c *call, workout string) (*planData, error) {
	u, p := c.subject, s.cfg.Policy
	plan, in, err := s.todayPlan(r, u, workout)
	if err != nil && workout != "" && backload.ErrorCode(err) == backload.ENOTFOUND {
		workout = ""
		plan, in, err = s.todayPlan(r, u, "")
	}
	titles, terr := s.db.RecentTitles(r.Context(), u.ID, todayTitlesShown)
	if terr != nil {
		return nil, terr
	}
	d := &planData{MemoryWeeks: p.FlareMemory / 7, CalmNeeded: p.ReturnSettledDays, Workout: workout, Titles: titles}
	if in.Planned != nil {
		d.From = &plannedFrom{Title: in.Planned.Title, When: in.Planned.StartedAt.In(u.Location()).Format("Mon 2 Jan")}
	}
	switch {
	case err != nil && (len(in.CheckIns) > 0 || backload.ErrorCode(err) != backload.EINVALID):
		return nil, err
	case len(in.CheckIns) == 0:
		d.State = planNoCheckIns
		return d, nil
	}
	raw := backload.Flare(in.CheckIns, in.Date, p)
	d.Began = planDayWords(plan.Flare.Began)
	switch {
	case plan.Flare.Phase == backload.InFlare:
		d.State = planInFlare
		d.CalmSoFar = flareCalmRun(in.CheckIns, in.Date, p)
		d.CalmToGo = max(p.ReturnSettledDays-d.CalmSoFar, 1)
	case plan.Flare.Phase == backload.Returning && plan.Ramp != nil:
		d.State = planReturning
		s.fillReturnRamp(d, plan, u.Units)
	case plan.Flare.Phase == backload.Returning:
		d.State = planNoLifts
		d.RampStart = planDayWords(plan.Flare.RampStart)
	case raw.Phase == backload.Returning:
		d.State, d.Began = planDone, planDayWords(raw.Began)
	default:
		d.State = planCalm
	}
	return d, nil
}

// fillReturnRamp lays out the ramp's weeks and the gate for next week.
func (s *Server) fillReturnRamp(d *planData, plan backload.TodayPlan, units backload.Unit) {
	if units == "" {
		units = backload.Kilograms
	}
	d.Week, d.Total = plan.Flare.Week, len(plan.Ramp.Weeks)
	d.RampStart = planDayWords(plan.Flare.RampStart)
	for i, w := range plan.Ramp.Weeks {
		wv := rampWeekView{Week: w.Week, Starts: planDateWords(w.Starts), Lifts: rampLiftViews(w.Lifts, units), Why: w.Why,
			This: w.Week == d.Week, Past: w.Week < d.Week}
		if wv.Past && i < len(plan.Flare.Responses) {
			wv.Response = plan.Flare.Responses[i]
		}
		d.Weeks = append(d.Weeks, wv)
	}
	this := d.Weeks[d.Week-1]
	d.This = &this
	g := rampGateView{Last: d.Week == d.Total, Settled: s.cfg.Policy.ReturnSettledDays}
	req := plan.RampRequest
	if req != nil && len(req.Responses) == d.Week-1 {
		g.Known = true
		next := func(z backload.Zone) ([]rampLiftView, bool) {
			alt := *req
			alt.Responses = append(append([]backload.Zone{}, req.Responses...), z)
			ramp, err := backload.Ramp(alt, s.cat, s.cfg.Policy)
			if err != nil {
				g.Known = false
				return nil, false
			}
			if len(ramp.Weeks) <= d.Week {
				return nil, true
			}
			return rampLiftViews(ramp.Weeks[d.Week].Lifts, units), false
		}
		g.Green, g.GreenDone = next(backload.Green)
		g.Red, _ = next(backload.Red)
		g.RedSame = sameRampLifts(g.Red, this.Lifts)
	}
	d.Gate = g
}

func rampLiftViews(lifts []backload.RampedLift, u backload.Unit) []rampLiftView {
	out := make([]rampLiftView, len(lifts))
	for i, l := range lifts {
		out[i] = rampLiftView{Name: l.Input, Weight: num(l.Weight) + " " + string(u), Sets: l.Sets, Reps: l.Reps}
	}
	return out
}

func sameRampLifts(a, b []rampLiftView) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

// flareCalmRun counts the check-ins since the last red one, within the flare
// memory: how far a flare has come towards settling.
func flareCalmRun(list []backload.DailyCheckIn, today time.Time, p backload.Policy) int {
	oldest := today.AddDate(0, 0, -p.FlareMemory).Format(time.DateOnly)
	last := today.Format(time.DateOnly)
	n := 0
	for _, c := range list { // the store gives them oldest first
		if c.Date < oldest || c.Date > last {
			continue
		}
		if c.CheckIn.Zone(p) == backload.Red {
			n = 0
		} else {
			n++
		}
	}
	return n
}

// dayWords writes a calendar day (midnight UTC) as people do.
func planDayWords(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.Format("Mon 2 Jan")
}

// dateWords writes a YYYY-MM-DD day as people do.
func planDateWords(s string) string {
	t, err := time.Parse(time.DateOnly, s)
	if err != nil {
		return s
	}
	return planDayWords(t)
}

// setsReps writes "3 × 5", or "3 sets" without reps.
func rampSetsReps(sets, reps int) string {
	if reps == 0 {
		return strconv.Itoa(sets) + " sets"
	}
	return strconv.Itoa(sets) + " × " + strconv.Itoa(reps)
}

// Dose is the lift's weight, sets and reps in words.
func (l rampLiftView) Dose() string { return l.Weight + ", " + rampSetsReps(l.Sets, l.Reps) }
