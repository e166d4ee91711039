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

// DB is an open store. On SQLite, writes go through a single connection so
// that writers queue in Go instead of fighting over the file's lock, and
// reads use a pool of their own; on PostgreSQL, write and read are one
// pool.
type DB struct {
	write   *sql.DB
	read    *sql.DB
	dialect dialect
	// Path is the database file for SQLite; empty for PostgreSQL.
	Path string
	// Now returns the current time; tests replace it.
	Now func() time.Time
	// reads caches the read pool's prepared statements.
	reads stmtCache
}

// Open opens the database named by dsn and applies any migration it lacks:
// PostgreSQL for "postgres://..." or "postgresql://...", else a SQLite file
// (a path, "file:..." or "sqlite:PATH"). It returns an error naming the
// database, without its password, when it cannot be opened or migrated.
func Open(ctx context.Context, dsn string) (*DB, error) {
	var db *DB
	var err error
	if isPostgresDSN(dsn) {
		db, err = openPostgres(ctx, dsn)
	} else {
		db, err = openSQLite(dsn)
	}
	if err != nil {
		return nil, err
	}
	if err := db.migrate(ctx); err != nil {
		db.Close()
		return nil, fmt.Errorf("migrating %s: %w", RedactDSN(dsn), err)
	}
	return db, nil
}

// Close closes the pools.
func (db *DB) Close() error {
	db.reads.close()
	if db.read == db.write {
		return db.write.Close()
	}
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
	// progressStarts are the start times of the sessions whose exercise
	// rows the transaction changed or removed, for touch to recompute their
	// weeks' progress aggregates; progressAdds the rows it inserted, for
	// touch to add to the aggregates of the other weeks.
	progressStarts []int64
	progressAdds   []progressAdd
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
		// Mapped here too, because a QueryRow's error only surfaces at
		// Scan, past the helpers that map what Exec returns.
		return db.mapError(err)
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
	if st := db.prepared(ctx, query); st != nil {
		return st.QueryContext(ctx, args...)
	}
	return db.read.QueryContext(ctx, db.dialect.rebind(query), args...)
}

func (db *DB) queryRow(ctx context.Context, query string, args ...any) *sql.Row {
	if st := db.prepared(ctx, query); st != nil {
		return st.QueryRowContext(ctx, args...)
	}
	return db.read.QueryRowContext(ctx, db.dialect.rebind(query), args...)
}

// prepared is the cached statement for a read query on SQLite, or nil
// where the query should run as it is (PostgreSQL, a full cache, or an
// error, which the unprepared run then reports).
func (db *DB) prepared(ctx context.Context, query string) *sql.Stmt {
	if db.dialect.name() != "sqlite" {
		return nil
	}
	st, err := db.reads.get(ctx, db.read, query)
	if err != nil {
		return nil
	}
	return st
}

// mapError turns driver errors users can act on into application errors:
// a unique violation is ECONFLICT. Other errors pass through.
func (db *DB) mapError(err error) error {
	var appErr *backload.Error
	if err == nil || errors.As(err, &appErr) {
		return err // already an application error, or none
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

// Engine names the database engine: "sqlite" or "postgres".
func (db *DB) Engine() string { return db.dialect.name() }
