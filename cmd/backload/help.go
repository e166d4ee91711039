package main

import (
	"context"
	"flag"
)

func init() {
	register(&command{
		name:    "help",
		args:    "[COMMAND]",
		summary: "Show the commands, or one command's flags",
		flags: func(fs *flag.FlagSet, e *env) func(context.Context, []string) error {
			return func(ctx context.Context, args []string) error {
				switch len(args) {
				case 0:
					printHelp(e.out)
					return nil
				case 1:
					if _, ok := commands[args[0]]; !ok {
						return usagef("unknown command %q", args[0])
					}
					run(ctx, []string{args[0], "-h"}, e.stdio, e.getenv)
					return nil
				}
				return usagef("help takes at most one command")
			}
		},
	})
}
