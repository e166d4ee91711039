package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"time"

	"github.com/backload/backload"
	"github.com/backload/backload/catalog"
	physio "github.com/backload/backload/report"
)

func init() {
	register(&command{
		name:    "ramp",
		summary: "Plan the week-by-week return to pre-flare working weights",
		help: `Reads a JSON request from standard input (or --in FILE):

  {"units": "kg", "plate_step": 2.5, "start": "2026-11-23",
   "lifts": [{"exercise": "Deadlift (Barbell)", "from": 80, "to": 160, "sets": 3, "reps": 5}],
   "responses": ["green", "amber"]}

from is the weight in use now, to the pre-flare working weight. responses[i]
is how the back took week i+1 (green, amber or red) and decides week i+2;
later weeks assume green. start defaults to today. The plan ends with the
first week at which every lift is back to its old weight.

With --from-history, the plan comes from your log instead: the lifts of your
latest session, back to the heaviest working sets of the 4 weeks before your
latest flare-up, gated by your check-ins week by week.

With --ics, the plan is printed as an iCalendar file instead, one all-day
event per week with its lifts and the gate, for your phone's calendar:
  backload ramp --from-history --ics > return.ics
The web app serves the same calendar at /calendar.ics?token=TOKEN (a personal
API token), which a calendar app can subscribe to.`,
		flags: func(fs *flag.FlagSet, e *env) func(context.Context, []string) error {
			asJSON := fs.Bool("json", false, "print the plan as JSON")
			asICS := fs.Bool("ics", false, "print the plan as an iCalendar (.ics) file, one all-day event per week")
			in := fs.String("in", "", "read the request from `FILE` instead of standard input")
			fromHistory := fs.Bool("from-history", false, "plan from your log and check-ins instead of a request")
			store := addDataFlags(fs)
			workout := fs.String("workout", "", "with --from-history: plan the lifts of the latest session with this `TITLE`")
			return func(ctx context.Context, args []string) error {
				if len(args) > 0 {
					return usagef("unexpected argument %q (the request is read from standard input or --in)", args[0])
				}
				if *asJSON && *asICS {
					return usagef("choose --json or --ics, not both")
				}
				out := rampText
				switch {
				case *asJSON:
					out = rampJSON
				case *asICS:
					out = rampICS
				}
				if *fromHistory {
					return rampFromHistory(ctx, e, store, *workout, out)
				}
				data, err := readRequest(e, *in)
				if err != nil {
					return err
				}
				req, err := backload.DecodeRampRequest(data)
				if err != nil {
					return err
				}
				if req.Start.IsZero() {
					y, m, d := time.Now().Date()
					req.Start = time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
				}
				resp, err := backload.Ramp(req, catalog.Default(), backload.DefaultPolicy())
				if err != nil {
					return err
				}
				switch out {
				case rampJSON:
					return writeJSON(e, resp)
				case rampICS:
					return writeRampICS(e, resp, req.Units, "plan")
				}
				printRamp(e.out, resp, req.Units)
				return nil
			}
		},
	})
}

func printRamp(w io.Writer, r backload.RampResponse, u backload.Unit) {
	if u == "" {
		u = backload.Kilograms
	}
	for _, wk := range r.Weeks {
		fmt.Fprintf(w, "Week %d", wk.Week)
		if wk.Starts != "" {
			fmt.Fprintf(w, " (from %s)", wk.Starts)
		}
		fmt.Fprintln(w)
		for _, l := range wk.Lifts {
			fmt.Fprintf(w, "  %-32s %d x %d @ %s %s\n", l.Input, l.Sets, l.Reps, trimFloat(l.Weight), u)
		}
		if wk.Why != "" {
			fmt.Fprintf(w, "  %s\n", wk.Why)
		}
	}
}

// The forms ramp prints a plan in.
const (
	rampText = iota
	rampJSON
	rampICS
)

// writeRampICS prints the plan as a calendar. scope makes its UIDs the
// lifter's: the same as the web app's /calendar.ics for the same account, so
// importing both updates events instead of doubling them.
func writeRampICS(e *env, plan backload.RampResponse, u backload.Unit, scope string) error {
	cal, err := physio.RampCalendar(plan, u, scope, time.Now())
	if err != nil {
		return err
	}
	return physio.WriteICS(e.out, cal)
}

// rampFromHistory prints the return plan the log and check-ins give, or
// says why there is none.
func rampFromHistory(ctx context.Context, e *env, data dataFlags, workout string, out int) error {
	db, u, err := data.open(ctx, e)
	if err != nil {
		return err
	}
	defer db.Close()
	p := backload.DefaultPolicy()
	in, err := db.TodayInput(ctx, u, workout, userToday(u, time.Now()), p)
	if err != nil {
		return err
	}
	plan, err := backload.Today(in, catalog.Default(), p)
	if err != nil {
		return err
	}
	if plan.Ramp == nil {
		msg := "No flare-up in the last 12 weeks and no return under way: train from your plan ('backload today')."
		if plan.Flare.Phase == backload.InFlare {
			msg = fmt.Sprintf("The flare-up that began on %s has not settled yet: the return plan starts after %d check-ins in a row without a red day.",
				plan.Flare.Began.Format(time.DateOnly), p.ReturnSettledDays)
		}
		switch out {
		case rampJSON:
			return writeJSON(e, backload.RampResponse{Weeks: []backload.RampWeek{}})
		case rampICS:
			// A calendar without events, so a script's file stays valid;
			// the reason goes to standard error.
			fmt.Fprintln(e.err, msg)
			return writeRampICS(e, backload.RampResponse{}, u.Units, fmt.Sprintf("u%d", u.ID))
		}
		fmt.Fprintln(e.out, msg)
		return nil
	}
	switch out {
	case rampJSON:
		return writeJSON(e, plan.Ramp)
	case rampICS:
		units := u.Units
		if plan.RampRequest != nil && plan.RampRequest.Units != "" {
			units = plan.RampRequest.Units
		}
		return writeRampICS(e, *plan.Ramp, units, fmt.Sprintf("u%d", u.ID))
	}
	fmt.Fprintf(e.out, "Flare-up began %s; the return started %s. This is week %d.\n\n",
		plan.Flare.Began.Format(time.DateOnly), plan.Flare.RampStart.Format(time.DateOnly), plan.Flare.Week)
	printRamp(e.out, *plan.Ramp, u.Units)
	return nil
}
