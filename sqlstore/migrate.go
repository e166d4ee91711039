package sqlstore

import (
	"context"
	"embed"
	"fmt"
	"io/fs"
	"path"
	"slices"
	"strconv"
	"strings"
)

//go:embed migrations
var migrationsFS embed.FS

// migration is one numbered schema change.
type migration struct {
	version int
	name    string
	sql     string
}

// migrations returns the dialect's migrations in order. File names start
// with their number ("0001_init.sql"); both dialects have the same numbers.
func migrations(dialect string) ([]migration, error) {
	dir := path.Join("migrations", dialect)
	entries, err := fs.ReadDir(migrationsFS, dir)
	if err != nil {
		return nil, err
	}
	var out []migration
	for _, e := range entries {
		num, _, ok := strings.Cut(e.Name(), "_")
		v, err := strconv.Atoi(num)
		if !ok || err != nil || !strings.HasSuffix(e.Name(), ".sql") {
			return nil, fmt.Errorf("migration %s: name must be NNNN_name.sql", e.Name())
		}
		raw, err := fs.ReadFile(migrationsFS, path.Join(dir, e.Name()))
		if err != nil {
			return nil, err
		}
		out = append(out, migration{version: v, name: e.Name(), sql: string(raw)})
	}
	slices.SortFunc(out, func(a, b migration) int { return a.version - b.version })
	return out, nil
}

// migrate applies, in one transaction, every migration newer than the
// schema_migrations table records, under the dialect's migration lock so
// that two processes starting at once cannot both apply them.
func (db *DB) migrate(ctx context.Context) error {
	list, err := migrations(db.dialect.name())
	if err != nil {
		return err
	}
	return db.inTx(ctx, func(tx *Tx) error {
		if lock := db.dialect.migrationLock(); lock != "" {
			if _, err := tx.exec(ctx, lock); err != nil {
				return fmt.Errorf("waiting for the migration lock: %w", err)
			}
		}
		if _, err := tx.exec(ctx, `CREATE TABLE IF NOT EXISTS schema_migrations (
			version BIGINT PRIMARY KEY, name TEXT NOT NULL, applied_at BIGINT NOT NULL)`); err != nil {
			return err
		}
		var current int
		if err := tx.queryRow(ctx, "SELECT COALESCE(MAX(version), 0) FROM schema_migrations").Scan(&current); err != nil {
			return err
		}
		for _, m := range list {
			if m.version <= current {
				continue
			}
			// Run as written, not rebound: a migration takes no arguments,
			// and a ? in its comments must not become $1.
			if _, err := tx.tx.ExecContext(ctx, m.sql); err != nil {
				return fmt.Errorf("%s: %w", m.name, err)
			}
			if _, err := tx.exec(ctx, "INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)",
				m.version, m.name, unix(tx.now)); err != nil {
				return err
			}
		}
		return nil
	})
}
