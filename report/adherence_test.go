package report

import (
	"testing"

	"github.com/backload/backload"
)

// plan builds a ramp of weeks starting on the dates, each with squat and
// leg press at the weights given in pairs.
func plan(starts []string, weights ...float64) backload.RampResponse {
	var r backload.RampResponse
	for i, s := range starts {
		r.Weeks = append(r.Weeks, backload.RampWeek{Week: i + 1, Starts: s, Lifts: []backload.RampedLift{
			{Input: "Squat", Exercise: "squat-barbell", Class: backload.SpinalHeavy, Weight: weights[2*i], Sets: 3, Reps: 5},
			{Input: "Leg Press", Class: backload.SpineNeutralLower, Weight: weights[2*i+1], Sets: 3, Reps: 10},
		}})
	}
	return r
}

func TestAdherence(t *testing.T) {
	type want struct {
		planned, done int
		upcoming      bool
		best          [2]float64
	}
	sq := func(date string, top float64) ExerciseRow {
		return lift(t, date, backload.SpinalHeavy, "squat-barbell", "Back squat", 1, 1, top, 0)
	}
	lp := func(date string, top float64) ExerciseRow {
		return lift(t, date, backload.SpineNeutralLower, "", " leg press ", 1, 1, top, 0)
	}
	warmUpOnly := sq("2026-03-05", 0)
	warmUpOnly.WorkingSets = 0
	tests := []struct {
		name string
		plan backload.RampResponse
		unit backload.Unit
		rows []ExerciseRow
		want []want
	}{
		{
			name: "PlannedAgainstDone",
			// Ramp weeks start on Wednesdays.
			plan: plan([]string{"2026-03-04", "2026-03-11", "2026-03-18"}, 60, 100, 70, 110, 80, 120),
			rows: []ExerciseRow{
				sq("2026-03-03", 100),  // the day before the plan
				sq("2026-03-04", 60),   // exactly as planned
				lp("2026-03-06", 99.5), // 0.5 kg under: done (matched by name, any case)
				sq("2026-03-11", 69.4), // 0.6 kg under: not done
				lp("2026-03-17", 112),  // the last day of week 2
				{Day: day(t, "2026-03-12"), Class: backload.SpinalHeavy, ExerciseID: "squat-barbell", Sets: 2}, // warm-ups only
			},
			want: []want{
				{2, 2, false, [2]float64{60, 99.5}},
				{2, 1, false, [2]float64{69.4, 112}},
				{2, 0, true, [2]float64{0, 0}}, // starts after today, 17 March
			},
		},
		{
			name: "PlanInPounds",
			plan: plan([]string{"2026-03-04"}, 135, 225), // 61.23 kg and 102.06 kg
			unit: backload.Pounds,
			rows: []ExerciseRow{sq("2026-03-05", 61.25), lp("2026-03-05", 101.5)},
			want: []want{{2, 1, false, [2]float64{61.25, 101.5}}},
		},
		{
			name: "BodyweightPlanDoneByAnyWorkingSet",
			plan: plan([]string{"2026-03-04"}, 0, 100),
			rows: []ExerciseRow{sq("2026-03-05", 0)},
			want: []want{{2, 1, false, [2]float64{}}},
		},
		{
			name: "WarmUpsAreNotDone",
			plan: plan([]string{"2026-03-04"}, 0, 100),
			rows: []ExerciseRow{warmUpOnly},
			want: []want{{2, 0, false, [2]float64{}}},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := Adherence(tt.plan, tt.unit, tt.rows, day(t, "2026-03-17"))
			if err != nil {
				t.Fatal(err)
			}
			if len(got) != len(tt.want) {
				t.Fatalf("got %d weeks, want %d", len(got), len(tt.want))
			}
			for i, w := range tt.want {
				g := got[i]
				best := [2]float64{g.Lifts[0].BestKg, g.Lifts[1].BestKg}
				if g.Week != i+1 || g.Planned != w.planned || g.Done != w.done || g.Upcoming != w.upcoming || best != w.best {
					t.Errorf("week %d: got %+v, want %+v", i+1, g, w)
				}
			}
		})
	}
}

func TestAdherenceDetail(t *testing.T) {
	got, err := Adherence(plan([]string{"2026-03-04"}, 60, 100), "", nil, day(t, "2026-03-04"))
	if err != nil {
		t.Fatal(err)
	}
	w := got[0]
	if !w.Start.Equal(day(t, "2026-03-04")) || w.Upcoming {
		t.Errorf("week %+v", w)
	}
	want := []LiftAdherence{{Name: "Squat", PlannedKg: 60}, {Name: "Leg Press", PlannedKg: 100}}
	for i := range want {
		if w.Lifts[i] != want[i] {
			t.Errorf("lift %d = %+v, want %+v", i, w.Lifts[i], want[i])
		}
	}
}

func TestAdherenceUndatedPlan(t *testing.T) {
	_, err := Adherence(plan([]string{""}, 60, 100), backload.Kilograms, nil, day(t, "2026-03-04"))
	if backload.ErrorCode(err) != backload.EINVALID {
		t.Errorf("err = %v, want EINVALID", err)
	}
}
