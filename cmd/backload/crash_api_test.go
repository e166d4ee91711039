package main

import (
	"context"
	"fmt"
	"io"
	"math/rand/v2"
	"net"
	"net/http"
	"path/filepath"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/backload/backload/internal/pgtest"
	"github.com/backload/backload/sqlstore"
)

// TestServerKilledDuringWrites kills a real server with SIGKILL in the
// middle of a burst of API writes, 20 times, on each engine. After each
// restart every write the server acknowledged (201) is there, and a SQLite
// file passes its integrity check.
func TestServerKilledDuringWrites(t *testing.T) {
	if testing.Short() {
		t.Skip("runs real processes")
	}
	forEachCrashEngine(t, serverKilledDuringWrites)
}

func serverKilledDuringWrites(t *testing.T, db string) {
	token := setUpCrashUser(t, db)
	acked := map[string]bool{} // session titles the server answered 201 for
	var mu sync.Mutex
	for round := range 20 {
		addr := freeAddr(t)
		srv := binary(db, "serve", "--addr", addr)
		if err := srv.Start(); err != nil {
			t.Fatal(err)
		}
		waitHealthy(t, addr)
		// Eight writers post sessions until the server dies.
		var wg sync.WaitGroup
		for w := range 8 {
			wg.Add(1)
			go func() {
				defer wg.Done()
				client := &http.Client{Timeout: 5 * time.Second}
				for i := 0; ; i++ {
					title := fmt.Sprintf("r%d-w%d-%d", round, w, i)
					body := fmt.Sprintf(`{"started_at": "2026-01-01T%02d:%02d:%02dZ", "title": %q, "exercises": [{"input": "Squat (Barbell)", "sets": [{"kind": "working", "weight_kg": 100, "reps": 5}]}]}`,
						w, i%60, round%60, title)
					req, _ := http.NewRequest("POST", "http://"+addr+"/api/v1/sessions", strings.NewReader(body))
					req.Header.Set("Authorization", "Bearer "+token)
					resp, err := client.Do(req)
					if err != nil {
						return // the server is gone
					}
					io.Copy(io.Discard, resp.Body)
					resp.Body.Close()
					if resp.StatusCode == http.StatusCreated {
						mu.Lock()
						acked[title] = true
						mu.Unlock()
					}
				}
			}()
		}
		time.Sleep(time.Duration(20+rand.IntN(200)) * time.Millisecond)
		srv.Process.Signal(syscall.SIGKILL)
		srv.Wait()
		wg.Wait()
	}

	store, err := sqlstore.Open(context.Background(), db)
	if err != nil {
		t.Fatal(err)
	}
	defer store.Close()
	checkIntegrity(t, store, "after the kills")
	users, _ := store.Users(context.Background())
	sessions, err := store.Sessions(context.Background(), users[0].ID, sqlstore.SessionFilter{})
	if err != nil {
		t.Fatal(err)
	}
	stored := map[string]bool{}
	for _, s := range sessions {
		stored[s.Title] = true
	}
	missing := 0
	for title := range acked {
		if !stored[title] {
			missing++
		}
	}
	t.Logf("20 kills: %d writes acknowledged, %d sessions stored, %d acknowledged writes missing", len(acked), len(sessions), missing)
	if missing > 0 {
		t.Errorf("%d acknowledged writes were lost", missing)
	}
	if len(acked) == 0 {
		t.Error("no write was acknowledged: the test did not exercise anything")
	}
}

// forEachCrashEngine runs test on a fresh SQLite file and, when a test
// PostgreSQL is configured (always under CI), on a fresh schema of it:
// the processes killed are Backload's, and what they acknowledged must
// survive on either engine.
func forEachCrashEngine(t *testing.T, test func(t *testing.T, db string)) {
	t.Run("sqlite", func(t *testing.T) { test(t, filepath.Join(t.TempDir(), "crash.db")) })
	t.Run("postgres", func(t *testing.T) { test(t, pgtest.DSN(t)) })
}

// checkIntegrity runs SQLite's integrity check. A PostgreSQL server is not
// the process killed, and its own write-ahead log keeps its files whole.
func checkIntegrity(t *testing.T, store *sqlstore.DB, when string) {
	t.Helper()
	if store.Engine() != "sqlite" {
		return
	}
	if ok, err := store.IntegrityCheck(context.Background()); err != nil || !ok {
		t.Errorf("integrity check failed %s (%v)", when, err)
	}
}

// setUpCrashUser makes the account the writers use and returns its token.
func setUpCrashUser(t *testing.T, db string) string {
	t.Helper()
	out, err := binary(db, "token", "--user", "crash@example.com").Output()
	if err != nil {
		t.Fatal(err)
	}
	return strings.TrimSpace(string(out))
}

func freeAddr(t *testing.T) string {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	return ln.Addr().String()
}

func waitHealthy(t *testing.T, addr string) {
	t.Helper()
	for range 200 {
		resp, err := http.Get("http://" + addr + "/healthz")
		if err == nil {
			resp.Body.Close()
			if resp.StatusCode == 200 {
				return
			}
		}
		time.Sleep(20 * time.Millisecond)
	}
	t.Fatalf("the server at %s did not come up", addr)
}
