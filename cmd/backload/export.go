package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"

	"github.com/backload/backload/importer"
	"github.com/backload/backload/sqlstore"
)

func init() {
	register(&command{
		name:    "export",
		summary: "Export your whole log: JSON (complete, re-importable) or CSV",
		help: `JSON is the complete record of your sessions and check-ins; import it
again with 'backload import --format backload FILE'. CSV has one row per set,
for spreadsheets.`,
		flags: func(fs *flag.FlagSet, e *env) func(context.Context, []string) error {
			data := addDataFlags(fs)
			format := fs.String("format", "json", "json or csv")
			out := fs.String("o", "", "write to `FILE` instead of standard output")
			return func(ctx context.Context, args []string) error {
				if len(args) > 0 {
					return usagef("unexpected argument %q", args[0])
				}
				if *format != "json" && *format != "csv" {
					return usagef("--format: want json or csv, got %q", *format)
				}
				db, u, err := data.open(ctx, e)
				if err != nil {
					return err
				}
				defer db.Close()
				sessions, err := db.Sessions(ctx, u.ID, sqlstore.SessionFilter{})
				if err != nil {
					return err
				}
				checkins, err := db.CheckIns(ctx, u.ID, "", "")
				if err != nil {
					return err
				}
				write := func(w io.Writer) error {
					if *format == "csv" {
						return importer.WriteCSV(w, sessions)
					}
					return importer.WriteJSON(w, sessions, checkins)
				}
				if *out == "" {
					return write(e.out)
				}
				if err := writeFileAtomic(*out, write); err != nil {
					return err
				}
				fmt.Fprintf(e.err, "Exported %d sessions and %d check-ins to %s.\n", len(sessions), len(checkins), absPath(*out))
				return nil
			}
		},
	})
}

// writeFileAtomic writes a file through a temporary file beside it, so a
// failure never leaves half a file under the final name.
func writeFileAtomic(path string, write func(io.Writer) error) error {
	tmp, err := os.CreateTemp(filepath.Dir(path), ".backload-*")
	if err != nil {
		return usagef("-o: %v", err)
	}
	defer os.Remove(tmp.Name())
	if err := write(tmp); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Close(); err != nil {
		return err
	}
	return os.Rename(tmp.Name(), path)
}
