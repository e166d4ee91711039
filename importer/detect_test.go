package importer

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/backload/backload"
)

func TestDetect(t *testing.T) {
	for file, want := range map[string]Format{
		"strong-classic-kg.csv":      FormatStrong,
		"strong-classic-lb.csv":      FormatStrong,
		"strong-classic-nonotes.csv": FormatStrong,
		"strong-semicolon.csv":       FormatStrong,
		"strong-android.csv":         FormatStrong,
		"hevy-kg.csv":                FormatHevy,
		"hevy-lb.csv":                FormatHevy,
		"fitnotes.csv":               FormatFitNotes,
		"fitnotes-nocomment.csv":     FormatFitNotes,
		"fitnotes-lbs.csv":           FormatFitNotes,
		"backload-v1.json":           FormatBackload,
	} {
		data, err := os.ReadFile(filepath.Join("testdata", file))
		if err != nil {
			t.Fatal(err)
		}
		if got, err := Detect(data); got != want || err != nil {
			t.Errorf("Detect(%s) = %q, %v; want %q", file, got, err, want)
		}
	}
	for _, h := range []string{"", "foo,bar", "Date,Exercise", "\xff\xfeD\x00", "PK\x03\x04", "a;b;c"} {
		if f, err := Detect([]byte(h)); backload.ErrorCode(err) != backload.EINVALID {
			t.Errorf("Detect(%q) = %q, %v; want EINVALID", h, f, err)
		}
	}
}

func TestProgress(t *testing.T) {
	var b strings.Builder
	b.WriteString(strongHeader)
	for i := 0; i < 5000; i++ {
		b.WriteString(strongRow)
	}
	in := b.String()
	var calls []int64
	opts := testOptions(FormatAuto)
	opts.Progress = func(done, total int64) {
		if total != int64(len(in)) {
			t.Errorf("total %d, want %d", total, len(in))
		}
		calls = append(calls, done)
	}
	mustParse(t, in, opts)
	if len(calls) < 50 || len(calls) > 102 {
		t.Errorf("%d progress calls, want about 100", len(calls))
	}
	if last := calls[len(calls)-1]; last != int64(len(in)) {
		t.Errorf("last progress %d, want %d", last, len(in))
	}
	for i := 1; i < len(calls); i++ {
		if calls[i] <= calls[i-1] {
			t.Fatalf("progress went from %d to %d", calls[i-1], calls[i])
		}
	}
}

func TestEmptyBodyAndHeaderOnly(t *testing.T) {
	res := mustParse(t, strongHeader, Options{})
	if len(res.Sessions) != 0 || res.Sessions == nil || res.Skipped == nil {
		t.Errorf("header only: %+v", res)
	}
	res = mustParse(t, strings.TrimSuffix(strongHeader, "\n"), Options{})
	if len(res.Sessions) != 0 {
		t.Errorf("header without newline: %+v", res)
	}
}

func TestWindowsLineEndingsAndTrailingSpaces(t *testing.T) {
	in := strings.ReplaceAll(strongHeader+strongRow+strongRow, "\n", "\r\n") + "\r\n\r\n"
	res := mustParse(t, in, Options{})
	if _, sets, _, _ := counts(res); sets != 2 {
		t.Errorf("%d sets", sets)
	}
}

func TestManyExercisesInOneSession(t *testing.T) {
	var b strings.Builder
	b.WriteString(strongHeader)
	for round := 0; round < 3; round++ {
		for i := 0; i < 40; i++ {
			b.WriteString(strings.Replace(strongRow, "Squat (Barbell)", "Exercise "+string(rune('A'+i%26))+string(rune('a'+i/26)), 1))
		}
	}
	res := mustParse(t, b.String(), Options{})
	ex := res.Sessions[0].Exercises
	if len(ex) != 40 {
		t.Fatalf("%d exercises, want 40", len(ex))
	}
	for _, e := range ex {
		if len(e.Sets) != 3 {
			t.Fatalf("%s has %d sets, want 3", e.Input, len(e.Sets))
		}
	}
	if ex[0].Input != "Exercise Aa" || ex[39].Input != "Exercise Nb" {
		t.Errorf("order %q ... %q", ex[0].Input, ex[39].Input)
	}
}
