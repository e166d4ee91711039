package sqlstore

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"runtime"
	"sync"
	"time"

	"github.com/backload/backload"
	"github.com/backload/backload/report"
)

// progressRowsGuess sizes the first allocation of each read: a few months
// of four exercises a session. Longer reads grow the slice a handful of
// times, which costs less than counting the rows first.
const progressRowsGuess = 512

// A read spanning more than splitSpanDays of history is split into up to
// maxReadParts parts by time, read at once on separate connections: the
// driver's work per row and column, not the database's, is most of the
// cost (about 4 µs a row with SQLite), and it parallelises.
const (
	splitSpanDays = 180
	maxReadParts  = 4
)

// ExerciseRows returns the user's exercises that started at or after from
// and before to, one report.ExerciseRow per exercise log, oldest first.
// Each row's Day is the local calendar date of its session in loc, at
// midnight UTC, as package report expects. The rows come from the summary
// columns written with the sets, through the (user_id, started_at) index,
// without decoding any set: ten years of history is about 15,000 to 40,000
// rows. It returns the database's errors.
func (db *DB) ExerciseRows(ctx context.Context, userID int64, from, to time.Time, loc *time.Location) ([]report.ExerciseRow, error) {
	if loc == nil {
		loc = time.UTC
	}
	bounds, err := db.readParts(ctx, userID, unix(from), unix(to))
	if err != nil {
		return nil, err
	}
	if len(bounds) == 2 {
		return db.exerciseRows(ctx, userID, bounds[0], bounds[1], loc)
	}
	parts := make([][]report.ExerciseRow, len(bounds)-1)
	errs := make([]error, len(parts))
	var wg sync.WaitGroup
	for i := range parts {
		wg.Go(func() { parts[i], errs[i] = db.exerciseRows(ctx, userID, bounds[i], bounds[i+1], loc) })
	}
	wg.Wait()
	if err := errors.Join(errs...); err != nil {
		return nil, err
	}
	n := 0
	for _, p := range parts {
		n += len(p)
	}
	out := make([]report.ExerciseRow, 0, n)
	for _, p := range parts {
		out = append(out, p...)
	}
	return out, nil
}

// readParts returns the boundaries of the parts to read [lo, hi) in, in
// Unix seconds: {lo, hi} for one part, or more, split evenly in time
// between the range's first and last rows, when it holds a long history
// and the process may run goroutines in parallel.
func (db *DB) readParts(ctx context.Context, userID, lo, hi int64) ([]int64, error) {
	k := min(runtime.GOMAXPROCS(0), maxReadParts)
	if k < 2 {
		return []int64{lo, hi}, nil
	}
	// Two subqueries, so each is a single seek into the index.
	var first, last sql.NullInt64
	err := db.queryRow(ctx, `SELECT
			(SELECT MIN(started_at) FROM exercise_logs WHERE user_id = ? AND started_at >= ? AND started_at < ?),
			(SELECT MAX(started_at) FROM exercise_logs WHERE user_id = ? AND started_at >= ? AND started_at < ?)`,
		userID, lo, hi, userID, lo, hi).Scan(&first, &last)
	if err != nil {
		return nil, err
	}
	span := last.Int64 - first.Int64 + 1
	if !first.Valid || !last.Valid || span <= splitSpanDays*secondsPerDay {
		return []int64{lo, hi}, nil
	}
	bounds := make([]int64, k+1)
	bounds[0], bounds[k] = lo, hi
	for i := 1; i < k; i++ {
		bounds[i] = first.Int64 + span*int64(i)/int64(k)
	}
	return bounds, nil
}

// exerciseRows reads the rows that started in [lo, hi), in Unix seconds.
func (db *DB) exerciseRows(ctx context.Context, userID, lo, hi int64, loc *time.Location) ([]report.ExerciseRow, error) {
	// ORDER BY started_at, id follows the index on SQLite, where every
	// index ends in the rowid, so no sort step is needed; id keeps the
	// exercises of a session in the order they were logged.
	rows, err := db.query(ctx, `SELECT started_at, class, exercise_id, input, set_count, working_sets, reps,
			volume_kg, working_volume_kg, top_working_kg, best_e1rm_kg, longest_hold_s
		FROM exercise_logs WHERE user_id = ? AND started_at >= ? AND started_at < ?
		ORDER BY started_at, id`, userID, lo, hi)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := make([]report.ExerciseRow, 0, progressRowsGuess)
	days := localDays{loc: loc}
	var started int64
	var class string
	for rows.Next() {
		out = append(out, report.ExerciseRow{})
		r := &out[len(out)-1]
		// database/sql stores numbers through reflection; scanners take
		// the driver's value directly.
		if err := rows.Scan(intScan{&started}, &class, &r.ExerciseID, &r.Input, countScan{&r.Sets}, countScan{&r.WorkingSets}, countScan{&r.Reps},
			kgScan{&r.VolumeKg}, kgScan{&r.WorkingVolumeKg}, kgScan{&r.TopWorkingKg}, kgScan{&r.BestE1RMKg}, countScan{&r.LongestHoldS}); err != nil {
			return nil, err
		}
		r.Class = internClass(class)
		r.Day = days.of(started)
	}
	return out, rows.Err()
}

// intScan, countScan and kgScan scan a number column without reflection.
// Each holds one pointer, so passing it as an interface allocates nothing.
type (
	intScan   struct{ p *int64 }
	countScan struct{ p *int }
	kgScan    struct{ p *float64 }
)

func (s intScan) Scan(src any) error {
	v, err := asInt64(src)
	*s.p = v
	return err
}

func (s countScan) Scan(src any) error {
	v, err := asInt64(src)
	*s.p = int(v)
	return err
}

func (s kgScan) Scan(src any) error {
	switch v := src.(type) {
	case float64:
		*s.p = v
	case int64: // a driver may hand back a whole number as an integer
		*s.p = float64(v)
	default:
		return fmt.Errorf("sqlstore: want a number, got %T", src)
	}
	return nil
}

func asInt64(src any) (int64, error) {
	switch v := src.(type) {
	case int64:
		return v, nil
	case float64:
		return int64(v), nil
	}
	return 0, fmt.Errorf("sqlstore: want an integer, got %T", src)
}

// internClass returns the package constant for a stored class, so that
// thousands of rows share six strings instead of holding one each.
func internClass(s string) backload.Class {
	for _, c := range backload.Classes {
		if string(c) == s {
			return c
		}
	}
	return backload.Class(s)
}

// localDays turns Unix times into local calendar dates at midnight UTC.
// Rows come in time order and a zone's offset changes twice a year at
// most, so it remembers the offset and the span it holds for, and does
// calendar arithmetic only when a row falls outside that span.
type localDays struct {
	loc        *time.Location
	offset     int64
	start, end int64 // the span [start, end) in Unix seconds; empty at first
}

func (l *localDays) of(unix int64) time.Time {
	if unix < l.start || unix >= l.end {
		t := time.Unix(unix, 0).In(l.loc)
		_, off := t.Zone()
		l.offset = int64(off)
		s, e := t.ZoneBounds()
		l.start, l.end = minUnix, maxUnix
		if !s.IsZero() {
			l.start = s.Unix()
		}
		if !e.IsZero() {
			l.end = e.Unix()
		}
	}
	return dayDate(floorDiv(unix+l.offset, secondsPerDay))
}

const (
	secondsPerDay = 86400
	minUnix       = -1 << 62
	maxUnix       = 1<<62 - 1
)

// FirstActivity returns when the user's history begins, for an "all time"
// range: the start of their first logged exercise or, when a check-in is
// dated earlier, midnight UTC of that check-in's date (a check-in holds a
// date, not a time). ok is false when the user has logged nothing and
// never checked in. It returns the database's errors.
func (db *DB) FirstActivity(ctx context.Context, userID int64) (first time.Time, ok bool, err error) {
	var started sql.NullInt64
	if err := db.queryRow(ctx, `SELECT MIN(started_at) FROM exercise_logs WHERE user_id = ?`, userID).Scan(&started); err != nil {
		return time.Time{}, false, err
	}
	var day sql.NullString
	if err := db.queryRow(ctx, `SELECT MIN(day) FROM checkins WHERE user_id = ?`, userID).Scan(&day); err != nil {
		return time.Time{}, false, err
	}
	if started.Valid {
		first, ok = fromUnix(started.Int64), true
	}
	if day.Valid {
		d, err := time.Parse(time.DateOnly, day.String)
		if err == nil && (!ok || d.Before(first)) {
			first, ok = d, true
		}
	}
	return first, ok, nil
}
