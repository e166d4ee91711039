package sqlstore

import (
	"context"
	"database/sql"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/backload/backload"
)

// progressVersion is the definition of the progress aggregates (migration
// 0004) this code writes. An account whose users.progress_version differs
// has its aggregates rebuilt in full when they are next read; raising it
// rebuilds every account's, lazily.
const progressVersion = 1

// The aggregates are kept in step with exercise_logs inside the write
// transactions, by touch, which every write calls last. Rows a write
// inserts are added to the sums (progress_additions.go); where it changed
// or removed rows, it marks the start times of their sessions, and touch
// recomputes the weeks holding them from exercise_logs. A change
// that moves rows between weeks or classes wholesale (a new time zone, a
// reclassified name) marks the account stale instead, and the next read
// rebuilds it. The database does the grouping, so a recompute costs one
// pass over the weeks' rows inside the engine.

// markProgress records that the transaction wrote or removed exercise rows
// of a session that started at started, in Unix seconds.
func (t *Tx) markProgress(started int64) {
	t.progressStarts = append(t.progressStarts, started)
}

// staleProgress marks the user's aggregates for a rebuild on their next
// read.
func (t *Tx) staleProgress(ctx context.Context, userID int64) error {
	_, err := t.exec(ctx, "UPDATE users SET progress_version = 0 WHERE id = ?", userID)
	return err
}

// refreshProgress recomputes the weeks the transaction marked. It must run
// after the transaction has updated the user's row: on PostgreSQL that row
// lock orders two writers of one account, so the second recomputes with
// the first's rows in view.
func (t *Tx) refreshProgress(ctx context.Context, userID int64) error {
	starts, adds := t.progressStarts, t.progressAdds
	t.progressStarts, t.progressAdds = nil, nil
	if len(starts) == 0 && len(adds) == 0 {
		return nil
	}
	var version int
	var zone string
	if err := t.queryRow(ctx, "SELECT progress_version, time_zone FROM users WHERE id = ?", userID).Scan(&version, &zone); err != nil {
		return err
	}
	if version != progressVersion {
		return nil // stale: the next read rebuilds everything
	}
	loc := backload.User{TimeZone: zone}.Location()
	runs := weekRuns(starts, loc)
	if err := t.foldAdditions(ctx, userID, adds, runs, loc); err != nil {
		return err
	}
	for _, run := range runs {
		if err := t.recomputeWeeks(ctx, userID, run[0], run[1], loc); err != nil {
			return err
		}
	}
	return nil
}

// ensureProgress rebuilds the user's aggregates when they are stale. Two
// readers may find them stale at once; the conditional update lets only
// the first rebuild, and the second sees its result.
func (db *DB) ensureProgress(ctx context.Context, userID int64) error {
	var version int
	if err := db.queryRow(ctx, "SELECT progress_version FROM users WHERE id = ?", userID).Scan(&version); err != nil {
		return notFound(err, "user")
	}
	if version == progressVersion {
		return nil
	}
	return db.inTx(ctx, func(tx *Tx) error {
		r, err := tx.exec(ctx, "UPDATE users SET progress_version = ? WHERE id = ? AND progress_version <> ?",
			progressVersion, userID, progressVersion)
		if err != nil {
			return err
		}
		if n, _ := r.RowsAffected(); n == 0 {
			return nil
		}
		return tx.rebuildProgress(ctx, userID)
	})
}

// rebuildProgress recomputes all of the user's aggregates.
func (t *Tx) rebuildProgress(ctx context.Context, userID int64) error {
	for _, table := range []string{"progress_weeks", "progress_days"} {
		if _, err := t.exec(ctx, "DELETE FROM "+table+" WHERE user_id = ?", userID); err != nil {
			return err
		}
	}
	var first, last sql.NullInt64
	var zone string
	if err := t.queryRow(ctx, `SELECT (SELECT MIN(started_at) FROM exercise_logs WHERE user_id = ?),
			(SELECT MAX(started_at) FROM exercise_logs WHERE user_id = ?), time_zone FROM users WHERE id = ?`,
		userID, userID, userID).Scan(&first, &last, &zone); err != nil {
		return err
	}
	if !first.Valid {
		return nil // nothing logged
	}
	loc := backload.User{TimeZone: zone}.Location()
	return t.recomputeWeeks(ctx, userID, localWeek(first.Int64, loc), localWeek(last.Int64, loc), loc)
}

// maxRecomputeWeeks bounds the weeks one recompute statement covers, and
// with them the clock changes it spells out (two a year in most zones).
const maxRecomputeWeeks = 520

// recomputeWeeks replaces the aggregates of local weeks w0 to w1, both
// included, with those of the exercise rows now stored, ten years at a
// time.
func (t *Tx) recomputeWeeks(ctx context.Context, userID int64, w0, w1 int64, loc *time.Location) error {
	for lo := w0; lo <= w1; lo += maxRecomputeWeeks {
		if err := t.recomputeSpan(ctx, userID, lo, min(lo+maxRecomputeWeeks-1, w1), loc); err != nil {
			return fmt.Errorf("updating progress aggregates: %w", err)
		}
	}
	return nil
}

// recomputeSpan replaces the aggregates of weeks w0 to w1. A row belongs
// to the week its start time falls in, in loc, computed by the same
// statement that selects it, so the rows removed and those written always
// agree, even across a change of clocks.
func (t *Tx) recomputeSpan(ctx context.Context, userID int64, w0, w1 int64, loc *time.Location) error {
	d0, d1 := weekMonday(w0), weekMonday(w1+1)-1
	// Two days of margin each side: a row's week is decided by its local
	// day, and the margin holds every row that can fall in the weeks.
	rows := localRows(userID, loc, localMidnight(d0-2, loc), localMidnight(d1+3, loc))
	steps := []struct {
		query string
		args  []any
	}{
		{"DELETE FROM progress_weeks WHERE user_id = ? AND week >= ? AND week <= ?", []any{userID, w0, w1}},
		{"DELETE FROM progress_days WHERE user_id = ? AND day >= ? AND day <= ?", []any{userID, d0, d1}},
		{`INSERT INTO progress_weeks (user_id, week, class, exercise_id, input, logs, set_count, working_sets, reps,
				volume_kg, working_volume_kg, top_working_kg, best_e1rm_kg, longest_hold_s)
			SELECT user_id, week, class, exercise_id, input, COUNT(*), SUM(set_count), SUM(working_sets), SUM(reps),
				SUM(volume_kg), SUM(working_volume_kg), MAX(top_working_kg), MAX(best_e1rm_kg), MAX(longest_hold_s)
			FROM (` + rows + `) e WHERE week >= ? AND week <= ?
			GROUP BY user_id, week, class, exercise_id, input`, []any{w0, w1}},
		{`INSERT INTO progress_days (user_id, day, logs, spinal_load_kg)
			SELECT user_id, day, COUNT(*), SUM(CASE WHEN class IN (` + spinalClassList() + `) THEN working_volume_kg ELSE 0 END)
			FROM (` + rows + `) e WHERE day >= ? AND day <= ?
			GROUP BY user_id, day`, []any{d0, d1}},
	}
	for _, s := range steps {
		if _, err := t.exec(ctx, s.query, s.args...); err != nil {
			return err
		}
	}
	return nil
}

// dayShift moves day and week arithmetic onto positive numbers, where SQL's
// integer division (which truncates) agrees with floor division: the
// importers accept dates from 1900, 25,567 days before 1970. It is a whole
// number of weeks.
const dayShift = 7 * 6000

// localRows returns a SQL query of the user's exercise rows started in
// [lo, hi) (Unix seconds), each with its local day and week number in loc.
// The span is cut where the zone's offset changes, one branch of a UNION
// ALL per offset, so each row is placed with a constant offset: a CASE over
// the clock changes cost more than the rest of the statement. The numbers
// are written as literals (computed here, never taken from input), which
// both engines type as integers.
func localRows(userID int64, loc *time.Location, lo, hi int64) string {
	var b strings.Builder
	b.WriteString("SELECT user_id, day, (day + ")
	fmt.Fprintf(&b, "%d) / 7 - %d AS week, class, exercise_id, input, set_count, working_sets, reps,\n", dayShift+3, dayShift/7)
	b.WriteString("\t\tvolume_kg, working_volume_kg, top_working_kg, best_e1rm_kg, longest_hold_s FROM (")
	for from, first := lo, true; from < hi; first = false {
		at := time.Unix(from, 0).In(loc)
		_, off := at.Zone()
		until := hi
		if _, end := at.ZoneBounds(); !end.IsZero() && end.Unix() < hi {
			until = end.Unix()
		}
		if !first {
			b.WriteString("\n\tUNION ALL ")
		}
		fmt.Fprintf(&b, `SELECT user_id, (started_at + %d) / %d - %d AS day, class, exercise_id, input, set_count, working_sets, reps,
			volume_kg, working_volume_kg, top_working_kg, best_e1rm_kg, longest_hold_s
		FROM exercise_logs WHERE user_id = %d AND started_at >= %d AND started_at < %d`,
			int64(off)+dayShift*secondsPerDay, secondsPerDay, dayShift, userID, from, until)
		from = until
	}
	b.WriteString(") l")
	return b.String()
}

// spinalClassList is the SQL list of the classes that load the spine.
func spinalClassList() string {
	var quoted []string
	for _, c := range backload.Classes {
		if c.LoadsSpine() {
			quoted = append(quoted, "'"+string(c)+"'")
		}
	}
	return strings.Join(quoted, ", ")
}

// weekRuns turns start times into the local weeks holding them, merged into
// runs [first, last]: weeks a month apart or less share a run, and a
// scattered set of many runs becomes one, so a write costs a few
// statements however many sessions it touched.
func weekRuns(starts []int64, loc *time.Location) [][2]int64 {
	weeks := make([]int64, len(starts))
	for i, s := range starts {
		weeks[i] = localWeek(s, loc)
	}
	slices.Sort(weeks)
	weeks = slices.Compact(weeks)
	const mergeGap, maxRuns = 4, 8
	var runs [][2]int64
	for _, w := range weeks {
		if n := len(runs); n > 0 && w-runs[n-1][1] <= mergeGap {
			runs[n-1][1] = w
			continue
		}
		runs = append(runs, [2]int64{w, w})
	}
	if len(runs) > maxRuns {
		runs = [][2]int64{{runs[0][0], runs[len(runs)-1][1]}}
	}
	return runs
}

// localDay is the number of the local date of Unix time t in loc, counted
// from 1970-01-01.
func localDay(t int64, loc *time.Location) int64 {
	_, off := time.Unix(t, 0).In(loc).Zone()
	return floorDiv(t+int64(off), secondsPerDay)
}

// localWeek is the number of the Monday-to-Sunday week holding t in loc.
func localWeek(t int64, loc *time.Location) int64 { return floorDiv(localDay(t, loc)+3, 7) }

// weekMonday is the day number of week w's Monday.
func weekMonday(w int64) int64 { return 7*w - 3 }

// localMidnight is the Unix time of the start of day d in loc.
func localMidnight(d int64, loc *time.Location) int64 {
	y, m, dd := dayDate(d).Date()
	return time.Date(y, m, dd, 0, 0, 0, 0, loc).Unix()
}

func floorDiv(a, b int64) int64 {
	q := a / b
	if a%b != 0 && (a < 0) != (b < 0) {
		q--
	}
	return q
}
