package main

import (
	"context"
	"flag"
	"fmt"
	"runtime"
	"runtime/debug"
)

// version is set at build time with -ldflags "-X main.version=v1.2.3".
var version = ""

func init() {
	register(&command{
		name:    "version",
		summary: "Print the version",
		flags: func(fs *flag.FlagSet, e *env) func(context.Context, []string) error {
			return func(context.Context, []string) error {
				fmt.Fprintf(e.out, "backload %s (%s)\n", versionString(), runtime.Version())
				return nil
			}
		},
	})
}

// versionString is the -ldflags version, else the module version or VCS
// revision Go recorded in the binary, else "dev".
func versionString() string {
	if version != "" {
		return version
	}
	info, ok := debug.ReadBuildInfo()
	if !ok {
		return "dev"
	}
	if v := info.Main.Version; v != "" && v != "(devel)" {
		return v
	}
	for _, s := range info.Settings {
		if s.Key == "vcs.revision" && len(s.Value) >= 12 {
			return "dev-" + s.Value[:12]
		}
	}
	return "dev"
}
