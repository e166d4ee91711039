package web

import (
	"context"
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"time"

	"github.com/backload/backload"
	"github.com/backload/backload/report"
	"github.com/backload/backload/sqlstore"
)

// reportPages are the printable report for a physiotherapist: the
// lifter's own, and a coach's copy of a lifter's.
func (s *Server) reportPages() []route {
	return []route{
		page("GET", "/report", signedIn, s.reportPage),
		page("GET", "/coach/{lifter}/report", coachOf, s.reportPage),
	}
}

// reportPage answers GET /report?from=&to= (or ?range=, as the progress
// page takes it): the whole report as one self-contained page. It does not
// use the site's layout: a report to print carries no navigation, and the
// same page is what `backload report` saves.
func (s *Server) reportPage(w http.ResponseWriter, r *http.Request, c *call) error {
	u := c.subject
	rng, err := parseRange(r, u)
	if err != nil {
		return err
	}
	ctx := r.Context()
	in, err := LoadPhysio(ctx, s.db, s.catalogFor(ctx, u.ID), u, rng, localToday(u), s.cfg.Policy)
	if err != nil {
		return err
	}
	rep := report.BuildPhysioReport(in, s.cfg.Policy)
	back := "/progress"
	if c.subject.ID != c.user.ID {
		back = fmt.Sprintf("/coach/%d/progress", u.ID)
	}
	q := url.Values{"from": {in.Range.From.Format(time.DateOnly)}, "to": {in.Range.To.Format(time.DateOnly)}}
	page, err := rep.HTML(back + "?" + q.Encode())
	if err != nil {
		return err
	}
	h := w.Header()
	h.Set("Content-Type", "text/html; charset=utf-8")
	h.Set("Cache-Control", "no-store")
	// Stricter than the app's policy: the report runs no script and loads
	// nothing, and its one inline style sheet is allowed by its hash.
	h.Set("Content-Security-Policy", "default-src 'none'; style-src "+report.PhysioStyleHash()+
		"; img-src data:; frame-ancestors 'none'; form-action 'none'; base-uri 'none'")
	w.WriteHeader(http.StatusOK)
	_, err = w.Write(page)
	return err
}

// LoadPhysio reads what the physiotherapist report of u over rng needs
// from the store: exercise rows and check-ins from
// report.PhysioLookback days before the range (for a flare under way as
// it begins), session and exercise notes within it and, when the range
// reaches today, the return plan that runs today, planned with cat. A zero
// rng.From means all of u's history. today is u's date now, at midnight
// UTC. The web page and `backload report` both call it, so they print the
// same report. It returns the store's errors.
func LoadPhysio(ctx context.Context, db *sqlstore.DB, cat backload.Catalog, u backload.User, rng report.Range, today time.Time, p backload.Policy) (report.PhysioInput, error) {
	loc := u.Location()
	if rng.From.IsZero() {
		first, ok, err := db.FirstActivity(ctx, u.ID)
		if err != nil {
			return report.PhysioInput{}, err
		}
		rng.From = rng.To
		if d := progressLocalDate(first, loc); ok && d.Before(rng.From) {
			rng.From = d
		}
	}
	in := report.PhysioInput{Email: u.Email, Range: rng, Today: today, Unit: u.Units}
	since := rng.From.AddDate(0, 0, -report.PhysioLookback(p))
	var err error
	if in.CheckIns, err = db.CheckIns(ctx, u.ID, since.Format(time.DateOnly), rng.To.Format(time.DateOnly)); err != nil {
		return in, err
	}
	// Rows run to the end of the range's last week, which the weekly
	// measures show whole.
	end := rng.To.AddDate(0, 0, 7-(int(rng.To.Weekday())+6)%7)
	if in.Rows, err = db.ExerciseRows(ctx, u.ID, progressMidnight(since, loc), progressMidnight(end, loc), loc); err != nil {
		return in, err
	}
	if in.Notes, in.MoreNotes, err = latestSessionNotes(ctx, db, u.ID, rng, loc); err != nil {
		return in, err
	}
	if rng.To.Before(today) {
		return in, nil // a past range: the plan running today is not its story
	}
	tin, err := db.TodayInput(ctx, u, "", today, p)
	if err != nil {
		return in, err
	}
	plan, err := backload.Today(tin, cat, p)
	switch code := backload.ErrorCode(err); {
	case err == nil && plan.Ramp != nil:
		in.Plan, in.PlanUnit = plan.Ramp, u.Units
		if plan.RampRequest != nil && plan.RampRequest.Units != "" {
			in.PlanUnit = plan.RampRequest.Units
		}
	case err != nil && code != backload.EINVALID && code != backload.ENOTFOUND:
		return in, err // EINVALID: no check-in yet, so nothing is planned
	}
	return in, nil
}

// latestSessionNotes are the newest session and exercise notes of the
// range, read by the store without touching any set, and whether there were
// more than the report shows.
func latestSessionNotes(ctx context.Context, db *sqlstore.DB, userID int64, rng report.Range, loc *time.Location) (notes []report.Note, more bool, err error) {
	found, err := db.SessionNotes(ctx, userID, progressMidnight(rng.From, loc), progressMidnight(rng.To.AddDate(0, 0, 1), loc), report.PhysioMaxNotes+1)
	if err != nil {
		return nil, false, err
	}
	for _, n := range found {
		title := strings.TrimSpace(n.Title)
		if title == "" {
			title = "Session"
		}
		about := title
		if n.Exercise != "" {
			about = n.Exercise + " in " + title
		}
		notes = append(notes, report.Note{Day: progressLocalDate(n.StartedAt, loc), About: about, Text: n.Text})
	}
	if len(notes) > report.PhysioMaxNotes {
		return notes[:report.PhysioMaxNotes], true, nil
	}
	return notes, false, nil
}
