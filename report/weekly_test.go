package report

import (
	"testing"
	"time"

	"github.com/backload/backload"
)

func TestWeekly(t *testing.T) {
	type want struct {
		start          string
		spinal, volume float64
		byClass        [numClasses]float64
	}
	brisbane := time.FixedZone("AEST", 10*3600)
	tests := []struct {
		name string
		r    Range
		rows []ExerciseRow
		want []want
	}{
		{
			name: "WholeMondayWeeksWithEmptyWeeksKept",
			// From a Wednesday to a Tuesday: widened to Monday 2 March
			// through Sunday 22 March.
			r: span(t, "2026-03-04", "2026-03-17"),
			rows: []ExerciseRow{
				lift(t, "2026-03-16", backload.UpperBody, "bench-press", "Bench", 800, 700, 80, 95),
				lift(t, "2026-03-02", backload.SpinalHeavy, "squat", "Squat", 1200, 1000, 100, 120),
				lift(t, "2026-03-04", backload.LoadedFlexion, "good-morning", "Good Morning", 300, 240, 40, 50),
				lift(t, "2026-03-08", backload.SpineNeutralLower, "leg-press", "Leg Press", 2000, 1800, 150, 180),
				lift(t, "2026-03-01", backload.SpinalHeavy, "squat", "Squat", 999, 999, 100, 120), // the Sunday before
				lift(t, "2026-03-23", backload.SpinalHeavy, "squat", "Squat", 999, 999, 100, 120), // the Monday after
				lift(t, "2026-03-22", "kettlebell-juggling", "", "KB juggling", 50, 50, 10, 12),   // unknown class
				hold(t, "2026-03-16", "front-plank", "Plank", 3, 60),
			},
			want: []want{
				// spinal: 1000 squat + 240 good morning (working sets only);
				// volume: 1200 + 300 + 2000.
				{"2026-03-02", 1240, 3500, [numClasses]float64{1200, 300, 2000, 0, 0, 0}},
				{"2026-03-09", 0, 0, [numClasses]float64{}},
				// 800 bench + 50 of an unknown class, counted as other.
				{"2026-03-16", 0, 850, [numClasses]float64{0, 0, 0, 0, 800, 50}},
			},
		},
		{
			name: "DecimalDustCleaned",
			r:    span(t, "2026-03-02", "2026-03-08"),
			rows: []ExerciseRow{
				lift(t, "2026-03-02", backload.SpinalHeavy, "squat", "Squat", 0.1, 0.1, 0, 0),
				lift(t, "2026-03-03", backload.SpinalHeavy, "squat", "Squat", 0.2, 0.2, 0, 0),
			},
			want: []want{{"2026-03-02", 0.3, 0.3, [numClasses]float64{0.3}}},
		},
		{
			name: "LocalDateReadInItsOwnZone",
			// 01:00 on Monday 9 March in Brisbane is still Sunday 8 March
			// in UTC; the lifter trained on the Monday.
			r: span(t, "2026-03-02", "2026-03-15"),
			rows: []ExerciseRow{{Day: time.Date(2026, 3, 9, 1, 0, 0, 0, brisbane), Class: backload.SpinalHeavy,
				VolumeKg: 500, WorkingVolumeKg: 400}},
			want: []want{
				{"2026-03-02", 0, 0, [numClasses]float64{}},
				{"2026-03-09", 400, 500, [numClasses]float64{500}},
			},
		},
		{
			name: "EmptyRange",
			r:    span(t, "2026-03-08", "2026-03-02"),
			rows: []ExerciseRow{lift(t, "2026-03-04", backload.SpinalHeavy, "squat", "Squat", 100, 100, 0, 0)},
			want: []want{},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := Weekly(tt.rows, tt.r)
			if got == nil || len(got) != len(tt.want) {
				t.Fatalf("got %d weeks (%v), want %d", len(got), got, len(tt.want))
			}
			for i, w := range tt.want {
				g := got[i]
				if !g.Start.Equal(day(t, w.start)) || g.SpinalLoadKg != w.spinal || g.VolumeKg != w.volume || g.ByClass != w.byClass {
					t.Errorf("week %d:\n got %s spinal %v volume %v by class %v\nwant %s spinal %v volume %v by class %v",
						i, g.Start.Format("2006-01-02"), g.SpinalLoadKg, g.VolumeKg, g.ByClass, w.start, w.spinal, w.volume, w.byClass)
				}
			}
		})
	}
}

func TestWeekClassVolume(t *testing.T) {
	w := Week{ByClass: [numClasses]float64{1, 2, 3, 4, 5, 6}}
	for i, c := range backload.Classes {
		if got := w.ClassVolumeKg(c); got != float64(i+1) {
			t.Errorf("ClassVolumeKg(%s) = %v, want %v", c, got, i+1)
		}
	}
	if got := w.ClassVolumeKg("nonsense"); got != 6 {
		t.Errorf("unknown class reads %v, want other's 6", got)
	}
}

func TestSpanAndLastDays(t *testing.T) {
	rows := []ExerciseRow{
		lift(t, "2026-03-10", backload.UpperBody, "", "Bench", 1, 1, 1, 1),
		lift(t, "2026-01-02", backload.UpperBody, "", "Bench", 1, 1, 1, 1),
		lift(t, "2026-02-20", backload.UpperBody, "", "Bench", 1, 1, 1, 1),
	}
	r, ok := Span(rows)
	if !ok || !r.From.Equal(day(t, "2026-01-02")) || !r.To.Equal(day(t, "2026-03-10")) {
		t.Errorf("Span = %v %v", r, ok)
	}
	if _, ok := Span(nil); ok {
		t.Error("Span(nil) is ok")
	}
	l := LastDays(day(t, "2026-03-28"), 28)
	if !l.From.Equal(day(t, "2026-03-01")) || !l.To.Equal(day(t, "2026-03-28")) {
		t.Errorf("LastDays = %v", l)
	}
}

func TestParseDay(t *testing.T) {
	tests := []struct {
		in string
		ok bool
	}{
		{"2026-03-02", true}, {"2024-02-29", true}, {"2026-02-29", false}, {"2026-04-31", false},
		{"2026-3-02", false}, {"2026/03/02", false}, {"2026-13-01", false}, {"2026-00-10", false}, {"", false}, {"2026-03-0x", false},
	}
	for _, tt := range tests {
		d, ok := parseDay(tt.in)
		if ok != tt.ok {
			t.Errorf("parseDay(%q) ok = %v, want %v", tt.in, ok, tt.ok)
			continue
		}
		if ok && !dayTime(d).Equal(day(t, tt.in)) {
			t.Errorf("parseDay(%q) = %v", tt.in, dayTime(d))
		}
	}
	// 1 January 1970 was a Thursday; its Monday was 29 December 1969.
	if m := dayTime(monday(0)); !m.Equal(day(t, "1969-12-29")) {
		t.Errorf("monday(0) = %v", m)
	}
	if m := dayTime(monday(dayOf(day(t, "1960-05-01")))); !m.Equal(day(t, "1960-04-25")) {
		t.Errorf("monday before 1970 = %v", m)
	}
}
