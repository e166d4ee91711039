package sqlstore

import (
	"context"
	"time"

	"github.com/backload/backload/report"
)

// WeeklyRows returns the user's exercise rows summed by local week and
// lift, for the weeks holding the local dates from to to (at midnight UTC),
// oldest first: one report.ExerciseRow per week, class, exercise and name
// as logged, whose Day is the week's Monday. Counts and volumes are sums,
// top weights, estimates and holds the week's best, so the weekly measures
// of package report (Weekly, E1RM, Core, MainLifts by weeks) read them in
// place of every exercise row. They come from the aggregates the writes
// keep (progress_aggregates.go): ten years of history is a few thousand
// rows. It returns the database's errors.
func (db *DB) WeeklyRows(ctx context.Context, userID int64, from, to time.Time) ([]report.ExerciseRow, error) {
	if err := db.ensureProgress(ctx, userID); err != nil {
		return nil, err
	}
	w0, w1 := floorDiv(dayNumber(from)+3, 7), floorDiv(dayNumber(to)+3, 7)
	rows, err := db.query(ctx, `SELECT week, class, exercise_id, input, set_count, working_sets, reps,
			volume_kg, working_volume_kg, top_working_kg, best_e1rm_kg, longest_hold_s
		FROM progress_weeks WHERE user_id = ? AND week >= ? AND week <= ?
		ORDER BY week, class, exercise_id, input`, userID, w0, w1)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := make([]report.ExerciseRow, 0, progressRowsGuess)
	var week int64
	var class string
	for rows.Next() {
		out = append(out, report.ExerciseRow{})
		r := &out[len(out)-1]
		if err := rows.Scan(intScan{&week}, &class, &r.ExerciseID, &r.Input, countScan{&r.Sets}, countScan{&r.WorkingSets}, countScan{&r.Reps},
			kgScan{&r.VolumeKg}, kgScan{&r.WorkingVolumeKg}, kgScan{&r.TopWorkingKg}, kgScan{&r.BestE1RMKg}, countScan{&r.LongestHoldS}); err != nil {
			return nil, err
		}
		r.Class = internClass(class)
		r.Day = dayDate(weekMonday(week))
	}
	return out, rows.Err()
}

// DailyLoads returns the spinal load of each local day from from to to
// (dates at midnight UTC) on which the user logged any exercise, oldest
// first, from the aggregates the writes keep. It returns the database's
// errors.
func (db *DB) DailyLoads(ctx context.Context, userID int64, from, to time.Time) ([]report.DayLoad, error) {
	if err := db.ensureProgress(ctx, userID); err != nil {
		return nil, err
	}
	rows, err := db.query(ctx, `SELECT day, spinal_load_kg FROM progress_days
		WHERE user_id = ? AND day >= ? AND day <= ? ORDER BY day`, userID, dayNumber(from), dayNumber(to))
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := make([]report.DayLoad, 0, progressRowsGuess)
	var day int64
	for rows.Next() {
		out = append(out, report.DayLoad{})
		d := &out[len(out)-1]
		if err := rows.Scan(intScan{&day}, kgScan{&d.SpinalLoadKg}); err != nil {
			return nil, err
		}
		d.Day = dayDate(day)
	}
	return out, rows.Err()
}

// dayNumber is the number of the date d (at midnight UTC) from 1970-01-01.
func dayNumber(d time.Time) int64 { return floorDiv(d.Unix(), secondsPerDay) }

// dayDate is day number n as a date at midnight UTC.
func dayDate(n int64) time.Time { return time.Unix(n*secondsPerDay, 0).UTC() }
