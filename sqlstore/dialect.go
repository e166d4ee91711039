package sqlstore

import (
	"errors"
	"strconv"
	"strings"

	"github.com/jackc/pgx/v5/pgconn"
)

// dialect is the seam between the engines: every query is written with ?
// placeholders in a common subset of SQL, and this is the one place that
// knows how they differ.
type dialect interface {
	name() string
	// rebind rewrites ? placeholders into the engine's own.
	rebind(query string) string
	isUniqueViolation(err error) bool
	// migrationLock is a statement that, run first in the migration
	// transaction, keeps two processes from migrating at once; "" when the
	// engine's own locking already does.
	migrationLock() string
	// resetSequence is a statement that moves a table's generated ids past
	// the largest id in it, after rows were inserted with explicit ids; ""
	// when the engine needs none.
	resetSequence(table string) string
}

type sqliteDialect struct{}

func (sqliteDialect) name() string { return "sqlite" }

// rebind leaves ? alone: SQLite binds ? by order of appearance.
func (sqliteDialect) rebind(q string) string { return q }

func (sqliteDialect) isUniqueViolation(err error) bool {
	// modernc reports "constraint failed: UNIQUE constraint failed: ..." with
	// extended code 2067 (SQLITE_CONSTRAINT_UNIQUE) or 1555 (PRIMARYKEY).
	s := err.Error()
	return strings.Contains(s, "UNIQUE constraint failed") || strings.Contains(s, "(2067)") || strings.Contains(s, "(1555)")
}

// migrationLock is empty: the write transaction takes SQLite's write lock
// when it begins (_txlock=immediate), which already serialises migrations.
func (sqliteDialect) migrationLock() string { return "" }

// resetSequence is empty: an INTEGER PRIMARY KEY takes the largest id + 1.
func (sqliteDialect) resetSequence(string) string { return "" }

type postgresDialect struct{}

func (postgresDialect) name() string { return "postgres" }

func (postgresDialect) rebind(q string) string { return numbered(q) }

// pgUniqueViolation is PostgreSQL's SQLSTATE for unique_violation.
const pgUniqueViolation = "23505"

func (postgresDialect) isUniqueViolation(err error) bool {
	var pgErr *pgconn.PgError
	return errors.As(err, &pgErr) && pgErr.Code == pgUniqueViolation
}

// migrationLockKey names Backload's advisory lock: "backload" in ASCII.
const migrationLockKey = 0x6261636b6c6f6164

// migrationLock takes a transaction-scoped advisory lock, so that replicas
// starting together migrate one after the other: the second waits, then
// finds the schema current. Without it both would create the same tables
// and one would fail. The lock ends with the transaction.
func (postgresDialect) migrationLock() string {
	return "SELECT pg_advisory_xact_lock(" + strconv.FormatInt(migrationLockKey, 10) + ")"
}

// numbered rewrites each ? outside quotes into $1, $2, ... in order, as
// PostgreSQL expects.
func numbered(q string) string {
	var b strings.Builder
	b.Grow(len(q) + 16)
	n := 0
	inQuote := false
	for i := 0; i < len(q); i++ {
		c := q[i]
		switch {
		case c == '\'':
			inQuote = !inQuote
			b.WriteByte(c)
		case c == '?' && !inQuote:
			n++
			b.WriteByte('$')
			b.WriteString(strconv.Itoa(n))
		default:
			b.WriteByte(c)
		}
	}
	return b.String()
}

// resetSequence sets the identity sequence of table to its largest id, so
// the next generated id follows the copied ones.
func (postgresDialect) resetSequence(table string) string {
	return "SELECT setval(pg_get_serial_sequence('" + table + "', 'id'), COALESCE((SELECT MAX(id) FROM " + table + "), 0) + 1, false)"
}
