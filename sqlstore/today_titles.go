package sqlstore

import "context"

// RecentTitles returns the user's distinct non-empty session titles, the
// most recently trained first, at most limit of them: the sessions a lifter
// can choose to plan today from.
func (db *DB) RecentTitles(ctx context.Context, userID int64, limit int) ([]string, error) {
	rows, err := db.query(ctx, `SELECT title FROM workouts WHERE user_id = ? AND title <> ''
		GROUP BY title ORDER BY MAX(started_at) DESC, title LIMIT ?`, userID, limit)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := []string{}
	for rows.Next() {
		var t string
		if err := rows.Scan(&t); err != nil {
			return nil, err
		}
		out = append(out, t)
	}
	return out, rows.Err()
}
