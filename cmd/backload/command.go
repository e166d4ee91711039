package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"sort"
	"strings"

	"github.com/backload/backload"
)

// stdio is where a command reads and writes; tests swap in buffers.
type stdio struct {
	in       io.Reader
	out, err io.Writer
}

// command is one subcommand. Each lives in a file of its own.
type command struct {
	name    string
	args    string // the positional arguments, for the usage line
	summary string
	// help is the longer text shown by -h, after the usage line and flags.
	help string
	// flags declares the command's flags on fs and returns the function
	// that runs it with the positional arguments.
	flags func(fs *flag.FlagSet, env *env) func(ctx context.Context, args []string) error
}

// env is what every command may use: its streams and the process
// environment, read through getenv so tests control it.
type env struct {
	stdio
	getenv func(string) string
}

var commands = map[string]*command{}

func register(c *command) { commands[c.name] = c }

// Exit codes, a contract for scripts.
const (
	exitOK       = 0
	exitInternal = 1
	exitUsage    = 2
)

// usageError is a mistake in how the command was called.
type usageError struct{ msg string }

func (e usageError) Error() string { return e.msg }

func usagef(format string, args ...any) error { return usageError{fmt.Sprintf(format, args...)} }

func run(ctx context.Context, args []string, io stdio, getenv func(string) string) int {
	e := &env{stdio: io, getenv: getenv}
	if len(args) == 0 {
		printHelp(e.err)
		return exitUsage
	}
	name := args[0]
	switch name {
	case "-h", "-help", "--help":
		printHelp(e.out)
		return exitOK
	case "-v", "-version", "--version":
		name = "version"
	}
	c, ok := commands[name]
	if !ok {
		fmt.Fprintf(e.err, "backload: unknown command %q (run 'backload help' for the list)\n", name)
		return exitUsage
	}
	fs := flag.NewFlagSet("backload "+c.name, flag.ContinueOnError)
	fs.SetOutput(io.err)
	fs.Usage = func() { printUsage(fs.Output(), c, fs) }
	runFn := c.flags(fs, e)
	pos, err := parseInterspersed(fs, args[1:])
	if errors.Is(err, flag.ErrHelp) {
		fs.SetOutput(io.out)
		fs.Usage()
		return exitOK
	}
	if err != nil {
		// flag has printed the problem and the usage already.
		return exitUsage
	}
	if err := runFn(ctx, pos); err != nil {
		return report(e.err, c.name, err)
	}
	return exitOK
}

// report prints err as one line and returns the exit code for it: 2 for bad
// usage or bad input, 1 for anything else.
func report(w io.Writer, cmd string, err error) int {
	var ue usageError
	switch {
	case errors.As(err, &ue):
		fmt.Fprintf(w, "backload %s: %s (see 'backload %s -h')\n", cmd, ue.msg, cmd)
		return exitUsage
	case backload.ErrorCode(err) == backload.EINTERNAL:
		fmt.Fprintf(w, "backload %s: %v\n", cmd, err)
		return exitInternal
	default:
		fmt.Fprintf(w, "backload %s: %s\n", cmd, oneLine(backload.ErrorMessage(err)))
		return exitUsage
	}
}

func oneLine(s string) string { return strings.Join(strings.Fields(s), " ") }

// parseInterspersed parses flags wherever they stand among the positional
// arguments, so "backload import export.csv --unit lb" works. The standard
// flag package stops at the first positional argument; this resumes after
// it. A "--" ends the flags: everything after it is positional.
func parseInterspersed(fs *flag.FlagSet, args []string) ([]string, error) {
	var pos []string
	for {
		if err := fs.Parse(args); err != nil {
			return nil, err
		}
		rest := fs.Args()
		if len(rest) == 0 {
			return pos, nil
		}
		// fs.Parse consumed a "--" if that is what stopped it.
		consumed := len(args) - len(rest)
		if consumed > 0 && args[consumed-1] == "--" {
			return append(pos, rest...), nil
		}
		pos = append(pos, rest[0])
		args = rest[1:]
	}
}

func printUsage(w io.Writer, c *command, fs *flag.FlagSet) {
	fmt.Fprintf(w, "Usage: backload %s [flags] %s\n\n%s\n", c.name, c.args, c.summary)
	if c.help != "" {
		fmt.Fprintf(w, "\n%s\n", strings.TrimSpace(c.help))
	}
	hasFlags := false
	fs.VisitAll(func(*flag.Flag) { hasFlags = true })
	if hasFlags {
		fmt.Fprintln(w, "\nFlags (before or after the arguments):")
		fs.PrintDefaults()
	}
}

func printHelp(w io.Writer) {
	fmt.Fprint(w, `Backload: train through lower back pain by changing how you load the back.

Usage: backload <command> [flags] [arguments]

Commands:
`)
	names := make([]string, 0, len(commands))
	for n := range commands {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, n := range names {
		fmt.Fprintf(w, "  %-10s %s\n", n, commands[n].summary)
	}
	fmt.Fprint(w, `
Run 'backload <command> -h' for a command's flags and arguments.
Exit codes: 0 success, 2 bad usage or bad input, 1 internal error.
`)
}

// dbFlag declares --db on fs, the database every data command uses.
func dbFlag(fs *flag.FlagSet) *string {
	return fs.String("db", "", "database: a file path, or postgres://... (default $BACKLOAD_DB, else $XDG_DATA_HOME/backload/backload.db)")
}

// resolveDB picks the database: the flag, else $BACKLOAD_DB, else the
// user's data directory ($XDG_DATA_HOME, else ~/.local/share).
func resolveDB(flagValue string, getenv func(string) string) (string, error) {
	if flagValue != "" {
		return flagValue, nil
	}
	if v := getenv("BACKLOAD_DB"); v != "" {
		return v, nil
	}
	dir := getenv("XDG_DATA_HOME")
	if dir == "" {
		home := getenv("HOME")
		if home == "" {
			h, err := os.UserHomeDir()
			if err != nil {
				return "", usagef("no database given: set --db or $BACKLOAD_DB (%v)", err)
			}
			home = h
		}
		dir = home + "/.local/share"
	}
	return dir + "/backload/backload.db", nil
}
