package sqlstore_test

import (
	"context"
	"path/filepath"
	"testing"

	"github.com/backload/backload"
	"github.com/backload/backload/sqlstore"
)

// TestCopy moves a populated SQLite database into an empty database of
// each engine and checks nothing is lost: exports match, ids are kept and
// new rows get fresh ids after the copied ones.
func TestCopy(t *testing.T) {
	forEachEngine(t, func(t *testing.T) {
		ctx := context.Background()
		src, err := sqlstore.Open(ctx, filepath.Join(t.TempDir(), "src.db"))
		if err != nil {
			t.Fatal(err)
		}
		defer src.Close()
		a := MustCreateUser(t, src, "a@example.com")
		b := MustCreateUser(t, src, "b@example.com")
		if _, err := src.ImportSessions(ctx, a.ID, "a.csv", sampleSessions(30), []backload.DailyCheckIn{
			{Date: "2026-01-05", CheckIn: backload.CheckIn{Pain: 4, RedFlags: []backload.RedFlag{backload.NightPain}}, Note: "stiff"}}); err != nil {
			t.Fatal(err)
		}
		if _, err := src.AddSession(ctx, b.ID, sampleSessions(1)[0]); err != nil {
			t.Fatal(err)
		}
		if _, err := src.CreateAPIToken(ctx, a.ID, "script", "hash-a"); err != nil {
			t.Fatal(err)
		}

		dst := MustOpenDB(t)
		stats, err := src.CopyTo(ctx, dst, nil)
		if err != nil {
			t.Fatal(err)
		}
		if stats["users"] != 2 || stats["workouts"] != 31 || stats["checkins"] != 1 || stats["api_tokens"] != 1 {
			t.Errorf("copied %v", stats)
		}
		diffs, err := sqlstore.CompareExports(ctx, src, dst)
		if err != nil || len(diffs) != 0 {
			t.Errorf("exports differ for %v (%v)", diffs, err)
		}
		if u, err := dst.UserByAPIToken(ctx, "hash-a"); err != nil || u.Email != "a@example.com" {
			t.Errorf("token after copy: %+v %v", u, err)
		}
		// New rows take ids after the copied ones.
		c := MustCreateUser(t, dst, "c@example.com")
		if c.ID <= b.ID {
			t.Errorf("new user id %d, want above the copied %d", c.ID, b.ID)
		}
		if _, err := dst.AddSession(ctx, c.ID, sampleSessions(1)[0]); err != nil {
			t.Errorf("adding a session after the copy: %v", err)
		}
		t.Run("ErrNotEmpty", func(t *testing.T) {
			if _, err := src.CopyTo(ctx, dst, nil); err == nil {
				t.Error("copied into a database that holds accounts")
			}
		})
	})
}
