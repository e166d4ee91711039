package sqlstore

import (
	"context"
	"database/sql"
	"fmt"
	"os"
)

// Backup writes a consistent copy of the database to path while it stays
// in use: SQLite's VACUUM INTO reads one snapshot, so writers carry on. It
// refuses to overwrite an existing file.
func (db *DB) Backup(ctx context.Context, path string) error {
	if _, err := os.Stat(path); err == nil {
		return fmt.Errorf("%s already exists; choose a new file name", path)
	}
	// A connection of its own: the read pool is query-only, and the write
	// connection must stay free for writers while the copy is made.
	conn, err := sql.Open("sqlite", sqliteDSN(db.Path, false))
	if err != nil {
		return err
	}
	defer conn.Close()
	if _, err := conn.ExecContext(ctx, "VACUUM INTO ?", path); err != nil {
		return fmt.Errorf("backing up to %s: %w", path, err)
	}
	return nil
}

// IsEmpty reports whether the database holds no user.
func (db *DB) IsEmpty(ctx context.Context) (bool, error) {
	var n int
	err := db.queryRow(ctx, "SELECT COUNT(*) FROM users").Scan(&n)
	return n == 0, err
}
