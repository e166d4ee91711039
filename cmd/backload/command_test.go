package main

import (
	"bytes"
	"context"
	"encoding/json"
	"flag"
	"slices"
	"strings"
	"testing"
)

// runCLI runs the command line as a user would and returns its exit code
// and output.
func runCLI(t *testing.T, stdin string, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	return runWithEnv(t, map[string]string{"HOME": t.TempDir()}, stdin, args...)
}

// runWithEnv runs the command line with the given environment.
func runWithEnv(t *testing.T, env map[string]string, stdin string, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	var out, errb bytes.Buffer
	code = run(context.Background(), args, stdio{in: strings.NewReader(stdin), out: &out, err: &errb},
		func(k string) string { return env[k] })
	return code, out.String(), errb.String()
}

func TestParseInterspersed(t *testing.T) {
	tests := []struct {
		args    []string
		wantPos []string
		wantU   string
		wantJ   bool
	}{
		{[]string{"a.csv", "--unit", "lb"}, []string{"a.csv"}, "lb", false},
		{[]string{"--unit", "lb", "a.csv"}, []string{"a.csv"}, "lb", false},
		{[]string{"a", "-json", "b", "--unit=kg", "c"}, []string{"a", "b", "c"}, "kg", true},
		{[]string{"a", "--", "--unit", "b"}, []string{"a", "--unit", "b"}, "", false},
		{[]string{"-"}, []string{"-"}, "", false},
		{nil, nil, "", false},
	}
	for _, tc := range tests {
		fs := flag.NewFlagSet("t", flag.ContinueOnError)
		unit := fs.String("unit", "", "")
		j := fs.Bool("json", false, "")
		pos, err := parseInterspersed(fs, tc.args)
		if err != nil {
			t.Fatalf("%v: %v", tc.args, err)
		}
		if !slices.Equal(pos, tc.wantPos) || *unit != tc.wantU || *j != tc.wantJ {
			t.Errorf("%v: pos %v unit %q json %v; want %v %q %v", tc.args, pos, *unit, *j, tc.wantPos, tc.wantU, tc.wantJ)
		}
	}
}

func TestExitCodes(t *testing.T) {
	tests := []struct {
		name string
		args []string
		code int
		err  string // a substring of stderr
	}{
		{"no command", nil, exitUsage, "Usage"},
		{"unknown command", []string{"frobnicate"}, exitUsage, `unknown command "frobnicate"`},
		{"unknown flag", []string{"classify", "--nope", "Squat"}, exitUsage, "flag provided but not defined: -nope"},
		{"classify without names", []string{"classify"}, exitUsage, "no exercise name given"},
		{"bad class", []string{"exercises", "--class", "heavy"}, exitUsage, `unknown class "heavy"`},
		{"help", []string{"help"}, exitOK, ""},
		{"-h", []string{"classify", "-h"}, exitOK, ""},
		{"--help", []string{"--help"}, exitOK, ""},
		{"help for a command", []string{"help", "exercises"}, exitOK, ""},
		{"version", []string{"version"}, exitOK, ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			code, _, stderr := runCLI(t, "", tc.args...)
			if code != tc.code {
				t.Errorf("exit %d, want %d (stderr %q)", code, tc.code, stderr)
			}
			if !strings.Contains(stderr, tc.err) {
				t.Errorf("stderr %q does not say %q", stderr, tc.err)
			}
		})
	}
}

func TestEveryCommandHasHelp(t *testing.T) {
	for name, c := range commands {
		code, out, _ := runCLI(t, "", name, "-h")
		if code != exitOK || !strings.Contains(out, "Usage: backload "+name) || !strings.Contains(out, c.summary) {
			t.Errorf("%s -h: exit %d, output %q", name, code, out)
		}
	}
}

func TestClassifyJSON(t *testing.T) {
	code, out, stderr := runCLI(t, "", "classify", "--json", "Squat (Barbell)", "Moon Walk Thing")
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	var got []map[string]any
	if err := json.Unmarshal([]byte(out), &got); err != nil {
		t.Fatalf("not JSON: %v\n%s", err, out)
	}
	if len(got) != 2 {
		t.Fatalf("got %d results, want 2", len(got))
	}
	if got[0]["exercise"] != "barbell-back-squat" || got[0]["class"] != "spinal-heavy" || got[0]["source"] != "catalog" {
		t.Errorf("squat: %v", got[0])
	}
	if got[1]["exercise"] != "" || got[1]["name"] != "Moon Walk Thing" || got[1]["source"] != "inferred" {
		t.Errorf("unknown name: %v", got[1])
	}
}

func TestClassifyFlagAfterNames(t *testing.T) {
	code, out, _ := runCLI(t, "", "classify", "Deadlift (Barbell)", "--json")
	if code != exitOK || !strings.HasPrefix(strings.TrimSpace(out), "[") {
		t.Errorf("exit %d, output %q; want JSON", code, out)
	}
}

func TestClassifyTable(t *testing.T) {
	code, out, _ := runCLI(t, "", "classify", "Good Morning (Barbell)")
	if code != exitOK || !strings.Contains(out, "loaded-flexion") || !strings.Contains(out, "catalog") {
		t.Errorf("exit %d, output %q", code, out)
	}
}

func TestExercisesByClass(t *testing.T) {
	code, out, _ := runCLI(t, "", "exercises", "--class", "core-endurance", "--json")
	if code != exitOK {
		t.Fatalf("exit %d", code)
	}
	var list []struct{ ID, Class string }
	if err := json.Unmarshal([]byte(out), &list); err != nil {
		t.Fatal(err)
	}
	if len(list) < 5 {
		t.Errorf("%d core exercises, want at least the core set", len(list))
	}
	for _, x := range list {
		if x.Class != "core-endurance" {
			t.Errorf("%s is %s", x.ID, x.Class)
		}
	}
}

func TestResolveDB(t *testing.T) {
	env := func(m map[string]string) func(string) string { return func(k string) string { return m[k] } }
	tests := []struct {
		flag string
		env  map[string]string
		want string
	}{
		{"/x.db", map[string]string{"BACKLOAD_DB": "/y.db"}, "/x.db"},
		{"", map[string]string{"BACKLOAD_DB": "/y.db", "XDG_DATA_HOME": "/d"}, "/y.db"},
		{"", map[string]string{"XDG_DATA_HOME": "/d"}, "/d/backload/backload.db"},
		{"", map[string]string{"HOME": "/home/u"}, "/home/u/.local/share/backload/backload.db"},
	}
	for _, tc := range tests {
		got, err := resolveDB(tc.flag, env(tc.env))
		if err != nil || got != tc.want {
			t.Errorf("resolveDB(%q, %v) = %q, %v; want %q", tc.flag, tc.env, got, err, tc.want)
		}
	}
}
