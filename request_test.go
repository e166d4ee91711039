package backload_test

import (
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/backload/backload"
)

func TestDecodeAdaptRequest(t *testing.T) {
	req, err := backload.DecodeAdaptRequest([]byte(`{"units": "kg", "plate_step": 2.5,
	 "checkin": {"pain": 6, "session_pain": 4, "morning_change": 1, "trend": "rising", "red_flags": []},
	 "session": [{"exercise": "Squat (Barbell)", "sets": 5, "reps": 5, "weight": 140},
	             {"exercise": "Plank", "sets": 3, "seconds": 30, "rpe": 7.5}]}`))
	if err != nil {
		t.Fatal(err)
	}
	want := backload.AdaptRequest{Units: "kg", PlateStep: 2.5,
		CheckIn: backload.CheckIn{Pain: 6, SessionPain: 4, MorningChange: 1, Trend: backload.Rising},
		Session: []backload.PlannedItem{{Exercise: "Squat (Barbell)", Sets: 5, Reps: 5, Weight: 140},
			{Exercise: "Plank", Sets: 3, Seconds: 30, RPE: 7.5}}}
	if !reflect.DeepEqual(req, want) {
		t.Errorf("got %+v\nwant %+v", req, want)
	}
}

func TestDecodeAdaptRequestDefaults(t *testing.T) {
	tests := []struct {
		in        string
		units     backload.Unit
		step      float64
		firstSets int
	}{
		{`{"checkin": {"pain": 0}}`, "kg", 2.5, 0},
		{`{"units": "lb", "checkin": {"pain": 0}}`, "lb", 5, 0},
		{`{"units": "lb", "plate_step": 2.5, "checkin": {"pain": 0}}`, "lb", 2.5, 0},
		{`{"checkin": {"pain": 0}, "session": [{"exercise": "Walking", "seconds": 600}]}`, "kg", 2.5, 1},
	}
	for _, tt := range tests {
		req, err := backload.DecodeAdaptRequest([]byte(tt.in))
		if err != nil {
			t.Fatalf("%s: %v", tt.in, err)
		}
		if req.Units != tt.units || req.PlateStep != tt.step {
			t.Errorf("%s: units %q step %v, want %q %v", tt.in, req.Units, req.PlateStep, tt.units, tt.step)
		}
		if len(req.Session) > 0 && req.Session[0].Sets != tt.firstSets {
			t.Errorf("%s: sets %d, want %d", tt.in, req.Session[0].Sets, tt.firstSets)
		}
	}
}

// TestDecodeAdaptRequestErrors checks each kind of bad input gives one
// EINVALID error naming the field and the problem.
func TestDecodeAdaptRequestErrors(t *testing.T) {
	ok := `"checkin": {"pain": 3}`
	tests := []struct {
		in   string
		want string
	}{
		{`{"checkin": {"pain": 11}}`, "checkin.pain: must be between 0 and 10, got 11"},
		{`{"checkin": {"pain": -1}}`, "checkin.pain: must be between 0 and 10, got -1"},
		{`{"checkin": {"pain": 6.5}}`, "checkin.pain: must be a whole number between 0 and 10, got 6.5"},
		{`{"checkin": {}}`, "checkin.pain: is required (today's back pain, 0 to 10)"},
		{`{"checkin": {"pain": null}}`, "checkin.pain: is required (today's back pain, 0 to 10)"},
		{`{}`, "checkin.pain: is required (today's back pain, 0 to 10)"},
		{`null`, "checkin.pain: is required (today's back pain, 0 to 10)"},
		{`{"checkin": {"pain": "6"}}`, "checkin.pain: must be a number, got string"},
		{`{"checkin": {"pain": 1e400}}`, "checkin.pain: number out of range: 1e400"},
		{`{"checkin": {"pain": 3, "session_pain": 12}}`, "checkin.session_pain: must be between 0 and 10, got 12"},
		{`{"checkin": {"pain": 3, "morning_change": -11}}`, "checkin.morning_change: must be between -10 and 10, got -11"},
		{`{"checkin": {"pain": 3, "trend": "up"}}`, `checkin.trend: unknown trend "up" (want rising, flat or falling)`},
		{`{"checkin": {"pain": 3, "red_flags": ["fever", "foo"]}}`,
			`checkin.red_flags[1]: unknown red flag "foo" (want one of ` + backload.RedFlagCodes() + `)`},
		{`{"checkin": {"pain": 3, "red_flags": [7]}}`, "checkin.red_flags[0]: must be a string, got number"},
		{`{"checkin": {"pain": 3, "red_flags": "fever"}}`, "checkin.red_flags: must be a list, got string"},
		{`{"checkin": {"pain": 3, "mood": 2}}`, "checkin.mood: unknown field"},
		{`{"units": "stone", ` + ok + `}`, `units: unknown units "stone" (want kg or lb)`},
		{`{"units": "lbs", ` + ok + `}`, `units: unknown units "lbs" (want kg or lb)`},
		{`{"plate_step": 0, ` + ok + `}`, "plate_step: must be more than 0 and at most 1000 kg, got 0"},
		{`{"plate_step": -2.5, ` + ok + `}`, "plate_step: must be more than 0 and at most 1000 kg, got -2.5"},
		{`{"colour": "red", ` + ok + `}`, "colour: unknown field"},
		{ok, "request: must be an object, got string"},
		{`{` + ok + `} {}`, "malformed JSON at byte 26: unexpected data after the request"},
		{`{` + ok + `}}`, "malformed JSON at byte 25: unexpected data after the request"},
		{`{"checkin": {"pain": 3}`, "malformed JSON at byte 23: the input ends in the middle of a value"},
		{`{"checkin": {"pain": 3},}`, "malformed JSON at byte 25: invalid character '}' looking for beginning of object key string"},
		{``, "request: is empty; want a JSON object"},
		{`[1]`, "request: must be an object, got array"},
		{`{` + ok + `, "session": {}}`, "session: must be a list, got object"},
		{`{` + ok + `, "session": [{"exercise": ""}]}`, "session[0].exercise: must name an exercise"},
		{`{` + ok + `, "session": [null]}`, "session[0].exercise: must name an exercise"},
		{`{` + ok + `, "session": [{"exercise": "Squat", "sets": 0}]}`, "session[0].sets: must be between 1 and 50, got 0"},
		{`{` + ok + `, "session": [{"exercise": "Squat", "reps": 2.5}]}`,
			"session[0].reps: must be a whole number between 0 and 1000, got 2.5"},
		{`{` + ok + `, "session": [{"exercise": "a"}, {"exercise": "b"}, {"exercise": "Squat", "weight": 2500}]}`,
			"session[2].weight: must be between 0 and 1000 kg, got 2500"},
		{`{"units": "lb", ` + ok + `, "session": [{"exercise": "Squat", "weight": 2500}]}`,
			"session[0].weight: must be between 0 and 2204.6 lb, got 2500"},
		{`{` + ok + `, "session": [{"exercise": "Squat", "weight": -20}]}`,
			"session[0].weight: must be between 0 and 1000 kg, got -20"},
		{`{` + ok + `, "session": [{"exercise": "Squat", "rpe": 11}]}`, "session[0].rpe: must be between 0 and 10, got 11"},
		{`{` + ok + `, "session": [{"exercise": "Squat", "seconds": -1}]}`,
			"session[0].seconds: must be between 0 and 86400, got -1"},
		{`{` + ok + `, "session": [{"exercise": "Squat", "load": 5}]}`, "session[0].load: unknown field"},
		{`{` + ok + `, "session": [{"exercise": 5}]}`, "session[0].exercise: must be a string, got number"},
	}
	for _, tt := range tests {
		_, err := backload.DecodeAdaptRequest([]byte(tt.in))
		if err == nil {
			t.Errorf("%s: no error, want %q", tt.in, tt.want)
			continue
		}
		if got := err.Error(); got != tt.want || backload.ErrorCode(err) != backload.EINVALID {
			t.Errorf("%s:\n got %q (%s)\nwant %q", tt.in, got, backload.ErrorCode(err), tt.want)
		}
	}
}

func TestDecodeAdaptRequestLbLimit(t *testing.T) {
	in := `{"units": "lb", "checkin": {"pain": 3}, "session": [{"exercise": "Squat", "weight": 2204.6}]}`
	if _, err := backload.DecodeAdaptRequest([]byte(in)); err != nil {
		t.Errorf("2204.6 lb is under 1000 kg: %v", err)
	}
}

func TestDecodeRampRequest(t *testing.T) {
	req, err := backload.DecodeRampRequest([]byte(`{"units": "kg", "plate_step": 2.5, "start": "2026-11-23",
	  "lifts": [{"exercise": "Deadlift (Barbell)", "from": 80, "to": 160, "sets": 3, "reps": 5},
	            {"exercise": "Leg Press", "to": 200}],
	  "responses": ["green", "amber"]}`))
	if err != nil {
		t.Fatal(err)
	}
	want := backload.RampRequest{Units: "kg", PlateStep: 2.5, Start: time.Date(2026, 11, 23, 0, 0, 0, 0, time.UTC),
		Lifts: []backload.RampLift{{Exercise: "Deadlift (Barbell)", From: 80, To: 160, Sets: 3, Reps: 5},
			{Exercise: "Leg Press", From: 200, To: 200, Sets: 1}},
		Responses: []backload.Zone{backload.Green, backload.Amber}}
	if !reflect.DeepEqual(req, want) {
		t.Errorf("got %+v\nwant %+v", req, want)
	}
	lb, err := backload.DecodeRampRequest([]byte(`{"units": "lb", "lifts": [{"exercise": "x", "to": 100}]}`))
	if err != nil || lb.PlateStep != 5 || !lb.Start.IsZero() {
		t.Errorf("lb defaults: %+v, %v", lb, err)
	}
}

func TestDecodeRampRequestErrors(t *testing.T) {
	lift := `"lifts": [{"exercise": "Deadlift", "from": 80, "to": 160}]`
	tests := []struct {
		in   string
		want string
	}{
		{`{"lifts": []}`, "lifts: must list at least one lift"},
		{`{}`, "lifts: must list at least one lift"},
		{`{"lifts": [{"exercise": "Deadlift", "from": 80, "to": 70}]}`, "lifts[0].to: must not be below from (80)"},
		{`{"lifts": [{"exercise": "Deadlift", "from": 80}]}`, "lifts[0].to: is required (the working weight before the flare)"},
		{`{"lifts": [{"exercise": "Deadlift", "to": 0}]}`, "lifts[0].to: must be more than 0, got 0"},
		{`{"lifts": [{"exercise": "Deadlift", "to": 1500}]}`, "lifts[0].to: must be between 0 and 1000 kg, got 1500"},
		{`{"units": "lb", "lifts": [{"exercise": "Deadlift", "to": 2500}]}`, "lifts[0].to: must be between 0 and 2204.6 lb, got 2500"},
		{`{"lifts": [{"exercise": "Deadlift", "from": -5, "to": 100}]}`, "lifts[0].from: must be between 0 and 1000 kg, got -5"},
		{`{"lifts": [{"exercise": " ", "to": 100}]}`, "lifts[0].exercise: must name an exercise"},
		{`{"lifts": [{"exercise": "Deadlift", "to": 100, "sets": 0}]}`, "lifts[0].sets: must be between 1 and 50, got 0"},
		{`{"lifts": [{"exercise": "Deadlift", "to": 100, "weight": 5}]}`, "lifts[0].weight: unknown field"},
		{`{` + lift + `, "responses": ["green", "green", "green", "yellow"]}`,
			`responses[3]: unknown response "yellow" (want green, amber or red)`},
		{`{` + lift + `, "responses": ["Green"]}`, `responses[0]: unknown response "Green" (want green, amber or red)`},
		{`{` + lift + `, "start": "23/11/2026"}`, `start: must be a date written YYYY-MM-DD, got "23/11/2026"`},
		{`{` + lift + `, "start": "2026-02-30"}`, `start: must be a date written YYYY-MM-DD, got "2026-02-30"`},
		{`{` + lift + `, "start": "2026-11-23T10:00:00Z"}`, `start: must be a date written YYYY-MM-DD, got "2026-11-23T10:00:00Z"`},
		{`{` + lift + `, "start": ""}`, `start: must be a date written YYYY-MM-DD, got ""`},
		{`{` + lift + `, "start": 20261123}`, "start: must be a string, got number"},
		{`{"units": "st", ` + lift + `}`, `units: unknown units "st" (want kg or lb)`},
		{`{` + lift + `, "responses": [` + strings.Repeat(`"green",`, 60) + `"green"]}`,
			"responses: must list at most 52 weeks, got 61"},
		{`{` + lift + `} x`, "malformed JSON at byte 62: unexpected data after the request"},
		{`{"lifts": [}`, "malformed JSON at byte 12: invalid character '}' looking for beginning of value"},
	}
	for _, tt := range tests {
		_, err := backload.DecodeRampRequest([]byte(tt.in))
		if err == nil {
			t.Errorf("%s: no error, want %q", tt.in, tt.want)
			continue
		}
		if got := err.Error(); got != tt.want || backload.ErrorCode(err) != backload.EINVALID {
			t.Errorf("%s:\n got %q (%s)\nwant %q", tt.in, got, backload.ErrorCode(err), tt.want)
		}
	}
}
