package main

import (
	"context"
	"flag"
	"fmt"

	"github.com/backload/backload/sqlstore"
)

func init() {
	register(&command{
		name:    "backup",
		args:    "FILE",
		summary: "Write a consistent copy of the database, even while the server runs",
		flags: func(fs *flag.FlagSet, e *env) func(context.Context, []string) error {
			db := dbFlag(fs)
			return func(ctx context.Context, args []string) error {
				if len(args) != 1 {
					return usagef("give one FILE to write the backup to")
				}
				store, path, err := openDB(ctx, e, *db)
				if err != nil {
					return err
				}
				defer store.Close()
				if err := store.Backup(ctx, args[0]); err != nil {
					return usagef("%v", err)
				}
				fmt.Fprintf(e.out, "Backed up %s to %s.\n", path, absPath(args[0]))
				return nil
			}
		},
	})
	register(&command{
		name:    "restore",
		args:    "FILE",
		summary: "Replace the database with a backup (stop the server first)",
		help:    "Refuses to replace a database that holds data unless --force is given.",
		flags: func(fs *flag.FlagSet, e *env) func(context.Context, []string) error {
			db := dbFlag(fs)
			force := fs.Bool("force", false, "replace a database that already holds data")
			return func(ctx context.Context, args []string) error {
				if len(args) != 1 {
					return usagef("give the backup FILE to restore")
				}
				path, err := resolveDB(*db, e.getenv)
				if err != nil {
					return err
				}
				if err := sqlstore.Restore(ctx, args[0], path, *force); err != nil {
					return usagef("%s", oneLine(err.Error()))
				}
				fmt.Fprintf(e.out, "Restored %s from %s.\n", path, absPath(args[0]))
				return nil
			}
		},
	})
}
