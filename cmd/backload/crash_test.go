package main

import (
	"bufio"
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"syscall"
	"testing"
	"time"

	"github.com/backload/backload/sqlstore"
)

// writeStrongExport writes a classic Strong export of n sets, in sessions
// of 20 titled title.
func writeStrongExport(t *testing.T, path, title string, n int) {
	t.Helper()
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	w := bufio.NewWriter(f)
	fmt.Fprintln(w, "Date,Workout Name,Duration,Exercise Name,Set Order,Weight,Reps,Distance,Seconds,Notes,Workout Notes,RPE")
	day := time.Date(2016, 1, 1, 7, 0, 0, 0, time.UTC)
	for i := 0; i < n; i++ {
		if i%20 == 0 {
			day = day.Add(26 * time.Hour)
		}
		fmt.Fprintf(w, "%s,%q,1h,\"Squat (Barbell)\",%d,100.0,5,0,0,,,\n", day.Format("2006-01-02 15:04:05"), title, i%20+1)
	}
	if err := w.Flush(); err != nil {
		t.Fatal(err)
	}
	f.Close()
}

// TestImportKilledHalfway kills a real import process at several points
// and checks that the database is consistent and holds no part of it.
func TestImportKilledHalfway(t *testing.T) {
	if testing.Short() {
		t.Skip("runs real processes")
	}
	dir := t.TempDir()
	export := filepath.Join(dir, "strong.csv")
	writeStrongExport(t, export, "Big", 100_000)
	for i, delay := range []time.Duration{50 * time.Millisecond, 200 * time.Millisecond, 400 * time.Millisecond, 700 * time.Millisecond, 1000 * time.Millisecond} {
		db := filepath.Join(dir, fmt.Sprintf("db%d.db", i))
		// A first import that completes, so there is something to keep.
		first := filepath.Join(dir, "first.csv")
		writeStrongExport(t, first, "First", 40)
		if out, err := binary(db, "import", first).CombinedOutput(); err != nil {
			t.Fatalf("first import: %v\n%s", err, out)
		}
		cmd := binary(db, "import", export)
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		time.Sleep(delay)
		cmd.Process.Signal(syscall.SIGKILL)
		state, _ := cmd.Process.Wait()

		store, err := sqlstore.Open(context.Background(), db)
		if err != nil {
			t.Fatalf("reopening after kill at %v: %v", delay, err)
		}
		ok, err := store.IntegrityCheck(context.Background())
		if err != nil || !ok {
			t.Errorf("kill at %v: integrity check failed (%v)", delay, err)
		}
		sessions, sets, err := store.Counts(context.Background())
		store.Close()
		if err != nil {
			t.Fatal(err)
		}
		finished := state != nil && state.Success()
		switch {
		case finished && sets != 100_040:
			t.Errorf("import finished before the kill at %v, but %d sets are stored", delay, sets)
		case !finished && (sessions != 2 || sets != 40):
			t.Errorf("kill at %v: %d sessions and %d sets stored, want only the first import's 2 and 40", delay, sessions, sets)
		}
		t.Logf("kill at %v: finished=%v, %d sessions, %d sets", delay, finished, sessions, sets)
	}
}

// binary runs this test binary as the backload command on db.
func binary(db string, args ...string) *exec.Cmd {
	cmd := exec.Command(os.Args[0], args...)
	cmd.Env = append(os.Environ(), "BACKLOAD_TEST_AS_MAIN=1", "BACKLOAD_DB="+db, "HOME="+filepath.Dir(db))
	return cmd
}
