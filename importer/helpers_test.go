package importer

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/backload/backload"
)

// classes is the classifier the tests use: a few names with a catalog id,
// everything else inferred as other.
var classes = map[string]backload.Classification{
	"Squat (Barbell)":       {ExerciseID: "barbell-back-squat", Class: backload.SpinalHeavy},
	"Deadlift (Barbell)":    {ExerciseID: "barbell-deadlift", Class: backload.SpinalHeavy},
	"Bench Press (Barbell)": {ExerciseID: "barbell-bench-press", Class: backload.UpperBody},
	"Plank":                 {ExerciseID: "plank", Class: backload.CoreEndurance},
	"Leg Press":             {ExerciseID: "leg-press", Class: backload.SpineNeutralLower},
}

// classifyCalls counts calls to testClassify, to check the cache.
var classifyCalls = map[string]int{}

func testClassify(name string) backload.Classification {
	classifyCalls[name]++
	c, ok := classes[name]
	if !ok {
		c = backload.Classification{Class: backload.Other, Source: backload.Inferred}
	}
	c.Input, c.Name = name, name
	return c
}

func testOptions(f Format) Options {
	return Options{Format: f, Classify: testClassify}
}

// mustParse parses s with opts and fails the test on error.
func mustParse(tb testing.TB, s string, opts Options) *Result {
	tb.Helper()
	if opts.Classify == nil {
		opts.Classify = testClassify
	}
	res, err := Parse(strings.NewReader(s), int64(len(s)), opts)
	if err != nil {
		tb.Fatalf("Parse: %v", err)
	}
	return res
}

// mustParseFile parses a fixture under testdata.
func mustParseFile(tb testing.TB, name string, opts Options) *Result {
	tb.Helper()
	data, err := os.ReadFile(filepath.Join("testdata", name))
	if err != nil {
		tb.Fatal(err)
	}
	return mustParse(tb, string(data), opts)
}

// parseErr parses s and returns the *backload.Error it must fail with.
func parseErr(tb testing.TB, s string, opts Options) *backload.Error {
	tb.Helper()
	if opts.Classify == nil {
		opts.Classify = testClassify
	}
	res, err := Parse(strings.NewReader(s), int64(len(s)), opts)
	if err == nil {
		tb.Fatalf("Parse succeeded, want an error (%d sessions)", len(res.Sessions))
	}
	if res != nil {
		tb.Fatalf("Parse returned a partial result with its error %v", err)
	}
	var e *backload.Error
	if !errors.As(err, &e) {
		tb.Fatalf("error %v (%T) is not a *backload.Error", err, err)
	}
	return e
}

// counts sums a result: sessions, sets, warm-ups, and working volume in kg.
func counts(r *Result) (sessions, sets, warmups int, volume float64) {
	for _, s := range r.Sessions {
		n, w := s.SetCount()
		sets += n
		warmups += w
		for _, e := range s.Exercises {
			for _, x := range e.Sets {
				if x.Kind != backload.WarmUp {
					volume += x.Volume()
				}
			}
		}
	}
	return len(r.Sessions), sets, warmups, volume
}

func mustTime(tb testing.TB, s string, loc *time.Location) time.Time {
	tb.Helper()
	t, err := time.ParseInLocation("2006-01-02 15:04:05", s, loc)
	if err != nil {
		tb.Fatal(err)
	}
	return t
}

// exportJSON writes sessions and check-ins with WriteJSON.
func exportJSON(tb testing.TB, sessions []backload.Session, checkins []backload.DailyCheckIn) []byte {
	tb.Helper()
	var buf bytes.Buffer
	if err := WriteJSON(&buf, sessions, checkins); err != nil {
		tb.Fatalf("WriteJSON: %v", err)
	}
	return buf.Bytes()
}

func near(a, b float64) bool {
	d := a - b
	return d < 1e-6 && d > -1e-6
}

// lb is the weight in kg the importers store for v pounds, computed at run
// time as they do (constant arithmetic would be exact).
func lb(v float64) float64 { return v * kgPerLb }
