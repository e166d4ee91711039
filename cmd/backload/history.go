package main

import (
	"context"
	"flag"
	"fmt"

	"github.com/backload/backload/sqlstore"
)

func init() {
	register(&command{
		name:    "history",
		summary: "List recent sessions",
		flags: func(fs *flag.FlagSet, e *env) func(context.Context, []string) error {
			data := addDataFlags(fs)
			limit := fs.Int("limit", 10, "how many sessions, newest first")
			asJSON := fs.Bool("json", false, "print the sessions as JSON")
			return func(ctx context.Context, args []string) error {
				if len(args) > 0 {
					return usagef("unexpected argument %q", args[0])
				}
				if *limit < 1 {
					return usagef("--limit: must be at least 1, got %d", *limit)
				}
				db, u, err := data.open(ctx, e)
				if err != nil {
					return err
				}
				defer db.Close()
				list, err := db.Sessions(ctx, u.ID, sqlstore.SessionFilter{Limit: *limit})
				if err != nil {
					return err
				}
				if *asJSON {
					return writeJSON(e, list)
				}
				if len(list) == 0 {
					fmt.Fprintln(e.out, "No sessions yet. Log one with 'backload log' or import an export with 'backload import'.")
					return nil
				}
				for _, s := range list {
					sets, warmups := s.SetCount()
					fmt.Fprintf(e.out, "%s  %s  (%d sets, %d warm-up; session %d, %s)\n",
						s.StartedAt.In(u.Location()).Format("2006-01-02 15:04"), s.Title, sets, warmups, s.ID, s.Source)
					for _, x := range s.Exercises {
						fmt.Fprintf(e.out, "    %-30s %s\n", x.Input, describeSets(x.Sets, u.Units))
					}
				}
				return nil
			}
		},
	})
}
