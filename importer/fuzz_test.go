package importer

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"testing"
	"unicode/utf8"

	"github.com/backload/backload"
)

// addSeeds adds the fixtures matching pattern and a few short inputs.
func addSeeds(f *testing.F, pattern string, extra ...string) {
	files, err := filepath.Glob(filepath.Join("testdata", pattern))
	if err != nil || len(files) == 0 {
		f.Fatalf("no seeds for %s: %v", pattern, err)
	}
	for _, file := range files {
		data, err := os.ReadFile(file)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
	}
	for _, s := range extra {
		f.Add([]byte(s))
	}
}

// checkParse parses data as format and checks what any parse must hold:
// an EINVALID error and no result, or sessions whose values are in range
// and which survive export, import, export unchanged.
func checkParse(t *testing.T, data []byte, format Format) {
	res, err := Parse(bytes.NewReader(data), int64(len(data)), testOptions(format))
	if err != nil {
		var e *backload.Error
		if !errors.As(err, &e) || e.Code != backload.EINVALID || res != nil {
			t.Fatalf("error %v (%T), result %v: want EINVALID and no result", err, err, res)
		}
		if !utf8.ValidString(e.Field) {
			t.Fatalf("field %q is not UTF-8", e.Field)
		}
		return
	}
	lim := newLimits()
	for i, s := range res.Sessions {
		if i > 0 && s.StartedAt.Before(res.Sessions[i-1].StartedAt) {
			t.Fatalf("sessions out of order at %d", i)
		}
		if !utf8.ValidString(s.Title) || !utf8.ValidString(s.Notes) {
			t.Fatalf("session text not UTF-8: %q %q", s.Title, s.Notes)
		}
		for _, e := range s.Exercises {
			if e.Input == "" || !utf8.ValidString(e.Input) || !e.Class.Valid() {
				t.Fatalf("exercise %+v", e)
			}
			for _, x := range e.Sets {
				if !x.Kind.Valid() || x.WeightKg < 0 || x.WeightKg > lim.maxKg || x.Reps < 0 || x.RPE < 0 || x.RPE > 10 ||
					x.Seconds < 0 || x.Seconds > lim.maxSeconds || x.DistanceM < 0 || (x.Unit != "" && !x.Unit.Valid()) {
					t.Fatalf("set out of range: %+v", x)
				}
			}
		}
	}
	var first bytes.Buffer
	if err := WriteJSON(&first, res.Sessions, res.CheckIns); err != nil {
		t.Fatalf("WriteJSON: %v", err)
	}
	back, err := Parse(bytes.NewReader(first.Bytes()), int64(first.Len()), testOptions(FormatBackload))
	if err != nil {
		t.Fatalf("re-import of the export: %v\n%s", err, first.Bytes())
	}
	var second bytes.Buffer
	if err := WriteJSON(&second, back.Sessions, back.CheckIns); err != nil {
		t.Fatalf("WriteJSON again: %v", err)
	}
	if !bytes.Equal(first.Bytes(), second.Bytes()) {
		t.Fatalf("export, import, export differs:\n%s\n%s", first.Bytes(), second.Bytes())
	}
	if err := WriteCSV(&bytes.Buffer{}, res.Sessions); err != nil {
		t.Fatalf("WriteCSV: %v", err)
	}
}

func FuzzStrong(f *testing.F) {
	addSeeds(f, "strong-*.csv",
		strongHeader+strongRow,
		strongHeader+"2024-03-04 07:05:10,A,1h,\"Squat\",Note,0,0,0,0,\"x\",,\n",
		semicolonHead+"2019-01-11 12:31:54;Leg;Squat;W;62,5;kg;5;8,5;1,5;km;0;;\n")
	f.Fuzz(func(t *testing.T, data []byte) {
		checkParse(t, data, FormatStrong)
		checkParse(t, data, FormatAuto)
	})
}

func FuzzHevy(f *testing.F) {
	addSeeds(f, "hevy-*.csv", hevyHeader+hevyRow)
	f.Fuzz(func(t *testing.T, data []byte) {
		checkParse(t, data, FormatHevy)
	})
}

func FuzzFitNotes(f *testing.F) {
	addSeeds(f, "fitnotes*.csv", fitNotesHeader+"2021-06-01,Row, Seated,Back,50,kgs,12,,,,a, b\n")
	f.Fuzz(func(t *testing.T, data []byte) {
		checkParse(t, data, FormatFitNotes)
	})
}

func FuzzBackloadJSON(f *testing.F) {
	addSeeds(f, "backload-*.json",
		`{"version": 1, "sessions": [], "checkins": []}`,
		`{"version": 1, "sessions": [{"started_at": "2026-01-13T06:53:00+02:00", "title": "x", "source": "", "notes": "", "exercises": [{"input": "Squat (Barbell)", "exercise": "", "class": "", "sets": [{"kind": "working", "weight_kg": 1e-7, "reps": 5}]}]}]}`)
	f.Fuzz(func(t *testing.T, data []byte) {
		checkParse(t, data, FormatBackload)
	})
}
