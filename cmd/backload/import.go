package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"

	"github.com/backload/backload"
	"github.com/backload/backload/catalog"
	"github.com/backload/backload/importer"
	"github.com/backload/backload/sqlstore"
)

func init() {
	register(&command{
		name:    "import",
		args:    "FILE",
		summary: "Import a Strong, Hevy or FitNotes export, or a Backload export",
		help: `The format is detected from the file's header unless --format says it.
Weights in Strong's classic export have no unit column: --unit says what they
are (default kg). Dates written without a time zone are read in --tz.

The import is all or nothing: a malformed file changes nothing and the error
names the line and column. Importing the same file again adds nothing.`,
		flags: func(fs *flag.FlagSet, e *env) func(context.Context, []string) error {
			data := addDataFlags(fs)
			format := fs.String("format", "auto", "auto, strong, hevy, fitnotes or backload")
			unit := fs.String("unit", "kg", "unit of weights in files that do not say: kg or lb")
			tz := fs.String("tz", "", "time zone of dates written without one, e.g. Europe/Berlin (default your setting)")
			return func(ctx context.Context, args []string) error {
				if len(args) != 1 {
					return usagef("give one FILE to import")
				}
				f, err := importer.ParseFormat(*format)
				if err != nil {
					return usagef("--format: %s", backload.ErrorMessage(err))
				}
				u := backload.Unit(strings.ToLower(*unit))
				if u == "lbs" {
					u = backload.Pounds
				}
				if !u.Valid() {
					return usagef("--unit: want kg or lb, got %q", *unit)
				}
				file, err := os.Open(args[0])
				if err != nil {
					return usagef("%v", err)
				}
				defer file.Close()
				info, err := file.Stat()
				if err != nil {
					return err
				}
				if info.IsDir() {
					return usagef("%s is a folder; give an export file", args[0])
				}
				db, user, err := data.open(ctx, e)
				if err != nil {
					return err
				}
				defer db.Close()
				loc := user.Location()
				if *tz != "" {
					if loc, err = time.LoadLocation(*tz); err != nil {
						return usagef("--tz: unknown time zone %q", *tz)
					}
				}
				return runImport(ctx, e, db, user, file, info.Size(), filepath.Base(args[0]),
					importer.Options{Format: f, Unit: u, Location: loc, Classify: catalog.Default().Classify})
			}
		},
	})
}

func runImport(ctx context.Context, e *env, db *sqlstore.DB, u backload.User, r io.Reader, size int64, name string, opts importer.Options) error {
	var bar *progressBar
	if isTerminal(e.err) && size > 1<<20 {
		bar = &progressBar{w: e.err, label: "Reading " + name}
		opts.Progress = bar.update
	}
	res, err := importer.Parse(r, size, opts)
	if bar != nil {
		bar.done()
	}
	if err != nil {
		return err
	}
	if bar != nil {
		fmt.Fprintf(e.err, "Saving %d sessions...\n", len(res.Sessions))
	}
	sum, err := db.ImportSessions(ctx, u.ID, name, res.Sessions, res.CheckIns)
	if err != nil {
		return err
	}
	fmt.Fprintln(e.out, importSummary(res, sum, u))
	return nil
}

// importSummary is the paragraph printed after an import.
func importSummary(res *importer.Result, sum sqlstore.ImportSummary, u backload.User) string {
	var b strings.Builder
	sets, warmups := 0, 0
	for _, s := range res.Sessions {
		n, w := s.SetCount()
		sets, warmups = sets+n, warmups+w
	}
	fmt.Fprintf(&b, "Read %d sessions with %d sets (%d warm-ups) from a %s export", len(res.Sessions), sets, warmups, res.Layout)
	if len(res.Sessions) > 0 {
		loc := u.Location()
		fmt.Fprintf(&b, ", %s to %s", res.Sessions[0].StartedAt.In(loc).Format(time.DateOnly),
			res.Sessions[len(res.Sessions)-1].StartedAt.In(loc).Format(time.DateOnly))
	}
	fmt.Fprintf(&b, ". Added %d sessions and %d sets", sum.SessionsAdded, sum.SetsAdded)
	if sum.CheckInsAdded > 0 {
		fmt.Fprintf(&b, " and %d check-ins", sum.CheckInsAdded)
	}
	if sum.SessionsExisting > 0 || sum.SetsExisting > 0 {
		fmt.Fprintf(&b, "; %d sessions and %d sets were already stored", sum.SessionsExisting, sum.SetsExisting)
	}
	b.WriteString(".")
	if inferred := inferredNames(res.Sessions); len(inferred) > 0 {
		fmt.Fprintf(&b, " %d names were not in the catalog, so their class was inferred from the name; check them with 'backload classify': %s.",
			len(inferred), strings.Join(inferred, "; "))
	}
	if len(res.Skipped) > 0 {
		fmt.Fprintf(&b, " Skipped %d rows that are not sets: %s.", len(res.Skipped), skipReasons(res.Skipped))
	}
	return b.String()
}

// inferredNames lists the distinct names with no catalog exercise, with
// the class inferred for each.
func inferredNames(sessions []backload.Session) []string {
	seen := map[string]backload.Class{}
	for _, s := range sessions {
		for _, x := range s.Exercises {
			if x.ExerciseID == "" {
				seen[x.Input] = x.Class
			}
		}
	}
	out := make([]string, 0, len(seen))
	for n, c := range seen {
		out = append(out, fmt.Sprintf("%q as %s", n, c))
	}
	sort.Strings(out)
	return out
}

// skipReasons groups skipped rows by reason: "Rest Timer row (12, first at
// line 40)".
func skipReasons(skips []importer.Skip) string {
	type group struct{ n, first int }
	groups := map[string]*group{}
	var order []string
	for _, s := range skips {
		g, ok := groups[s.Reason]
		if !ok {
			g = &group{first: s.Line}
			groups[s.Reason] = g
			order = append(order, s.Reason)
		}
		g.n++
	}
	parts := make([]string, len(order))
	for i, r := range order {
		g := groups[r]
		parts[i] = fmt.Sprintf("%s (%d, first at line %d)", r, g.n, g.first)
	}
	return strings.Join(parts, "; ")
}
