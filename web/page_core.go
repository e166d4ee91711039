package web

import (
	"encoding/json"
	"fmt"
	"net/http"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/backload/backload"
	"github.com/backload/backload/sqlstore"
)

// The guided core session (domain.md section 7): the policy's core set,
// short holds in a descending pyramid, progressed week by week by adding
// holds (core_dose.go). The page lists the whole routine as a plan that
// works without JavaScript; core.js turns it into a step-by-step guide.

const (
	// coreTitle and coreSource mark a logged guided session; the practice
	// week is counted from the sessions that carry both.
	coreTitle  = "Guided core session"
	coreSource = "guided"
	// coreRelaxSeconds is the pause between two holds of a round, and
	// coreRestSeconds the rest between rounds, sides and exercises.
	// Product choices: long enough to reset the position, short enough
	// that the session stays under half an hour at the full dose.
	coreRelaxSeconds = 5
	coreRestSeconds  = 30
	// coreMaxSpeed bounds ?speed=, which runs the guide's clock faster for
	// browser tests.
	coreMaxSpeed = 100
	// coreMaxSeconds bounds the session length a finished guide reports.
	coreMaxSeconds = 4 * 60 * 60
)

// coreSides names the two sides of the core exercises done on each side;
// the others are done once per round.
var coreSides = map[string][2]coreSide{
	"side-plank": {{"left", "Left side"}, {"right", "Right side"}},
	"bird-dog":   {{"left", "Left arm and right leg"}, {"right", "Right arm and left leg"}},
}

type coreSide struct{ ID, Label string }

func (s *Server) corePages() []route {
	return []route{
		page("GET", "/core", signedIn, s.corePage),
		page("POST", "/core/done", signedIn, s.coreDone),
	}
}

// coreExercise is one exercise of the routine.
type coreExercise struct {
	ID           string   `json:"id"`
	Name         string   `json:"name"`
	Instructions []string `json:"instructions"`
	// Sides are the labels of the two sides, empty when done once.
	Sides []string `json:"sides,omitempty"`
}

// coreGroup is one set of the routine: the holds of one round of one
// exercise, on one side. It is also what the finished guide posts back,
// with Holds the number of holds done.
type coreGroup struct {
	Ex        int    `json:"ex"` // index into corePlan.Exercises
	Exercise  string `json:"exercise"`
	Side      string `json:"side,omitempty"`
	SideLabel string `json:"sideLabel,omitempty"`
	Round     int    `json:"round"`
	Holds     int    `json:"holds"`
}

// corePlan is this week's routine.
type corePlan struct {
	Week        int
	Dose        []int
	NextDose    []int // next week's dose; nil once the dose stops growing
	Growth      int   // how many holds each round may gain
	HoldSeconds int
	Relax, Rest int
	Exercises   []coreExercise
	Groups      []coreGroup
	TotalHolds  int
	Minutes     int
	Speed       int
	// ThisWeek is how many guided sessions the lifter logged this week.
	ThisWeek int
	Last     time.Time
}

// coreScript is what core.js reads.
type coreScript struct {
	Hold      int            `json:"hold"`
	Relax     int            `json:"relax"`
	Rest      int            `json:"rest"`
	Speed     int            `json:"speed"`
	Exercises []coreExercise `json:"exercises"`
	Groups    []coreGroup    `json:"groups"`
}

// Script returns the plan as core.js reads it.
func (p corePlan) Script() coreScript {
	return coreScript{Hold: p.HoldSeconds, Relax: p.Relax, Rest: p.Rest, Speed: p.Speed, Exercises: p.Exercises, Groups: p.Groups}
}

// Planned returns the whole planned dose in the shape /core/done takes,
// so the form logs the full routine when no script has run.
func (p corePlan) Planned() (string, error) {
	out := make([]corePosted, len(p.Groups))
	for i, g := range p.Groups {
		out[i] = corePosted{Exercise: g.Exercise, Side: g.Side, Round: g.Round, Holds: g.Holds}
	}
	b, err := json.Marshal(out)
	return string(b), err
}

// Rounds writes a dose as people say it: "6, 4 and 2".
func (p corePlan) Rounds(dose []int) string {
	parts := make([]string, len(dose))
	for i, n := range dose {
		parts[i] = strconv.Itoa(n)
	}
	if len(parts) < 2 {
		return strings.Join(parts, "")
	}
	return strings.Join(parts[:len(parts)-1], ", ") + " and " + parts[len(parts)-1]
}

// corePlanFor works out the lifter's routine for this week from their
// guided sessions so far.
func (s *Server) corePlanFor(r *http.Request, u backload.User) (corePlan, error) {
	list, err := s.db.Sessions(r.Context(), u.ID, sqlstore.SessionFilter{Title: coreTitle})
	if err != nil {
		return corePlan{}, err
	}
	now := time.Now()
	y, w := now.In(u.Location()).ISOWeek()
	var starts []time.Time
	plan := corePlan{HoldSeconds: s.cfg.Policy.CoreHoldSeconds, Growth: coreDoseGrowth, Relax: coreRelaxSeconds, Rest: coreRestSeconds, Speed: 1}
	for _, sess := range list {
		if sess.Source != coreSource {
			continue
		}
		starts = append(starts, sess.StartedAt)
		if sy, sw := sess.StartedAt.In(u.Location()).ISOWeek(); sy == y && sw == w {
			plan.ThisWeek++
		}
		if sess.StartedAt.After(plan.Last) {
			plan.Last = sess.StartedAt
		}
	}
	p := s.cfg.Policy
	plan.Week = corePracticeWeek(starts, now, u.Location())
	plan.Dose = coreDose(p.CorePyramid, plan.Week, coreDoseGrowth)
	if next := coreDose(p.CorePyramid, plan.Week+1, coreDoseGrowth); !slices.Equal(next, plan.Dose) {
		plan.NextDose = next
	}
	for _, id := range p.CoreSet {
		e, ok := s.cat.Exercise(id)
		if !ok || e.Class != backload.CoreEndurance {
			continue // a policy naming an exercise this catalog lacks
		}
		ex := coreExercise{ID: e.ID, Name: e.Name, Instructions: e.Instructions}
		sides, sided := coreSides[e.ID]
		if sided {
			ex.Sides = []string{sides[0].Label, sides[1].Label}
		}
		plan.Exercises = append(plan.Exercises, ex)
		for round, holds := range plan.Dose {
			g := coreGroup{Ex: len(plan.Exercises) - 1, Exercise: e.ID, Round: round + 1, Holds: holds}
			if !sided {
				plan.Groups = append(plan.Groups, g)
				continue
			}
			for _, side := range sides {
				g.Side, g.SideLabel = side.ID, side.Label
				plan.Groups = append(plan.Groups, g)
			}
		}
	}
	secs := 0
	for i, g := range plan.Groups {
		plan.TotalHolds += g.Holds
		secs += g.Holds*plan.HoldSeconds + (g.Holds-1)*plan.Relax
		if i > 0 {
			secs += plan.Rest
		}
	}
	plan.Minutes = (secs + 59) / 60
	return plan, nil
}

func (s *Server) corePage(w http.ResponseWriter, r *http.Request, c *call) error {
	speed := 1
	if v := r.URL.Query().Get("speed"); v != "" {
		n, err := strconv.Atoi(v)
		if err != nil || n < 1 || n > coreMaxSpeed {
			return backload.FieldErrorf("speed", "must be a whole number from 1 to %d", coreMaxSpeed)
		}
		speed = n
	}
	plan, err := s.corePlanFor(r, c.subject)
	if err != nil {
		return err
	}
	plan.Speed = speed
	return s.render(w, r, http.StatusOK, "core", view{Title: "Core session", Nav: "core", Data: plan})
}

// coreDone logs a finished guided session: the holds the guide posts, or
// the whole plan when the form was sent without a script.
func (s *Server) coreDone(w http.ResponseWriter, r *http.Request, c *call) error {
	r.Body = http.MaxBytesReader(w, r.Body, 64<<10)
	plan, err := s.corePlanFor(r, c.subject)
	if err != nil {
		return err
	}
	if err := r.ParseForm(); err != nil {
		v := view{Title: "Core session", Nav: "core", Data: plan}
		return s.formError(w, r, "core", v, backload.Errorf(backload.EINVALID, "The finished session could not be read; please send it again."))
	}
	// A refused log shows the guide again at the clock speed it ran at.
	if n, err := strconv.Atoi(r.PostForm.Get("speed")); err == nil && n >= 1 && n <= coreMaxSpeed {
		plan.Speed = n
	}
	v := view{Title: "Core session", Nav: "core", Data: plan}
	done, err := parseCoreDone(r.PostForm.Get("steps"), plan)
	if err != nil {
		return s.formError(w, r, "core", v, err)
	}
	secs := 0
	if raw := r.PostForm.Get("seconds"); raw != "" {
		secs, err = strconv.Atoi(raw)
		if err != nil || secs < 0 || secs > coreMaxSeconds {
			return s.formError(w, r, "core", v, backload.Errorf(backload.EINVALID, "The session length must be a whole number of seconds from 0 to %d.", coreMaxSeconds))
		}
	}
	sess, holds := coreSession(plan, done, time.Now(), secs)
	if _, err := s.db.AddSession(r.Context(), c.subject.ID, sess); err != nil {
		return s.formError(w, r, "core", v, err)
	}
	return redirect(w, r, "/core", fmt.Sprintf("Core session logged: %d holds of %d seconds. It is in your history.", holds, plan.HoldSeconds))
}

// coreSession turns the holds done into a session: one exercise per core
// exercise, one timed working set per hold, in the order of the plan.
func coreSession(plan corePlan, done []coreGroup, now time.Time, secs int) (backload.Session, int) {
	sess := backload.Session{
		StartedAt:   now.Add(-time.Duration(secs) * time.Second).Truncate(time.Second),
		Title:       coreTitle,
		Source:      coreSource,
		DurationSec: secs,
		Notes: fmt.Sprintf("Week %d of guided core work: rounds of %s holds of %d seconds.",
			plan.Week, plan.Rounds(plan.Dose), plan.HoldSeconds),
		Exercises: []backload.ExerciseLog{},
	}
	holds := 0
	for _, g := range done {
		ex := plan.Exercises[g.Ex]
		if n := len(sess.Exercises); n == 0 || sess.Exercises[n-1].ExerciseID != ex.ID {
			sess.Exercises = append(sess.Exercises, backload.ExerciseLog{Input: ex.Name, ExerciseID: ex.ID, Class: backload.CoreEndurance})
		}
		note := fmt.Sprintf("Round %d", g.Round)
		if g.SideLabel != "" {
			note += ", " + strings.ToLower(g.SideLabel[:1]) + g.SideLabel[1:]
		}
		el := &sess.Exercises[len(sess.Exercises)-1]
		for range g.Holds {
			el.Sets = append(el.Sets, backload.Set{Kind: backload.Working, Reps: 1, Seconds: plan.HoldSeconds, Notes: note})
		}
		holds += g.Holds
	}
	return sess, holds
}

// corePosted is one set as the finished guide posts it: the holds done of
// one round of one exercise, on one side.
type corePosted struct {
	Exercise string `json:"exercise"`
	Side     string `json:"side,omitempty"`
	Round    int    `json:"round"`
	Holds    int    `json:"holds"`
}

// parseCoreDone reads and checks the posted sets against the plan: known
// exercises of this routine only, each set at most once, never more holds
// than planned. It returns the sets in the order of the plan, with their
// exercise and side labels filled in, or an EINVALID error saying what is
// wrong.
func parseCoreDone(raw string, plan corePlan) ([]coreGroup, error) {
	bad := func(format string, args ...any) error {
		return backload.Errorf(backload.EINVALID, "The finished session could not be logged: "+format, args...)
	}
	if strings.TrimSpace(raw) == "" {
		return nil, bad("it lists no holds.")
	}
	dec := json.NewDecoder(strings.NewReader(raw))
	dec.DisallowUnknownFields()
	var posted []corePosted
	if err := dec.Decode(&posted); err != nil || strings.TrimSpace(raw[dec.InputOffset():]) != "" {
		return nil, bad("its list of holds is not in the expected form.")
	}
	if len(posted) > len(plan.Groups) {
		return nil, bad("it lists %d sets, more than the %d of this week's routine.", len(posted), len(plan.Groups))
	}
	known := map[string]bool{}
	for _, e := range plan.Exercises {
		known[e.ID] = true
	}
	type key struct {
		ex, side string
		round    int
	}
	at := map[key]int{}
	for i, g := range plan.Groups {
		at[key{g.Exercise, g.Side, g.Round}] = i
	}
	holds := make([]int, len(plan.Groups))
	total := 0
	for _, p := range posted {
		if !known[p.Exercise] {
			return nil, bad("%q is not an exercise of this routine.", p.Exercise)
		}
		i, ok := at[key{p.Exercise, p.Side, p.Round}]
		switch {
		case !ok && p.Round >= 1 && p.Round <= len(plan.Dose):
			return nil, bad("%q has no side %q in this routine.", p.Exercise, p.Side)
		case !ok:
			return nil, bad("round %d of %q is not in this week's routine of %d rounds.", p.Round, p.Exercise, len(plan.Dose))
		case holds[i] != 0:
			return nil, bad("round %d of %q is listed twice.", p.Round, p.Exercise)
		case p.Holds < 1 || p.Holds > plan.Groups[i].Holds:
			return nil, bad("round %d of %q must have from 1 to %d holds, not %d.", p.Round, p.Exercise, plan.Groups[i].Holds, p.Holds)
		}
		holds[i] = p.Holds
		total += p.Holds
	}
	if total == 0 {
		return nil, bad("it lists no holds. Do at least one hold before logging.")
	}
	var out []coreGroup
	for i, g := range plan.Groups {
		if holds[i] > 0 {
			g.Holds = holds[i]
			out = append(out, g)
		}
	}
	return out, nil
}
