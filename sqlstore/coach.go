package sqlstore

import (
	"context"
	"database/sql"
	"errors"

	"github.com/backload/backload"
)

// LastCheckIn returns the user's most recent check-in, and false when they
// have none.
func (db *DB) LastCheckIn(ctx context.Context, userID int64) (backload.DailyCheckIn, bool, error) {
	var c backload.DailyCheckIn
	var flags string
	err := db.queryRow(ctx, `SELECT day, pain, session_pain, morning_change, red_flags, note FROM checkins
		WHERE user_id = ? ORDER BY day DESC LIMIT 1`, userID).
		Scan(&c.Date, &c.Pain, &c.SessionPain, &c.MorningChange, &flags, &c.Note)
	if errors.Is(err, sql.ErrNoRows) {
		return c, false, nil
	}
	if err != nil {
		return c, false, err
	}
	c.RedFlags = splitFlags(flags)
	return c, true, nil
}
