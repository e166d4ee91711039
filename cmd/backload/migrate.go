package main

import (
	"context"
	"flag"
	"fmt"

	"github.com/backload/backload/sqlstore"
)

func init() {
	register(&command{
		name:    "migrate",
		summary: "Bring the database schema up to date",
		help: `Applies every migration the database lacks and prints the schema version.
The server does this at start too; on PostgreSQL, replicas starting at once
take turns under an advisory lock.`,
		flags: func(fs *flag.FlagSet, e *env) func(context.Context, []string) error {
			db := dbFlag(fs)
			return func(ctx context.Context, args []string) error {
				if len(args) > 0 {
					return usagef("unexpected argument %q", args[0])
				}
				store, path, err := openDB(ctx, e, *db)
				if err != nil {
					return err
				}
				defer store.Close()
				v, err := store.SchemaVersion(ctx)
				if err != nil {
					return err
				}
				fmt.Fprintf(e.out, "%s is at schema version %d.\n", sqlstore.RedactDSN(path), v)
				return nil
			}
		},
	})
}
