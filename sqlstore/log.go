package sqlstore

import (
	"context"
	"time"

	"github.com/backload/backload"
)

// LatestSession returns the user's newest session from source that started
// at or after from and before to: the session the web log keeps adding
// sets to. It returns ENOTFOUND when there is none.
func (db *DB) LatestSession(ctx context.Context, userID int64, source string, from, to time.Time) (backload.Session, error) {
	list, err := db.loadSessions(ctx, `w.id = (SELECT x.id FROM workouts x
			WHERE x.user_id = ? AND x.source = ? AND x.started_at >= ? AND x.started_at < ?
			ORDER BY x.started_at DESC, x.id DESC LIMIT 1)`, "w.id",
		userID, source, unix(from), unix(to))
	if err != nil {
		return backload.Session{}, err
	}
	if len(list) == 0 {
		return backload.Session{}, backload.Errorf(backload.ENOTFOUND, "no %s session in that time", source)
	}
	return list[0], nil
}

// SessionPage returns up to limit of the user's sessions, newest first,
// after skipping the offset newest: one page of the history.
func (db *DB) SessionPage(ctx context.Context, userID int64, offset, limit int) ([]backload.Session, error) {
	if offset < 0 {
		offset = 0
	}
	if limit <= 0 {
		return []backload.Session{}, nil
	}
	return db.loadSessions(ctx, `w.id IN (SELECT x.id FROM workouts x WHERE x.user_id = ?
			ORDER BY x.started_at DESC, x.id DESC LIMIT ? OFFSET ?)`,
		"w.started_at DESC, w.id DESC", userID, limit, offset)
}

// recentExerciseRows bounds how far back RecentExerciseNames looks, so a
// history of years costs no more than a few months of it.
const recentExerciseRows = 2000

// RecentExerciseNames returns the names the user logged most recently,
// newest first, each once, at most limit of them.
func (db *DB) RecentExerciseNames(ctx context.Context, userID int64, limit int) ([]string, error) {
	rows, err := db.query(ctx, `SELECT r.input FROM (SELECT input, started_at FROM exercise_logs
			WHERE user_id = ? ORDER BY started_at DESC LIMIT ?) r
		GROUP BY r.input ORDER BY MAX(r.started_at) DESC, r.input LIMIT ?`, userID, recentExerciseRows, limit)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := []string{}
	for rows.Next() {
		var name string
		if err := rows.Scan(&name); err != nil {
			return nil, err
		}
		out = append(out, name)
	}
	return out, rows.Err()
}
