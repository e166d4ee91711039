package web

import (
	"net/http"
	"strconv"
	"strings"

	"github.com/backload/backload"
)

// historyPerPage is how many sessions one history page lists.
const historyPerPage = 20

// historyData is one page of the session list.
type historyData struct {
	Sessions   []historyRow
	Page       int
	Newer      string // links to the neighbouring pages; "" at either end
	Older      string
	Zone       backload.User // whose time zone dates are read in
	Units      backload.Unit
	Base       string // the history's path, for links
	EmptyFirst bool   // no session at all yet
}

// historyRow is one session in the list.
type historyRow struct {
	ID        int64
	Session   backload.Session
	Source    string
	Sets      int
	Warmups   int
	Exercises []historyExercise
}

type historyExercise struct {
	Name  string
	Class backload.Class
	Sets  int
}

// historyBase is the path the history pages answer on, so the same
// handlers serve a coach's view of a lifter under another prefix.
func historyBase(r *http.Request) string {
	p := r.URL.Path
	if i := strings.Index(p, "/history"); i >= 0 {
		return p[:i] + "/history"
	}
	return "/history"
}

// historyPage lists the subject's sessions, newest first, a page at a time
// (?page=N, from 1).
func (s *Server) historyPage(w http.ResponseWriter, r *http.Request, c *call) error {
	pageNo, err := strconv.Atoi(r.URL.Query().Get("page"))
	if err != nil || pageNo < 1 || pageNo > 1_000_000 {
		pageNo = 1
	}
	list, err := s.db.SessionPage(r.Context(), c.subject.ID, (pageNo-1)*historyPerPage, historyPerPage+1)
	if err != nil {
		return err
	}
	base := historyBase(r)
	d := historyData{Page: pageNo, Zone: c.subject, Units: userUnits(c.user), Base: base}
	if len(list) > historyPerPage {
		list = list[:historyPerPage]
		d.Older = base + "?page=" + strconv.Itoa(pageNo+1)
	}
	if pageNo > 1 {
		d.Newer = base + "?page=" + strconv.Itoa(pageNo-1)
		if pageNo == 2 {
			d.Newer = base
		}
	}
	d.EmptyFirst = len(list) == 0 && pageNo == 1
	for _, sess := range list {
		row := historyRow{ID: sess.ID, Session: sess, Source: sourceLabel(sess.Source)}
		row.Sets, row.Warmups = sess.SetCount()
		for _, e := range sess.Exercises {
			row.Exercises = append(row.Exercises, historyExercise{Name: e.Input, Class: e.Class, Sets: len(e.Sets)})
		}
		d.Sessions = append(d.Sessions, row)
	}
	title := "History"
	if pageNo > 1 {
		title += ", page " + strconv.Itoa(pageNo)
	}
	return s.render(w, r, http.StatusOK, "history", view{Title: title, Nav: "history", Data: d})
}

// sessionDetail is one session with every set.
type sessionDetail struct {
	Session   backload.Session
	Source    string
	Sets      int
	Warmups   int
	Exercises []detailExercise
	Zone      backload.User
	Units     backload.Unit
	Base      string
	Duration  string // "1 h 5 min"; "" when not recorded
	Today     bool   // a session the log page is still adding to
}

type detailExercise struct {
	Name  string
	Class backload.Class
	Notes string
	Sets  []setRow
}

// historySession shows one of the subject's sessions; another user's
// session is not found.
func (s *Server) historySession(w http.ResponseWriter, r *http.Request, c *call) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	sess, err := s.db.Session(r.Context(), c.subject.ID, id)
	if err != nil {
		return err
	}
	d := sessionDetail{Session: sess, Source: sourceLabel(sess.Source), Zone: c.subject, Units: userUnits(c.user), Base: historyBase(r)}
	d.Sets, d.Warmups = sess.SetCount()
	d.Duration = durationText(sess.DurationSec)
	if cur, ok, err := s.currentSession(r, c.subject); err == nil && ok && cur.ID == sess.ID && c.subject.ID == c.user.ID {
		d.Today = true
	}
	for _, e := range sess.Exercises {
		de := detailExercise{Name: e.Input, Class: e.Class, Notes: e.Notes}
		for j, x := range e.Sets {
			de.Sets = append(de.Sets, rowOf(j+1, x, d.Units))
		}
		d.Exercises = append(d.Exercises, de)
	}
	title := sess.Title
	if title == "" {
		title = "Session"
	}
	return s.render(w, r, http.StatusOK, "history_session", view{Title: title, Nav: "history", Data: d})
}

// sourceLabel says in words where a session came from.
func sourceLabel(src string) string {
	switch src {
	case "web":
		return "Logged in Backload"
	case "guided":
		return "Guided core session"
	case "strong":
		return "Imported from Strong"
	case "hevy":
		return "Imported from Hevy"
	case "fitnotes":
		return "Imported from FitNotes"
	case "backload":
		return "Imported from a Backload export"
	case "log":
		return "Logged at the command line"
	case "api":
		return "Added through the API"
	case "coach":
		return "Planned by your coach"
	case "":
		return "Unknown source"
	}
	return src
}

// durationText writes a session's length: "45 min", "1 h 5 min".
func durationText(sec int) string {
	if sec <= 0 {
		return ""
	}
	m := (sec + 30) / 60
	switch {
	case m == 0:
		return strconv.Itoa(sec) + " s"
	case m < 60:
		return strconv.Itoa(m) + " min"
	case m%60 == 0:
		return strconv.Itoa(m/60) + " h"
	}
	return strconv.Itoa(m/60) + " h " + strconv.Itoa(m%60) + " min"
}
