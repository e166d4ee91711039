package report

import (
	"reflect"
	"testing"

	"github.com/backload/backload"
)

func TestCore(t *testing.T) {
	p := backload.DefaultPolicy() // core set: curl-up, side plank, bird dog, dead bug, front plank
	rows := []ExerciseRow{
		hold(t, "2026-03-02", "side-plank", "Side Plank", 12, 30),
		hold(t, "2026-03-03", "", "Plank", 1, 60), // inferred, so not in the core set, but still a hold
		hold(t, "2026-03-04", "mcgill-curl-up", "Curl-up", 12, 10),
		hold(t, "2026-03-10", "bird-dog", "Bird Dog", 12, 10),
		hold(t, "2026-03-12", "front-plank", "Front Plank", 3, 45),
		hold(t, "2026-03-13", "pallof-press", "Pallof", 20, 50), // core endurance, not in the set
		// An upper-body timed set is no core hold.
		{Day: day(t, "2026-03-11"), Class: backload.UpperBody, ExerciseID: "dead-hang", Input: "Dead Hang", Reps: 1, LongestHoldS: 90},
		hold(t, "2026-03-16", "side-plank", "Side Plank", 12, 300), // after the range
	}
	got := Core(rows, span(t, "2026-03-02", "2026-03-15"), p)
	want := []CoreWeek{
		// 12 side plank + 12 curl-up; the plank's 60 s is the longest.
		{Start: day(t, "2026-03-02"), LongestHoldS: 60, LongestHoldBy: "Plank", CoreSetReps: 24},
		// 12 bird dog + 3 front plank; the Pallof press's 50 s.
		{Start: day(t, "2026-03-09"), LongestHoldS: 50, LongestHoldBy: "Pallof", CoreSetReps: 15},
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("got  %+v\nwant %+v", got, want)
	}
}
