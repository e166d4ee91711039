package web

import (
	"net/http"
	"strconv"
	"strings"
	"time"

	"github.com/backload/backload"
)

// logSource marks the sessions the log page writes; today's session with
// this source is the one the next set goes into.
const logSource = "web"

// restSeconds is the rest the timer counts down after a set.
const restSeconds = 90

func (s *Server) logPages() []route {
	return []route{
		page("GET", "/log", signedIn, s.logPage),
		page("POST", "/log/set", signedIn, s.logSet),
		page("POST", "/log/repeat", signedIn, s.logRepeat),
		page("POST", "/log/undo", signedIn, s.logUndo),
		page("GET", "/history", signedIn, s.historyPage),
		page("GET", "/history/{id}", signedIn, s.historySession),
	}
}

// currentSession is the subject's web session today, or ok false when
// they have logged nothing today.
func (s *Server) currentSession(r *http.Request, u backload.User) (backload.Session, bool, error) {
	y, m, d := time.Now().In(u.Location()).Date()
	from := time.Date(y, m, d, 0, 0, 0, 0, u.Location())
	sess, err := s.db.LatestSession(r.Context(), u.ID, logSource, from, from.AddDate(0, 0, 1))
	switch backload.ErrorCode(err) {
	case "":
		return sess, true, nil
	case backload.ENOTFOUND:
		return backload.Session{}, false, nil
	}
	return backload.Session{}, false, err
}

// logPage shows the set form, today's sets and, right after a set, the
// rest timer. Query values (exercise, weight, unit, reps) prefill the
// form, so other pages can link to "log this".
func (s *Server) logPage(w http.ResponseWriter, r *http.Request, c *call) error {
	sess, ok, err := s.currentSession(r, c.subject)
	if err != nil {
		return err
	}
	q := r.URL.Query()
	form := s.lastSetForm(c.user, sess, ok)
	for _, f := range []struct {
		name string
		dst  *string
	}{{"exercise", &form.Exercise}, {"weight", &form.Weight}, {"unit", &form.Unit}, {"reps", &form.Reps}} {
		if v := strings.TrimSpace(q.Get(f.name)); v != "" && len(v) <= maxNameLen {
			*f.dst = v
		}
	}
	if !backload.Unit(form.Unit).Valid() {
		form.Unit = string(userUnits(c.user))
	}
	data, err := s.logData(r, c, sess, ok, form)
	if err != nil {
		return err
	}
	if end, err := strconv.ParseInt(q.Get("rest"), 10, 64); err == nil {
		data.rest(time.Unix(end, 0), c.subject)
	}
	return s.render(w, r, http.StatusOK, "log", view{Title: "Log", Nav: "log", Data: data})
}

// logSet stores one set from the form in today's session, starting the
// session with the first set.
func (s *Server) logSet(w http.ResponseWriter, r *http.Request, c *call) error {
	form := readLogForm(r)
	sess, ok, err := s.currentSession(r, c.subject)
	if err != nil {
		return err
	}
	set, note, err := s.parseSet(c.user, form)
	if err != nil {
		data, derr := s.logData(r, c, sess, ok, form)
		if derr != nil {
			return derr
		}
		return s.formError(w, r, "log", view{Title: "Log", Nav: "log", Data: data}, err)
	}
	title := strings.TrimSpace(form.Title)
	if title == "" {
		title = "Workout"
	}
	if !ok {
		sess = backload.Session{StartedAt: time.Now().UTC().Truncate(time.Second), Title: title, Source: logSource}
	}
	name := strings.Join(strings.Fields(form.Exercise), " ")
	appendSet(&sess, name, s.classifierFor(r.Context(), c.subject.ID)(name), set)
	if err := s.saveLog(r, c.subject, sess, ok); err != nil {
		return err
	}
	return s.afterSet(w, r, "Logged "+name+": "+describeSet(set, c.user.Units)+"."+note)
}

// logRepeat logs the last set again: same exercise, weight, reps and kind.
func (s *Server) logRepeat(w http.ResponseWriter, r *http.Request, c *call) error {
	sess, ok, err := s.currentSession(r, c.subject)
	if err != nil {
		return err
	}
	if !ok || len(sess.Exercises) == 0 {
		return s.nothingLogged(w, r, c, sess, ok, "There is no set to repeat yet today: log one first.")
	}
	last := &sess.Exercises[len(sess.Exercises)-1]
	set := last.Sets[len(last.Sets)-1]
	set.RPE, set.Notes = 0, "" // effort is rated afresh
	last.Sets = append(last.Sets, set)
	if err := s.saveLog(r, c.subject, sess, true); err != nil {
		return err
	}
	return s.afterSet(w, r, "Logged "+last.Input+" again: "+describeSet(set, c.user.Units)+".")
}

// logUndo removes the newest set of today's session, and the session
// itself when that was its only set.
func (s *Server) logUndo(w http.ResponseWriter, r *http.Request, c *call) error {
	sess, ok, err := s.currentSession(r, c.subject)
	if err != nil {
		return err
	}
	if !ok || len(sess.Exercises) == 0 {
		return s.nothingLogged(w, r, c, sess, ok, "There is no set to undo today.")
	}
	i := len(sess.Exercises) - 1
	last := &sess.Exercises[i]
	gone := last.Sets[len(last.Sets)-1]
	msg := "Removed " + last.Input + ": " + describeSet(gone, c.user.Units) + "."
	last.Sets = last.Sets[:len(last.Sets)-1]
	if len(last.Sets) == 0 {
		sess.Exercises = sess.Exercises[:i]
	}
	if len(sess.Exercises) == 0 {
		err = s.db.DeleteSession(r.Context(), c.subject.ID, sess.ID)
	} else {
		err = s.db.ReplaceSession(r.Context(), c.subject.ID, sess.ID, sess)
	}
	if err != nil {
		return err
	}
	return redirect(w, r, "/log", msg)
}

// saveLog writes today's session: a new one, or the stored one again.
func (s *Server) saveLog(r *http.Request, u backload.User, sess backload.Session, stored bool) error {
	if stored {
		return s.db.ReplaceSession(r.Context(), u.ID, sess.ID, sess)
	}
	_, err := s.db.AddSession(r.Context(), u.ID, sess)
	return err
}

// afterSet sends the lifter back to the form with the rest timer running.
func (s *Server) afterSet(w http.ResponseWriter, r *http.Request, msg string) error {
	end := time.Now().Add(restSeconds * time.Second).Unix()
	return redirect(w, r, "/log?rest="+strconv.FormatInt(end, 10), msg)
}

// nothingLogged answers repeat or undo before the day's first set.
func (s *Server) nothingLogged(w http.ResponseWriter, r *http.Request, c *call, sess backload.Session, ok bool, msg string) error {
	data, err := s.logData(r, c, sess, ok, s.lastSetForm(c.user, sess, ok))
	if err != nil {
		return err
	}
	return s.formError(w, r, "log", view{Title: "Log", Nav: "log", Data: data}, backload.Errorf(backload.EINVALID, "%s", msg))
}

// appendSet adds set to the exercise called name (in any case) and moves
// that exercise to the end, so the session's last exercise always holds
// the newest set: the one repeat and undo act on.
func appendSet(sess *backload.Session, name string, cl backload.Classification, set backload.Set) {
	for i, e := range sess.Exercises {
		if strings.EqualFold(e.Input, name) {
			e.Sets = append(e.Sets, set)
			sess.Exercises = append(append(sess.Exercises[:i:i], sess.Exercises[i+1:]...), e)
			return
		}
	}
	sess.Exercises = append(sess.Exercises, backload.ExerciseLog{
		Input: name, ExerciseID: cl.ExerciseID, Class: cl.Class, Sets: []backload.Set{set},
	})
}
