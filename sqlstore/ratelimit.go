package sqlstore

import (
	"context"
	"database/sql"
	"errors"
	"time"
)

// LoginBlocked reports whether any of keys has reached limit failures
// within the current window, and if so how long until the window ends.
// The counts live in the database so every replica sees the same limits.
func (db *DB) LoginBlocked(ctx context.Context, keys []string, limits []int, window time.Duration) (time.Duration, error) {
	now := db.Now()
	var wait time.Duration
	for i, k := range keys {
		var start int64
		var failures int
		err := db.queryRow(ctx, "SELECT window_start, failures FROM login_failures WHERE limit_key = ?", k).Scan(&start, &failures)
		if errors.Is(err, sql.ErrNoRows) {
			continue
		}
		if err != nil {
			return 0, err
		}
		ends := fromUnix(start).Add(window)
		if failures >= limits[i] && now.Before(ends) {
			wait = max(wait, ends.Sub(now))
		}
	}
	return wait, nil
}

// RecordLoginFailure counts a failed log-in against each key, starting a
// new window where the old one has ended.
func (db *DB) RecordLoginFailure(ctx context.Context, keys []string, window time.Duration) error {
	return db.inTx(ctx, func(tx *Tx) error {
		now := unix(tx.now)
		expired := now - int64(window/time.Second)
		for _, k := range keys {
			_, err := tx.exec(ctx, `INSERT INTO login_failures (limit_key, window_start, failures) VALUES (?, ?, 1)
				ON CONFLICT (limit_key) DO UPDATE SET
					failures = CASE WHEN login_failures.window_start <= ? THEN 1 ELSE login_failures.failures + 1 END,
					window_start = CASE WHEN login_failures.window_start <= ? THEN excluded.window_start ELSE login_failures.window_start END`,
				k, now, expired, expired)
			if err != nil {
				return err
			}
		}
		return nil
	})
}

// ClearLoginFailures forgets the failures counted against key, after a
// successful log-in.
func (db *DB) ClearLoginFailures(ctx context.Context, key string) error {
	return db.inTx(ctx, func(tx *Tx) error {
		_, err := tx.exec(ctx, "DELETE FROM login_failures WHERE limit_key = ?", key)
		return err
	})
}
