package web

import (
	"context"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"slices"
	"testing"
	"time"

	"github.com/backload/backload"
	"github.com/backload/backload/auth"
	"github.com/backload/backload/catalog"
	"github.com/backload/backload/sqlstore"
)

// progressBenchLifts rotate through the bench histories: four of each
// barbell class and core work, as a long programme would.
var progressBenchLifts = []backload.ExerciseLog{
	{Input: "Squat (Barbell)", ExerciseID: "barbell-back-squat", Class: backload.SpinalHeavy},
	{Input: "Deadlift (Barbell)", ExerciseID: "conventional-deadlift", Class: backload.SpinalHeavy},
	{Input: "Bent Over Row (Barbell)", ExerciseID: "barbell-bent-over-row", Class: backload.SpinalHeavy},
	{Input: "Good Morning (Barbell)", ExerciseID: "good-morning", Class: backload.LoadedFlexion},
	{Input: "Leg Press", ExerciseID: "leg-press", Class: backload.SpineNeutralLower},
	{Input: "Goblet Squat (Kettlebell)", ExerciseID: "goblet-squat", Class: backload.SpineNeutralLower},
	{Input: "Hip Thrust (Barbell)", ExerciseID: "barbell-hip-thrust", Class: backload.SpineNeutralLower},
	{Input: "Leg Extension (Machine)", ExerciseID: "leg-extension", Class: backload.SpineNeutralLower},
	{Input: "Bench Press (Barbell)", ExerciseID: "barbell-bench-press", Class: backload.UpperBody},
	{Input: "Overhead Press (Barbell)", ExerciseID: "overhead-press", Class: backload.UpperBody},
	{Input: "Lat Pulldown (Cable)", ExerciseID: "lat-pulldown", Class: backload.UpperBody},
	{Input: "Pull Up", ExerciseID: "pull-up", Class: backload.UpperBody},
	{Input: "Plank", ExerciseID: "front-plank", Class: backload.CoreEndurance},
	{Input: "Bird Dog", ExerciseID: "bird-dog", Class: backload.CoreEndurance},
	{Input: "Dead Bug", ExerciseID: "dead-bug", Class: backload.CoreEndurance},
	{Input: "Treadmill", Class: backload.Other},
}

// benchHistory is a session a day for days days, ending yesterday, each of
// perDay exercises of five sets taken in turn from progressBenchLifts.
func benchHistory(days, perDay int) []backload.Session {
	start := time.Now().UTC().Truncate(24*time.Hour).AddDate(0, 0, -days)
	out := make([]backload.Session, 0, days)
	next := 0
	for d := range days {
		s := backload.Session{StartedAt: start.AddDate(0, 0, d).Add(7 * time.Hour), Title: "Workout", Source: "strong"}
		for range perDay {
			e := progressBenchLifts[next%len(progressBenchLifts)]
			next++
			for i := range 5 {
				set := backload.Set{Kind: backload.Working, WeightKg: 60 + float64(d%40+i), Reps: 5, Unit: backload.Kilograms}
				if e.Class == backload.CoreEndurance {
					set = backload.Set{Kind: backload.Working, Seconds: 30 + d%30}
				}
				e.Sets = append(e.Sets, set)
			}
			s.Exercises = append(s.Exercises, e)
		}
		out = append(out, s)
	}
	return out
}

// progressBenchServer is a server whose one lifter has years of history, a
// session a day of perDay exercises of five sets, and a check-in every day
// with pain moving between 1 and 4, so every measure has work to do. It
// returns a token for the lifter.
func progressBenchServer(b *testing.B, years, perDay int) (*Server, string) {
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
	if _, err := db.ImportSessions(ctx, u.ID, "", benchHistory(days, perDay), checkins); err != nil {
		b.Fatal(err)
	}
	token, hash, _ := auth.NewToken(tokenPrefix)
	if _, err := db.CreateAPIToken(ctx, u.ID, "bench", hash); err != nil {
		b.Fatal(err)
	}
	return New(Config{DB: db, Catalog: catalog.Default()}), token
}

// BenchmarkProgressAPI measures GET /api/v1/progress?range=all through the
// whole handler stack, over ten years of daily sessions and check-ins:
// "200k" is issue 7's case, 11 exercises of 5 sets a day (200,750 sets in
// 40,150 exercise rows, 3,650 check-ins); "73k" four exercises a day. "cold"
// empties the progress cache before each request, so each reads the weekly
// and daily aggregates, recent exercise rows and every check-in, computes
// every measure and encodes the document; "warm" is a repeated request,
// answered from the cache and encoded again.
func BenchmarkProgressAPI(b *testing.B) {
	for _, bc := range []struct {
		name   string
		perDay int
	}{{"10y-200k", 11}, {"10y-73k", 4}} {
		b.Run(bc.name, func(b *testing.B) {
			srv, token := progressBenchServer(b, 10, bc.perDay)
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
				var took []time.Duration
				for b.Loop() {
					srv.progresses.reset()
					start := time.Now()
					get()
					took = append(took, time.Since(start))
				}
				// The target is the median: report it beside the mean.
				slices.Sort(took)
				b.ReportMetric(float64(took[len(took)/2].Microseconds())/1000, "ms-median")
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

// BenchmarkProgressRebuild measures rebuilding one account's progress
// aggregates from its 200,750 sets over ten years: what the first progress
// read costs after the account's time zone changed or an exercise name was
// reclassified, or after upgrading from before the aggregates. Each round
// changes the zone and reads, which rebuilds.
func BenchmarkProgressRebuild(b *testing.B) {
	srv, _ := progressBenchServer(b, 10, 11)
	ctx := context.Background()
	u, err := srv.db.UserByEmail(ctx, "bench@example.com")
	if err != nil {
		b.Fatal(err)
	}
	zones := []string{"Europe/London", "America/New_York"}
	i := 0
	for b.Loop() {
		b.StopTimer()
		u.TimeZone = zones[i%len(zones)]
		i++
		if err := srv.db.UpdateSettings(ctx, u); err != nil {
			b.Fatal(err)
		}
		b.StartTimer()
		if _, err := srv.db.WeeklyRows(ctx, u.ID, time.Time{}, time.Now()); err != nil {
			b.Fatal(err)
		}
	}
}
