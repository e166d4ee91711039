package report

import "time"

// Point is one week's value of a series.
type Point struct {
	// Week is the week's Monday, at midnight UTC.
	Week  time.Time
	Value float64
}

// LiftSeries is one lift's weekly values.
type LiftSeries struct {
	// Lift is the LiftKey; Name is how the lifter last logged it, for
	// display.
	Lift, Name string
	// Points holds only the weeks with a value, oldest first.
	Points []Point
}

// E1RM returns, for each lift in lifts (by LiftKey), the best estimated
// one-repetition maximum of each week in r that has one, read from
// BestE1RMKg. The values are estimates (Epley, from sets of at most
// Policy.E1RMMaxReps repetitions) and any text showing them must say so. A
// lift with no estimate in r gets an empty series, so the output lines up
// with lifts.
func E1RM(rows []ExerciseRow, lifts []string, r Range) []LiftSeries {
	first, n := r.weeks()
	index := make(map[string]int, len(lifts))
	for i, l := range lifts {
		index[l] = i
	}
	// best is a lifts × weeks grid, filled in one pass over the rows.
	best := make([]float64, len(lifts)*n)
	names := makeNewestNames(len(lifts))
	for i := range rows {
		row := &rows[i]
		if row.BestE1RMKg <= 0 {
			continue
		}
		l, ok := index[LiftKey(*row)]
		if !ok {
			continue
		}
		d := dayOf(row.Day)
		names.see(l, d, row.Input)
		if w := weekIndex(d, first, n); w >= 0 {
			cell := &best[l*n+w]
			*cell = max(*cell, row.BestE1RMKg)
		}
	}
	out := make([]LiftSeries, len(lifts))
	for l, key := range lifts {
		out[l] = LiftSeries{Lift: key, Name: names.name(l, key), Points: weekPoints(best[l*n:(l+1)*n], first)}
	}
	return out
}

// weekPoints turns a row of weekly values into points, skipping empty weeks.
func weekPoints(vals []float64, first int) []Point {
	count := 0
	for _, v := range vals {
		if v > 0 {
			count++
		}
	}
	pts := make([]Point, 0, count)
	for w, v := range vals {
		if v > 0 {
			pts = append(pts, Point{Week: dayTime(first + 7*w), Value: v})
		}
	}
	return pts
}
