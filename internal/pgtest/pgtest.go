// Package pgtest gives tests a fresh PostgreSQL schema on the server named
// by BACKLOAD_TEST_POSTGRES (make test starts one, see
// scripts/with-postgres.sh). A schema per test costs well under a
// millisecond where a database costs a hundred.
package pgtest

import (
	"context"
	"crypto/rand"
	"database/sql"
	"fmt"
	"net/url"
	"os"
	"strings"
	"sync"
	"testing"

	_ "github.com/jackc/pgx/v5/stdlib" // registers the "pgx" driver
)

// Env names the variable holding the test server's URL.
const Env = "BACKLOAD_TEST_POSTGRES"

// Available reports whether a test server is configured.
func Available() bool { return os.Getenv(Env) != "" }

// Require skips the test when no server is configured, or fails it under
// CI=true, where PostgreSQL must always be tested.
func Require(tb testing.TB) {
	tb.Helper()
	if Available() {
		return
	}
	if os.Getenv("CI") == "true" {
		tb.Fatalf("%s is not set: under CI every PostgreSQL test must run (make test starts one through scripts/with-postgres.sh)", Env)
	}
	tb.Skipf("%s is not set: `make test` starts a throwaway PostgreSQL", Env)
}

// DSN creates a fresh schema, dropped when the test ends, and returns a
// DSN whose search_path points at it. It calls Require first.
func DSN(tb testing.TB) string {
	tb.Helper()
	Require(tb)
	admin, err := connect()
	if err != nil {
		tb.Fatalf("%s: %v", Env, err)
	}
	schema := "test_" + strings.ToLower(rand.Text())
	if _, err := admin.db.Exec("CREATE SCHEMA " + schema); err != nil {
		tb.Fatalf("creating a test schema: %v", err)
	}
	tb.Cleanup(func() {
		if _, err := admin.db.Exec("DROP SCHEMA " + schema + " CASCADE"); err != nil {
			tb.Errorf("dropping test schema %s: %v", schema, err)
		}
	})
	u := *admin.base
	q := u.Query()
	q.Set("search_path", schema)
	u.RawQuery = q.Encode()
	return u.String()
}

type server struct {
	db   *sql.DB
	base *url.URL
}

// connect reaches the test server once for the whole run.
var connect = sync.OnceValues(func() (server, error) {
	base, err := url.Parse(os.Getenv(Env))
	if err != nil || (base.Scheme != "postgres" && base.Scheme != "postgresql") {
		return server{}, fmt.Errorf("not a postgres:// URL")
	}
	db, err := sql.Open("pgx", base.String())
	if err != nil {
		return server{}, err
	}
	db.SetMaxOpenConns(2)
	if err := db.PingContext(context.Background()); err != nil {
		db.Close()
		return server{}, fmt.Errorf("connecting to %s: %w", base.Redacted(), err)
	}
	return server{db: db, base: base}, nil
})
