package sqlstore

import (
	"errors"
	"fmt"
	"testing"

	"github.com/jackc/pgx/v5/pgconn"
)

func TestNumbered(t *testing.T) {
	tests := []struct{ in, want string }{
		{"SELECT 1", "SELECT 1"},
		{"a = ? AND b = ?", "a = $1 AND b = $2"},
		{"note = '?' AND id = ?", "note = '?' AND id = $1"},
		{"x = 'it''s ?' AND y IN (?, ?)", "x = 'it''s ?' AND y IN ($1, $2)"},
		{multiInsert("INSERT INTO t VALUES ", 2, 2, ""), "INSERT INTO t VALUES ($1, $2), ($3, $4)"},
	}
	for _, tc := range tests {
		if got := numbered(tc.in); got != tc.want {
			t.Errorf("numbered(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

func TestPostgresUniqueViolation(t *testing.T) {
	d := postgresDialect{}
	wrapped := fmt.Errorf("adding: %w", &pgconn.PgError{Code: "23505"})
	if !d.isUniqueViolation(wrapped) {
		t.Error("a wrapped 23505 is not a unique violation")
	}
	if d.isUniqueViolation(&pgconn.PgError{Code: "23503"}) {
		t.Error("a foreign key violation (23503) is taken for a unique violation")
	}
	if d.isUniqueViolation(errors.New("duplicate key value violates unique constraint")) {
		t.Error("a plain error is taken for a unique violation")
	}
}

func TestRedactDSN(t *testing.T) {
	tests := []struct{ in, want string }{
		{"/var/lib/backload.db", "/var/lib/backload.db"},
		{"postgres://app:s3cret@db:5432/backload?sslmode=require", "postgres://app:xxxxx@db:5432/backload?sslmode=require"},
		{"postgresql://db/backload", "postgresql://db/backload"},
	}
	for _, tc := range tests {
		if got := RedactDSN(tc.in); got != tc.want {
			t.Errorf("RedactDSN(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}
