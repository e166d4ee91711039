package importer

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/backload/backload"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

// goldenSessions are sessions with every field set, written to
// testdata/backload-v1.json.
func goldenSessions() ([]backload.Session, []backload.DailyCheckIn) {
	berlin := time.FixedZone("CET", 3600)
	sessions := []backload.Session{
		{
			ID: 41, StartedAt: time.Date(2026, 1, 13, 7, 53, 0, 0, berlin), Title: "Legs <heavy> & core",
			Source: "hevy", Notes: "Back 3/10 before, 2/10 after", DurationSec: 3900,
			Exercises: []backload.ExerciseLog{
				{Input: "Squat (Barbell)", ExerciseID: "barbell-back-squat", Class: backload.SpinalHeavy, Notes: "Low bar", Sets: []backload.Set{
					{Kind: backload.WarmUp, WeightKg: 60, Reps: 5, Unit: backload.Kilograms},
					{Kind: backload.Working, WeightKg: 100, Reps: 5, RPE: 8.5, Unit: backload.Kilograms},
					{Kind: backload.Drop, WeightKg: 80, Reps: 8, Unit: backload.Kilograms, Notes: "slow"},
				}},
				{Input: "Plank", ExerciseID: "plank", Class: backload.CoreEndurance, Sets: []backload.Set{
					{Kind: backload.Working, Seconds: 60},
				}},
			},
		},
		{
			StartedAt: time.Date(2026, 1, 15, 18, 0, 0, 0, time.UTC), Title: "Pull", Source: "strong",
			Exercises: []backload.ExerciseLog{
				{Input: "Deadlift (Barbell)", ExerciseID: "barbell-deadlift", Class: backload.SpinalHeavy, Sets: []backload.Set{
					{Kind: backload.Working, WeightKg: lb(315), Reps: 3, RPE: 9.5, Unit: backload.Pounds},
					{Kind: backload.Failure, WeightKg: lb(225), Reps: 6, Unit: backload.Pounds},
				}},
				{Input: "Rowing Machine", Class: backload.Other, Sets: []backload.Set{
					{Kind: backload.Working, Seconds: 600, DistanceM: 2500},
				}},
				{Input: "Empty exercise", Class: backload.Other},
			},
		},
	}
	checkins := []backload.DailyCheckIn{
		{Date: "2026-01-13", CheckIn: backload.CheckIn{Pain: 3, SessionPain: 2, MorningChange: -1, Trend: backload.Falling}, Note: "stiff in the morning"},
		{Date: "2026-01-14", CheckIn: backload.CheckIn{Pain: 5, RedFlags: []backload.RedFlag{backload.RedFlags[0]}}},
	}
	return sessions, checkins
}

func TestBackloadGolden(t *testing.T) {
	path := filepath.Join("testdata", "backload-v1.json")
	sessions, checkins := goldenSessions()
	got := exportJSON(t, sessions, checkins)
	if *update {
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, want) {
		t.Fatalf("WriteJSON differs from %s (run with -update after checking):\n%s", path, got)
	}
	if !bytes.HasPrefix(got, []byte(`{"version": 1, "sessions": [`+"\n"+`{"started_at":"2026-01-13T06:53:00Z","title":"Legs <heavy> & core","source":"hevy"`)) {
		t.Errorf("start of the export:\n%.200s", got)
	}
	res := mustParse(t, string(want), Options{})
	if res.Format != FormatBackload || res.Layout != "backload json (version 1)" {
		t.Errorf("format %q layout %q", res.Format, res.Layout)
	}
	if again := exportJSON(t, res.Sessions, res.CheckIns); !bytes.Equal(again, want) {
		t.Errorf("export, import, export is not identical:\n%s\nwant\n%s", again, want)
	}
	if res.Sessions[1].Exercises[0].Sets[0].WeightKg != lb(315) || res.Sessions[0].Source != "hevy" {
		t.Errorf("values changed: %+v", res.Sessions[1].Exercises[0].Sets[0])
	}
	if sessions[0].ID != 41 || sessions[1].Exercises[2].Sets != nil {
		t.Error("WriteJSON changed its arguments")
	}
}

// TestRoundTripEveryLayout exports what each fixture imports, imports the
// export and exports again: the two exports must be identical.
func TestRoundTripEveryLayout(t *testing.T) {
	files, err := filepath.Glob(filepath.Join("testdata", "*.csv"))
	if err != nil || len(files) < 10 {
		t.Fatalf("fixtures %v, %v", files, err)
	}
	for _, f := range files {
		t.Run(filepath.Base(f), func(t *testing.T) {
			res := mustParseFile(t, filepath.Base(f), Options{})
			first := exportJSON(t, res.Sessions, nil)
			back := mustParse(t, string(first), testOptions(FormatBackload))
			if second := exportJSON(t, back.Sessions, back.CheckIns); !bytes.Equal(first, second) {
				t.Errorf("export, import, export differs:\n%s\n%s", first, second)
			}
			_, sets1, warm1, vol1 := counts(res)
			_, sets2, warm2, vol2 := counts(back)
			if sets1 != sets2 || warm1 != warm2 || vol1 != vol2 {
				t.Errorf("counts changed: %d %d %v -> %d %d %v", sets1, warm1, vol1, sets2, warm2, vol2)
			}
		})
	}
}

func TestWriteJSONEmpty(t *testing.T) {
	if got := string(exportJSON(t, nil, nil)); got != `{"version": 1, "sessions": [], "checkins": []}`+"\n" {
		t.Errorf("empty export %q", got)
	}
	res := mustParse(t, `{"version": 1, "sessions": [], "checkins": []}`, Options{})
	if len(res.Sessions) != 0 || res.CheckIns == nil {
		t.Errorf("result %+v", res)
	}
}

func TestBackloadFillsMissingClass(t *testing.T) {
	in := `{"version": 1, "sessions": [{"started_at": "2026-01-13T06:53:00Z", "title": "x", "source": "", "notes": "", "exercises": [{"input": "Squat (Barbell)", "exercise": "", "class": "", "sets": [{"kind": "working", "weight_kg": 100, "reps": 5, "rpe": 0, "seconds": 0, "distance_m": 0}]}]}]}`
	res := mustParse(t, in, Options{})
	e := res.Sessions[0].Exercises[0]
	if e.Class != backload.SpinalHeavy || e.ExerciseID != "barbell-back-squat" || res.Sessions[0].Source != "backload" {
		t.Errorf("exercise %+v, source %q", e, res.Sessions[0].Source)
	}
}

func TestBackloadErrors(t *testing.T) {
	session := func(set string) string {
		return `{"version": 1, "sessions": [{"started_at": "2026-01-13T06:53:00Z", "title": "x", "source": "hevy", "notes": "", "exercises": [{"input": "Squat", "exercise": "", "class": "spinal-heavy", "sets": [` + set + `]}]}]}`
	}
	checkin := func(c string) string { return `{"version": 1, "sessions": [], "checkins": [` + c + `]}` }
	for _, tc := range []struct {
		name, in, field, msg string
	}{
		{"Version", `{"version": 2, "sessions": []}`, "version", "not a version"},
		{"NoVersion", `{"sessions": []}`, "version", "missing"},
		{"UnknownTopField", `{"version": 1, "workouts": []}`, "the file", `"workouts" is not a field`},
		{"DuplicateKey", `{"version": 1, "sessions": [], "sessions": []}`, "sessions", "twice"},
		{"Syntax", `{"version": 1, "sessions": [{]}`, "sessions[0]", "invalid JSON"},
		{"Truncated", `{"version": 1, "sessions": [{"title": "x"`, "sessions[0]", "ends too early"},
		{"TrailingData", `{"version": 1} {}`, "the file", "more after"},
		{"NotAnObject", `[1, 2]`, "line 1", "unknown header"},
		{"UnknownField", session(`{"kind": "working", "weight_kg": 100, "reps": 5, "load": 3}`), "sessions[0]", "unknown field"},
		{"WrongType", session(`{"kind": "working", "weight_kg": "heavy", "reps": 5}`), "sessions[0].exercises.sets.weight_kg", "string"},
		{"Kind", session(`{"kind": "heavy", "weight_kg": 100, "reps": 5}`), "sessions[0].exercises[0].sets[0].kind", "not a set kind"},
		{"Weight", session(`{"kind": "working", "weight_kg": 1000.5, "reps": 5}`), "sessions[0].exercises[0].sets[0].weight_kg", "outside 0 to 1000"},
		{"NegativeWeight", session(`{"kind": "working", "weight_kg": -1, "reps": 5}`), "sessions[0].exercises[0].sets[0].weight_kg", "outside"},
		{"Reps", session(`{"kind": "working", "weight_kg": 100, "reps": -5}`), "sessions[0].exercises[0].sets[0].reps", "outside"},
		{"RPE", session(`{"kind": "working", "weight_kg": 100, "reps": 5, "rpe": 10.5}`), "sessions[0].exercises[0].sets[0].rpe", "outside 0 to 10"},
		{"Unit", session(`{"kind": "working", "weight_kg": 100, "reps": 5, "unit": "st"}`), "sessions[0].exercises[0].sets[0].unit", "not a unit"},
		{"Class", strings.Replace(session(`{"kind": "working"}`), "spinal-heavy", "spine", 1), "sessions[0].exercises[0].class", "not a class"},
		{"EmptyInput", strings.Replace(session(`{"kind": "working"}`), `"Squat"`, `" "`, 1), "sessions[0].exercises[0].input", "empty"},
		{"NoStart", strings.Replace(session(`{"kind": "working"}`), `"started_at": "2026-01-13T06:53:00Z", `, "", 1), "sessions[0].started_at", "missing"},
		{"BadStart", strings.Replace(session(`{"kind": "working"}`), `2026-01-13T06:53:00Z`, `13/01/2026`, 1), "sessions[0]", "parsing time"},
		{"YearOutOfRange", strings.Replace(session(`{"kind": "working"}`), `2026-01-13`, `0026-01-13`, 1), "sessions[0].started_at", "not plausible"},
		{"CheckInDate", checkin(`{"date": "2026-02-30", "pain": 3, "session_pain": 0, "morning_change": 0, "red_flags": []}`), "checkins[0].date", "not a date"},
		{"CheckInDuplicate", checkin(`{"date": "2026-02-03", "pain": 3}, {"date": "2026-02-03", "pain": 4}`), "checkins[1].date", "one a day"},
		{"Pain", checkin(`{"date": "2026-02-03", "pain": 11}`), "checkins[0].pain", "outside 0 to 10"},
		{"MorningChange", checkin(`{"date": "2026-02-03", "pain": 1, "morning_change": -11}`), "checkins[0].morning_change", "outside -10 to 10"},
		{"Trend", checkin(`{"date": "2026-02-03", "pain": 1, "trend": "up"}`), "checkins[0].trend", "not a trend"},
		{"RedFlag", checkin(`{"date": "2026-02-03", "pain": 1, "red_flags": ["headache"]}`), "checkins[0].red_flags[0]", "not a red flag"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			e := parseErr(t, tc.in, Options{})
			if e.Code != backload.EINVALID || e.Field != tc.field || !strings.Contains(e.Message, tc.msg) {
				t.Errorf("got %s %q: %q; want %q: ...%q...", e.Code, e.Field, e.Message, tc.field, tc.msg)
			}
		})
	}
}
