package main

import (
	"strings"
	"testing"

	"github.com/backload/backload"
	"github.com/backload/backload/catalog"
)

func TestParseLogArgs(t *testing.T) {
	cat := catalog.Default()
	tests := []struct {
		args  []string
		unit  backload.Unit
		want  string // describeSets of each exercise, joined by " | "
		class backload.Class
	}{
		{[]string{"Squat (Barbell)", "5x5@100"}, backload.Kilograms, "5 x 5 @ 100 kg", backload.SpinalHeavy},
		{[]string{"Squat (Barbell)", "w1x5@60", "3x5@100", "rpe8"}, backload.Kilograms, "1 x 5 @ 60 kg (warmup), 3 x 5 @ 100 kg", backload.SpinalHeavy},
		{[]string{"Plank", "3x30s"}, backload.Kilograms, "3 x 30s", backload.CoreEndurance},
		{[]string{"Bench Press", "1x5@225lb"}, backload.Kilograms, "1 x 5 @ 225 lb", backload.UpperBody},
		{[]string{"Bench Press", "3x8@135"}, backload.Pounds, "3 x 8 @ 135 lb", backload.UpperBody},
		{[]string{"Pull Up", "3x8"}, backload.Kilograms, "3 x 8", backload.UpperBody},
	}
	for _, tc := range tests {
		got, err := parseLogArgs(tc.args, tc.unit, cat.Classify)
		if err != nil {
			t.Errorf("%v: %v", tc.args, err)
			continue
		}
		if d := describeSets(got[0].Sets, tc.unit); d != tc.want || got[0].Class != tc.class {
			t.Errorf("%v: %q %s, want %q %s", tc.args, d, got[0].Class, tc.want, tc.class)
		}
	}
	squat, _ := parseLogArgs([]string{"Squat (Barbell)", "3x5@100", "rpe8.5"}, backload.Kilograms, cat.Classify)
	if squat[0].Sets[0].RPE != 8.5 {
		t.Errorf("rpe not applied: %+v", squat[0].Sets[0])
	}
	pounds, _ := parseLogArgs([]string{"Deadlift", "1x1@405lb"}, backload.Kilograms, cat.Classify)
	if x := pounds[0].Sets[0]; x.Unit != backload.Pounds || x.WeightKg < 183.7 || x.WeightKg > 183.71 {
		t.Errorf("405 lb stored as %+v", x)
	}
}

func TestParseLogArgsErrors(t *testing.T) {
	cat := catalog.Default()
	for _, args := range [][]string{
		nil,
		{"5x5@100"},                      // sets before a name
		{"Squat (Barbell)"},              // a name without sets
		{"Squat (Barbell)", "5x5@"},      // a broken spec
		{"Squat (Barbell)", "5x5@99999"}, // an absurd weight
		{"Squat (Barbell)", "0x5@100"},   // no sets
		{"rpe8"},                         // RPE before any set
		{"Squat", "3x5@100", "rpe11"},    // RPE out of range
	} {
		if _, err := parseLogArgs(args, backload.Kilograms, cat.Classify); err == nil {
			t.Errorf("%q: no error", args)
		}
	}
}

// FuzzParseLogArgs checks that any words either parse into exercises with
// sets in range or fail with a usage error, and never panic.
func FuzzParseLogArgs(f *testing.F) {
	for _, s := range []string{"Squat 5x5@100", "Plank 3x30s", "Bench w1x5@60 3x8@100lb rpe8", "5x5", "rpe8", "Squat 0x5@1", "Squat 5x5@99999"} {
		f.Add(s)
	}
	cat := catalog.Default()
	f.Fuzz(func(t *testing.T, line string) {
		args := strings.Fields(line)
		got, err := parseLogArgs(args, backload.Kilograms, cat.Classify)
		if err != nil {
			return
		}
		for _, e := range got {
			if len(e.Sets) == 0 {
				t.Fatalf("%q: %q has no sets", line, e.Input)
			}
			for _, x := range e.Sets {
				if x.WeightKg < 0 || x.WeightKg > 1000.01 || x.RPE < 0 || x.RPE > 10 {
					t.Fatalf("%q: set %+v out of range", line, x)
				}
			}
		}
	})
}
