package sqlstore_test

import (
	"context"
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/backload/backload"
	"github.com/backload/backload/sqlstore"
)

// TestMigrationsInStep checks that both engines have the same migrations,
// numbered and named the same: a schema change written for one engine
// only would pass that engine's tests and break the other in production.
func TestMigrationsInStep(t *testing.T) {
	names := func(engine string) []string {
		entries, err := os.ReadDir(filepath.Join("migrations", engine))
		if err != nil {
			t.Fatal(err)
		}
		var out []string
		for _, e := range entries {
			out = append(out, e.Name())
		}
		return out
	}
	sqlite, postgres := names("sqlite"), names("postgres")
	for _, n := range sqlite {
		if !slices.Contains(postgres, n) {
			t.Errorf("migrations/sqlite/%s has no twin in migrations/postgres", n)
		}
	}
	for _, n := range postgres {
		if !slices.Contains(sqlite, n) {
			t.Errorf("migrations/postgres/%s has no twin in migrations/sqlite", n)
		}
	}
}

// TestMigrateConcurrently opens one fresh database from several processes'
// worth of Opens at once, as replicas starting together do: each must
// succeed, the schema applied exactly once.
func TestMigrateConcurrently(t *testing.T) {
	forEachEngine(t, func(t *testing.T) {
		ctx := context.Background()
		dsn := MustNewDSN(t)
		const replicas = 4
		dbs := make([]*sqlstore.DB, replicas)
		errs := make([]error, replicas)
		var wg sync.WaitGroup
		for i := range replicas {
			wg.Go(func() { dbs[i], errs[i] = sqlstore.Open(ctx, dsn) })
		}
		wg.Wait()
		for i, err := range errs {
			if err != nil {
				t.Errorf("replica %d: %v", i, err)
				continue
			}
			t.Cleanup(func() { dbs[i].Close() })
		}
		if t.Failed() {
			return
		}
		u := MustCreateUser(t, dbs[0], "a@example.com")
		if got, err := dbs[replicas-1].UserByID(ctx, u.ID); err != nil || got.Email != u.Email {
			t.Errorf("another replica reads %+v, %v", got, err)
		}
	})
}

// TestSQLiteOnlyOnPostgres checks that what works on a SQLite file only
// refuses a PostgreSQL database with a clear EINVALID, instead of
// misbehaving.
func TestSQLiteOnlyOnPostgres(t *testing.T) {
	forEachEngine(t, func(t *testing.T) {
		ctx := context.Background()
		db := MustOpenDB(t)
		if db.Path != "" {
			t.Skip("SQLite: see TestBackupWhileOpen")
		}
		want := func(what string, err error, mention string) {
			t.Helper()
			if backload.ErrorCode(err) != backload.EINVALID || !strings.Contains(err.Error(), mention) {
				t.Errorf("%s: %v, want EINVALID mentioning %s", what, err, mention)
			}
		}
		want("Backup", db.Backup(ctx, filepath.Join(t.TempDir(), "copy.db")), "pg_dump")
		_, err := db.IntegrityCheck(ctx)
		want("IntegrityCheck", err, "pg_amcheck")
		want("Restore", sqlstore.Restore(ctx, filepath.Join(t.TempDir(), "b.db"), "postgres://localhost/x", false), "pg_restore")
	})
}

// TestEveryStoreTestRunsOnBothEngines keeps the suite honest: a test that
// opens a database must run through forEachEngine, or say it is
// sqliteOnly.
func TestEveryStoreTestRunsOnBothEngines(t *testing.T) {
	files, err := filepath.Glob("*_test.go")
	if err != nil {
		t.Fatal(err)
	}
	fset := token.NewFileSet()
	for _, name := range files {
		f, err := parser.ParseFile(fset, name, nil, 0)
		if err != nil {
			t.Fatal(err)
		}
		for _, d := range f.Decls {
			fn, ok := d.(*ast.FuncDecl)
			if !ok || fn.Recv != nil || !strings.HasPrefix(fn.Name.Name, "Test") || fn.Body == nil {
				continue
			}
			calls := map[string]bool{}
			ast.Inspect(fn.Body, func(n ast.Node) bool {
				if c, ok := n.(*ast.CallExpr); ok {
					if id, ok := c.Fun.(*ast.Ident); ok {
						calls[id.Name] = true
					}
					if ix, ok := c.Fun.(*ast.IndexExpr); ok { // forEachEngine[*testing.T](...)
						if id, ok := ix.X.(*ast.Ident); ok {
							calls[id.Name] = true
						}
					}
				}
				return true
			})
			opens := calls["MustOpenDB"] || calls["MustNewDSN"]
			if opens && !calls["forEachEngine"] && !calls["sqliteOnly"] {
				t.Errorf("%s: %s opens a database outside forEachEngine: wrap its body in forEachEngine(t, func(t *testing.T) {...}), or call sqliteOnly(t) if only SQLite has what it tests",
					fset.Position(fn.Pos()), fn.Name.Name)
			}
		}
	}
}
