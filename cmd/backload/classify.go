package main

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"strings"
	"text/tabwriter"

	"github.com/backload/backload"
	"github.com/backload/backload/catalog"
)

func init() {
	register(&command{
		name:    "classify",
		args:    "NAME...",
		summary: "Say how exercises load the lower back",
		help: `Each NAME is an exercise as you would log it, for example "Squat (Barbell)"
or "Barbell Squat". Quote names with spaces. A name the catalog does not know
is classified from its words and shown as inferred.

Classes: spinal-heavy, loaded-flexion, spine-neutral-lower, core-endurance,
upper-body, other.`,
		flags: func(fs *flag.FlagSet, e *env) func(context.Context, []string) error {
			asJSON := fs.Bool("json", false, "print a JSON array of {input, exercise, name, class, source, alternatives}")
			return func(_ context.Context, names []string) error {
				if len(names) == 0 {
					return usagef("no exercise name given")
				}
				cat := catalog.Default()
				results := make([]backload.Classification, len(names))
				for i, n := range names {
					results[i] = cat.Classify(n)
				}
				if *asJSON {
					return writeJSON(e, results)
				}
				return printClassifications(e, cat, results)
			}
		},
	})
}

func printClassifications(e *env, cat *catalog.Catalog, results []backload.Classification) error {
	tw := tabwriter.NewWriter(e.out, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "INPUT\tEXERCISE\tCLASS\tSOURCE\tALTERNATIVES")
	for _, r := range results {
		alts := make([]string, len(r.Alternatives))
		for i, id := range r.Alternatives {
			alts[i] = id
			if ex, ok := cat.Exercise(id); ok {
				alts[i] = ex.Name
			}
		}
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\n", r.Input, r.Name, r.Class, r.Source, strings.Join(alts, ", "))
	}
	return tw.Flush()
}

// writeJSON prints v as indented JSON followed by a newline.
func writeJSON(e *env, v any) error {
	enc := json.NewEncoder(e.out)
	enc.SetIndent("", "  ")
	return enc.Encode(v)
}
