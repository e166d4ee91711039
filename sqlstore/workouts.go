package sqlstore

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"time"

	"github.com/backload/backload"
)

// SessionFilter narrows a session query. Zero values mean no bound.
type SessionFilter struct {
	From, To time.Time // started at or after From, before To
	Title    string    // exact title
	Limit    int       // newest first when set
}

// Sessions returns the user's sessions with their exercises and sets,
// oldest first (newest first when Limit is set).
func (db *DB) Sessions(ctx context.Context, userID int64, f SessionFilter) ([]backload.Session, error) {
	where := "w.user_id = ?"
	args := []any{userID}
	if !f.From.IsZero() {
		where += " AND w.started_at >= ?"
		args = append(args, unix(f.From))
	}
	if !f.To.IsZero() {
		where += " AND w.started_at < ?"
		args = append(args, unix(f.To))
	}
	if f.Title != "" {
		where += " AND w.title = ?"
		args = append(args, f.Title)
	}
	order := "w.started_at, w.id"
	ids := "SELECT w.id FROM workouts w WHERE " + where
	if f.Limit > 0 {
		ids += " ORDER BY w.started_at DESC, w.id DESC LIMIT ?"
		args = append(args, f.Limit)
		order = "w.started_at DESC, w.id DESC"
	}
	return db.loadSessions(ctx, "w.id IN ("+ids+")", order, args...)
}

// Session returns one of the user's sessions, or ENOTFOUND: another user's
// session is not found either.
func (db *DB) Session(ctx context.Context, userID, id int64) (backload.Session, error) {
	list, err := db.loadSessions(ctx, "w.id = ? AND w.user_id = ?", "w.id", id, userID)
	if err != nil {
		return backload.Session{}, err
	}
	if len(list) == 0 {
		return backload.Session{}, backload.Errorf(backload.ENOTFOUND, "session %d not found", id)
	}
	return list[0], nil
}

// loadSessions reads whole sessions in one joined query.
func (db *DB) loadSessions(ctx context.Context, where, order string, args ...any) ([]backload.Session, error) {
	rows, err := db.query(ctx, `SELECT w.id, w.started_at, w.title, w.source, w.notes, w.duration_s,
			e.input, e.exercise_id, e.class, e.notes, e.sets
		FROM workouts w
		LEFT JOIN exercise_logs e ON e.workout_id = w.id
		WHERE `+where+`
		ORDER BY `+order+`, e.position`, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := []backload.Session{}
	var cur *backload.Session
	for rows.Next() {
		var (
			id, started                       int64
			s                                 backload.Session
			input, exID, class, notes, setsJS sql.NullString
		)
		if err := rows.Scan(&id, &started, &s.Title, &s.Source, &s.Notes, &s.DurationSec,
			&input, &exID, &class, &notes, &setsJS); err != nil {
			return nil, err
		}
		if cur == nil || cur.ID != id {
			s.ID = id
			s.StartedAt = fromUnix(started)
			s.Exercises = []backload.ExerciseLog{}
			out = append(out, s)
			cur = &out[len(out)-1]
		}
		if !input.Valid {
			continue // a workout with no exercises
		}
		e := backload.ExerciseLog{Input: input.String, ExerciseID: exID.String, Class: backload.Class(class.String), Notes: notes.String}
		if err := json.Unmarshal([]byte(setsJS.String), &e.Sets); err != nil {
			return nil, fmt.Errorf("reading the sets of session %d: %w", id, err)
		}
		cur.Exercises = append(cur.Exercises, e)
	}
	return out, rows.Err()
}

// AddSession stores one new session and returns its id. It returns
// ECONFLICT when the user already has a session with that source, start
// time and title.
func (db *DB) AddSession(ctx context.Context, userID int64, s backload.Session) (int64, error) {
	var id int64
	err := db.inTx(ctx, func(tx *Tx) error {
		var sum ImportSummary
		refs, err := tx.upsertWorkouts(ctx, userID, 0, []backload.Session{s}, &sum)
		if err != nil {
			return err
		}
		if sum.SessionsAdded == 0 {
			return backload.Errorf(backload.ECONFLICT, "a session %q starting at %s already exists", s.Title, s.StartedAt.Format(time.RFC3339))
		}
		id = refs[keyOf(s)].id
		if err := tx.addContent(ctx, userID, s, id); err != nil {
			return err
		}
		return tx.touch(ctx, userID)
	})
	return id, err
}

// ReplaceSession overwrites one of the user's sessions with s, keeping its
// id. It returns ENOTFOUND when the session is not the user's.
func (db *DB) ReplaceSession(ctx context.Context, userID, id int64, s backload.Session) error {
	return db.inTx(ctx, func(tx *Tx) error {
		var was int64
		err := tx.queryRow(ctx, "SELECT started_at FROM workouts WHERE id = ? AND user_id = ?", id, userID).Scan(&was)
		if errors.Is(err, sql.ErrNoRows) {
			return backload.Errorf(backload.ENOTFOUND, "session %d not found", id)
		}
		if err != nil {
			return err
		}
		tx.markProgress(was)
		if _, err := tx.exec(ctx, `UPDATE workouts SET source = ?, started_at = ?, title = ?, notes = ?, duration_s = ?
			WHERE id = ? AND user_id = ?`, s.Source, unix(s.StartedAt), s.Title, s.Notes, s.DurationSec, id, userID); err != nil {
			return err
		}
		if _, err := tx.exec(ctx, "DELETE FROM exercise_logs WHERE workout_id = ?", id); err != nil {
			return err
		}
		if err := tx.addContent(ctx, userID, s, id); err != nil {
			return err
		}
		return tx.touch(ctx, userID)
	})
}

// addContent adds the exercises of a session whose workout row exists.
func (t *Tx) addContent(ctx context.Context, userID int64, s backload.Session, workoutID int64) error {
	for i, e := range s.Exercises {
		if err := t.insertExercise(ctx, userID, workoutID, unix(s.StartedAt), i, e); err != nil {
			return err
		}
	}
	return nil
}

// DeleteSession removes one of the user's sessions with its sets. It
// returns ENOTFOUND when the session is not the user's.
func (db *DB) DeleteSession(ctx context.Context, userID, id int64) error {
	return db.inTx(ctx, func(tx *Tx) error {
		var was int64
		err := tx.queryRow(ctx, "DELETE FROM workouts WHERE id = ? AND user_id = ? RETURNING started_at", id, userID).Scan(&was)
		if errors.Is(err, sql.ErrNoRows) {
			return backload.Errorf(backload.ENOTFOUND, "session %d not found", id)
		}
		if err != nil {
			return err
		}
		tx.markProgress(was)
		return tx.touch(ctx, userID)
	})
}
