package main

import (
	"context"
	"flag"
	"fmt"

	"github.com/backload/backload/auth"
)

func init() {
	register(&command{
		name:    "token",
		summary: "Create a personal API token for scripts",
		help: `Prints a new token for 'Authorization: Bearer TOKEN'. It is shown once; only
its hash is stored. List and revoke tokens in the web app's settings or with
the API (/api/v1/tokens).`,
		flags: func(fs *flag.FlagSet, e *env) func(context.Context, []string) error {
			data := addDataFlags(fs)
			name := fs.String("name", "command line", "a `NAME` to recognise the token by")
			return func(ctx context.Context, args []string) error {
				if len(args) > 0 {
					return usagef("unexpected argument %q", args[0])
				}
				db, u, err := data.open(ctx, e)
				if err != nil {
					return err
				}
				defer db.Close()
				token, hash, err := auth.NewToken("bl_")
				if err != nil {
					return err
				}
				if _, err := db.CreateAPIToken(ctx, u.ID, *name, hash); err != nil {
					return err
				}
				fmt.Fprintln(e.out, token)
				return nil
			}
		},
	})
}
