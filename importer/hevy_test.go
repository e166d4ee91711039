package importer

import (
	"reflect"
	"testing"
	"time"

	"github.com/backload/backload"
)

func TestHevyKg(t *testing.T) {
	res := mustParseFile(t, "hevy-kg.csv", testOptions(FormatAuto))
	if res.Format != FormatHevy || res.Layout != "hevy (kg)" {
		t.Fatalf("format %q layout %q (byte-order mark?)", res.Format, res.Layout)
	}
	sessions, sets, warmups, _ := counts(res)
	if sessions != 2 || sets != 9 || warmups != 2 {
		t.Fatalf("sessions %d sets %d warm-ups %d", sessions, sets, warmups)
	}
	s := res.Sessions
	t.Run("NewestFirstRowsOldestFirstSessions", func(t *testing.T) {
		if s[0].Title != "Legs" || s[1].Title != "Push" {
			t.Errorf("order %q, %q", s[0].Title, s[1].Title)
		}
		if want := time.Date(2025, 9, 15, 7, 48, 0, 0, time.UTC); !s[0].StartedAt.Equal(want) {
			t.Errorf("start %v, want %v", s[0].StartedAt, want)
		}
		if s[0].DurationSec != 67*60 {
			t.Errorf("duration %d, want from end_time", s[0].DurationSec)
		}
	})
	t.Run("SetTypes", func(t *testing.T) {
		want := []backload.SetKind{backload.WarmUp, backload.Working, backload.Drop}
		if got := kinds(s[1].Exercises[0]); !reflect.DeepEqual(got, want) {
			t.Errorf("bench %v", got)
		}
		if got := kinds(s[1].Exercises[1]); !reflect.DeepEqual(got, []backload.SetKind{backload.Working, backload.Failure}) {
			t.Errorf("dips %v", got)
		}
	})
	t.Run("RPEHalf", func(t *testing.T) {
		if r := s[1].Exercises[0].Sets[1].RPE; r != 9.5 {
			t.Errorf("RPE %v, want 9.5", r)
		}
	})
	t.Run("BodyweightEmptyWeight", func(t *testing.T) {
		d := s[1].Exercises[1].Sets[0]
		if d.WeightKg != 0 || d.Reps != 12 {
			t.Errorf("dips %+v", d)
		}
	})
	t.Run("HoldsAndDistance", func(t *testing.T) {
		if p := s[0].Exercises[1].Sets[0]; p.Seconds != 60 {
			t.Errorf("plank %+v", p)
		}
		if r := s[0].Exercises[2].Sets[0]; r.DistanceM != 1500 || r.Seconds != 600 {
			t.Errorf("treadmill %+v", r)
		}
	})
	t.Run("Notes", func(t *testing.T) {
		if s[0].Notes != "Back a bit stiff" || s[0].Exercises[0].Notes != "Low bar" {
			t.Errorf("notes %q %q", s[0].Notes, s[0].Exercises[0].Notes)
		}
		if n := s[0].Exercises[0].Sets[1].Notes; n != "" {
			t.Errorf("repeated exercise note copied to the set: %q", n)
		}
	})
}

func TestHevyPounds(t *testing.T) {
	res := mustParseFile(t, "hevy-lb.csv", testOptions(FormatAuto))
	if res.Format != FormatHevy || res.Layout != "hevy (lb)" {
		t.Fatalf("format %q layout %q", res.Format, res.Layout)
	}
	s := res.Sessions
	if len(s) != 2 || s[0].Title != "Cardio" {
		t.Fatalf("sessions %+v", s)
	}
	if want := time.Date(2026, 7, 5, 10, 21, 0, 0, time.UTC); !s[1].StartedAt.Equal(want) {
		t.Errorf("start %v, want %v (the 2026 date format)", s[1].StartedAt, want)
	}
	if want := time.Date(2026, 7, 3, 18, 5, 0, 0, time.UTC); !s[0].StartedAt.Equal(want) {
		t.Errorf("start %v, want %v (PM)", s[0].StartedAt, want)
	}
	dl := s[1].Exercises[0].Sets
	if dl[1].WeightKg != lb(315) || dl[1].Unit != backload.Pounds || dl[1].RPE != 9.5 {
		t.Errorf("deadlift %+v, want 315 lb", dl[1])
	}
	if r := s[0].Exercises[0].Sets[0]; r.DistanceM != 4988.966 {
		t.Errorf("3.1 miles read as %v m", r.DistanceM)
	}
	if s[1].DurationSec != 69*60 {
		t.Errorf("duration %d", s[1].DurationSec)
	}
}

func TestHevyDateFormats(t *testing.T) {
	for in, want := range map[string]time.Time{
		"15 Sep 2025, 07:48":         time.Date(2025, 9, 15, 7, 48, 0, 0, time.UTC),
		"5 Sep 2025, 17:48":          time.Date(2025, 9, 5, 17, 48, 0, 0, time.UTC),
		"Jul 5, 2026, 10:21 AM":      time.Date(2026, 7, 5, 10, 21, 0, 0, time.UTC),
		"Jul 5, 2026, 12:05 AM":      time.Date(2026, 7, 5, 0, 5, 0, 0, time.UTC),
		"Jul 5, 2026, 10:21 pm":      time.Date(2026, 7, 5, 22, 21, 0, 0, time.UTC),
		"Dec 31, 2025, 9:00\u202fPM": time.Date(2025, 12, 31, 21, 0, 0, 0, time.UTC),
		"2026-07-05 10:21:00":        time.Date(2026, 7, 5, 10, 21, 0, 0, time.UTC),
	} {
		got, err := parseDate(in, hevyLayouts, time.UTC)
		if err != nil || !got.Equal(want) {
			t.Errorf("parseDate(%q) = %v, %v; want %v", in, got, err, want)
		}
	}
}
