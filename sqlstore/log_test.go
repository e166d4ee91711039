package sqlstore_test

import (
	"context"
	"slices"
	"testing"
	"time"

	"github.com/backload/backload"
)

func TestLogHelpers(t *testing.T) {
	forEachEngine(t, func(t *testing.T) {
		ctx := context.Background()
		db := MustOpenDB(t)
		u := MustCreateUser(t, db, "log@example.com")
		other := MustCreateUser(t, db, "other@example.com")
		day := time.Date(2026, 3, 2, 0, 0, 0, 0, time.UTC)
		add := func(userID int64, at time.Time, source, title, exercise string) int64 {
			t.Helper()
			id, err := db.AddSession(ctx, userID, backload.Session{StartedAt: at, Title: title, Source: source,
				Exercises: []backload.ExerciseLog{{Input: exercise, Class: backload.Other, Sets: []backload.Set{{Kind: backload.Working, Reps: 5}}}}})
			if err != nil {
				t.Fatal(err)
			}
			return id
		}
		add(u.ID, day.Add(-time.Hour), "web", "Yesterday", "Row")
		morning := add(u.ID, day.Add(7*time.Hour), "web", "Morning", "Squat")
		add(u.ID, day.Add(9*time.Hour), "strong", "Imported", "Bench")
		evening := add(u.ID, day.Add(18*time.Hour), "web", "Evening", "Deadlift")
		add(other.ID, day.Add(20*time.Hour), "web", "Someone else", "Curl")

		t.Run("LatestSession", func(t *testing.T) {
			s, err := db.LatestSession(ctx, u.ID, "web", day, day.AddDate(0, 0, 1))
			if err != nil || s.ID != evening || len(s.Exercises) != 1 {
				t.Errorf("got %+v %v, want the evening session", s, err)
			}
			s, err = db.LatestSession(ctx, u.ID, "web", day, day.Add(12*time.Hour))
			if err != nil || s.ID != morning {
				t.Errorf("before noon: got %d %v, want the morning session", s.ID, err)
			}
			if _, err := db.LatestSession(ctx, u.ID, "guided", day, day.AddDate(0, 0, 1)); backload.ErrorCode(err) != backload.ENOTFOUND {
				t.Errorf("no session: %v, want ENOTFOUND", err)
			}
		})
		t.Run("SessionPage", func(t *testing.T) {
			var titles []string
			for off := 0; off < 6; off += 2 {
				page, err := db.SessionPage(ctx, u.ID, off, 2)
				if err != nil {
					t.Fatal(err)
				}
				for _, s := range page {
					titles = append(titles, s.Title)
				}
			}
			if want := []string{"Evening", "Imported", "Morning", "Yesterday"}; !slices.Equal(titles, want) {
				t.Errorf("pages %v, want %v", titles, want)
			}
		})
		t.Run("RecentExerciseNames", func(t *testing.T) {
			names, err := db.RecentExerciseNames(ctx, u.ID, 3)
			if want := []string{"Deadlift", "Bench", "Squat"}; err != nil || !slices.Equal(names, want) {
				t.Errorf("names %v %v, want %v", names, err, want)
			}
		})
	})
}
