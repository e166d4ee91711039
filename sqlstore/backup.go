package sqlstore

import (
	"context"
	"database/sql"
	"fmt"
	"os"

	"github.com/backload/backload"
)

// Backup writes a consistent copy of the database to path while it stays
// in use: SQLite's VACUUM INTO reads one snapshot, so writers carry on. It
// refuses to overwrite an existing file, and returns EINVALID for a
// PostgreSQL database, which pg_dump backs up.
func (db *DB) Backup(ctx context.Context, path string) error {
	if err := db.sqliteOnly("backup", "use pg_dump"); err != nil {
		return err
	}
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

// Restore replaces the database at target with the backup at source. It
// checks that source is a sound Backload database first, and refuses to
// replace a target that holds data unless force is set. The server must not
// be running on target. The copy is written beside target and renamed over
// it, so a failure leaves target as it was. Both are SQLite files: it
// returns EINVALID for a PostgreSQL database, which pg_restore restores.
func Restore(ctx context.Context, source, target string, force bool) error {
	if isPostgresDSN(source) || isPostgresDSN(target) {
		return backload.Errorf(backload.EINVALID, "restore of a PostgreSQL database: use pg_restore")
	}
	if _, err := os.Stat(source); err != nil {
		return fmt.Errorf("cannot read the backup: %w", err)
	}
	src, err := Open(ctx, source)
	if err != nil {
		return fmt.Errorf("%s is not a Backload database: %w", source, err)
	}
	sound, err := src.IntegrityCheck(ctx)
	src.Close()
	if err != nil || !sound {
		return fmt.Errorf("%s fails its integrity check (%v)", source, err)
	}
	if _, err := os.Stat(target); err == nil && !force {
		dst, err := Open(ctx, target)
		if err != nil {
			return err
		}
		empty, err := dst.IsEmpty(ctx)
		dst.Close()
		if err != nil {
			return err
		}
		if !empty {
			return backload.Errorf(backload.ECONFLICT, "%s already holds data: restore over it with --force", target)
		}
	}
	tmp := target + ".restoring"
	os.Remove(tmp)
	db, err := Open(ctx, source)
	if err != nil {
		return err
	}
	err = db.Backup(ctx, tmp)
	db.Close()
	if err != nil {
		return err
	}
	for _, suffix := range []string{"-wal", "-shm"} {
		os.Remove(target + suffix)
	}
	return os.Rename(tmp, target)
}

// IntegrityCheck runs SQLite's integrity check and reports whether it found
// the database sound. It returns EINVALID for a PostgreSQL database, whose
// pages pg_amcheck checks.
func (db *DB) IntegrityCheck(ctx context.Context) (bool, error) {
	if err := db.sqliteOnly("integrity check", "use pg_amcheck"); err != nil {
		return false, err
	}
	var res string
	err := db.queryRow(ctx, "PRAGMA integrity_check").Scan(&res)
	return res == "ok", err
}

// Counts returns how many sessions and sets the database holds, over all
// users.
func (db *DB) Counts(ctx context.Context) (sessions, sets int, err error) {
	err = db.queryRow(ctx, "SELECT (SELECT COUNT(*) FROM workouts), (SELECT COALESCE(SUM(set_count), 0) FROM exercise_logs)").Scan(&sessions, &sets)
	return sessions, sets, err
}

// sqliteOnly returns EINVALID naming what to use instead when what is asked
// of a database that is not SQLite: file-level tools would misbehave on a
// server's database.
func (db *DB) sqliteOnly(what, instead string) error {
	if db.dialect.name() == "sqlite" {
		return nil
	}
	return backload.Errorf(backload.EINVALID, "%s of a PostgreSQL database: %s", what, instead)
}
