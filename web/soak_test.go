package web

import (
	"encoding/json"
	"fmt"
	"os"
	"strconv"
	"sync"
	"testing"
	"time"

	"github.com/backload/backload/internal/pgtest"
)

// soakDuration is how long TestConcurrentWriters writes: 3 seconds in
// make test, BACKLOAD_SOAK_SECONDS (60 in make soak) for the long run.
func soakDuration(t *testing.T) time.Duration {
	if v := os.Getenv("BACKLOAD_SOAK_SECONDS"); v != "" {
		n, err := strconv.Atoi(v)
		if err != nil || n < 1 {
			t.Fatalf("BACKLOAD_SOAK_SECONDS=%q is not a number of seconds", v)
		}
		return time.Duration(n) * time.Second
	}
	return 3 * time.Second
}

// TestConcurrentWriters has 32 clients write sessions and check-ins
// through two replicas on one PostgreSQL database for a while, then reads
// everything back: every acknowledged write is there exactly once, nothing
// unacknowledged beyond the few in flight, and no row crosses users.
func TestConcurrentWriters(t *testing.T) {
	dsn := pgtest.DSN(t)
	replicas := []*testServer{replica(t, dsn), replica(t, dsn)}
	const writers = 32
	until := time.Now().Add(soakDuration(t))
	type tally struct {
		sessions map[string]bool // titles acknowledged
		checkins map[string]bool // dates acknowledged
	}
	tallies := make([]tally, writers)
	clients := make([]*client, writers)
	for i := range writers {
		clients[i] = replicas[i%2].signUp(t, fmt.Sprintf("w%d@example.com", i), "")
	}
	var wg sync.WaitGroup
	for i := range writers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			c := clients[i]
			tl := tally{sessions: map[string]bool{}, checkins: map[string]bool{}}
			day := time.Date(2020, 1, 1, 0, 0, 0, 0, time.UTC)
			for n := 0; time.Now().Before(until); n++ {
				c.ts = replicas[n%2]
				if n%3 == 2 {
					date := day.AddDate(0, 0, n).Format(time.DateOnly)
					if status, _ := c.do("POST", "/api/v1/checkins", fmt.Sprintf(`{"date": %q, "pain": %d}`, date, n%10)); status == 201 {
						tl.checkins[date] = true
					}
					continue
				}
				title := fmt.Sprintf("w%d-s%d", i, n)
				body := fmt.Sprintf(`{"started_at": "%s", "title": %q, "exercises": [{"input": "Squat (Barbell)", "sets": [{"kind": "working", "weight_kg": 100, "reps": 5}]}]}`,
					day.Add(time.Duration(n)*time.Minute).Format(time.RFC3339), title)
				if status, _ := c.do("POST", "/api/v1/sessions", body); status == 201 {
					tl.sessions[title] = true
				}
			}
			tallies[i] = tl
		}()
	}
	wg.Wait()

	rows := 0
	for i, c := range clients {
		c.ts = replicas[(i+1)%2] // read through the other replica
		_, body := c.do("GET", "/api/v1/sessions", nil)
		var s struct{ Sessions []struct{ Title string } }
		json.Unmarshal(body, &s)
		seen := map[string]int{}
		for _, x := range s.Sessions {
			seen[x.Title]++
			if !tallies[i].sessions[x.Title] {
				t.Errorf("writer %d has session %q it was never told was stored", i, x.Title)
			}
		}
		for title := range tallies[i].sessions {
			if seen[title] != 1 {
				t.Errorf("writer %d: acknowledged session %q stored %d times", i, title, seen[title])
			}
		}
		_, body = c.do("GET", "/api/v1/checkins", nil)
		var ck struct{ CheckIns []struct{ Date string } }
		json.Unmarshal(body, &ck)
		if len(ck.CheckIns) != len(tallies[i].checkins) {
			t.Errorf("writer %d: %d check-ins stored, %d acknowledged", i, len(ck.CheckIns), len(tallies[i].checkins))
		}
		rows += len(s.Sessions) + len(ck.CheckIns)
	}
	t.Logf("%d writers for %v through 2 replicas: %d rows acknowledged and read back", writers, soakDuration(t), rows)
	if rows == 0 {
		t.Error("nothing was written")
	}
}
