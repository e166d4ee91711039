package web

import (
	"context"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"testing"
	"time"

	"github.com/backload/backload"
	"github.com/backload/backload/auth"
	"github.com/backload/backload/catalog"
	"github.com/backload/backload/sqlstore"
)

// progressBenchServer is a server whose one lifter has years of history:
// historyOf's session a day of 20 sets, and a check-in every day with pain
// moving between 1 and 4, so every measure has work to do. It returns a
// token for the lifter.
func progressBenchServer(b *testing.B, years int) (*Server, string) {
	ctx := context.Background()
	db, err := sqlstore.Open(ctx, filepath.Join(b.TempDir(), "progress.db"))
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { db.Close() })
	u, err := db.CreateUser(ctx, backload.User{Email: "bench@example.com"}, "")
	if err != nil {
		b.Fatal(err)
	}
	days := years * 365
	today := time.Now().UTC().Truncate(24 * time.Hour)
	checkins := make([]backload.DailyCheckIn, days)
	for i := range checkins {
		checkins[i] = backload.DailyCheckIn{Date: today.AddDate(0, 0, i-days+1).Format(time.DateOnly),
			CheckIn: backload.CheckIn{Pain: 1 + i%4, RedFlags: []backload.RedFlag{}}}
	}
	if _, err := db.ImportSessions(ctx, u.ID, "", historyOf(days*20), checkins); err != nil {
		b.Fatal(err)
	}
	token, hash, _ := auth.NewToken(tokenPrefix)
	if _, err := db.CreateAPIToken(ctx, u.ID, "bench", hash); err != nil {
		b.Fatal(err)
	}
	return New(Config{DB: db, Catalog: catalog.Default()}), token
}

// BenchmarkProgressAPI measures GET /api/v1/progress?range=all through the
// whole handler stack: "10y" is ten years of history (73,000 sets in 14,600
// exercise rows, 3,650 check-ins), "27y" the 200,000 sets of BenchmarkToday
// (39,400 rows, 9,855 check-ins). "cold" empties the progress cache before
// each request, so each reads every row and check-in, computes every
// measure and encodes the document; "warm" is a repeated request, answered
// from the cache and encoded again.
func BenchmarkProgressAPI(b *testing.B) {
	for _, bc := range []struct {
		name  string
		years int
	}{{"10y", 10}, {"27y", 27}} {
		b.Run(bc.name, func(b *testing.B) {
			srv, token := progressBenchServer(b, bc.years)
			get := func() {
				req := httptest.NewRequest("GET", "/api/v1/progress?range=all", nil)
				req.Header.Set("Authorization", "Bearer "+token)
				rec := httptest.NewRecorder()
				srv.ServeHTTP(rec, req)
				if rec.Code != http.StatusOK {
					b.Fatalf("%d %s", rec.Code, rec.Body)
				}
			}
			b.Run("cold", func(b *testing.B) {
				b.ReportAllocs()
				for b.Loop() {
					srv.progresses.reset()
					get()
				}
			})
			b.Run("warm", func(b *testing.B) {
				get()
				b.ReportAllocs()
				for b.Loop() {
					get()
				}
			})
		})
	}
}
