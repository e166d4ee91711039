// Package sqlstore keeps Backload's data in SQL: embedded SQLite by default,
// PostgreSQL for installations that outgrow one file. Every query is written
// once in a common subset of SQL with ? placeholders; the dialect seam
// rewrites what differs. Every query is scoped by user.
package sqlstore

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/backload/backload"
)

// DB is an open store. Writes go through a single connection so that
// writers queue in Go instead of fighting over SQLite's lock; reads use a
// pool of their own.
type DB struct {
	write   *sql.DB
	read    *sql.DB
	dialect dialect
	// Path is the database file for SQLite; empty for PostgreSQL.
	Path string
	// Now returns the current time; tests replace it.
	Now func() time.Time
}

// Open opens the database named by dsn (a file path, "file:..." or
// "sqlite:PATH") and applies any migration it lacks. It returns an error
// naming the database when it cannot be opened or migrated.
func Open(ctx context.Context, dsn string) (*DB, error) {
	db, err := openSQLite(dsn)
	if err != nil {
		return nil, err
	}
	if err := db.migrate(ctx); err != nil {
		db.Close()
		return nil, fmt.Errorf("migrating %s: %w", dsn, err)
	}
	return db, nil
}

// Close closes both pools.
func (db *DB) Close() error {
	return errors.Join(db.write.Close(), db.read.Close())
}

// Ping checks that the database answers.
func (db *DB) Ping(ctx context.Context) error {
	var one int
	return db.read.QueryRowContext(ctx, "SELECT 1").Scan(&one)
}

// Tx is a write transaction. Store methods open one and compose small
// helpers that take it, so each public method is atomic.
type Tx struct {
	tx  *sql.Tx
	db  *DB
	now time.Time
	// stmts caches prepared statements for the transaction's life: a large
	// import runs the same multi-row insert thousands of times, and parsing
	// it again each time was a quarter of the import's cost.
	stmts map[string]*sql.Stmt
}

// inTx runs fn in a write transaction and commits it when fn returns nil.
// The time is read once per transaction, so every row it writes agrees.
func (db *DB) inTx(ctx context.Context, fn func(*Tx) error) error {
	tx, err := db.write.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("begin: %w", err)
	}
	t := &Tx{tx: tx, db: db, now: db.Now().UTC()}
	defer t.closeStmts()
	if err := fn(t); err != nil {
		tx.Rollback()
		return err
	}
	if err := tx.Commit(); err != nil {
		return db.mapError(fmt.Errorf("commit: %w", err))
	}
	return nil
}

func (t *Tx) exec(ctx context.Context, query string, args ...any) (sql.Result, error) {
	r, err := t.tx.ExecContext(ctx, t.db.dialect.rebind(query), args...)
	return r, t.db.mapError(err)
}

func (t *Tx) queryRow(ctx context.Context, query string, args ...any) *sql.Row {
	return t.tx.QueryRowContext(ctx, t.db.dialect.rebind(query), args...)
}

func (t *Tx) query(ctx context.Context, query string, args ...any) (*sql.Rows, error) {
	return t.tx.QueryContext(ctx, t.db.dialect.rebind(query), args...)
}

// stmt returns a prepared statement for query, prepared once per
// transaction.
func (t *Tx) stmt(ctx context.Context, query string) (*sql.Stmt, error) {
	if st, ok := t.stmts[query]; ok {
		return st, nil
	}
	st, err := t.tx.PrepareContext(ctx, t.db.dialect.rebind(query))
	if err != nil {
		return nil, err
	}
	if t.stmts == nil {
		t.stmts = map[string]*sql.Stmt{}
	}
	t.stmts[query] = st
	return st, nil
}

func (t *Tx) closeStmts() {
	for _, st := range t.stmts {
		st.Close()
	}
}

// execCached runs a statement that repeats within the transaction.
func (t *Tx) execCached(ctx context.Context, query string, args ...any) (sql.Result, error) {
	st, err := t.stmt(ctx, query)
	if err != nil {
		return nil, err
	}
	r, err := st.ExecContext(ctx, args...)
	return r, t.db.mapError(err)
}

// queryCached runs a query that repeats within the transaction.
func (t *Tx) queryCached(ctx context.Context, query string, args ...any) (*sql.Rows, error) {
	st, err := t.stmt(ctx, query)
	if err != nil {
		return nil, err
	}
	return st.QueryContext(ctx, args...)
}

// queryRead runs a read-only query on the read pool.
func (db *DB) query(ctx context.Context, query string, args ...any) (*sql.Rows, error) {
	return db.read.QueryContext(ctx, db.dialect.rebind(query), args...)
}

func (db *DB) queryRow(ctx context.Context, query string, args ...any) *sql.Row {
	return db.read.QueryRowContext(ctx, db.dialect.rebind(query), args...)
}

// mapError turns driver errors users can act on into application errors:
// a unique violation is ECONFLICT. Other errors pass through.
func (db *DB) mapError(err error) error {
	if err == nil {
		return nil
	}
	if db.dialect.isUniqueViolation(err) {
		return &backload.Error{Code: backload.ECONFLICT, Message: "that already exists"}
	}
	return err
}

// notFound turns sql.ErrNoRows into an ENOTFOUND error about what.
func notFound(err error, what string) error {
	if errors.Is(err, sql.ErrNoRows) {
		return backload.Errorf(backload.ENOTFOUND, "%s not found", what)
	}
	return err
}

func unix(t time.Time) int64 { return t.Unix() }

func fromUnix(s int64) time.Time { return time.Unix(s, 0).UTC() }

// placeholders returns "(?, ?, ?)" for n columns.
func placeholders(n int) string {
	return "(" + strings.TrimSuffix(strings.Repeat("?, ", n), ", ") + ")"
}

// multiInsert builds prefix + rows groups of cols placeholders + suffix.
func multiInsert(prefix string, cols, rows int, suffix string) string {
	group := placeholders(cols)
	var b strings.Builder
	b.Grow(len(prefix) + rows*(len(group)+2) + len(suffix))
	b.WriteString(prefix)
	for i := range rows {
		if i > 0 {
			b.WriteString(", ")
		}
		b.WriteString(group)
	}
	b.WriteString(suffix)
	return b.String()
}
