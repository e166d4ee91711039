package sqlstore

import (
	"context"
	"time"
)

// The phases of an import, in order; it ends in ImportDone or
// ImportFailed.
const (
	ImportReceiving = "receiving" // the upload is arriving
	ImportReading   = "reading"   // the file is parsed; Done and Total count bytes
	ImportStoring   = "storing"   // sessions are written; Done and Total count sessions
	ImportDone      = "done"      // stored; Message summarises
	ImportFailed    = "failed"    // nothing stored; Message says why
)

// importProgressKept is how long a finished import's progress stays
// readable.
const importProgressKept = 24 * time.Hour

// ImportProgress is how far one of the user's imports has gone.
type ImportProgress struct {
	Key       string    `json:"key"`
	Phase     string    `json:"phase"`
	Done      int64     `json:"done"`
	Total     int64     `json:"total"`
	Message   string    `json:"message"`
	UpdatedAt time.Time `json:"updated_at"`
}

// SetImportProgress records p for the user, replacing what the key held,
// in a transaction of its own so every replica sees it at once. Starting
// an import (ImportReceiving) also forgets the user's imports of more than
// a day ago. Do not call it from inside a write transaction on SQLite,
// which has one write connection: see ImportSessionsProgress.
func (db *DB) SetImportProgress(ctx context.Context, userID int64, p ImportProgress) error {
	return db.inTx(ctx, func(tx *Tx) error {
		if p.Phase == ImportReceiving {
			if _, err := tx.exec(ctx, "DELETE FROM import_progress WHERE user_id = ? AND updated_at < ?",
				userID, unix(tx.now.Add(-importProgressKept))); err != nil {
				return err
			}
		}
		_, err := tx.exec(ctx, `INSERT INTO import_progress (user_id, progress_key, phase, done, total, message, updated_at)
			VALUES (?, ?, ?, ?, ?, ?, ?)
			ON CONFLICT (user_id, progress_key) DO UPDATE SET phase = excluded.phase, done = excluded.done,
				total = excluded.total, message = excluded.message, updated_at = excluded.updated_at`,
			userID, p.Key, p.Phase, p.Done, p.Total, p.Message, unix(tx.now))
		return err
	})
}

// ImportProgress returns the progress of the user's import named key, or
// ENOTFOUND when the user has none by that key (another user's key is
// none).
func (db *DB) ImportProgress(ctx context.Context, userID int64, key string) (ImportProgress, error) {
	p := ImportProgress{Key: key}
	var updated int64
	err := db.queryRow(ctx, `SELECT phase, done, total, message, updated_at FROM import_progress
		WHERE user_id = ? AND progress_key = ?`, userID, key).Scan(&p.Phase, &p.Done, &p.Total, &p.Message, &updated)
	if err != nil {
		return ImportProgress{}, notFound(err, "import "+key)
	}
	p.UpdatedAt = fromUnix(updated)
	return p, nil
}
