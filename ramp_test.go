package backload_test

import (
	"encoding/json"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/backload/backload"
)

// ramp runs Ramp with the default policy and the fake catalog.
func ramp(t *testing.T, req backload.RampRequest) backload.RampResponse {
	t.Helper()
	resp, err := backload.Ramp(req, newFakeCatalog(), backload.DefaultPolicy())
	if err != nil {
		t.Fatal(err)
	}
	for _, w := range resp.Weeks {
		if strings.TrimSpace(w.Why) == "" {
			t.Errorf("week %d has no why", w.Week)
		}
	}
	return resp
}

// column returns one lift's weights and sets, week by week.
func column(resp backload.RampResponse, lift int) (weights []float64, sets []int) {
	for _, w := range resp.Weeks {
		weights = append(weights, w.Lifts[lift].Weight)
		sets = append(sets, w.Lifts[lift].Sets)
	}
	return weights, sets
}

func zones(words ...string) []backload.Zone {
	zs := make([]backload.Zone, len(words))
	for i, w := range words {
		zs[i] = backload.Zone(w)
	}
	return zs
}

func deadlift(from, to float64) backload.RampLift {
	return backload.RampLift{Exercise: "Deadlift (Barbell)", From: from, To: to, Sets: 3, Reps: 5}
}

// TestRampGates covers the weekly gates: green advances, amber repeats, red
// steps back one but never below the start; weeks after the last response
// assume green; the plan ends at the first week at to.
func TestRampGates(t *testing.T) {
	tests := []struct {
		name      string
		responses []backload.Zone
		want      []float64
	}{
		{"all green", nil, []float64{80, 95, 110, 125, 140, 155, 160}},
		{"issue example", zones("green", "amber"), []float64{80, 95, 95, 110, 125, 140, 155, 160}},
		{"amber repeats", zones("amber", "amber"), []float64{80, 80, 80, 95, 110, 125, 140, 155, 160}},
		{"red at the start stays at the start", zones("red", "red"), []float64{80, 80, 80, 95, 110, 125, 140, 155, 160}},
		{"red steps back one", zones("green", "green", "red"), []float64{80, 95, 110, 95, 110, 125, 140, 155, 160}},
		{"red then amber", zones("green", "red", "amber", "green"), []float64{80, 95, 80, 80, 95, 110, 125, 140, 155, 160}},
		{"responses after the end are ignored", zones("green", "green", "green", "green", "green", "green", "red", "red"),
			[]float64{80, 95, 110, 125, 140, 155, 160}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			resp := ramp(t, backload.RampRequest{Lifts: []backload.RampLift{deadlift(80, 160)}, Responses: tt.responses})
			got, _ := column(resp, 0)
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("weights %v, want %v", got, tt.want)
			}
		})
	}
}

// TestRampStart checks the start at min(from, 60% of to), rounded down.
func TestRampStart(t *testing.T) {
	tests := []struct {
		name  string
		units backload.Unit
		step  float64
		lift  backload.RampLift
		want  []float64
	}{
		{"from above 60%", "", 0, deadlift(150, 160), []float64{95, 110, 125, 140, 155, 160}},
		{"from below 60%", "", 0, deadlift(60, 160), []float64{60, 75, 90, 105, 120, 135, 150, 160}},
		{"to off the grid ends exactly at to", "kg", 2.5, deadlift(161, 161),
			[]float64{95, 110, 125, 140, 155, 161}},
		{"lb, 5 lb plates", "lb", 0, deadlift(315, 315), []float64{185, 215, 245, 275, 305, 315}},
		{"kg, 1.25 kg plates", "kg", 1.25, deadlift(100, 100), []float64{60, 70, 80, 90, 100}},
		{"kg, 2 kg plates", "kg", 2, deadlift(95, 95), []float64{56, 64, 72, 80, 88, 95}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			resp := ramp(t, backload.RampRequest{Units: tt.units, PlateStep: tt.step, Lifts: []backload.RampLift{tt.lift}})
			got, _ := column(resp, 0)
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("weights %v, want %v", got, tt.want)
			}
		})
	}
}

// TestRampOffGridStart checks a current weight between plates rounds down.
func TestRampOffGridStart(t *testing.T) {
	resp := ramp(t, backload.RampRequest{Lifts: []backload.RampLift{deadlift(83, 200)}})
	got, _ := column(resp, 0)
	want := []float64{82.5, 102.5, 122.5, 142.5, 162.5, 182.5, 200}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("weights %v, want %v", got, want)
	}
}

// TestRampSets checks reduced sets early and full sets in the last two steps.
func TestRampSets(t *testing.T) {
	lift := backload.RampLift{Exercise: "Squat (Barbell)", From: 100, To: 100, Sets: 5, Reps: 5}
	_, sets := column(ramp(t, backload.RampRequest{Lifts: []backload.RampLift{lift}}), 0)
	if want := []int{3, 3, 3, 5, 5}; !reflect.DeepEqual(sets, want) {
		t.Errorf("sets %v, want %v", sets, want)
	}
	// Red after full sets steps back to reduced sets.
	_, sets = column(ramp(t, backload.RampRequest{Lifts: []backload.RampLift{lift},
		Responses: zones("green", "green", "green", "red")}), 0)
	if want := []int{3, 3, 3, 5, 3, 5, 5}; !reflect.DeepEqual(sets, want) {
		t.Errorf("sets after red %v, want %v", sets, want)
	}
	// One set planned stays one set.
	lift.Sets = 1
	_, sets = column(ramp(t, backload.RampRequest{Lifts: []backload.RampLift{lift}}), 0)
	for _, s := range sets {
		if s != 1 {
			t.Errorf("sets %v, want all 1", sets)
		}
	}
}

// TestRampClasses checks spine-neutral lower body returns in two steps with
// full sets, upper body never ramps, and the plan ends when every lift is
// back.
func TestRampClasses(t *testing.T) {
	resp := ramp(t, backload.RampRequest{Lifts: []backload.RampLift{
		{Exercise: "Leg Press", From: 200, To: 200, Sets: 4, Reps: 10},
		{Exercise: "Bench Press (Barbell)", From: 60, To: 100, Sets: 3, Reps: 5},
		deadlift(100, 100),
	}})
	lp, lpSets := column(resp, 0)
	if want := []float64{160, 180, 200, 200, 200}; !reflect.DeepEqual(lp, want) {
		t.Errorf("leg press %v, want %v (two steps, then held at to)", lp, want)
	}
	for _, s := range lpSets {
		if s != 4 {
			t.Errorf("leg press sets %v, want full sets throughout", lpSets)
		}
	}
	bench, _ := column(resp, 1)
	if want := []float64{100, 100, 100, 100, 100}; !reflect.DeepEqual(bench, want) {
		t.Errorf("bench %v, want %v", bench, want)
	}
	dl, _ := column(resp, 2)
	if want := []float64{60, 70, 80, 90, 100}; !reflect.DeepEqual(dl, want) {
		t.Errorf("deadlift %v, want %v", dl, want)
	}
	if r := resp.Weeks[0].Lifts[0]; r.Exercise != "leg-press" || r.Class != backload.SpineNeutralLower || r.Reps != 10 {
		t.Errorf("leg press week 1 = %+v", r)
	}
	// Only upper body: a single week.
	if got := ramp(t, backload.RampRequest{Lifts: []backload.RampLift{{Exercise: "Bench Press", From: 50, To: 100}}}); len(got.Weeks) != 1 {
		t.Errorf("upper body only: %d weeks, want 1", len(got.Weeks))
	}
}

// TestRampCoarsePlates checks a light lift whose 10% is less than a plate:
// one plate a week, with a hold week wherever two steps would pass 30%.
func TestRampCoarsePlates(t *testing.T) {
	resp := ramp(t, backload.RampRequest{PlateStep: 5, Lifts: []backload.RampLift{deadlift(20, 20)}})
	got, _ := column(resp, 0)
	if want := []float64{10, 15, 15, 20}; !reflect.DeepEqual(got, want) {
		t.Errorf("weights %v, want %v", got, want)
	}
	if !strings.Contains(resp.Weeks[2].Why, "two weeks") {
		t.Errorf("hold week why %q, want the two-week cap explained", resp.Weeks[2].Why)
	}
}

func TestRampDates(t *testing.T) {
	start := time.Date(2026, 12, 21, 0, 0, 0, 0, time.UTC)
	resp := ramp(t, backload.RampRequest{Start: start, Lifts: []backload.RampLift{deadlift(100, 100)}})
	var got []string
	for _, w := range resp.Weeks {
		got = append(got, w.Starts)
	}
	if want := []string{"2026-12-21", "2026-12-28", "2027-01-04", "2027-01-11", "2027-01-18"}; !reflect.DeepEqual(got, want) {
		t.Errorf("starts %v, want %v", got, want)
	}
	if undated := ramp(t, backload.RampRequest{Lifts: []backload.RampLift{deadlift(100, 100)}}); undated.Weeks[0].Starts != "" {
		t.Errorf("no start: starts %q, want empty", undated.Weeks[0].Starts)
	}
}

func TestRampJSONShape(t *testing.T) {
	out, err := json.Marshal(ramp(t, backload.RampRequest{Lifts: []backload.RampLift{deadlift(80, 160)}}))
	if err != nil {
		t.Fatal(err)
	}
	var shape struct {
		Weeks []map[string]json.RawMessage `json:"weeks"`
	}
	if err := json.Unmarshal(out, &shape); err != nil {
		t.Fatal(err)
	}
	if got := keys(shape.Weeks[0]); got != "lifts starts week why" {
		t.Errorf("week keys %q", got)
	}
	var lifts []map[string]json.RawMessage
	if err := json.Unmarshal(shape.Weeks[0]["lifts"], &lifts); err != nil {
		t.Fatal(err)
	}
	if got := keys(lifts[0]); got != "class exercise input reps sets weight" {
		t.Errorf("lift keys %q", got)
	}
}

func TestRampRejects(t *testing.T) {
	cat, p := newFakeCatalog(), backload.DefaultPolicy()
	bad := []struct {
		req  backload.RampRequest
		want string
	}{
		{backload.RampRequest{}, "lifts: must list at least one lift"},
		{backload.RampRequest{Lifts: []backload.RampLift{deadlift(80, 70)}}, "lifts[0].to: must not be below from (80)"},
		{backload.RampRequest{Lifts: []backload.RampLift{deadlift(0, 0)}}, "lifts[0].to: must be more than 0, got 0"},
		{backload.RampRequest{Lifts: []backload.RampLift{deadlift(80, 160)}, Responses: zones("green", "yellow")},
			`responses[1]: unknown response "yellow" (want green, amber or red)`},
	}
	for _, b := range bad {
		_, err := backload.Ramp(b.req, cat, p)
		if backload.ErrorCode(err) != backload.EINVALID || err.Error() != b.want {
			t.Errorf("Ramp(%+v) error %v, want %q", b.req, err, b.want)
		}
	}
	if _, err := backload.Ramp(backload.RampRequest{Lifts: []backload.RampLift{deadlift(1, 2)}}, nil, p); backload.ErrorCode(err) != backload.EINTERNAL {
		t.Errorf("nil catalog: %v", err)
	}
}
