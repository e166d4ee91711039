package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"time"

	"github.com/backload/backload"
	"github.com/backload/backload/catalog"
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
first week at which every lift is back to its old weight.`,
		flags: func(fs *flag.FlagSet, e *env) func(context.Context, []string) error {
			asJSON := fs.Bool("json", false, "print the plan as JSON")
			in := fs.String("in", "", "read the request from `FILE` instead of standard input")
			return func(_ context.Context, args []string) error {
				if len(args) > 0 {
					return usagef("unexpected argument %q (the request is read from standard input or --in)", args[0])
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
				if *asJSON {
					return writeJSON(e, resp)
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
