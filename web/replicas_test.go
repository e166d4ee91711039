package web

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"

	"github.com/backload/backload/catalog"
	"github.com/backload/backload/internal/pgtest"
	"github.com/backload/backload/sqlstore"
)

// replica starts one server with its own connection pool on the DSN, as a
// separate process would.
func replica(t *testing.T, dsn string) *testServer {
	t.Helper()
	db, err := sqlstore.Open(context.Background(), dsn)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	srv := New(Config{DB: db, Catalog: catalog.Default(), Passwords: cheapPasswords})
	ts := httptest.NewServer(srv)
	t.Cleanup(ts.Close)
	return &testServer{Server: ts, srv: srv, db: db}
}

// TestTwoReplicas runs two servers on one PostgreSQL database and drives
// concurrent sign-ups, log-ins, logs, check-ins and imports through both:
// they share nothing but the database, so a cookie from one works on the
// other, log-in limits count across both, and every acknowledged write is
// read back through the other replica with no row crossing users.
func TestTwoReplicas(t *testing.T) {
	dsn := pgtest.DSN(t)
	a, b := replica(t, dsn), replica(t, dsn)
	replicas := []*testServer{a, b}

	const lifters = 12
	var wg sync.WaitGroup
	clients := make([]*client, lifters)
	for i := range lifters {
		wg.Add(1)
		go func() {
			defer wg.Done()
			in, out := replicas[i%2], replicas[(i+1)%2]
			c := in.signUp(t, fmt.Sprintf("lifter%d@example.com", i), "")
			// Writes alternate between the replicas.
			for j := range 4 {
				c.ts = replicas[j%2]
				status, body := c.do("POST", "/api/v1/sessions", fmt.Sprintf(sampleSession, fmt.Sprintf("L%d-S%d", i, j)))
				if status != 201 {
					t.Errorf("lifter %d session %d: %d %s", i, j, status, body)
				}
			}
			c.ts = out
			if status, body := c.do("POST", "/api/v1/checkins", `{"pain": 3}`); status != 201 {
				t.Errorf("lifter %d check-in: %d %s", i, status, body)
			}
			if status, body := c.upload("/api/v1/imports", "s.csv", []byte(strings.ReplaceAll(strongCSV, "Legs", fmt.Sprintf("Legs %d", i))), nil); status != 200 {
				t.Errorf("lifter %d import: %d %s", i, status, body)
			}
			clients[i] = c
		}()
	}
	wg.Wait()

	// Every acknowledged write, read through each replica, and nothing else.
	for i, c := range clients {
		for _, r := range replicas {
			c.ts = r
			status, body := c.do("GET", "/api/v1/sessions", nil)
			var list struct{ Sessions []struct{ Title string } }
			json.Unmarshal(body, &list)
			if status != 200 || len(list.Sessions) != 5 {
				t.Fatalf("lifter %d through %s: %d sessions (%d)", i, r.URL, len(list.Sessions), status)
			}
			for _, s := range list.Sessions {
				if !strings.HasPrefix(s.Title, fmt.Sprintf("L%d-", i)) && s.Title != fmt.Sprintf("Legs %d", i) {
					t.Errorf("lifter %d sees session %q", i, s.Title)
				}
			}
		}
	}

	t.Run("CookieWorksOnEitherReplica", func(t *testing.T) {
		c := a.anonymous(t)
		if status, body := c.do("POST", "/api/v1/login", `{"email": "lifter0@example.com", "password": "correct horse battery"}`); status != 200 {
			t.Fatalf("login on a: %d %s", status, body)
		}
		// The same cookie, sent to the other replica.
		other := b.anonymous(t)
		req := httptestRequest(t, "GET", b.URL+"/api/v1/account")
		for _, ck := range c.http.Jar.Cookies(mustURL(t, a.URL)) {
			req.AddCookie(ck)
		}
		if status, body := other.send(req); status != 200 || !strings.Contains(string(body), "lifter0@example.com") {
			t.Errorf("cookie from a on b: %d %s", status, body)
		}
	})

	t.Run("LogInLimitsSpanReplicas", func(t *testing.T) {
		for i := range 5 {
			r := replicas[i%2].anonymous(t)
			r.do("POST", "/api/v1/login", `{"email": "lifter1@example.com", "password": "wrong password!"}`)
		}
		for _, r := range replicas {
			status, body := r.anonymous(t).do("POST", "/api/v1/login", `{"email": "lifter1@example.com", "password": "correct horse battery"}`)
			wantError(t, status, body, 429, "")
		}
	})
}
