package sqlstore

import (
	"context"
	"fmt"
	"time"

	"github.com/backload/backload"
)

// progressAdd is an exercise row a transaction inserted: what the progress
// aggregates need of it.
type progressAdd struct {
	started           int64
	class             backload.Class
	exerciseID, input string
	summary           backload.ExerciseSummary
}

// addProgress records an exercise row the transaction inserted. Adding
// rows only raises sums and maxima, so touch folds them into the stored
// aggregates without reading the weeks' other rows: an import of ten
// years costs a few thousand upserts, not a pass over every row.
func (t *Tx) addProgress(started int64, e backload.ExerciseLog, s backload.ExerciseSummary) {
	t.progressAdds = append(t.progressAdds, progressAdd{started: started, class: e.Class, exerciseID: e.ExerciseID, input: e.Input, summary: s})
}

// weekSum and daySum are the columns of progress_weeks and progress_days.
type (
	weekKey struct {
		week              int64
		class             backload.Class
		exerciseID, input string
	}
	weekSum struct {
		logs, sets, workingSets, reps    int
		volume, workingVolume, top, e1rm float64
		longestHold                      int
	}
	daySum struct {
		logs   int
		spinal float64
	}
)

// Upserts per statement, under both engines' limits on bound parameters.
const (
	weekUpsertRows = 400
	dayUpsertRows  = 1000
)

// foldAdditions adds the rows in adds to the aggregates, except those in
// the weeks of skip, which are about to be recomputed from the table and
// so will count them already.
func (t *Tx) foldAdditions(ctx context.Context, userID int64, adds []progressAdd, skip [][2]int64, loc *time.Location) error {
	weeks := map[weekKey]*weekSum{}
	var order []weekKey
	days := map[int64]*daySum{}
	var dayOrder []int64
	for i := range adds {
		a := &adds[i]
		day := localDay(a.started, loc)
		week := floorDiv(day+3, 7)
		if inRuns(week, skip) {
			continue
		}
		k := weekKey{week, a.class, a.exerciseID, a.input}
		w := weeks[k]
		if w == nil {
			w = &weekSum{}
			weeks[k] = w
			order = append(order, k)
		}
		s := &a.summary
		w.logs++
		w.sets += s.Sets
		w.workingSets += s.WorkingSets
		w.reps += s.Reps
		w.volume += s.VolumeKg
		w.workingVolume += s.WorkingVolumeKg
		w.top = max(w.top, s.TopWorkingKg)
		w.e1rm = max(w.e1rm, s.BestE1RMKg)
		w.longestHold = max(w.longestHold, s.LongestHoldS)
		d := days[day]
		if d == nil {
			d = &daySum{}
			days[day] = d
			dayOrder = append(dayOrder, day)
		}
		d.logs++
		if a.class.LoadsSpine() {
			d.spinal += s.WorkingVolumeKg
		}
	}
	args := make([]any, 0, weekUpsertRows*14)
	for start := 0; start < len(order); start += weekUpsertRows {
		chunk := order[start:min(start+weekUpsertRows, len(order))]
		args = args[:0]
		for _, k := range chunk {
			w := weeks[k]
			args = append(args, userID, k.week, k.class, k.exerciseID, k.input, w.logs, w.sets, w.workingSets, w.reps,
				w.volume, w.workingVolume, w.top, w.e1rm, w.longestHold)
		}
		if _, err := t.execCached(ctx, multiInsert(`INSERT INTO progress_weeks (user_id, week, class, exercise_id, input, logs,
				set_count, working_sets, reps, volume_kg, working_volume_kg, top_working_kg, best_e1rm_kg, longest_hold_s) VALUES `,
			14, len(chunk), ` ON CONFLICT (user_id, week, class, exercise_id, input) DO UPDATE SET
				logs = progress_weeks.logs + excluded.logs,
				set_count = progress_weeks.set_count + excluded.set_count,
				working_sets = progress_weeks.working_sets + excluded.working_sets,
				reps = progress_weeks.reps + excluded.reps,
				volume_kg = progress_weeks.volume_kg + excluded.volume_kg,
				working_volume_kg = progress_weeks.working_volume_kg + excluded.working_volume_kg,
				top_working_kg = `+greater("progress_weeks.top_working_kg", "excluded.top_working_kg")+`,
				best_e1rm_kg = `+greater("progress_weeks.best_e1rm_kg", "excluded.best_e1rm_kg")+`,
				longest_hold_s = `+greater("progress_weeks.longest_hold_s", "excluded.longest_hold_s")), args...); err != nil {
			return fmt.Errorf("adding to the weekly progress: %w", err)
		}
	}
	for start := 0; start < len(dayOrder); start += dayUpsertRows {
		chunk := dayOrder[start:min(start+dayUpsertRows, len(dayOrder))]
		args = args[:0]
		for _, day := range chunk {
			args = append(args, userID, day, days[day].logs, days[day].spinal)
		}
		if _, err := t.execCached(ctx, multiInsert("INSERT INTO progress_days (user_id, day, logs, spinal_load_kg) VALUES ",
			4, len(chunk), ` ON CONFLICT (user_id, day) DO UPDATE SET logs = progress_days.logs + excluded.logs,
				spinal_load_kg = progress_days.spinal_load_kg + excluded.spinal_load_kg`), args...); err != nil {
			return fmt.Errorf("adding to the daily progress: %w", err)
		}
	}
	return nil
}

// greater is the larger of two SQL values, written the same on both
// engines (SQLite's max(a, b) is PostgreSQL's GREATEST).
func greater(a, b string) string {
	return "CASE WHEN " + b + " > " + a + " THEN " + b + " ELSE " + a + " END"
}

// inRuns reports whether week w lies in one of the runs.
func inRuns(w int64, runs [][2]int64) bool {
	for _, r := range runs {
		if w >= r[0] && w <= r[1] {
			return true
		}
	}
	return false
}
