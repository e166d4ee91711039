package sqlstore_test

import (
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/backload/backload/internal/pgtest"
)

// postgresEnv names the PostgreSQL server the store tests also run on, as
// an administrator's URL: postgres://user:password@host:port/db. `make
// test` starts a throwaway one and sets it (scripts/with-postgres.sh).
const postgresEnv = pgtest.Env

// engineNames are the engines every store test runs on, as subtests.
var engineNames = []string{"sqlite", "postgres"}

// engines records which engine a subtest made by forEachEngine runs on,
// by the subtest's full name.
var engines sync.Map

// runner is *testing.T or *testing.B.
type runner[T testing.TB] interface {
	testing.TB
	Run(name string, f func(T)) bool
}

// forEachEngine runs test once per engine, as subtests "sqlite" and
// "postgres". MustOpenDB in the subtest, or in any subtest of it, opens a
// fresh database of that engine. The postgres subtest skips when
// BACKLOAD_TEST_POSTGRES is not set, and fails instead under CI=true: a CI
// that tested SQLite alone would pass untested code.
func forEachEngine[T runner[T]](tb T, test func(T)) {
	tb.Helper()
	for _, name := range engineNames {
		tb.Run(name, func(sub T) {
			if name == "postgres" && os.Getenv(postgresEnv) == "" {
				if os.Getenv("CI") == "true" {
					sub.Fatalf("%s is not set: under CI every store test must run on PostgreSQL too (make test starts one through scripts/with-postgres.sh)", postgresEnv)
				}
				sub.Skipf("%s is not set: `make test` starts a throwaway PostgreSQL", postgresEnv)
			}
			engines.Store(sub.Name(), name)
			sub.Cleanup(func() { engines.Delete(sub.Name()) })
			test(sub)
		})
	}
}

// sqliteOnly marks a test of what only SQLite has (a file to back up, its
// integrity check): it runs on SQLite alone, whatever the switch says.
func sqliteOnly(tb testing.TB) {
	tb.Helper()
	engines.Store(tb.Name(), "sqlite")
	tb.Cleanup(func() { engines.Delete(tb.Name()) })
}

// engineOf returns the engine tb runs on: the one recorded for tb or the
// nearest test it is a subtest of, else SQLite.
func engineOf(tb testing.TB) string {
	name := tb.Name()
	for {
		if e, ok := engines.Load(name); ok {
			return e.(string)
		}
		i := strings.LastIndexByte(name, '/')
		if i < 0 {
			return "sqlite"
		}
		name = name[:i]
	}
}

// MustNewDSN returns the DSN of a fresh, empty database on the engine tb
// runs on, removed when the test ends. On PostgreSQL that is a schema of
// its own, selected through search_path: creating a schema takes a
// millisecond where a database takes a tenth of a second.
func MustNewDSN(tb testing.TB) string {
	tb.Helper()
	if engineOf(tb) != "postgres" {
		return filepath.Join(tb.TempDir(), "test.db")
	}
	return pgtest.DSN(tb)
}
