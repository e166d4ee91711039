package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"strings"

	"github.com/backload/backload"
	"github.com/backload/backload/catalog"
)

func init() {
	register(&command{
		name:    "adapt",
		summary: "Adapt a planned session to today's back check-in",
		help: `Reads a JSON request from standard input (or --in FILE):

  {"units": "kg", "plate_step": 2.5,
   "checkin": {"pain": 6, "session_pain": 4, "morning_change": 1, "trend": "rising", "red_flags": []},
   "session": [{"exercise": "Squat (Barbell)", "sets": 5, "reps": 5, "weight": 140},
               {"exercise": "Plank", "sets": 3, "seconds": 30}]}

checkin.pain (0-10) is required. session_pain is the worst pain during the
last session; morning_change is the morning-after pain minus the day before
(-10 to 10); trend is rising, flat or falling; red_flags are codes such as
saddle-numbness or night-pain (see 'backload redflags'). Prints the session to
do today and why each change was made.`,
		flags: func(fs *flag.FlagSet, e *env) func(context.Context, []string) error {
			asJSON := fs.Bool("json", false, "print the adapted session as JSON")
			in := fs.String("in", "", "read the request from `FILE` instead of standard input")
			return func(_ context.Context, args []string) error {
				if len(args) > 0 {
					return usagef("unexpected argument %q (the request is read from standard input or --in)", args[0])
				}
				data, err := readRequest(e, *in)
				if err != nil {
					return err
				}
				req, err := backload.DecodeAdaptRequest(data)
				if err != nil {
					return err
				}
				resp, err := backload.Adapt(req, catalog.Default(), backload.DefaultPolicy())
				if err != nil {
					return err
				}
				if *asJSON {
					return writeJSON(e, resp)
				}
				printAdapted(e.out, resp, req.Units)
				return nil
			}
		},
	})
}

// printAdapted writes the adapted session for people: the day, then each
// item with its dose and the reason.
func printAdapted(w io.Writer, r backload.AdaptResponse, u backload.Unit) {
	if u == "" {
		u = backload.Kilograms
	}
	switch r.Status {
	case backload.StatusSeeClinician:
		fmt.Fprintf(w, "STOP: see a clinician (%s)\n", r.Urgency)
	case backload.StatusRecover:
		fmt.Fprintf(w, "Recovery day (zone %s)\n", r.Zone)
	default:
		fmt.Fprintf(w, "Train today (zone %s)\n", r.Zone)
	}
	for _, m := range r.Messages {
		fmt.Fprintf(w, "  %s\n", m)
	}
	if len(r.Items) > 0 {
		fmt.Fprintln(w)
	}
	for _, it := range r.Items {
		fmt.Fprintf(w, "%-10s %s  %s\n", strings.ToUpper(string(it.Action)), it.Name, doseText(it, u))
		if it.Replaces != "" {
			fmt.Fprintf(w, "           in place of %s\n", it.Replaces)
		}
		if it.Why != "" {
			fmt.Fprintf(w, "           %s\n", it.Why)
		}
	}
}

func doseText(it backload.AdaptedItem, u backload.Unit) string {
	if it.Action == backload.ActionDrop {
		return ""
	}
	var parts []string
	switch {
	case it.Seconds > 0 && it.Reps > 0:
		parts = append(parts, fmt.Sprintf("%d x %d x %ds", it.Sets, it.Reps, it.Seconds))
	case it.Seconds > 0:
		parts = append(parts, fmt.Sprintf("%d x %ds", it.Sets, it.Seconds))
	default:
		parts = append(parts, fmt.Sprintf("%d x %d", it.Sets, it.Reps))
	}
	if it.Weight > 0 {
		parts = append(parts, fmt.Sprintf("@ %s %s", trimFloat(it.Weight), u))
	}
	if it.RPECap > 0 {
		parts = append(parts, fmt.Sprintf("(RPE %s at most)", trimFloat(it.RPECap)))
	}
	return strings.Join(parts, " ")
}

func trimFloat(f float64) string {
	return strings.TrimSuffix(strings.TrimRight(fmt.Sprintf("%.2f", f), "0"), ".")
}
