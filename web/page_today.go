package web

import (
	"encoding/json"
	"errors"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"

	"github.com/backload/backload"
)

// todayPages are the daily check-in with today's adapted session, and the
// return plan. Both read whose data from c.subject, so a coach's routes can
// mount them read-only; only the lifter may check in.
func (s *Server) todayPages() []route {
	return []route{
		page("GET", "/today", signedIn, s.todayPage),
		page("POST", "/today/checkin", signedIn, s.checkInSubmit),
		page("GET", "/plan", signedIn, s.planPage),
	}
}

// todayTitlesShown is how many session titles the "plan from" choice lists.
const todayTitlesShown = 12

// todayData is what the Today page shows.
type todayData struct {
	Day       string // today in the lifter's zone, as people write it
	Own       bool   // the lifter's own page: they may check in
	CheckedIn bool   // today has a check-in
	FormOpen  bool   // show the form open even after checking in
	Form      todayCheckIn

	Zone     backload.Zone
	Reasons  []string
	Status   backload.Status
	Urgency  backload.Urgency
	Items    []adaptedItemView
	Messages []string

	From    *plannedFrom // the session today is adapted from; nil if none
	Workout string       // the chosen title, "" for the latest session
	Titles  []string
	// BadWorkout: the title asked for names no session.
	BadWorkout bool
	RampWeek   int // the return-plan week, 0 outside a return
	Ramp       int // the number of weeks in the return plan
	Explain    lighterExplainer
}

// plannedFrom names the session today's plan starts from.
type plannedFrom struct {
	Title string
	When  string
}

// adaptedItemView is one adapted item, ready to read.
type adaptedItemView struct {
	Action   backload.Action
	Label    string // the action in words
	Name     string
	Class    string
	Dose     string
	Planned  string // the planned dose, when the rules changed it
	Effort   string // the effort cap in words
	Replaces string
	Why      string
}

// lighterExplainer holds the numbers of the "why is my squat lighter?" note, all
// from the policy.
type lighterExplainer struct {
	AmberWeight, RedWeight string
	RedSets                int
	AmberRPE, RedRPE       string
}

func (s *Server) todayPage(w http.ResponseWriter, r *http.Request, c *call) error {
	data, err := s.todayData(r, c, r.URL.Query().Get("workout"))
	if err != nil {
		return err
	}
	v := view{Title: "Today", Nav: "today", Data: data}
	if data.Workout == "" && r.URL.Query().Get("workout") != "" {
		v.Error = "There is no session with that title: today's plan uses your latest session instead."
		v.Field, data.BadWorkout = "workout", true
	}
	return s.render(w, r, http.StatusOK, "today", v)
}

// todayData works out the page: the check-in form, and once the lifter has
// checked in today, the adapted session. A title that names no session
// falls back to the latest session (Workout is then "").
func (s *Server) todayData(r *http.Request, c *call, workout string) (*todayData, error) {
	u := c.subject
	p := s.cfg.Policy
	plan, in, err := s.todayPlan(r, u, workout)
	if err != nil && workout != "" && backload.ErrorCode(err) == backload.ENOTFOUND {
		workout = ""
		plan, in, err = s.todayPlan(r, u, "")
	}
	today := in.Date
	prev, cur := todaySplitCheckIns(in.CheckIns, today)
	if err != nil && (cur != nil || backload.ErrorCode(err) != backload.EINVALID) {
		return nil, err // only "no check-in yet" may leave the plan out
	}
	titles, terr := s.db.RecentTitles(r.Context(), u.ID, todayTitlesShown)
	if terr != nil {
		return nil, terr
	}
	d := &todayData{
		Day:     today.Format("Monday 2 January"),
		Own:     c.subject.ID == c.user.ID,
		Workout: workout,
		Titles:  titles,
		Explain: lighterExplainer{
			AmberWeight: percentWords(p.AmberSpinalWeight), RedWeight: percentWords(p.RedSpinalWeight), RedSets: p.RedSpinalMaxSets,
			AmberRPE: num(p.AmberSpinalRPE), RedRPE: num(p.RedSpinalRPE),
		},
	}
	d.Form = newTodayCheckIn(p, prev, cur)
	d.Form.Workout = workout
	if cur == nil {
		return d, nil
	}
	d.CheckedIn = true
	ci := cur.CheckIn
	if ci.Trend == "" {
		ci.Trend = backload.WeeklyTrend(in.CheckIns, today, p)
	}
	a := plan.Adapted
	d.Zone, d.Reasons, d.Status, d.Urgency, d.Messages = a.Zone, ci.Reasons(p), a.Status, a.Urgency, a.Messages
	if a.Status == backload.StatusSeeClinician {
		return d, nil // no training advice of any kind
	}
	units := u.Units
	if units == "" {
		units = backload.Kilograms
	}
	for _, it := range a.Items {
		d.Items = append(d.Items, newAdaptedItemView(it, units))
	}
	if in.Planned != nil {
		d.From = &plannedFrom{Title: in.Planned.Title, When: in.Planned.StartedAt.In(u.Location()).Format("Mon 2 Jan")}
	}
	if plan.Flare.Phase == backload.Returning && plan.Ramp != nil {
		d.RampWeek, d.Ramp = plan.Flare.Week, len(plan.Ramp.Weeks)
	}
	return d, nil
}

// todaySplitCheckIns finds the latest check-in before today and today's.
func todaySplitCheckIns(list []backload.DailyCheckIn, today time.Time) (prev, cur *backload.DailyCheckIn) {
	day := today.Format(time.DateOnly)
	for i := range list {
		switch {
		case list[i].Date == day:
			cur = &list[i]
		case list[i].Date < day && (prev == nil || list[i].Date > prev.Date):
			prev = &list[i]
		}
	}
	return prev, cur
}

// todayCheckIn is the check-in form with its answers.
type todayCheckIn struct {
	Pain, SessionPain int
	Note              string
	Mornings          []checkInMorning
	Flags             []checkInFlag
	// ShowFlags puts the red-flag questions in plain view: on a first
	// check-in, and when pain has risen since the last one.
	ShowFlags bool
	FlagsWhy  string
	HasPrev   bool
	PrevPain  int
	Workout   string
	// Field is the answer a problem is about, to mark it invalid.
	Field string
}

type checkInMorning struct {
	Value   int
	Label   string
	Text    string
	Checked bool
}

type checkInFlag struct {
	Code    backload.RedFlag
	Text    string
	Urgent  bool
	Checked bool
}

// newTodayCheckIn fills the form: today's answers when there are some, else
// the pain of the last check-in as a starting point.
func newTodayCheckIn(p backload.Policy, prev, cur *backload.DailyCheckIn) todayCheckIn {
	f := todayCheckIn{}
	if prev != nil {
		f.HasPrev, f.PrevPain, f.Pain = true, prev.Pain, prev.Pain
	} else {
		f.ShowFlags = true
		f.FlagsWhy = "As this is your first check-in, please look through these symptoms once."
	}
	var flags []backload.RedFlag
	morning := 0
	if cur != nil {
		f.Pain, f.SessionPain, f.Note = cur.Pain, cur.SessionPain, cur.Note
		morning, flags = cur.MorningChange, cur.RedFlags
	}
	f.setAnswers(p, morning, flags)
	return f
}

// setAnswers builds the morning-after choices and the red-flag boxes with
// the given answers ticked. A stored morning change the choices do not
// offer (the API takes any) ticks the choice that gives the same zone.
func (f *todayCheckIn) setAnswers(p backload.Policy, morning int, flags []backload.RedFlag) {
	worse := strconv.Itoa(p.AmberMorningWorse)
	if p.RedMorningWorse-1 > p.AmberMorningWorse {
		worse += " to " + strconv.Itoa(p.RedMorningWorse-1)
	}
	f.Mornings = []checkInMorning{
		{-1, "Better", "Your back felt better the morning after than it did the day before the session.", morning < 0},
		{0, "The same", "No real change from the day before the session.", morning == 0},
		{p.AmberMorningWorse, "A bit worse", "Stiffer or sorer: about " + worse + " points worse on the 0 to 10 scale.",
			morning > 0 && morning < p.RedMorningWorse},
		{p.RedMorningWorse, "Much worse", "Clearly worse: " + strconv.Itoa(p.RedMorningWorse) + " points or more on the 0 to 10 scale.",
			morning >= p.RedMorningWorse},
	}
	ticked := map[backload.RedFlag]bool{}
	for _, fl := range flags {
		ticked[fl] = true
	}
	f.Flags = f.Flags[:0]
	for _, fl := range backload.RedFlags {
		text := fl.Description()
		f.Flags = append(f.Flags, checkInFlag{Code: fl, Text: strings.ToUpper(text[:1]) + text[1:],
			Urgent: fl.Tier() == backload.Urgent, Checked: ticked[fl]})
	}
}

func (s *Server) checkInSubmit(w http.ResponseWriter, r *http.Request, c *call) error {
	if err := r.ParseForm(); err != nil {
		return backload.Errorf(backload.EINVALID, "could not read the form: please try again")
	}
	workout := r.PostFormValue("workout")
	u := c.subject
	today := localToday(u)
	d, err := todayCheckInFromForm(r, today)
	if err != nil {
		return s.todayCheckInAgain(w, r, c, workout, err, nil)
	}
	p := s.cfg.Policy
	list, err := s.db.CheckIns(r.Context(), u.ID, today.AddDate(0, 0, -(p.FlareMemory+14)).Format(time.DateOnly), today.Format(time.DateOnly))
	if err != nil {
		return err
	}
	prev, _ := todaySplitCheckIns(list, today)
	// The red-flag questions must have been in front of the lifter on a
	// first check-in and whenever pain rises: if they were folded away,
	// ask once more before saving.
	if len(d.RedFlags) == 0 && r.PostFormValue("flags_seen") != "1" && (prev == nil || d.Pain > prev.Pain) {
		why := "Your pain is higher than at your last check-in. Before Backload plans today, please look through these symptoms."
		if prev == nil {
			why = "As this is your first check-in, please look through these symptoms once before Backload plans today."
		}
		return s.todayCheckInAgain(w, r, c, workout, nil, &why)
	}
	if err := s.db.SaveCheckIn(r.Context(), u.ID, d); err != nil {
		return err
	}
	to := "/today"
	if workout != "" {
		to += "?workout=" + url.QueryEscape(workout)
	}
	return redirect(w, r, to, "Check-in saved.")
}

// todayCheckInAgain shows the form again with what was submitted: with the
// problem next to its field, or with the red-flag questions in view.
func (s *Server) todayCheckInAgain(w http.ResponseWriter, r *http.Request, c *call, workout string, problem error, flagsWhy *string) error {
	data, err := s.todayData(r, c, workout)
	if err != nil {
		return err
	}
	f := &data.Form
	f.Pain, _ = strconv.Atoi(r.PostFormValue("pain"))
	f.SessionPain, _ = strconv.Atoi(r.PostFormValue("session_pain"))
	f.Note = r.PostFormValue("note")
	morning, _ := strconv.Atoi(r.PostFormValue("morning_change"))
	var flags []backload.RedFlag
	for _, fl := range r.PostForm["red_flag"] {
		flags = append(flags, backload.RedFlag(fl))
	}
	f.setAnswers(s.cfg.Policy, morning, flags)
	data.FormOpen = true
	v := view{Title: "Today", Nav: "today", Data: data}
	if flagsWhy != nil {
		f.ShowFlags, f.FlagsWhy = true, *flagsWhy
		return s.render(w, r, http.StatusOK, "today", v)
	}
	var e *backload.Error
	if errors.As(problem, &e) {
		f.Field = e.Field
	}
	return s.formError(w, r, "today", v, problem)
}

// todayCheckInFromForm reads the check-in form through the API's decoder,
// so the page accepts exactly what the API accepts.
func todayCheckInFromForm(r *http.Request, today time.Time) (backload.DailyCheckIn, error) {
	body := map[string]any{"date": today.Format(time.DateOnly), "note": r.PostFormValue("note"), "red_flags": []string{}}
	for _, field := range []string{"pain", "session_pain", "morning_change"} {
		v := strings.TrimSpace(r.PostFormValue(field))
		if v == "" {
			continue
		}
		n, err := strconv.ParseFloat(v, 64)
		if err != nil {
			return backload.DailyCheckIn{}, backload.FieldErrorf(field, "must be a number")
		}
		body[field] = n
	}
	if flags := r.PostForm["red_flag"]; len(flags) > 0 {
		body["red_flags"] = flags
	}
	data, err := json.Marshal(body)
	if err != nil {
		return backload.DailyCheckIn{}, err
	}
	return backload.DecodeDailyCheckIn(data)
}

// newItemView writes an adapted item for people.
func newAdaptedItemView(it backload.AdaptedItem, u backload.Unit) adaptedItemView {
	v := adaptedItemView{Action: it.Action, Name: it.Name, Class: it.Class.Label(), Why: it.Why, Replaces: it.Replaces}
	if v.Name == "" {
		v.Name = it.Input
	}
	switch it.Action {
	case backload.ActionKeep:
		v.Label = "As planned"
	case backload.ActionReduce:
		v.Label = "Lighter today"
	case backload.ActionSubstitute:
		v.Label = "Swapped"
	case backload.ActionAdd:
		v.Label = "Added"
	case backload.ActionDrop:
		v.Label = "Left out today"
	default:
		v.Label = string(it.Action)
	}
	if it.Action == backload.ActionDrop {
		v.Dose = "Skip it today"
	} else {
		v.Dose = adaptedDoseText(it.Dose(), u)
		if it.Action == backload.ActionSubstitute && it.Weight == 0 && it.RPECap > 0 && it.Reps > 0 {
			v.Dose += ", a weight you choose"
		}
	}
	if it.Action != backload.ActionKeep && it.Action != backload.ActionAdd && it.Planned != it.Dose() {
		v.Planned = adaptedDoseText(it.Planned, u)
	}
	if it.RPECap > 0 {
		v.Effort = "Stop each set at about RPE " + num(it.RPECap) + ", with about " + num(10-it.RPECap) + " reps left in you."
	}
	return v
}

// doseText writes a dose: "3 × 5 @ 100 kg", "3 × 6 holds of 10 s",
// "20 min".
func adaptedDoseText(d backload.Dose, u backload.Unit) string {
	if d.Sets == 0 {
		return ""
	}
	var b strings.Builder
	switch {
	case d.Seconds > 0 && d.Reps > 0:
		b.WriteString(strconv.Itoa(d.Sets) + " × " + strconv.Itoa(d.Reps) + " holds of " + durationWords(d.Seconds))
	case d.Seconds > 0 && d.Sets == 1:
		b.WriteString(durationWords(d.Seconds))
	case d.Seconds > 0:
		b.WriteString(strconv.Itoa(d.Sets) + " × " + durationWords(d.Seconds))
	case d.Reps > 0:
		b.WriteString(strconv.Itoa(d.Sets) + " × " + strconv.Itoa(d.Reps))
	case d.Sets == 1:
		b.WriteString("1 set")
	default:
		b.WriteString(strconv.Itoa(d.Sets) + " sets")
	}
	if d.Weight > 0 {
		b.WriteString(" @ " + num(d.Weight) + " " + string(u))
	}
	return b.String()
}

// seconds writes a duration the way a lifter reads it: "10 s", "20 min",
// "1 min 30 s".
func durationWords(n int) string {
	switch {
	case n < 60:
		return strconv.Itoa(n) + " s"
	case n%60 == 0:
		return strconv.Itoa(n/60) + " min"
	}
	return strconv.Itoa(n/60) + " min " + strconv.Itoa(n%60) + " s"
}

// pct writes a fraction as a whole percentage: 0.7 is "70%".
func percentWords(f float64) string { return strconv.Itoa(int(f*100+0.5)) + "%" }
