package importer

import (
	"reflect"
	"testing"
	"time"

	"github.com/backload/backload"
)

// kinds lists the kinds of an exercise's sets, in order.
func kinds(e backload.ExerciseLog) []backload.SetKind {
	var k []backload.SetKind
	for _, s := range e.Sets {
		k = append(k, s.Kind)
	}
	return k
}

func TestStrongClassicKg(t *testing.T) {
	res := mustParseFile(t, "strong-classic-kg.csv", testOptions(FormatAuto))
	if res.Format != FormatStrong || res.Layout != "strong classic (comma, no unit column)" {
		t.Fatalf("format %q layout %q", res.Format, res.Layout)
	}
	sessions, sets, warmups, _ := counts(res)
	if sessions != 4 || sets != 13 || warmups != 1 {
		t.Fatalf("sessions %d sets %d warm-ups %d, want 4, 13, 1", sessions, sets, warmups)
	}
	s := res.Sessions
	t.Run("SessionIsStartPlusName", func(t *testing.T) {
		// Two sessions start at 18:30 on the same day; a third that day.
		var titles []string
		for _, x := range s {
			titles = append(titles, x.StartedAt.Format("01-02 15:04 ")+x.Title)
		}
		want := []string{"03-04 07:05 Morning A", "03-04 18:30 Evening B", "03-04 18:30 Evening Mobility", "03-06 07:00 Morning A"}
		if !reflect.DeepEqual(titles, want) {
			t.Errorf("sessions %q, want %q", titles, want)
		}
	})
	t.Run("Duration", func(t *testing.T) {
		if s[0].DurationSec != 3780 || s[1].DurationSec != 2700 || s[3].DurationSec != 7200 {
			t.Errorf("durations %d %d %d, want 3780 2700 7200", s[0].DurationSec, s[1].DurationSec, s[3].DurationSec)
		}
	})
	sq := s[0].Exercises[0]
	t.Run("KindsAndOrder", func(t *testing.T) {
		want := []backload.SetKind{backload.WarmUp, backload.Working, backload.Working, backload.Working, backload.Drop}
		if got := kinds(sq); !reflect.DeepEqual(got, want) {
			t.Errorf("squat kinds %v, want %v", got, want)
		}
		if got := kinds(s[0].Exercises[2]); !reflect.DeepEqual(got, []backload.SetKind{backload.Working, backload.Failure}) {
			t.Errorf("pull-up kinds %v", got)
		}
	})
	t.Run("FloatNoiseAndReps", func(t *testing.T) {
		if sq.Sets[1].WeightKg != 150 {
			t.Errorf("149.99999999999997 read as %v, want 150", sq.Sets[1].WeightKg)
		}
		if sq.Sets[3].Reps != 8 || sq.Sets[4].Reps != 10 {
			t.Errorf("reps 8.0 and 10.0 read as %d and %d", sq.Sets[3].Reps, sq.Sets[4].Reps)
		}
	})
	t.Run("RPE", func(t *testing.T) {
		if sq.Sets[1].RPE != 8 || sq.Sets[2].RPE != 9.5 || sq.Sets[0].RPE != 0 {
			t.Errorf("RPE %v %v %v, want 8 9.5 0", sq.Sets[1].RPE, sq.Sets[2].RPE, sq.Sets[0].RPE)
		}
	})
	t.Run("ZeroWeightAndHolds", func(t *testing.T) {
		plank := s[0].Exercises[1]
		if plank.Sets[0].WeightKg != 0 || plank.Sets[0].Seconds != 60 {
			t.Errorf("plank %+v", plank.Sets[0])
		}
		if pu := s[0].Exercises[2].Sets[0]; pu.WeightKg != 0 || pu.Reps != 8 {
			t.Errorf("pull-up %+v", pu)
		}
	})
	t.Run("Notes", func(t *testing.T) {
		if s[0].Notes != "Slept badly\nback ok" {
			t.Errorf("workout notes %q", s[0].Notes)
		}
		if sq.Notes != "Belt on, felt fine" {
			t.Errorf("exercise notes %q", sq.Notes)
		}
		if n := s[0].Exercises[1].Notes; n != "Keep ribs down" {
			t.Errorf("Note row text %q, want it on the plank", n)
		}
	})
	t.Run("Skipped", func(t *testing.T) {
		want := []Skip{{6, restTimerRow}, {10, noteRow}, {13, "blank line"}}
		if !reflect.DeepEqual(res.Skipped, want) {
			t.Errorf("skipped %v, want %v", res.Skipped, want)
		}
	})
	t.Run("UnitAndDistance", func(t *testing.T) {
		run := s[3].Exercises[1].Sets[0]
		if run.DistanceM != 5200 || run.Seconds != 1500 || run.Unit != backload.Kilograms {
			t.Errorf("run %+v", run)
		}
	})
	t.Run("Classified", func(t *testing.T) {
		if sq.ExerciseID != "barbell-back-squat" || sq.Class != backload.SpinalHeavy {
			t.Errorf("squat classified %q %q", sq.ExerciseID, sq.Class)
		}
		if cc := s[2].Exercises[0]; cc.ExerciseID != "" || cc.Class != backload.Other || cc.Input != "Cat Cow" {
			t.Errorf("cat cow %+v", cc)
		}
	})
}

func TestStrongClassicPounds(t *testing.T) {
	opts := testOptions(FormatStrong)
	opts.Unit = backload.Pounds
	ny, _ := time.LoadLocation("America/New_York")
	if ny == nil {
		ny = time.FixedZone("EST", -5*3600)
	}
	opts.Location = ny
	res := mustParseFile(t, "strong-classic-lb.csv", opts)
	s := res.Sessions
	if len(s) != 2 {
		t.Fatalf("%d sessions, want 2", len(s))
	}
	// 12-hour times, with U+202F before PM and a lower-case am.
	if got := s[0].StartedAt; !got.Equal(mustTime(t, "2023-11-02 18:15:00", ny)) {
		t.Errorf("start %v", got)
	}
	if got := s[1].StartedAt; !got.Equal(mustTime(t, "2023-11-03 07:02:13", ny)) {
		t.Errorf("start %v", got)
	}
	set := s[0].Exercises[0].Sets[0]
	if set.Unit != backload.Pounds || set.WeightKg != lb(135) {
		t.Errorf("134.99999999999997 lb read as %v kg in %q, want 135 lb = %v kg", set.WeightKg, set.Unit, lb(135))
	}
	if w := s[1].Exercises[0].Sets; w[0].Kind != backload.WarmUp || w[1].WeightKg != lb(185) {
		t.Errorf("bench %+v", w)
	}
}

func TestStrongClassicNoNotes(t *testing.T) {
	res := mustParseFile(t, "strong-classic-nonotes.csv", testOptions(FormatAuto))
	if res.Layout != "strong classic (comma, no unit column, no notes columns)" {
		t.Errorf("layout %q", res.Layout)
	}
	if _, sets, _, vol := counts(res); sets != 4 || vol != 75*8*2+70*8 {
		t.Errorf("sets %d volume %v", sets, vol)
	}
	if d := res.Sessions[0].DurationSec; d != 3780 {
		t.Errorf("duration in seconds read as %d", d)
	}
	if r := res.Sessions[1].Exercises[0].Sets[0].RPE; r != 7.5 {
		t.Errorf("RPE %v", r)
	}
}

func TestStrongSemicolon(t *testing.T) {
	res := mustParseFile(t, "strong-semicolon.csv", testOptions(FormatAuto))
	if res.Format != FormatStrong || res.Layout != "strong (semicolon, unit column)" {
		t.Fatalf("format %q layout %q", res.Format, res.Layout)
	}
	s := res.Sessions
	if len(s) != 2 {
		t.Fatalf("%d sessions", len(s))
	}
	dl := s[0].Exercises[0].Sets
	if dl[0].Kind != backload.WarmUp || dl[1].WeightKg != 102.5 || dl[1].RPE != 8.5 {
		t.Errorf("deadlift %+v %+v (decimal commas)", dl[0], dl[1])
	}
	if dl[2].Unit != backload.Pounds || dl[2].WeightKg != lb(225) || dl[1].Unit != backload.Kilograms {
		t.Errorf("unit column: %+v", dl[2])
	}
	row := s[0].Exercises[1].Sets[0]
	if row.DistanceM != 2500 || row.Seconds != 600 || row.WeightKg != 0 || row.Reps != 0 {
		t.Errorf("rowing %+v", row)
	}
	if s[1].Notes != "Back felt good" {
		t.Errorf("notes %q", s[1].Notes)
	}
}

func TestStrongAndroid(t *testing.T) {
	res := mustParseFile(t, "strong-android.csv", testOptions(FormatAuto))
	if res.Format != FormatStrong || res.Layout != "strong android (semicolon, quoted, Weight (kg))" {
		t.Fatalf("format %q layout %q", res.Format, res.Layout)
	}
	sessions, sets, warmups, _ := counts(res)
	if sessions != 2 || sets != 9 || warmups != 2 {
		t.Fatalf("sessions %d sets %d warm-ups %d", sessions, sets, warmups)
	}
	s := res.Sessions
	if s[0].DurationSec != 3600 || s[1].DurationSec != 3000 {
		t.Errorf("durations %d %d", s[0].DurationSec, s[1].DurationSec)
	}
	want := []backload.SetKind{backload.WarmUp, backload.Working, backload.Failure, backload.Drop}
	if got := kinds(s[0].Exercises[0]); !reflect.DeepEqual(got, want) {
		t.Errorf("WARM_UP/FAILURE/DROP read as %v", got)
	}
	want = []backload.SetKind{backload.WarmUp, backload.Working, backload.Drop, backload.Failure}
	if got := kinds(s[1].Exercises[0]); !reflect.DeepEqual(got, want) {
		t.Errorf("W/D/F read as %v", got)
	}
	if w := s[1].Exercises[0].Sets[1].WeightKg; w != 140 {
		t.Errorf("140.00000000000003 read as %v", w)
	}
	if r := s[0].Exercises[1].Sets[0]; r.DistanceM != 2000 || r.Seconds != 480 {
		t.Errorf("rowing in meters %+v", r)
	}
	if len(res.Skipped) != 1 || res.Skipped[0].Line != 6 {
		t.Errorf("skipped %v, want the Rest Timer on line 6", res.Skipped)
	}
}

func TestStrongKind(t *testing.T) {
	for _, tc := range []struct {
		in     string
		kind   backload.SetKind
		pseudo string
		ok     bool
	}{
		{"1", backload.Working, "", true},
		{"12", backload.Working, "", true},
		{"1.0", backload.Working, "", true},
		{"W", backload.WarmUp, "", true},
		{"w", backload.WarmUp, "", true},
		{"WARM_UP", backload.WarmUp, "", true},
		{"W2", backload.WarmUp, "", true},
		{"D", backload.Drop, "", true},
		{"DROP", backload.Drop, "", true},
		{"F", backload.Failure, "", true},
		{"FAILURE", backload.Failure, "", true},
		{"Rest Timer", "", restTimerRow, true},
		{"Note", "", noteRow, true},
		{"", backload.Working, "", true},
		{"X", "", "", false},
		{"-1", "", "", false},
		{"superset", "", "", false},
	} {
		k, p, ok := strongKind(tc.in)
		if k != tc.kind || p != tc.pseudo || ok != tc.ok {
			t.Errorf("strongKind(%q) = %q, %q, %v; want %q, %q, %v", tc.in, k, p, ok, tc.kind, tc.pseudo, tc.ok)
		}
	}
}

func TestNoteRowBeforeItsExercise(t *testing.T) {
	const in = "Date,Workout Name,Duration,Exercise Name,Set Order,Weight,Reps,Distance,Seconds,Notes,Workout Notes,RPE\n" +
		"2024-01-01 08:00:00,A,1h,Plank,Note,0,0,0,0,Brace,,\n" +
		"2024-01-01 08:00:00,A,1h,Plank,1,0,0,0,45,,,\n"
	res := mustParse(t, in, Options{})
	if e := res.Sessions[0].Exercises[0]; e.Notes != "Brace" || len(e.Sets) != 1 {
		t.Errorf("plank %+v", e)
	}
}

func TestClassifyOncePerName(t *testing.T) {
	clear(classifyCalls)
	mustParseFile(t, "strong-classic-kg.csv", testOptions(FormatStrong))
	if n := classifyCalls["Squat (Barbell)"]; n != 1 {
		t.Errorf("Classify called %d times for one name", n)
	}
}
