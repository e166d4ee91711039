package sqlstore_test

import (
	"context"
	"testing"
	"time"
	_ "time/tzdata" // the zones below, wherever the system lacks them

	"github.com/backload/backload"
	"github.com/backload/backload/report"
)

// progressSession is a session at the instant with a squat (a warm-up and
// two working sets) and a plank hold.
func progressSession(at time.Time, title string) backload.Session {
	return backload.Session{StartedAt: at, Title: title, Source: "strong", Exercises: []backload.ExerciseLog{
		{Input: "Squat (Barbell)", ExerciseID: "barbell-back-squat", Class: backload.SpinalHeavy, Sets: []backload.Set{
			{Kind: backload.WarmUp, WeightKg: 60, Reps: 5, Unit: backload.Kilograms},
			{Kind: backload.Working, WeightKg: 100, Reps: 5, Unit: backload.Kilograms},
			{Kind: backload.Working, WeightKg: 100, Reps: 5, Unit: backload.Kilograms},
		}},
		{Input: "Plank", ExerciseID: "front-plank", Class: backload.CoreEndurance, Sets: []backload.Set{
			{Kind: backload.Working, Seconds: 45},
		}},
	}}
}

func TestExerciseRows(t *testing.T) {
	forEachEngine(t, func(t *testing.T) {
		ctx := context.Background()
		db := MustOpenDB(t)
		u := MustCreateUser(t, db, "rows@example.com")
		other := MustCreateUser(t, db, "other@example.com")
		newYork, err := time.LoadLocation("America/New_York")
		if err != nil {
			t.Fatal(err)
		}
		// New York moved its clocks forward at 07:00 UTC on 8 March 2026:
		// the first two sessions fall on the evening before in local time,
		// one on each side of the change, so the offset must be read again.
		utc := func(s string) time.Time {
			v, err := time.Parse(time.RFC3339, s)
			if err != nil {
				t.Fatal(err)
			}
			return v
		}
		sessions := []backload.Session{
			progressSession(utc("2026-03-08T03:00:00Z"), "A"), // 22:00 EST, 7 March
			progressSession(utc("2026-03-09T02:30:00Z"), "B"), // 22:30 EDT, 8 March
			progressSession(utc("2026-03-09T12:00:00Z"), "C"), // 08:00 EDT, 9 March
			progressSession(utc("2026-03-20T12:00:00Z"), "D"), // after the range below
		}
		if _, err := db.ImportSessions(ctx, u.ID, "", sessions, nil); err != nil {
			t.Fatal(err)
		}
		if _, err := db.ImportSessions(ctx, other.ID, "", []backload.Session{progressSession(utc("2026-03-09T12:00:00Z"), "Theirs")}, nil); err != nil {
			t.Fatal(err)
		}
		from, to := utc("2026-03-01T00:00:00Z"), utc("2026-03-20T12:00:00Z") // to is exclusive: D is out

		t.Run("Summaries", func(t *testing.T) {
			rows, err := db.ExerciseRows(ctx, u.ID, from, to, newYork)
			if err != nil {
				t.Fatal(err)
			}
			if len(rows) != 6 {
				t.Fatalf("%d rows, want 6 (3 sessions x 2 exercises, none of the other user's): %+v", len(rows), rows)
			}
			p := backload.DefaultPolicy()
			sq := sessions[0].Exercises[0].Summary(p)
			want := report.ExerciseRow{
				Day: day("2026-03-07"), Class: backload.SpinalHeavy, ExerciseID: "barbell-back-squat", Input: "Squat (Barbell)",
				Sets: 3, WorkingSets: 2, Reps: 15, VolumeKg: 1300, WorkingVolumeKg: 1000, TopWorkingKg: 100,
				BestE1RMKg: sq.BestE1RMKg,
			}
			if sq.BestE1RMKg < 116 || sq.BestE1RMKg > 117 {
				t.Errorf("squat e1RM %v, want Epley's 116.7", sq.BestE1RMKg)
			}
			if rows[0] != want {
				t.Errorf("squat row\n got %+v\nwant %+v", rows[0], want)
			}
			plank := report.ExerciseRow{Day: day("2026-03-07"), Class: backload.CoreEndurance, ExerciseID: "front-plank", Input: "Plank",
				Sets: 1, WorkingSets: 1, LongestHoldS: 45}
			if rows[1] != plank {
				t.Errorf("plank row\n got %+v\nwant %+v", rows[1], plank)
			}
		})
		t.Run("DaysInZone", func(t *testing.T) {
			for _, tc := range []struct {
				loc  *time.Location
				want []string
			}{
				{newYork, []string{"2026-03-07", "2026-03-08", "2026-03-09"}},
				{nil, []string{"2026-03-08", "2026-03-09", "2026-03-09"}}, // nil is UTC
				{time.FixedZone("UTC+14", 14*3600), []string{"2026-03-08", "2026-03-09", "2026-03-10"}},
			} {
				rows, err := db.ExerciseRows(ctx, u.ID, from, to, tc.loc)
				if err != nil {
					t.Fatal(err)
				}
				var got []string
				for i := 0; i < len(rows); i += 2 {
					d := rows[i].Day
					if d.Location() != time.UTC || d.Hour() != 0 || d.Minute() != 0 {
						t.Errorf("%v: day %v is not midnight UTC", tc.loc, d)
					}
					got = append(got, d.Format(time.DateOnly))
				}
				if len(got) != len(tc.want) {
					t.Fatalf("%v: days %v, want %v", tc.loc, got, tc.want)
				}
				for i := range got {
					if got[i] != tc.want[i] {
						t.Errorf("%v: days %v, want %v", tc.loc, got, tc.want)
						break
					}
				}
			}
		})
		t.Run("Bounds", func(t *testing.T) {
			// from is inclusive, to exclusive.
			rows, err := db.ExerciseRows(ctx, u.ID, utc("2026-03-09T02:30:00Z"), utc("2026-03-09T12:00:00Z"), time.UTC)
			if err != nil || len(rows) != 2 || rows[0].Input != "Squat (Barbell)" || rows[1].Input != "Plank" {
				t.Errorf("got %+v %v, want session B's two exercises in order", rows, err)
			}
			rows, err = db.ExerciseRows(ctx, u.ID, to, from, time.UTC)
			if err != nil || len(rows) != 0 {
				t.Errorf("an empty range: %+v %v", rows, err)
			}
		})
		t.Run("LongRangeInParts", func(t *testing.T) {
			// Two years of history is read in parts at once; the parts
			// must join into exactly what reading each quarter gives.
			long := MustCreateUser(t, db, "long@example.com")
			var hist []backload.Session
			start := utc("2024-01-01T23:30:00Z")
			for i := 0; i < 730; i += 3 {
				hist = append(hist, progressSession(start.AddDate(0, 0, i), "S"))
			}
			if _, err := db.ImportSessions(ctx, long.ID, "", hist, nil); err != nil {
				t.Fatal(err)
			}
			from, to := utc("2023-12-01T00:00:00Z"), utc("2026-02-01T00:00:00Z")
			whole, err := db.ExerciseRows(ctx, long.ID, from, to, newYork)
			if err != nil {
				t.Fatal(err)
			}
			var quarters []report.ExerciseRow
			for q := from; q.Before(to); q = q.AddDate(0, 3, 0) {
				part, err := db.ExerciseRows(ctx, long.ID, q, q.AddDate(0, 3, 0), newYork)
				if err != nil {
					t.Fatal(err)
				}
				quarters = append(quarters, part...)
			}
			if len(whole) != 2*len(hist) || len(quarters) != len(whole) {
				t.Fatalf("%d rows at once, %d by quarter, want %d", len(whole), len(quarters), 2*len(hist))
			}
			for i := range whole {
				if whole[i] != quarters[i] {
					t.Fatalf("row %d: %+v at once, %+v by quarter", i, whole[i], quarters[i])
				}
			}
			if got := whole[0].Day.Format(time.DateOnly); got != "2024-01-01" {
				t.Errorf("first day %s, want 2024-01-01 (18:30 in New York)", got)
			}
		})
		t.Run("FirstActivity", func(t *testing.T) {
			first, ok, err := db.FirstActivity(ctx, u.ID)
			if err != nil || !ok || !first.Equal(sessions[0].StartedAt) {
				t.Errorf("sessions only: %v %v %v, want %v", first, ok, err, sessions[0].StartedAt)
			}
			if err := db.SaveCheckIn(ctx, u.ID, backload.DailyCheckIn{Date: "2026-02-27", CheckIn: backload.CheckIn{Pain: 2}}); err != nil {
				t.Fatal(err)
			}
			first, ok, err = db.FirstActivity(ctx, u.ID)
			if err != nil || !ok || !first.Equal(day("2026-02-27")) {
				t.Errorf("an earlier check-in: %v %v %v, want 2026-02-27 at midnight UTC", first, ok, err)
			}
			nobody := MustCreateUser(t, db, "nobody@example.com")
			if first, ok, err := db.FirstActivity(ctx, nobody.ID); err != nil || ok {
				t.Errorf("no history: %v %v %v, want ok false", first, ok, err)
			}
		})
	})
}

// day is the date at midnight UTC.
func day(s string) time.Time {
	d, err := time.Parse(time.DateOnly, s)
	if err != nil {
		panic(err)
	}
	return d
}

// BenchmarkExerciseRows reads ten years of history (73,000 sets in 14,600
// exercise rows) as the progress API does for "all time", in a zone with
// daylight saving time.
func BenchmarkExerciseRows(b *testing.B) {
	forEachEngine(b, func(b *testing.B) {
		ctx := context.Background()
		db := MustOpenDB(b)
		u := MustCreateUser(b, db, "a@example.com")
		if _, err := db.ImportSessions(ctx, u.ID, "", gymSessions(10*365*20), nil); err != nil {
			b.Fatal(err)
		}
		loc, err := time.LoadLocation("Europe/Berlin")
		if err != nil {
			b.Fatal(err)
		}
		from, to := time.Date(2000, 1, 1, 0, 0, 0, 0, loc), time.Date(2100, 1, 1, 0, 0, 0, 0, loc)
		b.ReportAllocs()
		for b.Loop() {
			rows, err := db.ExerciseRows(ctx, u.ID, from, to, loc)
			if err != nil || len(rows) != 14_600 {
				b.Fatalf("%d rows, %v", len(rows), err)
			}
		}
	})
}
