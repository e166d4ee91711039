package web

import (
	"errors"
	"fmt"
	"math"
	"net/http"
	"net/url"
	"strconv"
	"time"

	"github.com/backload/backload"
	"github.com/backload/backload/report"
)

// The progress page (issue 7): the measures of progress_data.go drawn as
// server-rendered SVG charts from package report, each with its summary in
// words and its figures as a table, over a range the lifter picks. The
// charts need no script: they work offline, under the strict CSP and in
// print, and a phone scales them to its width.

// progressPages are the lifter's progress and a coach's read-only view of
// a lifter's. Neither gets a navigation entry of its own: the lead links
// them from the pages that lead there.
func (s *Server) progressPages() []route {
	return []route{
		page("GET", "/progress", signedIn, s.progressPage),
		page("GET", "/coach/{lifter}/progress", coachOf, s.progressPage),
	}
}

// progressPresets are the range form's choices, in the order shown.
var progressPresets = []progressPreset{
	{"4w", "4 weeks"}, {"12w", "12 weeks"}, {"26w", "6 months"}, {"1y", "1 year"}, {"all", "All time"},
}

type progressPreset struct{ Value, Label string }

// progressView is what progress.html draws.
type progressView struct {
	// Base is the page's own path, which the range forms send back to.
	Base string
	// Preset is the ?range= in use, "" when dates were asked for; From and
	// To are the dates in the date fields, YYYY-MM-DD.
	Preset   string
	Presets  []progressPreset
	From, To string
	// Ready is false when the range could not be read: only the form shows.
	Ready bool
	// Period names the range in words.
	Period string
	// Empty is true when nothing was logged or checked in over the range;
	// NoHistory when nothing ever was.
	Empty, NoHistory bool

	Spinal, Volume, E1RM, Core progressChart
	Pain                       report.PainSummary
	// FlareBegan is the start of the flare the comparison is with, in
	// words; "" without a flare.
	FlareBegan string
	PreFlare   []progressFlareRow
	Adherence  []progressRampRow
	Spike      string
	// ReportURL is the physio report over the same range, "" where there
	// is none to link (a coach's view); PlanURL the return plan.
	ReportURL, PlanURL string
}

// progressChart is a chart with the id its figure's heading carries.
type progressChart struct {
	ID string
	report.Chart
}

// progressFlareRow is one lift before the flare and now, in words.
type progressFlareRow struct {
	Name, BeforeE1RM, BeforeTop, NowE1RM, NowTop string
}

// progressRampRow is one week of the return plan, planned against done.
type progressRampRow struct {
	Week          int
	Starts        string
	Planned, Done int
	// Upcoming weeks start after today; Current is the week today is in,
	// where a lift not done yet is still to do rather than missed.
	Upcoming, Current bool
	// Left names the lifts not done at the planned weight, with it.
	Left []string
}

func (s *Server) progressPage(w http.ResponseWriter, r *http.Request, c *call) error {
	u, coached := c.subject, c.subject.ID != c.user.ID
	d := progressView{Base: r.URL.Path, Presets: progressPresets, PlanURL: "/plan"}
	v := view{Title: "Progress", Nav: "progress", Data: &d}
	if coached {
		d.PlanURL, v.Nav = fmt.Sprintf("/coach/%d/plan", u.ID), "coach"
	}
	q := r.URL.Query()
	d.Preset, d.From, d.To = q.Get("range"), q.Get("from"), q.Get("to")
	if d.Preset == "" && d.From == "" && d.To == "" {
		d.Preset = "12w" // parseRange's default
	}
	rng, err := parseRange(r, u)
	if err != nil {
		return s.progressRangeError(w, r, v, err)
	}
	pr, err := s.progressData(r, u, rng)
	if err != nil {
		return err
	}
	d.Ready = true
	d.From, d.To = progressDay(pr.Range.From), progressDay(pr.Range.To)
	d.Period = progressPeriod(d.Preset, pr.Range)
	if d.Empty = progressEmpty(pr); d.Empty {
		// Only an empty page pays for the query that tells a new lifter
		// from one who picked a quiet period.
		_, ever, err := s.db.FirstActivity(r.Context(), u.ID)
		if err != nil {
			return err
		}
		d.NoHistory = !ever
		return s.render(w, r, http.StatusOK, "progress", v)
	}
	if !coached { // the physio report is the lifter's own page
		d.ReportURL = "/report?" + url.Values{"from": {d.From}, "to": {d.To}}.Encode()
	}
	d.fill(pr, u.Units)
	return s.render(w, r, http.StatusOK, "progress", v)
}

// fill draws the charts and words the comparisons of pr, weights in units.
func (d *progressView) fill(pr progress, units backload.Unit) {
	// Each chart gets its own id prefix, so the ids inside the four SVGs
	// (titles, patterns) never clash on the one page.
	o := func(id string) report.Options { return report.Options{Unit: units, ID: "progress-" + id} }
	d.Spinal = progressChart{"spinal", report.SpinalLoadChart(pr.Weeks, pr.Pain, o("spinal"))}
	d.Volume = progressChart{"volume", report.VolumeChart(pr.Weeks, o("volume"))}
	d.E1RM = progressChart{"e1rm", report.E1RMChart(pr.Lifts, pr.Range, o("e1rm"))}
	d.Core = progressChart{"core", report.CoreChart(pr.Core, o("core"))}
	d.Pain, d.Spike = pr.PainSummary, pr.Spike.Message
	if pr.Flare.Phase != backload.NoFlare && len(pr.PreFlare) > 0 {
		d.FlareBegan = progressDate(pr.Flare.Began)
		for _, f := range pr.PreFlare {
			d.PreFlare = append(d.PreFlare, progressFlareRow{Name: f.Name,
				BeforeE1RM: progressWeight(f.BeforeE1RMKg, units, 0), BeforeTop: progressWeight(f.BeforeTopKg, units, 1),
				NowE1RM: progressWeight(f.NowE1RMKg, units, 0), NowTop: progressWeight(f.NowTopKg, units, 1)})
		}
	}
	for _, a := range pr.Adherence {
		row := progressRampRow{Week: a.Week, Starts: progressDate(a.Start), Planned: a.Planned, Done: a.Done, Upcoming: a.Upcoming,
			Current: !pr.Today.Before(a.Start) && pr.Today.Before(a.Start.AddDate(0, 0, 7))}
		for _, l := range a.Lifts {
			if !l.Done {
				row.Left = append(row.Left, l.Name+" at "+progressWeight(l.PlannedKg, units, 1))
			}
		}
		d.Adherence = append(d.Adherence, row)
	}
}

// progressRangeError shows the range form again with the problem next to
// the field it is about, and no charts.
func (s *Server) progressRangeError(w http.ResponseWriter, r *http.Request, v view, err error) error {
	labels := map[string]string{"range": "Period", "from": "From", "to": "To"}
	var e *backload.Error
	if !errors.As(err, &e) || labels[e.Field] == "" {
		return err
	}
	v.Error, v.Field = labels[e.Field]+": "+e.Message, e.Field
	return s.render(w, r, statusOf(e.Code), "progress", v)
}

// progressEmpty reports whether the range holds nothing to draw: no load,
// no core work and no check-in.
func progressEmpty(pr progress) bool {
	if len(pr.Pain) > 0 {
		return false
	}
	for _, w := range pr.Weeks {
		if w.VolumeKg > 0 || w.SpinalLoadKg > 0 {
			return false
		}
	}
	for _, c := range pr.Core {
		if c.LongestHoldS > 0 || c.CoreSetReps > 0 {
			return false
		}
	}
	for _, l := range pr.Lifts {
		if len(l.Points) > 0 {
			return false
		}
	}
	return true
}

// progressPeriod names the range: "12 weeks: 2 Sep 2026 to 24 Nov 2026".
func progressPeriod(preset string, rng report.Range) string {
	span := progressDate(rng.From) + " to " + progressDate(rng.To)
	for _, p := range progressPresets {
		if p.Value == preset {
			return p.Label + ": " + span
		}
	}
	return span
}

// progressDate writes a range's day (a local date at midnight UTC) as
// people read it. It must not go through the user's zone, which would move
// it a day west of UTC.
func progressDate(t time.Time) string { return t.Format("2 Jan 2006") }

// progressDay writes a day as a date field holds it.
func progressDay(t time.Time) string { return t.Format(time.DateOnly) }

// progressWeight writes kg in the lifter's units to the given decimals,
// "none logged" for 0. A no-break space keeps the number with its unit in
// a narrow table cell.
func progressWeight(kg float64, u backload.Unit, decimals int) string {
	if kg <= 0 {
		return "none logged"
	}
	if u == "" {
		u = backload.Kilograms
	}
	scale := math.Pow(10, float64(decimals))
	w := math.Round(backload.FromKg(kg, u)*scale) / scale
	return strconv.FormatFloat(w, 'f', -1, 64) + "\u00a0" + string(u)
}
