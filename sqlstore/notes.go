package sqlstore

import (
	"context"
	"time"
)

// SessionNote is a note written on a session, or on one exercise of it
// (Exercise names it then).
type SessionNote struct {
	StartedAt time.Time
	Title     string
	Exercise  string
	Text      string
}

// SessionNotes returns the user's session and exercise notes from one time
// to another, newest first, at most limit of them. It reads only rows with
// a note, through the user and time indexes, never the sets.
func (db *DB) SessionNotes(ctx context.Context, userID int64, from, to time.Time, limit int) ([]SessionNote, error) {
	rows, err := db.query(ctx, `SELECT started_at, title, exercise, notes FROM (
			SELECT w.started_at, w.title, '' AS exercise, w.notes, 0 AS position FROM workouts w
			WHERE w.user_id = ? AND w.started_at >= ? AND w.started_at < ? AND w.notes <> ''
			UNION ALL
			SELECT e.started_at, w.title, e.input, e.notes, e.position + 1 FROM exercise_logs e JOIN workouts w ON w.id = e.workout_id
			WHERE e.user_id = ? AND e.started_at >= ? AND e.started_at < ? AND e.notes <> ''
		) n ORDER BY started_at DESC, position LIMIT ?`,
		userID, unix(from), unix(to), userID, unix(from), unix(to), limit)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []SessionNote
	for rows.Next() {
		var n SessionNote
		var started int64
		if err := rows.Scan(&started, &n.Title, &n.Exercise, &n.Text); err != nil {
			return nil, err
		}
		n.StartedAt = fromUnix(started)
		out = append(out, n)
	}
	return out, rows.Err()
}
