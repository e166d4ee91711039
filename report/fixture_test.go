package report

import (
	"math"
	"math/rand/v2"
	"time"

	"github.com/backload/backload"
)

// flareHistory is eight weeks of a lifter's training around a flare-up,
// the fixed history of the golden files: three normal weeks, a flare from
// Tuesday of week four (deadlifts and good mornings swapped for leg press,
// more core work), then four ramp weeks back at 60, 70, 80 and 90% on the
// heavy lifts, with total volume held by spine-neutral work.
func flareHistory() (rows []ExerciseRow, checkins []backload.DailyCheckIn, r Range) {
	start := time.Date(2026, 3, 2, 0, 0, 0, 0, time.UTC)
	r = Range{From: start, To: start.AddDate(0, 0, 55)}
	at := func(week, wd int) time.Time { return start.AddDate(0, 0, 7*week+wd) }
	add := func(d time.Time, c backload.Class, id, input string, vol, working, top, e1rm float64) {
		rows = append(rows, ExerciseRow{Day: d, Class: c, ExerciseID: id, Input: input, Sets: 5, WorkingSets: 3, Reps: 25,
			VolumeKg: vol, WorkingVolumeKg: working, TopWorkingKg: top, BestE1RMKg: e1rm})
	}
	core := func(d time.Time, id, input string, reps, secs int) {
		rows = append(rows, ExerciseRow{Day: d, Class: backload.CoreEndurance, ExerciseID: id, Input: input,
			Sets: 3, WorkingSets: 3, Reps: reps, LongestHoldS: secs})
	}
	ramp := []float64{1, 1, 1, 1, 0.6, 0.7, 0.8, 0.9}
	for w, f := range ramp {
		add(at(w, 0), backload.SpinalHeavy, "squat-barbell", "Squat (Barbell)", 3000*f, 2500*f, 120*f, 140*f)
		add(at(w, 2), backload.UpperBody, "bench-press-barbell", "Bench Press (Barbell)", 2000, 1800, 80+float64(w), 95+float64(w))
		core(at(w, 0), "side-plank", "Side Plank", 12, 30+2*w)
		switch {
		case w < 3:
			add(at(w, 4), backload.SpinalHeavy, "deadlift-barbell", "Deadlift (Barbell)", 2500, 2000, 160, 180)
			add(at(w, 4), backload.LoadedFlexion, "good-morning-barbell", "Good Morning (Barbell)", 600, 500, 50, 60)
			add(at(w, 2), backload.SpineNeutralLower, "leg-press", "Leg Press", 1500, 1300, 150, 170)
		case w == 3: // the flare: no deadlift, no good morning
			add(at(w, 2), backload.SpineNeutralLower, "leg-press", "Leg Press", 4500, 4000, 160, 185)
			core(at(w, 2), "bird-dog", "Bird Dog", 12, 10)
			core(at(w, 4), "mcgill-curl-up", "McGill Curl-up", 12, 10)
			add(at(w, 4), backload.Other, "walking", "Walking", 0, 0, 0, 0)
		default:
			add(at(w, 4), backload.SpinalHeavy, "deadlift-barbell", "Deadlift (Barbell)", 2500*f, 2000*f, 160*f, 180*f)
			add(at(w, 2), backload.SpineNeutralLower, "leg-press", "Leg Press", 3000-400*float64(w-4), 2600, 150, 170)
			core(at(w, 2), "bird-dog", "Bird Dog", 12, 10)
		}
	}
	pain := []int{
		2, 1, 2, 1, 1, 2, 1,
		1, 2, 2, 1, 1, 1, 2,
		2, 2, 1, 2, 3, 2, 2,
		3, 6, 7, 6, 5, 4, 4, // the flare
		4, 3, 3, 3, 2, 3, 2,
		3, 2, 2, 2, 1, 2, 2,
		2, 1, 1, 2, 1, 1, 1,
		1, 1, 1, 0, 1, 1, 1,
	}
	for i, p := range pain {
		if i%7 == 6 && i/7%2 == 1 {
			continue // a missed check-in on every other Sunday
		}
		c := backload.DailyCheckIn{Date: start.AddDate(0, 0, i).Format("2006-01-02"), CheckIn: backload.CheckIn{Pain: p}}
		if i == 22 {
			c.MorningChange = 3
		}
		checkins = append(checkins, c)
	}
	return rows, checkins, r
}

// history generates n rows spread over ten years of four sessions a week,
// with check-ins on most days: the size of the benchmark and of the long
// golden chart. The seed is fixed, so the history is the same every run.
func history(n int) (rows []ExerciseRow, checkins []backload.DailyCheckIn, r Range) {
	rng := rand.New(rand.NewPCG(7, 11))
	start := time.Date(2016, 3, 7, 0, 0, 0, 0, time.UTC)
	const days = 3652
	r = Range{From: start, To: start.AddDate(0, 0, days-1)}
	kinds := []struct {
		class     backload.Class
		id, input string
		kg        float64
	}{
		{backload.SpinalHeavy, "squat-barbell", "Squat (Barbell)", 100},
		{backload.SpinalHeavy, "deadlift-barbell", "Deadlift (Barbell)", 140},
		{backload.LoadedFlexion, "good-morning-barbell", "Good Morning (Barbell)", 50},
		{backload.SpineNeutralLower, "leg-press", "Leg Press", 150},
		{backload.CoreEndurance, "side-plank", "Side Plank", 0},
		{backload.CoreEndurance, "", "Plank", 0},
		{backload.UpperBody, "bench-press-barbell", "Bench Press (Barbell)", 80},
		{backload.UpperBody, "lat-pulldown", "Lat Pulldown (Cable)", 60},
		{backload.Other, "walking", "Walking", 0},
	}
	rows = make([]ExerciseRow, 0, n)
	for i := range n {
		d := start.AddDate(0, 0, i*days/n)
		k := kinds[rng.IntN(len(kinds))]
		// Strength drifts up over the years with a slow wave for flares.
		f := 1 + float64(i)/float64(n)*0.4 + 0.15*math.Sin(float64(i)/900)
		top := k.kg * f
		row := ExerciseRow{Day: d, Class: k.class, ExerciseID: k.id, Input: k.input, Sets: 5, WorkingSets: 3, Reps: 25,
			VolumeKg: top * 22, WorkingVolumeKg: top * 15, TopWorkingKg: top, BestE1RMKg: top * 1.167}
		if k.kg == 0 {
			row = ExerciseRow{Day: d, Class: k.class, ExerciseID: k.id, Input: k.input, Sets: 3, WorkingSets: 3,
				Reps: 12, LongestHoldS: 20 + rng.IntN(60)}
		}
		rows = append(rows, row)
	}
	for i := range days {
		if rng.IntN(5) == 0 {
			continue
		}
		checkins = append(checkins, backload.DailyCheckIn{Date: start.AddDate(0, 0, i).Format("2006-01-02"),
			CheckIn: backload.CheckIn{Pain: rng.IntN(4) + int(3*math.Sin(float64(i)/200)+3)/2}})
	}
	return rows, checkins, r
}
