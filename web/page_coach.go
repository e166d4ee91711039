package web

import (
	"fmt"
	"net/http"
	"slices"
	"strings"
	"time"

	"github.com/backload/backload"
	"github.com/backload/backload/sqlstore"
)

// coachPages are the coach's view: the lifters who invited them, and for
// each, read only, their check-ins, sessions and today's adapted plan.
func (s *Server) coachPages() []route {
	return []route{
		page("GET", "/coach", signedIn, s.coachPage),
		page("GET", "/coach/{lifter}", coachOf, s.coachLifterPage),
		page("GET", "/coach/{lifter}/sessions/{id}", coachOf, s.coachSessionPage),
		// The lifter's return plan, read only: the plan page works on
		// whoever the request is about.
		page("GET", "/coach/{lifter}/plan", coachOf, s.planPage),
	}
}

// coachRow is one lifter in the coach's list: how their back is, by their
// latest check-in, and where they are after a flare-up.
type coachRow struct {
	Lifter backload.User
	// Zone is the latest check-in's zone, "" without a recent check-in.
	Zone backload.Zone
	// Last is the latest check-in's day in words, "" when there is none.
	Last    string
	DaysAgo int
	Urgency backload.Urgency
	// Phase says where the lifter is in words: a flare, the return plan's
	// week, or training as usual.
	Phase string
}

// ZoneName is the zone for the data-zone attribute: "none" without one.
func (r coachRow) ZoneName() string {
	if r.Zone == "" {
		return "none"
	}
	return string(r.Zone)
}

// When says how long ago the latest check-in was.
func (r coachRow) When() string {
	switch {
	case r.Last == "":
		return "No check-in yet"
	case r.DaysAgo <= 0:
		return "Checked in today"
	case r.DaysAgo == 1:
		return "Last check-in yesterday, " + r.Last
	}
	return fmt.Sprintf("Last check-in %s, %d days ago", r.Last, r.DaysAgo)
}

// UrgencyWords says how soon the lifter needs a clinician.
func (r coachRow) UrgencyWords() string {
	switch r.Urgency {
	case backload.Urgent:
		return "Needs a clinician urgently: they reported symptoms that need emergency care today."
	case backload.SeeClinician:
		return "Needs a clinician: they reported symptoms a doctor or physiotherapist should assess before they train again."
	}
	return ""
}

// rank orders the list: clinician first, then red, amber, green, and no
// check-in last.
func (r coachRow) rank() int {
	switch {
	case r.Urgency == backload.Urgent:
		return 0
	case r.Urgency == backload.SeeClinician:
		return 1
	case r.Zone == backload.Red:
		return 2
	case r.Zone == backload.Amber:
		return 3
	case r.Zone == backload.Green:
		return 4
	}
	return 5
}

type coachListData struct {
	IsCoach  bool
	Rows     []coachRow
	Clinical int // how many need a clinician
}

func (s *Server) coachPage(w http.ResponseWriter, r *http.Request, c *call) error {
	d := coachListData{IsCoach: c.user.Role == backload.Coach}
	lifters, err := s.db.Lifters(r.Context(), c.user.ID)
	if err != nil {
		return err
	}
	for _, l := range lifters {
		row, _, err := s.coachRowFor(r, l)
		if err != nil {
			return err
		}
		if row.Urgency != backload.NoUrgency {
			d.Clinical++
		}
		d.Rows = append(d.Rows, row)
	}
	slices.SortStableFunc(d.Rows, func(a, b coachRow) int {
		if d := a.rank() - b.rank(); d != 0 {
			return d
		}
		return strings.Compare(a.Lifter.Email, b.Lifter.Email)
	})
	return s.render(w, r, http.StatusOK, "coach", view{Title: "Your lifters", Nav: "coach", Data: d})
}

// coachRowFor works out a lifter's row from the same domain code as their
// today page: the zone of their latest check-in with the weekly trend, and
// the flare state and return plan of backload.Today. It also returns the
// lifter's today plan and its inputs, or the error that there is none.
func (s *Server) coachRowFor(r *http.Request, u backload.User) (coachRow, coachToday, error) {
	row := coachRow{Lifter: u}
	p := s.cfg.Policy
	plan, in, err := s.todayPlan(r, u, "")
	t := coachToday{Plan: plan, CheckIns: in.CheckIns, Err: err}
	if err != nil && backload.ErrorCode(err) != backload.EINVALID {
		return row, t, err
	}
	today := localToday(u)
	latest, ok := coachLatest(in.CheckIns, today)
	if !ok {
		// Nothing within the flare memory: say when they last checked in.
		last, found, err := s.db.LastCheckIn(r.Context(), u.ID)
		if err != nil {
			return row, t, err
		}
		if found && last.Date <= today.Format(time.DateOnly) {
			row.Last, row.DaysAgo = coachDay(last.Date), coachDaysBetween(last.Date, today)
		}
		row.Phase = "No recent check-in, so no plan for today."
		return row, t, nil
	}
	ci := latest.CheckIn
	if ci.Trend == "" {
		ci.Trend = backload.WeeklyTrend(in.CheckIns, today, p)
	}
	row.Zone = ci.Zone(p)
	row.Urgency = backload.UrgencyOf(latest.RedFlags)
	row.Last, row.DaysAgo = coachDay(latest.Date), coachDaysBetween(latest.Date, today)
	st := plan.Flare
	if err != nil {
		st = backload.Flare(in.CheckIns, today, p)
	}
	switch st.Phase {
	case backload.InFlare:
		row.Phase = "In a flare-up since " + st.Began.Format("Mon 2 Jan") + ": sessions are adapted day by day."
	case backload.Returning:
		if plan.Ramp != nil {
			row.Phase = fmt.Sprintf("Return plan: week %d of %d, back towards their previous weights.", st.Week, len(plan.Ramp.Weeks))
		} else {
			row.Phase = fmt.Sprintf("Returning after a flare-up: week %d.", st.Week)
		}
	default:
		row.Phase = "No flare-up: training as usual."
	}
	return row, t, nil
}

// coachToday is a lifter's plan for today as their coach sees it.
type coachToday struct {
	Plan     backload.TodayPlan
	CheckIns []backload.DailyCheckIn
	Err      error
}

// coachLatest is the newest check-in on or before today.
func coachLatest(list []backload.DailyCheckIn, today time.Time) (backload.DailyCheckIn, bool) {
	limit := today.Format(time.DateOnly)
	var best backload.DailyCheckIn
	found := false
	for _, c := range list {
		if c.Date <= limit && (!found || c.Date > best.Date) {
			best, found = c, true
		}
	}
	return best, found
}

// coachDay writes a stored day (YYYY-MM-DD, already the lifter's local
// day) in words, without moving it through any time zone.
func coachDay(day string) string {
	d, err := time.Parse(time.DateOnly, day)
	if err != nil {
		return day
	}
	return d.Format("Mon 2 Jan 2006")
}

func coachDaysBetween(day string, today time.Time) int {
	d, err := time.Parse(time.DateOnly, day)
	if err != nil {
		return 0
	}
	return int(today.Sub(d).Hours() / 24)
}

// coachLifterData is one lifter's page for their coach.
type coachLifterData struct {
	Row      coachRow
	Units    backload.Unit
	CheckIns []coachCheckIn
	Sessions []coachSessionRow
	// Today is the adapted session; nil when there is no check-in yet or a
	// red flag stops training advice.
	Today   *backload.AdaptResponse
	Items   []coachItem
	Advice  string // what a red flag asks the lifter to do
	NoPlan  string // why there is no plan
	RampWhy string // this week of the return plan, in words
}

// coachCheckIn is one check-in with what it meant that day.
type coachCheckIn struct {
	Day           string
	Pain          int
	SessionPain   int
	MorningChange int
	Zone          backload.Zone
	Reasons       []string
	Flags         []string
	Note          string
}

// Morning writes the morning-after change with its sign.
func (c coachCheckIn) Morning() string {
	switch {
	case c.MorningChange > 0:
		return fmt.Sprintf("%d worse", c.MorningChange)
	case c.MorningChange < 0:
		return fmt.Sprintf("%d better", -c.MorningChange)
	}
	return "same"
}

// coachSessionRow is one session in the lifter's recent list.
type coachSessionRow struct {
	ID        int64
	Day       string
	Title     string
	Exercises int
	Sets      int
}

// coachRecentCheckIns and coachRecentSessions bound the lifter's page.
const (
	coachRecentCheckIns = 14
	coachRecentSessions = 10
)

func (s *Server) coachLifterPage(w http.ResponseWriter, r *http.Request, c *call) error {
	u := c.subject
	p := s.cfg.Policy
	row, t, err := s.coachRowFor(r, u)
	if err != nil {
		return err
	}
	d := coachLifterData{Row: row, Units: u.Units}
	if d.Units == "" {
		d.Units = backload.Kilograms
	}
	switch {
	case t.Err != nil:
		d.NoPlan = "No check-in yet, so there is no plan for today. Backload adapts their session once they check in."
	case t.Plan.Adapted.Status == backload.StatusSeeClinician:
		d.Advice = t.Plan.Adapted.Urgency.Advice()
	default:
		d.Today = &t.Plan.Adapted
		for _, it := range t.Plan.Adapted.Items {
			d.Items = append(d.Items, coachItemOf(it, d.Units))
		}
		if rp := t.Plan.Ramp; rp != nil && t.Plan.Flare.Week >= 1 && t.Plan.Flare.Week <= len(rp.Weeks) {
			d.RampWhy = fmt.Sprintf("Week %d of %d of their return plan. %s", t.Plan.Flare.Week, len(rp.Weeks), rp.Weeks[t.Plan.Flare.Week-1].Why)
		}
	}
	list := slices.Clone(t.CheckIns)
	slices.SortFunc(list, func(a, b backload.DailyCheckIn) int { return strings.Compare(b.Date, a.Date) })
	for _, ci := range list[:min(len(list), coachRecentCheckIns)] {
		d.CheckIns = append(d.CheckIns, coachCheckInOf(ci, t.CheckIns, p))
	}
	sessions, err := s.db.Sessions(r.Context(), u.ID, sqlstore.SessionFilter{Limit: coachRecentSessions})
	if err != nil {
		return err
	}
	for _, ss := range sessions {
		sets, _ := ss.SetCount()
		d.Sessions = append(d.Sessions, coachSessionRow{ID: ss.ID, Day: ss.StartedAt.In(u.Location()).Format("Mon 2 Jan 2006, 15:04"),
			Title: ss.Title, Exercises: len(ss.Exercises), Sets: sets})
	}
	return s.render(w, r, http.StatusOK, "coach_lifter", view{Title: u.Email, Nav: "coach", Data: d})
}

// coachItem is one exercise of today's adapted session, in words.
type coachItem struct {
	Action   backload.Action
	Label    string
	Name     string
	Class    backload.Class
	Replaces string
	Dose     string
	Planned  string
	Why      string
}

func coachItemOf(it backload.AdaptedItem, u backload.Unit) coachItem {
	out := coachItem{Action: it.Action, Name: it.Name, Class: it.Class, Why: it.Why, Dose: coachDose(it.Dose(), it.RPECap, u)}
	if out.Name == "" {
		out.Name = it.Input
	}
	if it.Replaces != "" && it.Replaces != out.Name {
		out.Replaces = it.Replaces
	}
	if it.Planned != (backload.Dose{}) && it.Planned != it.Dose() {
		out.Planned = coachDose(it.Planned, 0, u)
	}
	switch it.Action {
	case backload.ActionKeep:
		out.Label = "As planned"
	case backload.ActionReduce:
		out.Label = "Lighter today"
	case backload.ActionSubstitute:
		out.Label = "Swapped"
	case backload.ActionDrop:
		out.Label = "Left out today"
		out.Dose = ""
	case backload.ActionAdd:
		out.Label = "Added"
	}
	return out
}

// coachDose writes a dose: "3 × 5 at 100 kg, up to RPE 6", "3 × 10 s
// holds", "20 min".
func coachDose(d backload.Dose, rpeCap float64, u backload.Unit) string {
	var b strings.Builder
	timed := d.Seconds
	switch {
	case d.Sets > 0 && d.Reps > 0:
		fmt.Fprintf(&b, "%d × %d", d.Sets, d.Reps)
		if timed > 0 {
			fmt.Fprintf(&b, " × %d s", timed)
		}
	case d.Sets > 0 && timed > 0 && timed < 120:
		fmt.Fprintf(&b, "%d × %d s", d.Sets, timed)
	case timed >= 120:
		if d.Sets > 1 {
			fmt.Fprintf(&b, "%d × ", d.Sets)
		}
		fmt.Fprintf(&b, "%d min", timed/60)
	case d.Sets > 0:
		fmt.Fprintf(&b, "%d sets", d.Sets)
	}
	if d.Weight > 0 {
		fmt.Fprintf(&b, " at %s %s", num(d.Weight), u)
	}
	if rpeCap > 0 {
		fmt.Fprintf(&b, ", up to RPE %s", num(rpeCap))
	}
	return strings.TrimPrefix(b.String(), " ")
}

// coachCheckInOf reads a stored check-in as it stood that day: with the
// weekly trend up to it, as the lifter's today page worked it out.
func coachCheckInOf(d backload.DailyCheckIn, all []backload.DailyCheckIn, p backload.Policy) coachCheckIn {
	ci := d.CheckIn
	if day, err := time.Parse(time.DateOnly, d.Date); err == nil && ci.Trend == "" {
		ci.Trend = backload.WeeklyTrend(all, day, p)
	}
	out := coachCheckIn{Day: coachDay(d.Date), Pain: ci.Pain, SessionPain: ci.SessionPain, MorningChange: ci.MorningChange,
		Zone: ci.Zone(p), Reasons: ci.Reasons(p), Note: d.Note}
	for _, f := range d.RedFlags {
		out.Flags = append(out.Flags, f.Description())
	}
	return out
}

// coachSessionData is one session of a lifter, for their coach.
type coachSessionData struct {
	Title     string
	Day       string
	Notes     string
	Lifter    int64
	Exercises []coachExercise
}

// coachExercise is one exercise of a session with its sets in words.
type coachExercise struct {
	Name       string
	Input      string
	ExerciseID string
	Class      backload.Class
	Notes      string
	Sets       []coachSet
}

type coachSet struct {
	N                   int
	Kind, Weight, Reps  string
	RPE, Time, Distance string
}

func (s *Server) coachSessionPage(w http.ResponseWriter, r *http.Request, c *call) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	u := c.subject
	sess, err := s.db.Session(r.Context(), u.ID, id)
	if err != nil {
		return err
	}
	units := u.Units
	if units == "" {
		units = backload.Kilograms
	}
	d := coachSessionData{Title: sess.Title, Day: sess.StartedAt.In(u.Location()).Format("Mon 2 Jan 2006, 15:04"),
		Notes: sess.Notes, Lifter: u.ID}
	if d.Title == "" {
		d.Title = "Session"
	}
	for _, e := range sess.Exercises {
		ex := coachExercise{Name: e.Input, Input: e.Input, ExerciseID: e.ExerciseID, Class: e.Class, Notes: e.Notes}
		if cat, ok := s.cat.Exercise(e.ExerciseID); ok {
			ex.Name = cat.Name
		}
		for i, x := range e.Sets {
			ex.Sets = append(ex.Sets, coachSetOf(i+1, x, units))
		}
		d.Exercises = append(d.Exercises, ex)
	}
	return s.render(w, r, http.StatusOK, "coach_session", view{Title: d.Title, Nav: "coach", Data: d})
}

// Line is the set in one line: "Working · 140 kg × 5 · RPE 8.5".
func (x coachSet) Line() string {
	parts := []string{x.Kind}
	switch {
	case x.Weight != "" && x.Reps != "":
		parts = append(parts, x.Weight+" × "+x.Reps)
	case x.Weight != "":
		parts = append(parts, x.Weight)
	case x.Reps != "":
		parts = append(parts, x.Reps+" reps")
	}
	for _, p := range []string{x.Time, x.Distance} {
		if p != "" {
			parts = append(parts, p)
		}
	}
	if x.RPE != "" {
		parts = append(parts, "RPE "+x.RPE)
	}
	return strings.Join(parts, " · ")
}

// coachSetOf writes a set in the lifter's units; empty cells for what the
// set did not record.
func coachSetOf(n int, x backload.Set, u backload.Unit) coachSet {
	out := coachSet{N: n}
	switch x.Kind {
	case backload.WarmUp:
		out.Kind = "Warm-up"
	case backload.Drop:
		out.Kind = "Drop"
	case backload.Failure:
		out.Kind = "To failure"
	default:
		out.Kind = "Working"
	}
	if x.WeightKg > 0 {
		out.Weight = num(backload.FromKg(x.WeightKg, u)) + " " + string(u)
	}
	if x.Reps > 0 {
		out.Reps = fmt.Sprint(x.Reps)
	}
	if x.RPE > 0 {
		out.RPE = num(x.RPE)
	}
	if x.Seconds > 0 {
		out.Time = (time.Duration(x.Seconds) * time.Second).String()
	}
	if x.DistanceM > 0 {
		out.Distance = num(x.DistanceM) + " m"
	}
	return out
}
