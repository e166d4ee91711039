package sqlstore

import (
	"context"
	"encoding/json"
	"fmt"
	"strings"
)

// copyTables are every table of the schema, parents before children, so
// rows can be inserted with their ids and foreign keys in order.
var copyTables = []string{
	"users", "imports", "workouts", "exercise_logs", "progress_weeks", "progress_days", "checkins", "class_overrides",
	"auth_sessions", "api_tokens", "login_failures", "invites", "import_progress",
}

// idTables are the tables whose id column is generated, and so whose
// PostgreSQL sequence must move past the copied ids.
var idTables = map[string]bool{"users": true, "imports": true, "workouts": true, "exercise_logs": true,
	"checkins": true, "api_tokens": true, "invites": true}

// CopyStats counts the rows copied per table.
type CopyStats map[string]int

// SchemaVersion is the newest migration applied to the database.
func (db *DB) SchemaVersion(ctx context.Context) (int, error) {
	var v int
	err := db.queryRow(ctx, "SELECT COALESCE(MAX(version), 0) FROM schema_migrations").Scan(&v)
	return v, err
}

// CopyTo copies every row of db into dst, ids included, in one transaction
// on dst: an installation moves from SQLite to PostgreSQL (or back) without
// losing anything. dst must be at the same schema version and hold no
// data; it returns an error saying so otherwise.
func (db *DB) CopyTo(ctx context.Context, dst *DB, progress func(table string, rows int)) (CopyStats, error) {
	from, err := db.SchemaVersion(ctx)
	if err != nil {
		return nil, err
	}
	to, err := dst.SchemaVersion(ctx)
	if err != nil {
		return nil, err
	}
	if from != to {
		return nil, fmt.Errorf("the source is at schema version %d and the destination at %d: upgrade both to this version of Backload first", from, to)
	}
	if empty, err := dst.IsEmpty(ctx); err != nil || !empty {
		if err == nil {
			err = fmt.Errorf("the destination already holds accounts: copy into an empty database")
		}
		return nil, err
	}
	stats := CopyStats{}
	err = dst.inTx(ctx, func(tx *Tx) error {
		for _, table := range copyTables {
			n, err := db.copyTable(ctx, tx, table)
			if err != nil {
				return fmt.Errorf("copying %s: %w", table, err)
			}
			stats[table] = n
			if progress != nil {
				progress(table, n)
			}
			if idTables[table] {
				if q := tx.db.dialect.resetSequence(table); q != "" {
					if _, err := tx.exec(ctx, q); err != nil {
						return fmt.Errorf("moving the %s id sequence on: %w", table, err)
					}
				}
			}
		}
		return nil
	})
	return stats, err
}

// copyTable streams one table's rows into the destination transaction.
func (db *DB) copyTable(ctx context.Context, tx *Tx, table string) (int, error) {
	rows, err := db.read.QueryContext(ctx, "SELECT * FROM "+table)
	if err != nil {
		return 0, err
	}
	defer rows.Close()
	cols, err := rows.Columns()
	if err != nil {
		return 0, err
	}
	insert := "INSERT INTO " + table + " (" + strings.Join(cols, ", ") + ") VALUES " + placeholders(len(cols))
	vals := make([]any, len(cols))
	ptrs := make([]any, len(cols))
	for i := range vals {
		ptrs[i] = &vals[i]
	}
	n := 0
	for rows.Next() {
		if err := rows.Scan(ptrs...); err != nil {
			return n, err
		}
		for i, v := range vals {
			if b, ok := v.([]byte); ok {
				vals[i] = string(b) // TEXT comes back as bytes from some drivers
			}
		}
		if _, err := tx.execCached(ctx, insert, vals...); err != nil {
			return n, err
		}
		n++
	}
	return n, rows.Err()
}

// CompareExports compares every account's sessions and check-ins between
// two databases, as their exports would show them, and returns the emails
// of the accounts that differ.
func CompareExports(ctx context.Context, a, b *DB) ([]string, error) {
	users, err := a.Users(ctx)
	if err != nil {
		return nil, err
	}
	var diffs []string
	for _, u := range users {
		other, err := b.UserByEmail(ctx, u.Email)
		if err != nil {
			diffs = append(diffs, u.Email)
			continue
		}
		same, err := sameRecord(ctx, a, b, u.ID, other.ID)
		if err != nil {
			return nil, err
		}
		if !same {
			diffs = append(diffs, u.Email)
		}
	}
	return diffs, nil
}

func sameRecord(ctx context.Context, a, b *DB, idA, idB int64) (bool, error) {
	sa, err := a.Sessions(ctx, idA, SessionFilter{})
	if err != nil {
		return false, err
	}
	sb, err := b.Sessions(ctx, idB, SessionFilter{})
	if err != nil {
		return false, err
	}
	ca, err := a.CheckIns(ctx, idA, "", "")
	if err != nil {
		return false, err
	}
	cb, err := b.CheckIns(ctx, idB, "", "")
	if err != nil {
		return false, err
	}
	ja, _ := json.Marshal([]any{sa, ca})
	jb, _ := json.Marshal([]any{sb, cb})
	return string(ja) == string(jb), nil
}
