package backload_test

import (
	"encoding/json"
	"errors"
	"math"
	"strings"
	"testing"

	"github.com/backload/backload"
)

var adaptSeeds = []string{
	`{"units": "kg", "plate_step": 2.5,
	 "checkin": {"pain": 6, "session_pain": 4, "morning_change": 1, "trend": "rising", "red_flags": []},
	 "session": [{"exercise": "Squat (Barbell)", "sets": 5, "reps": 5, "weight": 140},
	             {"exercise": "Plank", "sets": 3, "seconds": 30}]}`,
	`{"checkin": {"pain": 2}, "session": [{"exercise": "Deadlift (Barbell)", "sets": 3, "reps": 5, "weight": 180, "rpe": 8.5}]}`,
	`{"units": "lb", "checkin": {"pain": 4, "trend": "flat"}, "session": [{"exercise": "Good Morning (Barbell)", "sets": 3, "reps": 8, "weight": 135}, {"exercise": "Cable Crunch", "sets": 3, "reps": 12, "weight": 60}]}`,
	`{"units": "kg", "plate_step": 1.25, "checkin": {"pain": 5, "morning_change": 3}, "session": [{"exercise": "Leg Press", "sets": 4, "reps": 10, "weight": 201}, {"exercise": "Box Jump", "sets": 3, "reps": 5}]}`,
	`{"plate_step": 2, "checkin": {"pain": 9}, "session": [{"exercise": "Squat (Barbell)", "sets": 5, "reps": 5, "weight": 143}, {"exercise": "Walking", "seconds": 900}]}`,
	`{"checkin": {"pain": 3, "red_flags": ["saddle-numbness", "fever"]}, "session": []}`,
	`{"checkin": {"pain": 3, "red_flags": ["night-pain"]}}`,
	`{"checkin": {"pain": 11}}`,
	`{"checkin": {"pain": 6.5}}`,
	`{"checkin": {}}`,
	`{"checkin": {"pain": 1, "red_flags": ["foo"]}}`,
	`{"units": "stone", "checkin": {"pain": 1}}`,
	`{"checkin": {"pain": 1}, "session": [{"exercise": "Squat", "weight": 2500}]}`,
	`{"checkin": {"pain": 1}, "session": [{"exercise": "Squat", "weight": -1}]}`,
	`{"checkin": {"pain": 1}} trailing`,
	`{"checkin": {"pain": 1e400}}`,
	`{"checkin": {"pain": 1, "extra": true}}`,
	`{"checkin": {"pain": 1}, "session": [null, 1, "x"]}`,
	`[]`, `null`, ``, `{`, `"\u0000"`, `{"a\nb": 1}`,
	// Plate steps far finer than the weight, where rounding meets float
	// resolution: the result must still never exceed the cap.
	`{"plate_step": 1e-7, "checkin": {"pain": 6}, "session": [{"exercise": "Squat (Barbell)", "weight": 9e-7}]}`,
	`{"plate_step": 5e-324, "checkin": {"pain": 4}, "session": [{"exercise": "Squat (Barbell)", "weight": 999.99}]}`,
	`{"plate_step": 1000, "checkin": {"pain": 6}, "session": [{"exercise": "Leg Press", "weight": 999}]}`,
}

var rampSeeds = []string{
	`{"units": "kg", "plate_step": 2.5, "start": "2026-11-23", "lifts": [{"exercise": "Deadlift (Barbell)", "from": 80, "to": 160, "sets": 3, "reps": 5}], "responses": ["green", "amber"]}`,
	`{"units": "lb", "lifts": [{"exercise": "Squat (Barbell)", "from": 135, "to": 315, "sets": 5, "reps": 5}, {"exercise": "Bench Press", "from": 185, "to": 225, "sets": 3, "reps": 8}], "responses": ["red", "green", "red", "amber"]}`,
	`{"plate_step": 1.25, "lifts": [{"exercise": "Leg Press", "to": 200, "sets": 4, "reps": 10}]}`,
	`{"plate_step": 5, "lifts": [{"exercise": "Deadlift (Barbell)", "from": 20, "to": 20}]}`,
	`{"plate_step": 0.001, "lifts": [{"exercise": "Deadlift (Barbell)", "from": 0, "to": 999.999}]}`,
	`{"plate_step": 1000, "lifts": [{"exercise": "Deadlift (Barbell)", "from": 0.1, "to": 0.2}]}`,
	`{"lifts": []}`,
	`{"lifts": [{"exercise": "Deadlift", "from": 80, "to": 70}]}`,
	`{"lifts": [{"exercise": "Deadlift", "to": 100}], "responses": ["yellow"]}`,
	`{"lifts": [{"exercise": "Deadlift", "to": 100}], "start": "23/11/2026"}`,
	`{"lifts": [{"exercise": "Deadlift", "to": 100}], "start": "2026-02-29"}`,
	`{"lifts": [{"exercise": "Deadlift", "to": 1e309}]}`,
	`{"plate_step": 5e-324, "lifts": [{"exercise": "Deadlift (Barbell)", "from": 1e-300, "to": 1000}]}`,
	`{"plate_step": 1e-9, "lifts": [{"exercise": "Deadlift (Barbell)", "to": 1e-7}]}`,
	`{"lifts": [{}]}`, `{"lifts": null}`, `[]`, ``, `{"lifts": [{"exercise": "x", "to": 1}]} {}`,
}

// checkDecodeError fails unless err is a one-line EINVALID *Error.
func checkDecodeError(t *testing.T, err error) {
	t.Helper()
	var e *backload.Error
	if !errors.As(err, &e) || e.Code != backload.EINVALID {
		t.Fatalf("error %v (%T) is not an EINVALID *Error", err, err)
	}
	if msg := err.Error(); msg == "" || strings.ContainsAny(msg, "\n\r") {
		t.Fatalf("error message %q is empty or spans lines", msg)
	}
}

func FuzzDecodeAdaptRequest(f *testing.F) {
	for _, s := range adaptSeeds {
		f.Add([]byte(s))
	}
	cat, p := newFakeCatalog(), backload.DefaultPolicy()
	f.Fuzz(func(t *testing.T, data []byte) {
		req, err := backload.DecodeAdaptRequest(data)
		if err != nil {
			checkDecodeError(t, err)
			return
		}
		resp, err := backload.Adapt(req, cat, p)
		if err != nil {
			t.Fatalf("Adapt of a decoded request: %v", err)
		}
		if _, err := json.Marshal(resp); err != nil {
			t.Fatalf("marshal: %v", err)
		}
		if resp.Items == nil || len(resp.Messages) == 0 {
			t.Fatalf("items %v, messages %v", resp.Items, resp.Messages)
		}
		if resp.Status == backload.StatusSeeClinician && (len(resp.Items) != 0 || resp.Urgency == "") {
			t.Fatalf("red flag response %+v", resp)
		}
		for _, it := range resp.Items {
			if it.Why == "" || math.IsNaN(it.Weight) || it.Weight < 0 || it.Sets < 0 {
				t.Fatalf("bad item %+v", it)
			}
			if it.Class.LoadsSpine() && it.Action != backload.ActionKeep && it.Weight > it.Planned.Weight {
				t.Fatalf("spinal item heavier than planned: %+v", it)
			}
			if resp.Status == backload.StatusRecover && it.Sets > 0 && it.Weight > 0 {
				t.Fatalf("loaded item on a recovery day: %+v", it)
			}
		}
	})
}

func FuzzDecodeRampRequest(f *testing.F) {
	for _, s := range rampSeeds {
		f.Add([]byte(s))
	}
	cat, p := newFakeCatalog(), backload.DefaultPolicy()
	f.Fuzz(func(t *testing.T, data []byte) {
		req, err := backload.DecodeRampRequest(data)
		if err != nil {
			checkDecodeError(t, err)
			return
		}
		resp, err := backload.Ramp(req, cat, p)
		if err != nil {
			t.Fatalf("Ramp of a decoded request: %v", err)
		}
		if _, err := json.Marshal(resp); err != nil {
			t.Fatalf("marshal: %v", err)
		}
		last := resp.Weeks[len(resp.Weeks)-1]
		for i, l := range req.Lifts {
			if last.Lifts[i].Weight != l.To {
				t.Fatalf("lift %d ends at %v, want %v", i, last.Lifts[i].Weight, l.To)
			}
			for _, w := range resp.Weeks {
				if got := w.Lifts[i].Weight; got > l.To || got < 0 || math.IsNaN(got) {
					t.Fatalf("lift %d week %d at %v, to %v", i, w.Week, got, l.To)
				}
			}
		}
	})
}
