package importer

import (
	"testing"

	"github.com/backload/backload"
)

func TestDecodeSession(t *testing.T) {
	s, err := DecodeSession([]byte(`{"started_at": "2026-01-13T06:53:00Z", "title": "Lower",
		"exercises": [{"input": "Squat (Barbell)", "sets": [{"kind": "working", "weight_kg": 100, "reps": 5}]}]}`), testClassify)
	if err != nil {
		t.Fatal(err)
	}
	if s.Source != "api" || s.Title != "Lower" || s.Exercises[0].Class == "" || s.Exercises[0].Sets[0].WeightKg != 100 {
		t.Errorf("decoded %+v", s)
	}
	for body, field := range map[string]string{
		`{"title": "x"}`: "started_at",
		`{"started_at": "2026-01-13T06:53:00Z", "exercises": [{"input": "Squat", "sets": [{"kind": "heavy"}]}]}`:                      "exercises[0].sets[0].kind",
		`{"started_at": "2026-01-13T06:53:00Z", "exercises": [{"input": "Squat", "sets": [{"weight_kg": -1}]}]}`:                      "exercises[0].sets[0].kind",
		`{"started_at": "2026-01-13T06:53:00Z", "exercises": [{"input": "", "sets": []}]}`:                                            "exercises[0].input",
		`{"started_at": "2026-01-13T06:53:00Z", "bogus": 1}`:                                                                          "body",
		`{"started_at": "2026-01-13T06:53:00Z"} {}`:                                                                                   "session",
		`{"started_at": "2026-01-13T06:53:00Z", "exercises": [{"input": "Squat", "sets": [{"kind": "working", "weight_kg": 5000}]}]}`: "exercises[0].sets[0].weight_kg",
	} {
		_, err := DecodeSession([]byte(body), testClassify)
		var e *backload.Error
		if err == nil || backload.ErrorCode(err) != backload.EINVALID {
			t.Errorf("%s: err %v, want EINVALID", body, err)
			continue
		}
		if e = err.(*backload.Error); e.Field != field {
			t.Errorf("%s: field %q (%v), want %q", body, e.Field, err, field)
		}
	}
}

// FuzzDecodeSession checks that any body either decodes to a session whose
// values are in range or fails with EINVALID, and never panics.
func FuzzDecodeSession(f *testing.F) {
	f.Add([]byte(`{"started_at": "2026-01-13T06:53:00Z", "title": "Lower", "exercises": [{"input": "Squat (Barbell)", "sets": [{"kind": "working", "weight_kg": 100, "reps": 5}]}]}`))
	f.Add([]byte(`{"started_at": "2026-01-13T06:53:00Z"}`))
	f.Add([]byte(`{}`))
	f.Add([]byte(`[`))
	f.Fuzz(func(t *testing.T, data []byte) {
		s, err := DecodeSession(data, testClassify)
		if err != nil {
			if backload.ErrorCode(err) != backload.EINVALID {
				t.Fatalf("%q: %v is not EINVALID", data, err)
			}
			return
		}
		for _, e := range s.Exercises {
			if !e.Class.Valid() {
				t.Fatalf("%q: class %q", data, e.Class)
			}
			for _, x := range e.Sets {
				if !x.Kind.Valid() || x.WeightKg < 0 || x.WeightKg > 1000 || x.Reps < 0 {
					t.Fatalf("%q: set %+v out of range", data, x)
				}
			}
		}
	})
}
