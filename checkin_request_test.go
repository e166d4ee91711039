package backload_test

import (
	"testing"

	"github.com/backload/backload"
)

func TestDecodeDailyCheckIn(t *testing.T) {
	d, err := backload.DecodeDailyCheckIn([]byte(`{"date": "2026-11-23", "pain": 6, "session_pain": 4, "morning_change": -1, "red_flags": ["night-pain"], "note": "stiff"}`))
	if err != nil {
		t.Fatal(err)
	}
	if d.Date != "2026-11-23" || d.Pain != 6 || d.SessionPain != 4 || d.MorningChange != -1 || d.Note != "stiff" || len(d.RedFlags) != 1 {
		t.Errorf("decoded %+v", d)
	}
	for body, field := range map[string]string{
		`{}`:                                     "pain",
		`{"pain": 11}`:                           "pain",
		`{"pain": 2, "session_pain": -1}`:        "session_pain",
		`{"pain": 2, "red_flags": ["headache"]}`: "red_flags[0]",
		`{"pain": 2, "date": "23.11.2026"}`:      "date",
		`{"pain": 2, "date": 5}`:                 "date",
		`{"pain": 2, "mood": "ok"}`:              "",
		`[1]`:                                    "body",
	} {
		_, err := backload.DecodeDailyCheckIn([]byte(body))
		e, ok := err.(*backload.Error)
		if !ok || e.Code != backload.EINVALID || (field != "" && e.Field != field) {
			t.Errorf("%s: %v (field %q), want EINVALID on %q", body, err, fieldOf(err), field)
		}
	}
}

func fieldOf(err error) string {
	if e, ok := err.(*backload.Error); ok {
		return e.Field
	}
	return ""
}

// FuzzDecodeDailyCheckIn checks that any body either decodes to a valid
// check-in or fails with EINVALID, and never panics.
func FuzzDecodeDailyCheckIn(f *testing.F) {
	for _, s := range []string{`{"pain": 3}`, `{"date": "2026-11-23", "pain": 6, "session_pain": 4, "morning_change": -1, "red_flags": ["night-pain"], "note": "x"}`,
		`{}`, `[]`, `{"pain": 11}`, `{"pain": 2, "trend": "rising"}`, "\xff"} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		d, err := backload.DecodeDailyCheckIn(data)
		if err != nil {
			if backload.ErrorCode(err) != backload.EINVALID {
				t.Fatalf("%q: %v is not EINVALID", data, err)
			}
			return
		}
		if d.Pain < 0 || d.Pain > 10 || d.SessionPain < 0 || d.SessionPain > 10 || d.MorningChange < -10 || d.MorningChange > 10 {
			t.Fatalf("%q decoded out of range: %+v", data, d)
		}
		for _, fl := range d.RedFlags {
			if !fl.Valid() {
				t.Fatalf("%q: unknown flag %q accepted", data, fl)
			}
		}
	})
}
