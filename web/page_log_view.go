package web

import (
	"fmt"
	"math"
	"net/http"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/backload/backload"
)

// maxNameLen bounds an exercise name or session title typed into the log.
const maxNameLen = 200

// recentNames is how many of the lifter's own exercise names lead the
// form's suggestions.
const recentNames = 30

// logForm is the set form as typed: kept as text so a mistake comes back
// exactly as it was entered.
type logForm struct {
	Exercise, Weight, Unit, Reps, Seconds, RPE, Kind, Title string
}

func readLogForm(r *http.Request) logForm {
	v := r.PostFormValue
	return logForm{Exercise: v("exercise"), Weight: v("weight"), Unit: v("unit"), Reps: v("reps"),
		Seconds: v("seconds"), RPE: v("rpe"), Kind: v("kind"), Title: v("title")}
}

// logData is what the log page shows.
type logData struct {
	Started  bool   // today's session exists
	Title    string // its title
	Form     logForm
	Units    backload.Unit // the lifter's units, in which sets are shown
	Step     float64       // the plate step in the form's unit
	StepKg   float64       // the plate step for kg and for lb, for the
	StepLb   float64       // unit select's script
	Class    *backload.Classification
	Timed    bool // the form's exercise is a hold or timed
	Names    []string
	Groups   []setGroup
	Last     string // the newest set, which repeat and undo act on
	RPEs     []string
	Labels   map[backload.Class]string // class labels, for the live hint
	Rest     *restTimer
	SetCount int
}

// setGroup is one exercise's sets, newest first.
type setGroup struct {
	Name  string
	Class backload.Class
	Sets  []setRow
}

// setRow is one set as the lifter reads it.
type setRow struct {
	N       int
	Text    string // "100 kg × 5"
	Kind    string // "Working", "Warm-up"
	Warmup  bool
	RPE     float64
	Entered string // "entered as 225 lb" when typed in the other unit
}

// restTimer is the countdown after a set.
type restTimer struct {
	Seconds int
	Clock   string // "1:30"
	Until   string // the local time rest ends, for pages without script
}

func (s *Server) logData(r *http.Request, c *call, sess backload.Session, started bool, form logForm) (*logData, error) {
	recent, err := s.db.RecentExerciseNames(r.Context(), c.subject.ID, recentNames)
	if err != nil {
		return nil, err
	}
	unit := backload.Unit(form.Unit)
	if !unit.Valid() {
		unit = userUnits(c.user)
		form.Unit = string(unit)
	}
	if form.Kind == "" {
		form.Kind = string(backload.Working)
	}
	d := &logData{
		Started: started, Title: sess.Title, Form: form, Units: userUnits(c.user),
		Step: s.plateStep(c.user, unit), StepKg: s.plateStep(c.user, backload.Kilograms), StepLb: s.plateStep(c.user, backload.Pounds),
		Names: s.exerciseNames(recent), Labels: map[backload.Class]string{},
	}
	for _, cl := range backload.Classes {
		d.Labels[cl] = cl.Label()
	}
	for r := 6.0; r <= 10; r += 0.5 {
		d.RPEs = append(d.RPEs, num(r))
	}
	if name := strings.TrimSpace(form.Exercise); name != "" {
		cl := s.cat.Classify(name)
		d.Class = &cl
		d.Timed = cl.Measure == backload.Hold || cl.Measure == backload.Duration
	}
	if started {
		d.Groups = groupSets(sess, d.Units)
		d.SetCount, _ = sess.SetCount()
		if n := len(sess.Exercises); n > 0 {
			e := sess.Exercises[n-1]
			d.Last = e.Input + ", " + describeSet(e.Sets[len(e.Sets)-1], d.Units)
		}
	}
	return d, nil
}

// rest starts the countdown to end, unless it is over or implausible.
func (d *logData) rest(end time.Time, u backload.User) {
	left := int(math.Ceil(time.Until(end).Seconds()))
	if left <= 0 || left > 3600 {
		return
	}
	d.Rest = &restTimer{Seconds: left, Clock: fmt.Sprintf("%d:%02d", left/60, left%60),
		Until: end.In(u.Location()).Format("15:04:05")}
}

// exerciseNames are the form's suggestions: the lifter's recent names,
// then every catalog name, each once.
func (s *Server) exerciseNames(recent []string) []string {
	seen := map[string]bool{}
	out := make([]string, 0, len(recent)+s.cat.Len())
	for _, n := range recent {
		if k := strings.ToLower(n); !seen[k] {
			seen[k] = true
			out = append(out, n)
		}
	}
	var cat []string
	for _, e := range s.cat.Exercises("") {
		if k := strings.ToLower(e.Name); !seen[k] {
			seen[k] = true
			cat = append(cat, e.Name)
		}
	}
	slices.Sort(cat)
	return append(out, cat...)
}

// groupSets lists a session's sets by exercise, the newest exercise and
// the newest set first.
func groupSets(sess backload.Session, u backload.Unit) []setGroup {
	out := make([]setGroup, 0, len(sess.Exercises))
	for i := len(sess.Exercises) - 1; i >= 0; i-- {
		e := sess.Exercises[i]
		g := setGroup{Name: e.Input, Class: e.Class}
		for j := len(e.Sets) - 1; j >= 0; j-- {
			g.Sets = append(g.Sets, rowOf(j+1, e.Sets[j], u))
		}
		out = append(out, g)
	}
	return out
}

// rowOf is one set in the lifter's units.
func rowOf(n int, x backload.Set, u backload.Unit) setRow {
	row := setRow{N: n, Text: describeSet(x, u), Kind: kindLabel(x.Kind), Warmup: x.Kind == backload.WarmUp, RPE: x.RPE}
	if x.Unit.Valid() && x.Unit != u && x.WeightKg > 0 {
		row.Entered = "entered as " + num(backload.FromKg(x.WeightKg, x.Unit)) + " " + string(x.Unit)
	}
	return row
}

func kindLabel(k backload.SetKind) string {
	switch k {
	case backload.WarmUp:
		return "Warm-up"
	case backload.Drop:
		return "Drop set"
	case backload.Failure:
		return "To failure"
	}
	return "Working"
}

// describeSet writes a set the way lifters say it: "100 kg × 5",
// "12 reps", "45 s", "20 kg for 45 s".
func describeSet(x backload.Set, u backload.Unit) string {
	u = unitOr(u)
	wt := ""
	if x.WeightKg > 0 {
		wt = num(backload.FromKg(x.WeightKg, u)) + " " + string(u)
	}
	var out string
	switch {
	case wt != "" && x.Reps > 0:
		out = wt + " × " + strconv.Itoa(x.Reps)
	case x.Reps == 1:
		out = "1 rep"
	case x.Reps > 0:
		out = strconv.Itoa(x.Reps) + " reps"
	default:
		out = wt
	}
	if x.Seconds > 0 {
		if out != "" {
			out += " for "
		}
		out += strconv.Itoa(x.Seconds) + " s"
	}
	if out == "" {
		out = "no weight or reps"
	}
	return out
}

func unitOr(u backload.Unit) backload.Unit {
	if u == backload.Pounds {
		return u
	}
	return backload.Kilograms
}

// userUnits are the units the user reads weights in.
func userUnits(u backload.User) backload.Unit { return unitOr(u.Units) }

// plateStep is the smallest change the lifter can load in unit: their own
// step when unit is theirs, else the policy's default for unit.
func (s *Server) plateStep(u backload.User, unit backload.Unit) float64 {
	if unit == userUnits(u) && u.PlateStep > 0 {
		return u.PlateStep
	}
	return unit.DefaultPlateStep(s.cfg.Policy)
}

// lastSetForm prefills the form with the newest set, so the next one is
// a tap or a small change away.
func (s *Server) lastSetForm(u backload.User, sess backload.Session, started bool) logForm {
	f := logForm{Unit: string(userUnits(u)), Kind: string(backload.Working)}
	if !started || len(sess.Exercises) == 0 {
		return f
	}
	e := sess.Exercises[len(sess.Exercises)-1]
	x := e.Sets[len(e.Sets)-1]
	f.Exercise, f.Kind = e.Input, string(x.Kind)
	if x.Unit.Valid() {
		f.Unit = string(x.Unit)
	}
	if x.WeightKg > 0 {
		f.Weight = num(backload.FromKg(x.WeightKg, backload.Unit(f.Unit)))
	}
	if x.Reps > 0 {
		f.Reps = strconv.Itoa(x.Reps)
	}
	if x.Seconds > 0 {
		f.Seconds = strconv.Itoa(x.Seconds)
	}
	return f
}

// parseSet reads and checks the form's set, rounding its weight down to
// the lifter's plates; note says so when it did.
func (s *Server) parseSet(u backload.User, f logForm) (set backload.Set, note string, err error) {
	p := s.cfg.Policy
	name := strings.TrimSpace(f.Exercise)
	switch {
	case name == "":
		return set, "", backload.FieldErrorf("exercise", "Enter the exercise you did.")
	case len(name) > maxNameLen:
		return set, "", backload.FieldErrorf("exercise", "The exercise name is too long: keep it under %d characters.", maxNameLen)
	case len(f.Title) > maxNameLen:
		return set, "", backload.FieldErrorf("title", "The session title is too long: keep it under %d characters.", maxNameLen)
	}
	unit := backload.Unit(f.Unit)
	if !unit.Valid() {
		unit = userUnits(u)
	}
	w, ok := formNumber(f.Weight)
	if limit := math.Floor(unit.MaxWeight(p)); !ok || w < 0 || w > limit {
		return set, "", backload.FieldErrorf("weight", "Enter the weight as a number from 0 to %s %s, or leave it empty for bodyweight.", num(limit), unit)
	}
	reps, ok := formNumber(f.Reps)
	if !ok || reps < 0 || reps > float64(p.MaxReps) || reps != math.Trunc(reps) {
		return set, "", backload.FieldErrorf("reps", "Enter the reps as a whole number from 0 to %d.", p.MaxReps)
	}
	secs, ok := formNumber(f.Seconds)
	if !ok || secs < 0 || secs > float64(p.MaxSeconds) || secs != math.Trunc(secs) {
		return set, "", backload.FieldErrorf("seconds", "Enter the seconds as a whole number from 0 to %d.", p.MaxSeconds)
	}
	if reps == 0 && secs == 0 {
		return set, "", backload.FieldErrorf("reps", "Enter the reps you did, or the seconds for a hold.")
	}
	rpe, ok := formNumber(f.RPE)
	if !ok || rpe != 0 && (rpe < 1 || rpe > 10 || rpe*2 != math.Trunc(rpe*2)) {
		return set, "", backload.FieldErrorf("rpe", "Pick the effort (rpe) from 6 to 10 in half steps, or none.")
	}
	kind := backload.SetKind(f.Kind)
	if kind == "" {
		kind = backload.Working
	}
	if !kind.Valid() {
		return set, "", backload.FieldErrorf("kind", "Pick the kind of set: working or warm-up.")
	}
	step := s.plateStep(u, unit)
	// A weight lighter than one plate step (a small dumbbell, a band) is
	// kept as it is rather than rounded to nothing.
	if r := backload.RoundDown(w, step); r > 0 && math.Abs(r-w) > 1e-9 {
		note = fmt.Sprintf(" Rounded %s %s down to %s %s to match your %s %s plate step.", num(w), unit, num(r), unit, num(step), unit)
		w = r
	}
	return backload.Set{Kind: kind, WeightKg: backload.ToKg(w, unit), Reps: int(reps), RPE: rpe, Seconds: int(secs), Unit: unit}, note, nil
}

// formNumber reads a number as people type it on a phone, with a point or
// a decimal comma; empty is zero.
func formNumber(v string) (float64, bool) {
	v = strings.TrimSpace(strings.ReplaceAll(v, ",", "."))
	if v == "" {
		return 0, true
	}
	f, err := strconv.ParseFloat(v, 64)
	if err != nil || math.IsNaN(f) || math.IsInf(f, 0) {
		return 0, false
	}
	return f, true
}
