package main

import (
	"bufio"
	"context"
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/backload/backload/internal/pgtest"
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

// TestImportKilledHalfway kills a real import process ten times on each
// engine, and checks that the database is consistent and holds no part of
// it.
func TestImportKilledHalfway(t *testing.T) {
	if testing.Short() {
		t.Skip("runs real processes")
	}
	dir := t.TempDir()
	export := filepath.Join(dir, "strong.csv")
	writeStrongExport(t, export, "Big", crashImportSets)
	first := filepath.Join(dir, "first.csv")
	writeStrongExport(t, first, "First", 40)
	engines := map[string]func(t *testing.T, i int) string{
		"sqlite":   func(t *testing.T, i int) string { return filepath.Join(dir, fmt.Sprintf("db%d.db", i)) },
		"postgres": func(t *testing.T, _ int) string { return pgtest.DSN(t) },
	}
	for _, engine := range []string{"sqlite", "postgres"} {
		t.Run(engine, func(t *testing.T) { importKilledHalfway(t, first, export, engines[engine]) })
	}
}

// crashImportSets is the size of the import killed: large enough that a
// kill lands in parsing, in storing or at the commit, small enough for ten
// rounds per engine under the race detector.
const crashImportSets = 20_000

// importKilledHalfway times one whole import of export, then kills ten
// more at random points spread over that time and a little past it: each
// database must then hold the whole import (when it finished first) or
// none of it, beside the small import made before.
func importKilledHalfway(t *testing.T, first, export string, newDB func(t *testing.T, i int) string) {
	const rounds = 10
	whole := time.Duration(0)
	for i := range rounds + 1 {
		db := newDB(t, i)
		if out, err := binary(db, "import", first).CombinedOutput(); err != nil {
			t.Fatalf("first import: %v\n%s", err, out)
		}
		cmd := binary(db, "import", export)
		start := time.Now()
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		var delay time.Duration
		if i == 0 { // the timing round: no kill
			if err := cmd.Wait(); err != nil {
				t.Fatalf("the whole import failed: %v", err)
			}
			whole = time.Since(start)
			t.Logf("a whole import of %d sets takes %v here", crashImportSets, whole.Round(time.Millisecond))
			continue
		}
		// Round i kills in the i-th tenth of 1.2 times the import's time.
		span := whole * 12 / 10 / rounds
		delay = time.Duration(i-1)*span + rand.N(span)
		time.Sleep(delay)
		cmd.Process.Signal(syscall.SIGKILL)
		state, _ := cmd.Process.Wait()

		store, err := sqlstore.Open(context.Background(), db)
		if err != nil {
			t.Fatalf("reopening after kill at %v: %v", delay, err)
		}
		checkIntegrity(t, store, fmt.Sprintf("after the kill at %v", delay))
		sessions, sets, err := store.Counts(context.Background())
		store.Close()
		if err != nil {
			t.Fatal(err)
		}
		// A kill may land after the commit but before the process exits:
		// then all of it is there though the process did not succeed.
		finished := state != nil && state.Success()
		whole, none := sessions == crashImportSets/20+2 && sets == crashImportSets+40, sessions == 2 && sets == 40
		switch {
		case finished && !whole:
			t.Errorf("import finished before the kill at %v, but %d sessions and %d sets are stored", delay, sessions, sets)
		case !whole && !none:
			t.Errorf("kill at %v: %d sessions and %d sets stored: a partial import (want the first import's 2 and 40, or all %d)",
				delay, sessions, sets, crashImportSets+40)
		}
		t.Logf("kill at %v: exited=%v, committed=%v", delay.Round(time.Millisecond), finished, whole)
	}
}

// binary runs this test binary as the backload command on db.
func binary(db string, args ...string) *exec.Cmd {
	cmd := exec.Command(os.Args[0], args...)
	home := filepath.Dir(db)
	if strings.Contains(db, "://") {
		home = os.TempDir()
	}
	cmd.Env = append(os.Environ(), "BACKLOAD_TEST_AS_MAIN=1", "BACKLOAD_DB="+db, "HOME="+home)
	return cmd
}
