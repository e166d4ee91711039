package sqlstore

import (
	"context"
	"strings"

	"github.com/backload/backload"
)

func joinFlags(flags []backload.RedFlag) string {
	s := make([]string, len(flags))
	for i, f := range flags {
		s[i] = string(f)
	}
	return strings.Join(s, ",")
}

func splitFlags(s string) []backload.RedFlag {
	out := []backload.RedFlag{}
	for _, f := range strings.Split(s, ",") {
		if f != "" {
			out = append(out, backload.RedFlag(f))
		}
	}
	return out
}

// insertCheckIn adds a check-in unless the day already has one, and reports
// whether it did.
func (t *Tx) insertCheckIn(ctx context.Context, userID int64, c backload.DailyCheckIn) (bool, error) {
	r, err := t.exec(ctx, `INSERT INTO checkins (user_id, day, pain, session_pain, morning_change, red_flags, note, updated_at)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (user_id, day) DO NOTHING`,
		userID, c.Date, c.Pain, c.SessionPain, c.MorningChange, joinFlags(c.RedFlags), c.Note, unix(t.now))
	if err != nil {
		return false, err
	}
	n, _ := r.RowsAffected()
	return n > 0, nil
}

// SaveCheckIn stores the day's check-in, replacing the one already stored
// for that day: one check-in a day, the latest answer wins.
func (db *DB) SaveCheckIn(ctx context.Context, userID int64, c backload.DailyCheckIn) error {
	return db.inTx(ctx, func(tx *Tx) error {
		_, err := tx.exec(ctx, `INSERT INTO checkins (user_id, day, pain, session_pain, morning_change, red_flags, note, updated_at)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?)
			ON CONFLICT (user_id, day) DO UPDATE SET pain = excluded.pain, session_pain = excluded.session_pain,
				morning_change = excluded.morning_change, red_flags = excluded.red_flags, note = excluded.note,
				updated_at = excluded.updated_at`,
			userID, c.Date, c.Pain, c.SessionPain, c.MorningChange, joinFlags(c.RedFlags), c.Note, unix(tx.now))
		if err != nil {
			return err
		}
		return tx.touch(ctx, userID)
	})
}

// CheckIns returns the user's check-ins from one day to another, both
// inclusive and written YYYY-MM-DD (either may be empty for no bound),
// oldest first.
func (db *DB) CheckIns(ctx context.Context, userID int64, from, to string) ([]backload.DailyCheckIn, error) {
	if to == "" {
		to = "9999-12-31"
	}
	rows, err := db.query(ctx, `SELECT day, pain, session_pain, morning_change, red_flags, note FROM checkins
		WHERE user_id = ? AND day >= ? AND day <= ? ORDER BY day`, userID, from, to)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := []backload.DailyCheckIn{}
	for rows.Next() {
		var c backload.DailyCheckIn
		var flags string
		if err := rows.Scan(&c.Date, &c.Pain, &c.SessionPain, &c.MorningChange, &flags, &c.Note); err != nil {
			return nil, err
		}
		c.RedFlags = splitFlags(flags)
		out = append(out, c)
	}
	return out, rows.Err()
}
