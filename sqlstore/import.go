package sqlstore

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"

	"github.com/backload/backload"
)

// ImportSummary counts what an import added. Sessions and sets already
// stored are counted as existing, not added, so importing a file twice adds
// nothing the second time.
type ImportSummary struct {
	ImportID         int64 `json:"import_id,omitempty"`
	SessionsAdded    int   `json:"sessions_added"`
	SessionsExisting int   `json:"sessions_existing"`
	SetsAdded        int   `json:"sets_added"`
	SetsExisting     int   `json:"sets_existing"`
	CheckInsAdded    int   `json:"checkins_added"`
}

// ImportSessions stores sessions and check-ins for a user in one
// transaction: all of it lands or none of it does. A session is identified
// by its source, start time and title; within it, an exercise by its
// position and a set by its position, so a repeated import adds nothing and
// a longer export of the same session adds only the new sets. Check-ins for
// days that already have one are left as they are.
func (db *DB) ImportSessions(ctx context.Context, userID int64, fileName string,
	sessions []backload.Session, checkins []backload.DailyCheckIn) (ImportSummary, error) {
	return db.ImportSessionsProgress(ctx, userID, fileName, sessions, checkins, nil)
}

// ImportSessionsProgress is ImportSessions that reports, when progress is
// not nil, how many of the sessions are stored: with none before the
// transaction begins and all after it commits, and on PostgreSQL after
// every chunk between. SQLite's one write connection is the transaction's
// until it ends, so there progress is not called inside it, and may itself
// write to the database (SetImportProgress) on either engine.
func (db *DB) ImportSessionsProgress(ctx context.Context, userID int64, fileName string,
	sessions []backload.Session, checkins []backload.DailyCheckIn, progress func(done, total int)) (ImportSummary, error) {
	var sum ImportSummary
	report := func(done int) {
		if progress != nil {
			progress(done, len(sessions))
		}
	}
	report(0)
	var during func(done int)
	if db.dialect.name() != "sqlite" {
		during = report
	}
	err := db.inTx(ctx, func(tx *Tx) error {
		source := ""
		if len(sessions) > 0 {
			source = sessions[0].Source
		}
		if err := tx.queryRow(ctx, `INSERT INTO imports (user_id, source, file_name, created_at)
			VALUES (?, ?, ?, ?) RETURNING id`, userID, source, fileName, unix(tx.now)).Scan(&sum.ImportID); err != nil {
			return fmt.Errorf("recording the import: %w", err)
		}
		if err := tx.insertSessions(ctx, userID, sum.ImportID, sessions, &sum, during); err != nil {
			return err
		}
		for _, c := range checkins {
			added, err := tx.insertCheckIn(ctx, userID, c)
			if err != nil {
				return err
			}
			if added {
				sum.CheckInsAdded++
			}
		}
		if sum.SessionsAdded == 0 && sum.SetsAdded == 0 && sum.CheckInsAdded == 0 {
			// Nothing new: leave no trace, not even the import record.
			_, err := tx.exec(ctx, "DELETE FROM imports WHERE id = ?", sum.ImportID)
			sum.ImportID = 0
			return err
		}
		if _, err := tx.exec(ctx, "UPDATE imports SET sessions = ?, sets = ? WHERE id = ?",
			sum.SessionsAdded, sum.SetsAdded, sum.ImportID); err != nil {
			return err
		}
		return tx.touch(ctx, userID)
	})
	if err != nil {
		return ImportSummary{}, err
	}
	report(len(sessions))
	return sum, nil
}

// chunkSessions is how many sessions one round of multi-row inserts covers.
// Multi-row statements, prepared once per transaction, are what makes a
// large import fast: a statement's cost is paid per chunk, not per row.
const chunkSessions = 64

type workoutKey struct {
	source  string
	started int64
	title   string
}

func keyOf(s backload.Session) workoutKey {
	return workoutKey{s.Source, unix(s.StartedAt), s.Title}
}

// workoutRef is a stored workout, and whether this transaction added it.
type workoutRef struct {
	id    int64
	isNew bool
}

// insertSessions adds sessions in chunks of a few statements each.
// When progress is not nil it is called with the sessions written after
// each chunk.
func (t *Tx) insertSessions(ctx context.Context, userID, importID int64, sessions []backload.Session, sum *ImportSummary,
	progress func(done int)) error {
	batch := &exerciseBatch{tx: t}
	for start := 0; start < len(sessions); start += chunkSessions {
		if progress != nil && start > 0 {
			progress(start)
		}
		chunk := sessions[start:min(start+chunkSessions, len(sessions))]
		refs, err := t.upsertWorkouts(ctx, userID, importID, chunk, sum)
		if err != nil {
			return err
		}
		if err := t.addExercises(ctx, userID, chunk, refs, batch, sum); err != nil {
			return err
		}
	}
	return batch.flush(ctx)
}

// upsertWorkouts adds the chunk's workouts that are not stored yet and
// returns every workout's id.
func (t *Tx) upsertWorkouts(ctx context.Context, userID, importID int64, chunk []backload.Session, sum *ImportSummary) (map[workoutKey]workoutRef, error) {
	refs := make(map[workoutKey]workoutRef, len(chunk))
	args := make([]any, 0, len(chunk)*8)
	for _, s := range chunk {
		k := keyOf(s)
		if _, dup := refs[k]; dup {
			return nil, backload.Errorf(backload.EINVALID, "two sessions named %q start at %s", s.Title, s.StartedAt.Format("2006-01-02 15:04"))
		}
		refs[k] = workoutRef{}
		args = append(args, userID, s.Source, k.started, s.Title, s.Notes, s.DurationSec, nullID(importID), unix(t.now))
	}
	clear(refs)
	q := multiInsert("INSERT INTO workouts (user_id, source, started_at, title, notes, duration_s, import_id, created_at) VALUES ",
		8, len(chunk), " ON CONFLICT (user_id, source, started_at, title) DO NOTHING RETURNING id, source, started_at, title")
	rows, err := t.queryCached(ctx, q, args...)
	if err != nil {
		return nil, fmt.Errorf("adding sessions: %w", err)
	}
	for rows.Next() {
		var id int64
		var k workoutKey
		if err := rows.Scan(&id, &k.source, &k.started, &k.title); err != nil {
			rows.Close()
			return nil, err
		}
		refs[k] = workoutRef{id: id, isNew: true}
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, err
	}
	sum.SessionsAdded += len(refs)
	for _, s := range chunk {
		k := keyOf(s)
		if _, ok := refs[k]; ok {
			continue
		}
		var id int64
		if err := t.queryRow(ctx, "SELECT id FROM workouts WHERE user_id = ? AND source = ? AND started_at = ? AND title = ?",
			userID, k.source, k.started, k.title).Scan(&id); err != nil {
			return nil, fmt.Errorf("finding an existing session: %w", err)
		}
		refs[k] = workoutRef{id: id}
		sum.SessionsExisting++
	}
	return refs, nil
}

// exerciseColumns are written for every exercise row, in this order.
const exerciseColumns = "workout_id, user_id, started_at, position, input, exercise_id, class, notes, sets, " +
	"set_count, warmups, working_sets, reps, volume_kg, working_volume_kg, top_working_kg, top_working_reps, " +
	"best_e1rm_kg, longest_hold_s, seconds"

const exerciseColumnCount = 20

// exercisesPerInsert keeps a multi-row insert well under both engines'
// limits on bound parameters (32,766 for SQLite, 65,535 for PostgreSQL).
const exercisesPerInsert = 400

// exerciseArgs appends the values of one exercise row to args, in the
// order of exerciseColumns, and returns the summary it stored.
func exerciseArgs(args []any, workoutID, userID, started int64, pos int, e backload.ExerciseLog) ([]any, backload.ExerciseSummary) {
	sets := appendSets(nil, nonNilSets(e.Sets))
	s := e.Summary(backload.DefaultPolicy())
	return append(args, workoutID, userID, started, pos, e.Input, e.ExerciseID, e.Class, e.Notes, string(sets),
		s.Sets, s.WarmUps, s.WorkingSets, s.Reps, s.VolumeKg, s.WorkingVolumeKg, s.TopWorkingKg, s.TopWorkingReps,
		s.BestE1RMKg, s.LongestHoldS, s.Seconds), s
}

func nonNilSets(s []backload.Set) []backload.Set {
	if s == nil {
		return []backload.Set{}
	}
	return s
}

// exerciseBatch gathers exercise rows of new workouts into multi-row
// inserts of a fixed size, so the same prepared statement serves every
// insert but the last.
type exerciseBatch struct {
	tx   *Tx
	args []any
	rows int
}

func (b *exerciseBatch) add(ctx context.Context, workoutID, userID, started int64, pos int, e backload.ExerciseLog) error {
	var s backload.ExerciseSummary
	b.args, s = exerciseArgs(b.args, workoutID, userID, started, pos, e)
	b.rows++
	b.tx.addProgress(started, e, s)
	if b.rows == exercisesPerInsert {
		return b.flush(ctx)
	}
	return nil
}

func (b *exerciseBatch) flush(ctx context.Context) error {
	if b.rows == 0 {
		return nil
	}
	q := multiInsert("INSERT INTO exercise_logs ("+exerciseColumns+") VALUES ", exerciseColumnCount, b.rows, "")
	if _, err := b.tx.execCached(ctx, q, b.args...); err != nil {
		return fmt.Errorf("adding exercises: %w", err)
	}
	b.args, b.rows = b.args[:0], 0
	return nil
}

// addExercises writes the exercises of new workouts through the batch, and
// merges those of workouts already stored.
func (t *Tx) addExercises(ctx context.Context, userID int64, chunk []backload.Session, refs map[workoutKey]workoutRef,
	batch *exerciseBatch, sum *ImportSummary) error {
	for _, s := range chunk {
		ref := refs[keyOf(s)]
		started := unix(s.StartedAt)
		for i, e := range s.Exercises {
			if !ref.isNew {
				if err := t.mergeExercise(ctx, userID, ref.id, started, i, e, sum); err != nil {
					return err
				}
				continue
			}
			if err := batch.add(ctx, ref.id, userID, started, i, e); err != nil {
				return err
			}
			sum.SetsAdded += len(e.Sets)
		}
	}
	return nil
}

// insertExercise writes one exercise row.
func (t *Tx) insertExercise(ctx context.Context, userID, workoutID, started int64, pos int, e backload.ExerciseLog) error {
	args, s := exerciseArgs(nil, workoutID, userID, started, pos, e)
	if _, err := t.exec(ctx, "INSERT INTO exercise_logs ("+exerciseColumns+") VALUES "+placeholders(exerciseColumnCount), args...); err != nil {
		return fmt.Errorf("adding an exercise: %w", err)
	}
	t.addProgress(started, e, s)
	return nil
}

// mergeExercise adds an exercise to a workout that was already stored, or
// appends the sets it has beyond those stored.
func (t *Tx) mergeExercise(ctx context.Context, userID, workoutID, started int64, pos int, e backload.ExerciseLog, sum *ImportSummary) error {
	var id int64
	var raw string
	err := t.queryRow(ctx, "SELECT id, sets FROM exercise_logs WHERE workout_id = ? AND position = ?", workoutID, pos).Scan(&id, &raw)
	switch {
	case errors.Is(err, sql.ErrNoRows):
		sum.SetsAdded += len(e.Sets)
		return t.insertExercise(ctx, userID, workoutID, started, pos, e)
	case err != nil:
		return err
	}
	var stored []backload.Set
	if err := json.Unmarshal([]byte(raw), &stored); err != nil {
		return fmt.Errorf("reading stored sets of exercise %d: %w", id, err)
	}
	if len(e.Sets) <= len(stored) {
		sum.SetsExisting += len(e.Sets)
		return nil
	}
	sum.SetsExisting += len(stored)
	sum.SetsAdded += len(e.Sets) - len(stored)
	merged := e
	merged.Sets = append(stored, e.Sets[len(stored):]...)
	if _, err := t.exec(ctx, "DELETE FROM exercise_logs WHERE id = ?", id); err != nil {
		return err
	}
	t.markProgress(started)
	return t.insertExercise(ctx, userID, workoutID, started, pos, merged)
}

// nullID is NULL for a zero id, for optional references.
func nullID(id int64) any {
	if id == 0 {
		return nil
	}
	return id
}
