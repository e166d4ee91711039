package main

import (
	"context"
	"flag"
	"fmt"
	"text/tabwriter"

	"github.com/backload/backload"
	"github.com/backload/backload/catalog"
)

func init() {
	register(&command{
		name:    "exercises",
		summary: "List the exercise catalog",
		flags: func(fs *flag.FlagSet, e *env) func(context.Context, []string) error {
			class := fs.String("class", "", "only this class (spinal-heavy, loaded-flexion, spine-neutral-lower, core-endurance, upper-body, other)")
			asJSON := fs.Bool("json", false, "print the exercises as a JSON array")
			return func(_ context.Context, args []string) error {
				if len(args) > 0 {
					return usagef("unexpected argument %q", args[0])
				}
				var c backload.Class
				if *class != "" {
					var err error
					if c, err = backload.ParseClass(*class); err != nil {
						return usagef("--class: %s", backload.ErrorMessage(err))
					}
				}
				list := catalog.Default().Exercises(c)
				if *asJSON {
					return writeJSON(e, list)
				}
				tw := tabwriter.NewWriter(e.out, 0, 4, 2, ' ', 0)
				fmt.Fprintln(tw, "ID\tNAME\tCLASS\tEQUIPMENT\tPATTERN")
				for _, x := range list {
					fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\n", x.ID, x.Name, x.Class, x.Equipment, x.Pattern)
				}
				if err := tw.Flush(); err != nil {
					return err
				}
				fmt.Fprintf(e.err, "%d exercises\n", len(list))
				return nil
			}
		},
	})
}
