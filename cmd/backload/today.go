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
		name:    "today",
		summary: "Show today's session, adapted to your latest check-in",
		help: `The planned session is your most recent session (or the most recent with
--workout's title), summarised per exercise as working sets, reps and the top
working weight. Your latest check-in decides how it is adapted. After a
flare-up has settled, heavy lifts follow the return plan ('backload ramp
--from-history'). With --json, prints the same JSON as 'backload adapt'.`,
		flags: func(fs *flag.FlagSet, e *env) func(context.Context, []string) error {
			data := addDataFlags(fs)
			workout := fs.String("workout", "", "plan from the latest session with this `TITLE`")
			asJSON := fs.Bool("json", false, "print the adapted session as JSON")
			return func(ctx context.Context, args []string) error {
				if len(args) > 0 {
					return usagef("unexpected argument %q", args[0])
				}
				db, u, err := data.open(ctx, e)
				if err != nil {
					return err
				}
				defer db.Close()
				p := backload.DefaultPolicy()
				in, err := db.TodayInput(ctx, u, *workout, userToday(u, time.Now()), p)
				if err != nil {
					return err
				}
				plan, err := backload.Today(in, catalog.Default(), p)
				if err != nil {
					return err
				}
				if *asJSON {
					return writeJSON(e, plan.Adapted)
				}
				if in.Planned == nil {
					fmt.Fprintln(e.out, "No session logged yet: today's plan is the core work below. Log or import sessions to plan from them.")
				} else {
					fmt.Fprintf(e.out, "Planned from %q on %s.\n", in.Planned.Title, in.Planned.StartedAt.In(u.Location()).Format("Mon 2 Jan 2006"))
				}
				printAdapted(e.out, plan.Adapted, u.Units)
				return nil
			}
		},
	})
}
