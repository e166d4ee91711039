package main

import (
	"context"
	"flag"
	"fmt"
	"time"

	"github.com/backload/backload"
	"github.com/backload/backload/catalog"
)

func init() {
	register(&command{
		name:    "log",
		args:    `NAME SPEC... [NAME SPEC...]`,
		summary: "Record a session from the terminal",
		help: `Each exercise name is followed by its sets:
  5x5@100     5 sets of 5 at 100 (your units, or add kg or lb: 1x5@225lb)
  3x8         3 sets of 8 without added weight
  3x30s       3 holds of 30 seconds
  w2x5@60     2 warm-up sets
  rpe8        the effort of the sets before it

Example:
  backload log "Squat (Barbell)" w1x5@60 5x5@100 rpe8 "Plank" 3x30s`,
		flags: func(fs *flag.FlagSet, e *env) func(context.Context, []string) error {
			data := addDataFlags(fs)
			title := fs.String("title", "Logged session", "the session's `TITLE`")
			at := fs.String("at", "", "when the session started, `YYYY-MM-DD` or 'YYYY-MM-DD HH:MM' (default now)")
			unitFlag := fs.String("unit", "", "units of the weights, kg or lb (default your setting)")
			notes := fs.String("notes", "", "notes on the session")
			return func(ctx context.Context, args []string) error {
				db, u, err := data.open(ctx, e)
				if err != nil {
					return err
				}
				defer db.Close()
				unit := u.Units
				if *unitFlag != "" {
					if unit = backload.Unit(*unitFlag); !unit.Valid() {
						return usagef("--unit: want kg or lb, got %q", *unitFlag)
					}
				}
				cat := catalog.Default()
				exercises, err := parseLogArgs(args, unit, cat.Classify)
				if err != nil {
					return err
				}
				started := time.Now().UTC().Truncate(time.Second)
				if *at != "" {
					t, err := parseLocalTime(*at, u.Location())
					if err != nil {
						return usagef("--at: %v", err)
					}
					started = t
				}
				s := backload.Session{StartedAt: started, Title: *title, Source: "log", Notes: *notes, Exercises: exercises}
				id, err := db.AddSession(ctx, u.ID, s)
				if err != nil {
					return err
				}
				fmt.Fprintf(e.out, "Logged session %d, %q at %s:\n", id, s.Title, started.In(u.Location()).Format("2006-01-02 15:04"))
				for _, x := range exercises {
					c := cat.Classify(x.Input)
					note := ""
					if c.Source == backload.Inferred {
						note = ", inferred from the name"
					}
					fmt.Fprintf(e.out, "  %s: %s (%s%s)\n", c.Name, describeSets(x.Sets, unit), x.Class, note)
				}
				return nil
			}
		},
	})
}

// parseLocalTime reads "YYYY-MM-DD" or "YYYY-MM-DD HH:MM" in loc.
func parseLocalTime(s string, loc *time.Location) (time.Time, error) {
	for _, layout := range []string{"2006-01-02 15:04", "2006-01-02T15:04", time.DateOnly} {
		if t, err := time.ParseInLocation(layout, s, loc); err == nil {
			return t.UTC(), nil
		}
	}
	return time.Time{}, fmt.Errorf("want YYYY-MM-DD or 'YYYY-MM-DD HH:MM', got %q", s)
}
