package web

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/backload/backload/internal/pgtest"
	"github.com/backload/backload/sqlstore"
)

// progressOf reads an import's progress through c, failing unless the
// answer is want.
func progressOf(t *testing.T, c *client, key string, want int) importProgressView {
	t.Helper()
	status, body := c.do("GET", "/api/v1/imports/progress/"+key, nil)
	if status != want {
		t.Fatalf("progress of %s: %d %s, want %d", key, status, body, want)
	}
	var p importProgressView
	json.Unmarshal(body, &p)
	return p
}

func TestImportProgress(t *testing.T) {
	ts := newTestServer(t)
	c := ts.signUp(t, "progress@example.com", "")
	other := ts.signUp(t, "nosy@example.com", "")

	t.Run("a finished import says what it added", func(t *testing.T) {
		if status, body := c.upload("/api/v1/imports", "s.csv", []byte(strongCSV), map[string]string{"progress": "form-field-1"}); status != 200 {
			t.Fatalf("import: %d %s", status, body)
		}
		p := progressOf(t, c, "form-field-1", 200)
		if p.Phase != sqlstore.ImportDone || p.Percent != 100 || p.Message != "Sessions: 1 added, 0 already stored. Sets: 2 added, 0 already stored." {
			t.Errorf("progress %+v, want done at 100%% saying what was added", p)
		}
	})
	t.Run("a failed import says why", func(t *testing.T) {
		status, body := c.upload("/api/v1/imports?progress=broken-file-1", "s.csv", []byte("Date,Workout Name,Exercise Name,Set Order,Weight,Reps\nyesterday,A,Squat,1,100,5\n"), nil)
		if status != 422 {
			t.Fatalf("import of a bad file: %d %s", status, body)
		}
		p := progressOf(t, c, "broken-file-1", 200)
		if p.Phase != sqlstore.ImportFailed || !strings.Contains(p.Message, "yesterday") {
			t.Errorf("progress %+v, want failed naming the bad date", p)
		}
	})
	t.Run("the key is the importer's own", func(t *testing.T) {
		progressOf(t, other, "form-field-1", 404)
		progressOf(t, c, "never-used-key", 404)
	})
	t.Run("a malformed key is refused before anything is stored", func(t *testing.T) {
		status, body := c.upload("/api/v1/imports?progress=no+spaces+please", "s.csv", []byte(strings.ReplaceAll(strongCSV, "Legs", "Other")), nil)
		wantError(t, status, body, 400, "progress")
		status, body = c.do("GET", "/api/v1/imports/progress/x", nil)
		wantError(t, status, body, 400, "key")
		status, body = c.do("GET", "/api/v1/imports/progress/"+strings.Repeat("k", 500), nil)
		wantError(t, status, body, 400, "key")
		_, list := c.do("GET", "/api/v1/sessions", nil)
		if strings.Contains(string(list), "Other") {
			t.Errorf("the refused import was stored: %s", list)
		}
	})
}

// bigStrongCSV is a Strong export of n sets, 20 to a session.
func bigStrongCSV(n int) []byte {
	var b strings.Builder
	b.WriteString("Date,Workout Name,Duration,Exercise Name,Set Order,Weight,Reps,Distance,Seconds,Notes,Workout Notes,RPE\n")
	day := time.Date(2016, 1, 1, 7, 0, 0, 0, time.UTC)
	for i := range n {
		if i%20 == 0 {
			day = day.Add(26 * time.Hour)
		}
		fmt.Fprintf(&b, "%s,\"Big\",1h,\"Squat (Barbell)\",%d,100.0,5,0,0,,,\n", day.Format("2006-01-02 15:04:05"), i%20+1)
	}
	return []byte(b.String())
}

// TestImportProgressAcrossReplicas runs a large import through one replica
// and follows it through the other, as a load balancer would send the
// polls: the progress lives in the database, so the second replica sees
// the import move through its phases, sessions stored while the
// transaction is still open, and how it ended.
func TestImportProgressAcrossReplicas(t *testing.T) {
	dsn := pgtest.DSN(t)
	a, b := replica(t, dsn), replica(t, dsn)
	runner := a.signUp(t, "big@example.com", "")
	watcher := *runner
	watcher.ts = b

	const sets = 40_000
	var wg sync.WaitGroup
	wg.Go(func() {
		if status, body := runner.upload("/api/v1/imports?progress=big-import-1", "big.csv", bigStrongCSV(sets), nil); status != 200 {
			t.Errorf("import: %d %s", status, body)
		}
	})
	seen := map[string]bool{}
	midStore := false
	deadline := time.Now().Add(2 * time.Minute)
	for time.Now().Before(deadline) {
		status, body := watcher.do("GET", "/api/v1/imports/progress/big-import-1", nil)
		if status == 404 {
			continue // not started yet
		}
		var p importProgressView
		if err := json.Unmarshal(body, &p); status != 200 || err != nil {
			t.Fatalf("progress through the other replica: %d %s", status, body)
		}
		seen[p.Phase] = true
		if p.Phase == sqlstore.ImportStoring && p.Done > 0 && p.Done < p.Total {
			midStore = true
		}
		if p.Phase == sqlstore.ImportDone || p.Phase == sqlstore.ImportFailed {
			if p.Phase != sqlstore.ImportDone || p.Percent != 100 {
				t.Errorf("the import ended %+v", p)
			}
			break
		}
		time.Sleep(10 * time.Millisecond)
	}
	wg.Wait()
	if !seen[sqlstore.ImportStoring] || !seen[sqlstore.ImportDone] || !midStore {
		t.Errorf("phases seen through the other replica: %v, part-way through storing: %v; want storing, part-way, and done", seen, midStore)
	}
}

// TestImportProgressManyAtOnce runs more imports at once than a replica has
// PostgreSQL connections, each recording its progress while its
// transaction holds a connection: progress must never wait on a
// connection the imports themselves hold.
func TestImportProgressManyAtOnce(t *testing.T) {
	ts := replica(t, pgtest.DSN(t))
	// Every step written, so each import writes while it holds its
	// transaction's connection.
	defer func(every time.Duration) { importProgressEvery = every }(importProgressEvery)
	importProgressEvery = 0
	const imports = 24 // three times the pool's 8 connections on this machine
	file := bigStrongCSV(8_000)
	var wg sync.WaitGroup
	for i := range imports {
		c := ts.signUp(t, fmt.Sprintf("many%d@example.com", i), "")
		c.http.Timeout = time.Minute
		wg.Go(func() {
			status, body := c.upload(fmt.Sprintf("/api/v1/imports?progress=many-at-once-%d", i), "big.csv", file, nil)
			if status != 200 {
				t.Errorf("import %d: %d %s", i, status, body)
				return
			}
			status, body = c.do("GET", fmt.Sprintf("/api/v1/imports/progress/many-at-once-%d", i), nil)
			var p importProgressView
			if json.Unmarshal(body, &p); status != 200 || p.Phase != sqlstore.ImportDone {
				t.Errorf("import %d ended %d %s", i, status, body)
			}
		})
	}
	wg.Wait()
}

// TestImportProgressNeverWaitsOnTheDatabase holds the database's write lock
// from outside, as an import's own transaction does, while the tracker
// records steps: recording must not wait for the database, and the last
// step must be written once the lock is let go.
func TestImportProgressNeverWaitsOnTheDatabase(t *testing.T) {
	defer func(every time.Duration) { importProgressEvery = every }(importProgressEvery)
	importProgressEvery = 0
	ts := newTestServer(t)
	c := ts.signUp(t, "waits@example.com", "")
	ctx := context.Background()
	lock, err := sql.Open("sqlite", ts.db.Path)
	if err != nil {
		t.Fatal(err)
	}
	defer lock.Close()
	conn, err := lock.Conn(ctx)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	if _, err := conn.ExecContext(ctx, "BEGIN IMMEDIATE"); err != nil {
		t.Fatal(err)
	}
	track := ts.srv.trackImport(httptest.NewRequest("POST", "/api/v1/imports", nil), c.user.ID, "never-waits-1")
	start := time.Now()
	for i := range 100 {
		track.set(sqlstore.ImportStoring, int64(i), 100, "")
	}
	if took := time.Since(start); took > time.Second {
		t.Errorf("100 steps took %v with the database locked: recording waited on it", took)
	}
	if _, err := conn.ExecContext(ctx, "ROLLBACK"); err != nil {
		t.Fatal(err)
	}
	track.finish(importSummary{Sessions: 3}, nil)
	if p := progressOf(t, c, "never-waits-1", 200); p.Phase != sqlstore.ImportDone || p.Done != 3 {
		t.Errorf("after the lock: %+v, want done", p)
	}
}
