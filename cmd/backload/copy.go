package main

import (
	"context"
	"flag"
	"fmt"
	"strings"

	"github.com/backload/backload/sqlstore"
)

func init() {
	register(&command{
		name:    "copy",
		summary: "Copy every row from one database to another (SQLite to PostgreSQL)",
		help: `Moves a single-node installation to PostgreSQL without loss:

  backload copy --from sqlite:/path/backload.db --to postgres://user:pass@host/backload

The destination is migrated first and must hold no accounts. Everything is
copied in one transaction, ids included; then the exports of every account
are compared between the two, and any difference is reported. Stop the
server before copying.`,
		flags: func(fs *flag.FlagSet, e *env) func(context.Context, []string) error {
			from := fs.String("from", "", "the source database (a path, sqlite:PATH or postgres://...)")
			to := fs.String("to", "", "the destination database, empty")
			return func(ctx context.Context, args []string) error {
				if len(args) > 0 {
					return usagef("unexpected argument %q", args[0])
				}
				if *from == "" || *to == "" {
					return usagef("give both --from and --to")
				}
				if strings.TrimPrefix(*from, "sqlite:") == strings.TrimPrefix(*to, "sqlite:") {
					return usagef("--from and --to name the same database")
				}
				src, err := sqlstore.Open(ctx, *from)
				if err != nil {
					return usagef("--from: %v", err)
				}
				defer src.Close()
				dst, err := sqlstore.Open(ctx, *to)
				if err != nil {
					return usagef("--to: %v", err)
				}
				defer dst.Close()
				stats, err := src.CopyTo(ctx, dst, func(table string, rows int) {
					fmt.Fprintf(e.err, "copied %d rows of %s\n", rows, table)
				})
				if err != nil {
					return usagef("%v", err)
				}
				diffs, err := sqlstore.CompareExports(ctx, src, dst)
				if err != nil {
					return err
				}
				if len(diffs) > 0 {
					return fmt.Errorf("the copy differs from the source for %s", strings.Join(diffs, ", "))
				}
				fmt.Fprintf(e.out, "Copied %d accounts, %d sessions and %d check-ins to %s; every account's export matches the source.\n",
					stats["users"], stats["workouts"], stats["checkins"], sqlstore.RedactDSN(*to))
				return nil
			}
		},
	})
}
