package sqlstore

import (
	"strconv"
	"strings"
)

// dialect is the seam between the engines: every query is written with ?
// placeholders in a common subset of SQL, and this is the one place that
// knows how they differ.
type dialect interface {
	name() string
	// rebind rewrites ? placeholders into the engine's own.
	rebind(query string) string
	isUniqueViolation(err error) bool
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
