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

// historyOf makes a lifter's history of about n sets ending today: one
// session a day of four exercises of five sets.
func historyOf(n int) []backload.Session {
	lifts := []struct {
		input, id string
		class     backload.Class
	}{
		{"Squat (Barbell)", "barbell-back-squat", backload.SpinalHeavy},
		{"Bench Press (Barbell)", "barbell-bench-press", backload.UpperBody},
		{"Leg Press", "leg-press", backload.SpineNeutralLower},
		{"Plank", "front-plank", backload.CoreEndurance},
	}
	days := n / 20
	start := time.Now().UTC().Truncate(24*time.Hour).AddDate(0, 0, -days)
	out := make([]backload.Session, 0, days)
	for d := range days {
		s := backload.Session{StartedAt: start.AddDate(0, 0, d).Add(7 * time.Hour), Title: "Workout", Source: "strong"}
		for _, l := range lifts {
			e := backload.ExerciseLog{Input: l.input, ExerciseID: l.id, Class: l.class}
			for i := range 5 {
				e.Sets = append(e.Sets, backload.Set{Kind: backload.Working, WeightKg: 100 + float64(i), Reps: 5, Unit: backload.Kilograms})
			}
			s.Exercises = append(s.Exercises, e)
		}
		out = append(out, s)
	}
	return out
}

// benchServer is a server whose one lifter has a 200,000-set history and a
// check-in today, with a token for it.
func benchServer(b *testing.B) (*Server, string) {
	ctx := context.Background()
	db, err := sqlstore.Open(ctx, filepath.Join(b.TempDir(), "bench.db"))
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { db.Close() })
	u, err := db.CreateUser(ctx, backload.User{Email: "bench@example.com"}, "")
	if err != nil {
		b.Fatal(err)
	}
	if _, err := db.ImportSessions(ctx, u.ID, "", historyOf(200_000), nil); err != nil {
		b.Fatal(err)
	}
	day := time.Now().UTC().Format(time.DateOnly)
	if err := db.SaveCheckIn(ctx, u.ID, backload.DailyCheckIn{Date: day, CheckIn: backload.CheckIn{Pain: 4}}); err != nil {
		b.Fatal(err)
	}
	token, hash, _ := auth.NewToken(tokenPrefix)
	if _, err := db.CreateAPIToken(ctx, u.ID, "bench", hash); err != nil {
		b.Fatal(err)
	}
	return New(Config{DB: db, Catalog: catalog.Default()}), token
}

// BenchmarkToday measures GET /api/v1/today for a lifter with 200,000
// sets, through the whole handler stack.
func BenchmarkToday(b *testing.B) {
	srv, token := benchServer(b)
	b.ResetTimer()
	for b.Loop() {
		req := httptest.NewRequest("GET", "/api/v1/today", nil)
		req.Header.Set("Authorization", "Bearer "+token)
		rec := httptest.NewRecorder()
		srv.ServeHTTP(rec, req)
		if rec.Code != http.StatusOK {
			b.Fatalf("%d %s", rec.Code, rec.Body)
		}
	}
}
