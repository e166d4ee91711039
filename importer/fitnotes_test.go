package importer

import (
	"testing"
	"time"

	"github.com/backload/backload"
)

// names lists the exercise names of a session in order.
func names(s backload.Session) []string {
	var n []string
	for _, e := range s.Exercises {
		n = append(n, e.Input)
	}
	return n
}

func TestFitNotes(t *testing.T) {
	res := mustParseFile(t, "fitnotes.csv", testOptions(FormatAuto))
	if res.Format != FormatFitNotes || res.Layout != "fitnotes" {
		t.Fatalf("format %q layout %q", res.Format, res.Layout)
	}
	s := res.Sessions
	if len(s) != 2 {
		t.Fatalf("%d sessions, want one per date", len(s))
	}
	if want := time.Date(2021, 6, 1, 0, 0, 0, 0, time.UTC); !s[0].StartedAt.Equal(want) || s[0].Title != FitNotesTitle {
		t.Errorf("session %v %q", s[0].StartedAt, s[0].Title)
	}
	t.Run("UnquotedCommasInNames", func(t *testing.T) {
		got := names(s[0])
		if len(got) != 3 || got[1] != "Curl, EZ Bar" {
			t.Errorf("day 1 exercises %q", got)
		}
		got = names(s[1])
		if len(got) != 3 || got[0] != "Row, Seated, Cable" || got[1] != "Leg Press" {
			t.Errorf("day 2 exercises %q", got)
		}
	})
	t.Run("Units", func(t *testing.T) {
		curl := s[0].Exercises[1].Sets[0]
		if curl.Unit != backload.Pounds || curl.WeightKg != lb(66) || curl.Reps != 10 {
			t.Errorf("curl %+v", curl)
		}
		if sq := s[0].Exercises[0].Sets[0]; sq.Unit != backload.Kilograms || sq.WeightKg != 100 {
			t.Errorf("squat %+v", sq)
		}
	})
	t.Run("Comments", func(t *testing.T) {
		if n := s[0].Exercises[0].Sets[1].Notes; n != "Felt heavy" {
			t.Errorf("comment %q", n)
		}
		if n := s[1].Exercises[0].Sets[0].Notes; n != "Slow, controlled" {
			t.Errorf("quoted comment %q", n)
		}
		if lp := s[1].Exercises[1].Sets[0]; lp.Notes != "good, slow" || lp.WeightKg != 120 {
			t.Errorf("unquoted comma in the comment: %+v", lp)
		}
	})
	t.Run("TimeAndDistance", func(t *testing.T) {
		if p := s[0].Exercises[2].Sets[0]; p.Seconds != 90 {
			t.Errorf("plank %+v", p)
		}
		if r := s[1].Exercises[2].Sets[0]; r.Seconds != 1200 || r.DistanceM != 2500 {
			t.Errorf("treadmill %+v", r)
		}
	})
}

func TestFitNotesNoComment(t *testing.T) {
	res := mustParseFile(t, "fitnotes-nocomment.csv", testOptions(FormatAuto))
	if res.Layout != "fitnotes (no comment column)" {
		t.Errorf("layout %q", res.Layout)
	}
	s := res.Sessions
	if len(s) != 2 || len(s[0].Exercises) != 2 || s[0].Exercises[1].Input != "Pull Up, Wide Grip" {
		t.Fatalf("sessions %+v", s)
	}
	if pu := s[0].Exercises[1].Sets[0]; pu.WeightKg != 0 || pu.Reps != 8 {
		t.Errorf("zero weight %+v", pu)
	}
}

func TestFitNotesPoundsHeader(t *testing.T) {
	res := mustParseFile(t, "fitnotes-lbs.csv", testOptions(FormatAuto))
	if res.Layout != "fitnotes (Weight (lbs), no unit column, no comment column)" {
		t.Errorf("layout %q", res.Layout)
	}
	b := res.Sessions[0].Exercises[0].Sets
	if len(b) != 2 || b[0].WeightKg != lb(185) || b[1].WeightKg != lb(185) || b[1].Unit != backload.Pounds {
		t.Errorf("bench %+v", b)
	}
}

func TestFitNotesLocation(t *testing.T) {
	loc := time.FixedZone("UTC+10", 10*3600)
	opts := testOptions(FormatFitNotes)
	opts.Location = loc
	res := mustParseFile(t, "fitnotes-nocomment.csv", opts)
	if want := time.Date(2020, 1, 10, 0, 0, 0, 0, loc); !res.Sessions[0].StartedAt.Equal(want) {
		t.Errorf("start %v, want local midnight %v", res.Sessions[0].StartedAt, want)
	}
}
