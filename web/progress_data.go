package web

import (
	"errors"
	"net/http"
	"sort"
	"sync"
	"time"

	"github.com/backload/backload"
	"github.com/backload/backload/report"
)

// The lead-in each measure reads before the range's first day (see their
// doc comments in package report): the 28-day spike window and the 7-day
// pain average.
const (
	progressSpikeLead = 27
	progressPainLead  = 6
)

// progressMainLifts is how many lifts the e1RM series follow by default: the
// big four of a barbell programme, without crowding the chart.
const progressMainLifts = 4

// progressRanges are the ?range= presets, as days ending today; "all" is
// handled apart, from the first activity.
var progressRanges = map[string]int{"4w": 28, "12w": 84, "26w": 182, "1y": 365}

// progressDefaultDays is the range when none is asked for: twelve weeks,
// long enough to show a trend and short enough to read week by week.
const progressDefaultDays = 84

// progressMaxSpanDays bounds ?from=&to=: a century is more than any history,
// and a larger span is a typing mistake, not a request.
const progressMaxSpanDays = 100 * 365

// progress is every measure of issue 7 over one range, computed by package
// report from the store's exercise rows and check-ins. The progress page
// draws it and GET /api/v1/progress writes it as JSON. Weights are in kg.
type progress struct {
	// Range is the period, local dates at midnight UTC, with "all" resolved
	// to the first activity; Today is the lifter's date now.
	Range report.Range
	Today time.Time
	// Weeks are the weekly spinal load, volume and volume by class, the
	// range widened to whole weeks.
	Weeks []report.Week
	// Pain is each check-in of the range with its 7-day average and zone;
	// PainSummary counts them.
	Pain        []report.PainDay
	PainSummary report.PainSummary
	// Lifts are the weekly estimated 1RM series of the main lifts.
	Lifts []report.LiftSeries
	// Flare is the flare state as it stood on the range's last day (or
	// today, for a range that runs on); Phase is backload.NoFlare when there
	// was none. PreFlare compares each main lift's best before the flare
	// with the last four weeks, and is nil without a flare.
	Flare    backload.FlareState
	PreFlare []report.FlareComparison
	// Core are the weekly core-endurance measures.
	Core []report.CoreWeek
	// Adherence is the return ramp, planned against done, while one runs
	// today; nil otherwise.
	Adherence []report.AdherenceWeek
	// Spike lists the days whose 7-day spinal load jumped, with a prompt to
	// check the ramp.
	Spike report.SpikeWarning
}

// parseRange reads the range of a progress request: ?from=&to= (dates
// YYYY-MM-DD in the lifter's time zone, both included; a missing from is
// twelve weeks before to, a missing to is today) or ?range=4w|12w|26w|1y|all,
// twelve weeks when neither is given. "all" comes back with a zero From,
// which progressData resolves to the first activity. It returns an
// EINVALID error naming the parameter at fault.
func parseRange(r *http.Request, u backload.User) (report.Range, error) {
	q := r.URL.Query()
	today := localToday(u)
	name, from, to := q.Get("range"), q.Get("from"), q.Get("to")
	if name != "" && (from != "" || to != "") {
		return report.Range{}, backload.FieldErrorf("range", "give either range or from and to, not both")
	}
	if from == "" && to == "" {
		switch days, ok := progressRanges[name]; {
		case name == "":
			return report.LastDays(today, progressDefaultDays), nil
		case name == "all":
			return report.Range{To: today}, nil
		case ok:
			return report.LastDays(today, days), nil
		}
		return report.Range{}, backload.FieldErrorf("range", "must be 4w, 12w, 26w, 1y or all, got %q", name)
	}
	rng := report.Range{To: today}
	if to != "" {
		d, err := backload.ParseDay("to", to)
		if err != nil {
			return report.Range{}, err
		}
		rng.To = d
	}
	rng.From = rng.To.AddDate(0, 0, -(progressDefaultDays - 1))
	if from != "" {
		d, err := backload.ParseDay("from", from)
		if err != nil {
			return report.Range{}, err
		}
		rng.From = d
	}
	switch {
	case to == "" && rng.To.Before(rng.From):
		return report.Range{}, backload.FieldErrorf("from", "must not be after today (%s) when to is left out", rng.To.Format(time.DateOnly))
	case rng.To.Before(rng.From):
		return report.Range{}, backload.FieldErrorf("to", "must not be before from (%s)", rng.From.Format(time.DateOnly))
	case rng.To.Sub(rng.From) > progressMaxSpanDays*24*time.Hour:
		return report.Range{}, backload.FieldErrorf("from", "the range may span at most 100 years")
	}
	return rng, nil
}

// progressData returns every measure of rng for u, computed by
// computeProgress or, when nothing of u's has changed since, remembered
// from an earlier request. A zero rng.From means all time. The slices in
// the result are shared between requests: read them, never change them.
// It returns the store's errors.
func (s *Server) progressData(r *http.Request, u backload.User, rng report.Range) (progress, error) {
	key := progressKeyOf(u, rng, localToday(u))
	if pr, ok := s.progresses.get(key); ok {
		return pr, nil
	}
	pr, err := s.computeProgress(r, u, rng)
	if err == nil {
		s.progresses.put(key, pr)
	}
	return pr, err
}

// computeProgress loads what the measures of rng need, lead-in included,
// and computes them all for u. It returns the store's errors.
func (s *Server) computeProgress(r *http.Request, u backload.User, rng report.Range) (progress, error) {
	ctx, p, loc := r.Context(), s.cfg.Policy, u.Location()
	today := localToday(u)
	if rng.From.IsZero() {
		first, ok, err := s.db.FirstActivity(ctx, u.ID)
		if err != nil {
			return progress{}, err
		}
		rng.From = rng.To
		// A check-in's date comes back as midnight UTC, which west of UTC
		// reads as the day before: the range then starts a day early,
		// which shows nothing extra and loses nothing.
		if d := progressLocalDate(first, loc); ok && d.Before(rng.From) {
			rng.From = d
		}
	}
	pr := progress{Range: rng, Today: today}
	// A flare is read as it stood at the end of the range, so a past range
	// shows the flare of its time.
	asOf := rng.To
	if asOf.After(today) {
		asOf = today
	}
	checkinsFrom := progressEarliest(rng.From.AddDate(0, 0, -progressPainLead), asOf.AddDate(0, 0, -p.FlareMemory))
	// The weekly measures and the spike check read the aggregates the store
	// keeps by week and by day, a few thousand rows for ten years. Only the
	// pre-flare comparison and the ramp's adherence need each exercise row,
	// and only of recent months: far enough back for any flare the
	// check-ins can show (one begins within p.FlareMemory days of asOf) and
	// its pre-flare lookback, so every read can run at once instead of one
	// waiting for the flare. They reach the Sunday ending the range's last
	// week, as the weekly measures widen the range to whole weeks.
	recentFrom := asOf.AddDate(0, 0, -(p.FlareMemory + p.PreFlareLookback))
	recentTo := rng.To.AddDate(0, 0, 7-(int(rng.To.Weekday())+6)%7)
	var (
		checkins []backload.DailyCheckIn
		weeks    []report.ExerciseRow
		loads    []report.DayLoad
		recent   []report.ExerciseRow
		errs     [4]error
		wg       sync.WaitGroup
	)
	wg.Go(func() {
		checkins, errs[0] = s.db.CheckIns(ctx, u.ID, checkinsFrom.Format(time.DateOnly), rng.To.Format(time.DateOnly))
	})
	wg.Go(func() { weeks, errs[1] = s.db.WeeklyRows(ctx, u.ID, rng.From, rng.To) })
	wg.Go(func() {
		loads, errs[2] = s.db.DailyLoads(ctx, u.ID, rng.From.AddDate(0, 0, -progressSpikeLead), rng.To)
	})
	recent, errs[3] = s.db.ExerciseRows(ctx, u.ID, progressMidnight(recentFrom, loc), progressMidnight(recentTo, loc), loc)
	wg.Wait()
	if err := errors.Join(errs[:]...); err != nil {
		return progress{}, err
	}
	pr.Flare = backload.Flare(checkins, asOf, p)
	flared := pr.Flare.Phase != backload.NoFlare

	pr.Weeks = report.Weekly(weeks, rng)
	pr.Pain = report.DailyPain(checkins, rng, p)
	pr.PainSummary = report.SummarizePain(pr.Pain)
	// The main lifts are those of the range itself, not of its lead-in:
	// the lifts with an estimate in the most weeks.
	lifts := report.MainLifts(progressRowsWithin(weeks, report.Range{From: progressMonday(rng.From), To: rng.To}), progressMainLifts)
	pr.Lifts = report.E1RM(weeks, lifts, rng)
	if flared {
		pr.PreFlare = report.PreFlareVsNow(recent, lifts, pr.Flare.Began, asOf, p)
	}
	pr.Core = report.Core(weeks, rng, p)
	pr.Spike = report.LoadSpikes(loads, rng, p)
	var err error
	if pr.Adherence, err = s.progressAdherence(r, u, recent, rng, today, pr.Flare); err != nil {
		return progress{}, err
	}
	return pr, nil
}

// rampAdherence compares the return ramp that runs today with the rows,
// when the range reaches today and a ramp runs; nil otherwise. The ramp is
// planned by the same code as today's session, so the two always agree.
func (s *Server) progressAdherence(r *http.Request, u backload.User, rows []report.ExerciseRow, rng report.Range, today time.Time, flare backload.FlareState) ([]report.AdherenceWeek, error) {
	if flare.Phase != backload.Returning || rng.To.Before(today) {
		return nil, nil // most requests: no ramp, so no session to plan
	}
	plan, _, err := s.todayPlan(r, u, "")
	switch backload.ErrorCode(err) {
	case "":
	case backload.EINVALID, backload.ENOTFOUND:
		return nil, nil // nothing planned to compare with
	default:
		return nil, err
	}
	if plan.Ramp == nil {
		return nil, nil
	}
	units := u.Units
	if plan.RampRequest != nil && plan.RampRequest.Units != "" {
		units = plan.RampRequest.Units
	}
	return report.Adherence(*plan.Ramp, units, rows, today)
}

// rowsWithin returns the rows whose day lies in rng; rows come oldest first
// from the store, so that is one slice of them.
func progressRowsWithin(rows []report.ExerciseRow, rng report.Range) []report.ExerciseRow {
	lo := sort.Search(len(rows), func(i int) bool { return !rows[i].Day.Before(rng.From) })
	hi := sort.Search(len(rows), func(i int) bool { return rows[i].Day.After(rng.To) })
	if hi < lo {
		return nil
	}
	return rows[lo:hi]
}

// localDate is t's calendar date in loc, at midnight UTC.
func progressLocalDate(t time.Time, loc *time.Location) time.Time {
	y, m, d := t.In(loc).Date()
	return time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
}

// atMidnight is the start of day d (a date at midnight UTC) in loc.
func progressMidnight(d time.Time, loc *time.Location) time.Time {
	return time.Date(d.Year(), d.Month(), d.Day(), 0, 0, 0, 0, loc)
}

// progressMonday is the Monday on or before d.
func progressMonday(d time.Time) time.Time { return d.AddDate(0, 0, -((int(d.Weekday()) + 6) % 7)) }

func progressEarliest(a, b time.Time) time.Time {
	if b.Before(a) {
		return b
	}
	return a
}
