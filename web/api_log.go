package web

import (
	"net/http"
	"time"

	"github.com/backload/backload"
	"github.com/backload/backload/importer"
	"github.com/backload/backload/sqlstore"
)

// dayRange reads ?from= and ?to= (YYYY-MM-DD, both inclusive, either may be
// left out) in the subject's time zone.
func dayRange(r *http.Request, u backload.User) (from, to time.Time, err error) {
	loc := u.Location()
	for _, p := range []struct {
		name string
		dst  *time.Time
	}{{"from", &from}, {"to", &to}} {
		v := r.URL.Query().Get(p.name)
		if v == "" {
			continue
		}
		d, err := backload.ParseDay(p.name, v)
		if err != nil {
			return from, to, err
		}
		*p.dst = time.Date(d.Year(), d.Month(), d.Day(), 0, 0, 0, 0, loc)
	}
	if !to.IsZero() {
		to = to.AddDate(0, 0, 1) // inclusive: up to the end of that day
	}
	if !from.IsZero() && !to.IsZero() && !to.After(from) {
		return from, to, backload.FieldErrorf("to", "must not be before from")
	}
	return from, to, nil
}

func (s *Server) listSessions(w http.ResponseWriter, r *http.Request, c *call) error {
	from, to, err := dayRange(r, c.subject)
	if err != nil {
		return err
	}
	list, err := s.db.Sessions(r.Context(), c.subject.ID, sqlstore.SessionFilter{From: from, To: to})
	if err != nil {
		return err
	}
	return writeJSON(w, http.StatusOK, map[string]any{"sessions": list})
}

// readSession decodes a session body in the export shape.
func (s *Server) readSession(w http.ResponseWriter, r *http.Request) (backload.Session, error) {
	data, err := readBody(w, r, s.cfg.MaxBodyBytes)
	if err != nil {
		return backload.Session{}, err
	}
	return importer.DecodeSession(data, s.classifierFor(r.Context(), subjectOf(r).ID))
}

func (s *Server) createSession(w http.ResponseWriter, r *http.Request, c *call) error {
	sess, err := s.readSession(w, r)
	if err != nil {
		return err
	}
	if c.subject.ID != c.user.ID {
		sess.Source = "coach" // a coach's plan for the lifter
	}
	id, err := s.db.AddSession(r.Context(), c.subject.ID, sess)
	if err != nil {
		return err
	}
	sess.ID = id
	loc := "/api/v1/sessions/" + itoa(id)
	if c.subject.ID != c.user.ID {
		loc = "/api/v1/lifters/" + itoa(c.subject.ID) + "/sessions/" + itoa(id)
	}
	w.Header().Set("Location", loc)
	return writeJSON(w, http.StatusCreated, sess)
}

func (s *Server) getSession(w http.ResponseWriter, r *http.Request, c *call) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	sess, err := s.db.Session(r.Context(), c.subject.ID, id)
	if err != nil {
		return err
	}
	return writeJSON(w, http.StatusOK, sess)
}

func (s *Server) replaceSession(w http.ResponseWriter, r *http.Request, c *call) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	sess, err := s.readSession(w, r)
	if err != nil {
		return err
	}
	if err := s.db.ReplaceSession(r.Context(), c.subject.ID, id, sess); err != nil {
		return err
	}
	sess.ID = id
	return writeJSON(w, http.StatusOK, sess)
}

func (s *Server) deleteSession(w http.ResponseWriter, r *http.Request, c *call) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	if err := s.db.DeleteSession(r.Context(), c.subject.ID, id); err != nil {
		return err
	}
	w.WriteHeader(http.StatusNoContent)
	return nil
}

func (s *Server) saveCheckIn(w http.ResponseWriter, r *http.Request, c *call) error {
	data, err := readBody(w, r, s.cfg.MaxBodyBytes)
	if err != nil {
		return err
	}
	d, err := backload.DecodeDailyCheckIn(data)
	if err != nil {
		return err
	}
	if d.Date == "" {
		d.Date = localToday(c.subject).Format(time.DateOnly)
	}
	if err := s.db.SaveCheckIn(r.Context(), c.subject.ID, d); err != nil {
		return err
	}
	return writeJSON(w, http.StatusCreated, checkInView(d, s.cfg.Policy))
}

// checkInView is a stored check-in with what it means.
type checkInJSON struct {
	backload.DailyCheckIn
	Zone    backload.Zone    `json:"zone"`
	Urgency backload.Urgency `json:"urgency"`
}

func checkInView(d backload.DailyCheckIn, p backload.Policy) checkInJSON {
	return checkInJSON{DailyCheckIn: d, Zone: d.CheckIn.Zone(p), Urgency: backload.UrgencyOf(d.RedFlags)}
}

func (s *Server) listCheckIns(w http.ResponseWriter, r *http.Request, c *call) error {
	q := r.URL.Query()
	if _, _, err := dayRange(r, c.subject); err != nil {
		return err
	}
	list, err := s.db.CheckIns(r.Context(), c.subject.ID, q.Get("from"), q.Get("to"))
	if err != nil {
		return err
	}
	out := make([]checkInJSON, len(list))
	for i, d := range list {
		out[i] = checkInView(d, s.cfg.Policy)
	}
	return writeJSON(w, http.StatusOK, map[string]any{"checkins": out})
}

// todayPlan works out the subject's session for today; pages share it.
func (s *Server) todayPlan(r *http.Request, u backload.User, workout string) (backload.TodayPlan, backload.TodayInput, error) {
	in, err := s.db.TodayInput(r.Context(), u, workout, localToday(u), s.cfg.Policy)
	if err != nil {
		return backload.TodayPlan{}, in, err
	}
	plan, err := backload.Today(in, s.catalogFor(r.Context(), u.ID), s.cfg.Policy)
	return plan, in, err
}

func (s *Server) today(w http.ResponseWriter, r *http.Request, c *call) error {
	workout := r.URL.Query().Get("workout")
	key := keyFor(c.subject, localToday(c.subject), workout)
	if resp, ok := s.todays.get(key); ok {
		return writeJSON(w, http.StatusOK, resp)
	}
	plan, _, err := s.todayPlan(r, c.subject, workout)
	if err != nil {
		return err
	}
	s.todays.put(key, plan.Adapted)
	return writeJSON(w, http.StatusOK, plan.Adapted)
}

// localToday is the user's calendar day now, at midnight UTC.
func localToday(u backload.User) time.Time {
	y, m, d := time.Now().In(u.Location()).Date()
	return time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
}
