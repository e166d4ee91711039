package sqlstore_test

import (
	"context"
	"path/filepath"
	"testing"
	"time"

	"github.com/backload/backload"
	"github.com/backload/backload/sqlstore"
)

// MustOpenDB opens a fresh database on the engine tb runs on (see
// forEachEngine; SQLite outside it) and closes it when the test ends.
func MustOpenDB(tb testing.TB) *sqlstore.DB {
	tb.Helper()
	db, err := sqlstore.Open(context.Background(), MustNewDSN(tb))
	if err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(func() { db.Close() })
	return db
}

// MustCreateUser adds a lifter with the email.
func MustCreateUser(tb testing.TB, db *sqlstore.DB, email string) backload.User {
	tb.Helper()
	u, err := db.CreateUser(context.Background(), backload.User{Email: email}, "")
	if err != nil {
		tb.Fatal(err)
	}
	return u
}

// sampleSessions makes n sessions a day apart, each with a squat (a warm-up
// and three working sets) and a plank hold.
func sampleSessions(n int) []backload.Session {
	start := time.Date(2026, 1, 5, 7, 30, 0, 0, time.UTC)
	out := make([]backload.Session, n)
	for i := range out {
		out[i] = backload.Session{
			StartedAt: start.AddDate(0, 0, i), Title: "Lower", Source: "strong",
			Exercises: []backload.ExerciseLog{
				{Input: "Squat (Barbell)", ExerciseID: "barbell-back-squat", Class: backload.SpinalHeavy, Sets: []backload.Set{
					{Kind: backload.WarmUp, WeightKg: 60, Reps: 5, Unit: backload.Kilograms},
					{Kind: backload.Working, WeightKg: 100, Reps: 5, RPE: 8.5, Unit: backload.Kilograms},
					{Kind: backload.Working, WeightKg: 100, Reps: 5, Unit: backload.Kilograms},
					{Kind: backload.Working, WeightKg: 100, Reps: 4, Unit: backload.Kilograms, Notes: "grindy"},
				}},
				{Input: "Plank", ExerciseID: "front-plank", Class: backload.CoreEndurance, Sets: []backload.Set{
					{Kind: backload.Working, Seconds: 45},
				}},
			},
		}
	}
	return out
}

func TestCreateUser(t *testing.T) {
	forEachEngine(t, func(t *testing.T) {
		ctx := context.Background()
		db := MustOpenDB(t)
		u := MustCreateUser(t, db, "  Lifter@Example.COM ")
		if u.Email != "lifter@example.com" || u.Role != backload.Lifter || u.Units != backload.Kilograms || u.ID == 0 {
			t.Errorf("created %+v", u)
		}
		t.Run("ErrEmailTaken", func(t *testing.T) {
			_, err := db.CreateUser(ctx, backload.User{Email: "lifter@example.com"}, "")
			if backload.ErrorCode(err) != backload.ECONFLICT {
				t.Errorf("err = %v, want ECONFLICT", err)
			}
		})
		t.Run("ErrEmailMalformed", func(t *testing.T) {
			_, err := db.CreateUser(ctx, backload.User{Email: "not an email"}, "")
			if backload.ErrorCode(err) != backload.EINVALID {
				t.Errorf("err = %v, want EINVALID", err)
			}
		})
		t.Run("ByEmail", func(t *testing.T) {
			got, err := db.UserByEmail(ctx, "LIFTER@example.com")
			if err != nil || got.ID != u.ID {
				t.Errorf("UserByEmail = %+v, %v", got, err)
			}
			if _, err := db.UserByEmail(ctx, "nobody@example.com"); backload.ErrorCode(err) != backload.ENOTFOUND {
				t.Errorf("unknown email: %v, want ENOTFOUND", err)
			}
		})
	})
}

func TestImportIsIdempotent(t *testing.T) {
	forEachEngine(t, func(t *testing.T) {
		ctx := context.Background()
		db := MustOpenDB(t)
		u := MustCreateUser(t, db, "a@example.com")
		sessions := sampleSessions(150) // more than one chunk
		checkins := []backload.DailyCheckIn{{Date: "2026-01-05", CheckIn: backload.CheckIn{Pain: 3, RedFlags: []backload.RedFlag{}}}}

		first, err := db.ImportSessions(ctx, u.ID, "a.csv", sessions, checkins)
		if err != nil {
			t.Fatal(err)
		}
		if first.SessionsAdded != 150 || first.SetsAdded != 750 || first.CheckInsAdded != 1 || first.ImportID == 0 {
			t.Errorf("first import: %+v", first)
		}
		second, err := db.ImportSessions(ctx, u.ID, "a.csv", sessions, checkins)
		if err != nil {
			t.Fatal(err)
		}
		want := sqlstore.ImportSummary{SessionsExisting: 150, SetsExisting: 750}
		if second != want {
			t.Errorf("second import: %+v, want %+v", second, want)
		}
		got, err := db.Sessions(ctx, u.ID, sqlstore.SessionFilter{})
		if err != nil {
			t.Fatal(err)
		}
		if len(got) != 150 {
			t.Fatalf("%d sessions stored, want 150", len(got))
		}
		if n, sets, err := db.Counts(ctx); n != 150 || sets != 750 || err != nil {
			t.Errorf("Counts = %d sessions, %d sets, %v; want 150, 750", n, sets, err)
		}
		s := got[0]
		if !s.StartedAt.Equal(sessions[0].StartedAt) || len(s.Exercises) != 2 || len(s.Exercises[0].Sets) != 4 {
			t.Errorf("first session read back as %+v", s)
		}
		if x := s.Exercises[0].Sets[1]; x.WeightKg != 100 || x.RPE != 8.5 || x.Kind != backload.Working || x.Unit != backload.Kilograms {
			t.Errorf("set read back as %+v", x)
		}
		if x := s.Exercises[0].Sets[3]; x.Notes != "grindy" {
			t.Errorf("set notes read back as %q", x.Notes)
		}
	})
}

func TestImportAddsOnlyWhatIsNew(t *testing.T) {
	forEachEngine(t, func(t *testing.T) {
		ctx := context.Background()
		db := MustOpenDB(t)
		u := MustCreateUser(t, db, "a@example.com")
		if _, err := db.ImportSessions(ctx, u.ID, "", sampleSessions(3), nil); err != nil {
			t.Fatal(err)
		}
		longer := sampleSessions(4)
		longer[0].Exercises[0].Sets = append(longer[0].Exercises[0].Sets, backload.Set{Kind: backload.Drop, WeightKg: 80, Reps: 8})
		sum, err := db.ImportSessions(ctx, u.ID, "", longer, nil)
		if err != nil {
			t.Fatal(err)
		}
		if sum.SessionsAdded != 1 || sum.SessionsExisting != 3 || sum.SetsAdded != 6 || sum.SetsExisting != 15 {
			t.Errorf("summary %+v", sum)
		}
	})
}

func TestImportIsAllOrNothing(t *testing.T) {
	forEachEngine(t, func(t *testing.T) {
		ctx := context.Background()
		db := MustOpenDB(t)
		u := MustCreateUser(t, db, "a@example.com")
		sessions := sampleSessions(200)
		// The last chunk holds the same session twice, which fails the import
		// after earlier chunks were written.
		sessions[199] = sessions[198]
		if _, err := db.ImportSessions(ctx, u.ID, "", sessions, nil); err == nil {
			t.Fatal("import of a broken list succeeded")
		}
		got, err := db.Sessions(ctx, u.ID, sqlstore.SessionFilter{})
		if err != nil {
			t.Fatal(err)
		}
		if len(got) != 0 {
			t.Errorf("%d sessions left behind by a failed import", len(got))
		}
	})
}

func TestSessionsAreScopedByUser(t *testing.T) {
	forEachEngine(t, func(t *testing.T) {
		ctx := context.Background()
		db := MustOpenDB(t)
		a := MustCreateUser(t, db, "a@example.com")
		b := MustCreateUser(t, db, "b@example.com")
		id, err := db.AddSession(ctx, a.ID, sampleSessions(1)[0])
		if err != nil {
			t.Fatal(err)
		}
		if _, err := db.Session(ctx, b.ID, id); backload.ErrorCode(err) != backload.ENOTFOUND {
			t.Errorf("b reading a's session: %v, want ENOTFOUND", err)
		}
		if err := db.DeleteSession(ctx, b.ID, id); backload.ErrorCode(err) != backload.ENOTFOUND {
			t.Errorf("b deleting a's session: %v, want ENOTFOUND", err)
		}
		if err := db.ReplaceSession(ctx, b.ID, id, sampleSessions(1)[0]); backload.ErrorCode(err) != backload.ENOTFOUND {
			t.Errorf("b replacing a's session: %v, want ENOTFOUND", err)
		}
		if list, _ := db.Sessions(ctx, b.ID, sqlstore.SessionFilter{}); len(list) != 0 {
			t.Errorf("b sees %d sessions", len(list))
		}
		if _, err := db.Session(ctx, a.ID, id); err != nil {
			t.Errorf("a reading own session: %v", err)
		}
	})
}

func TestAddReplaceDeleteSession(t *testing.T) {
	forEachEngine(t, func(t *testing.T) {
		ctx := context.Background()
		db := MustOpenDB(t)
		u := MustCreateUser(t, db, "a@example.com")
		s := sampleSessions(1)[0]
		id, err := db.AddSession(ctx, u.ID, s)
		if err != nil {
			t.Fatal(err)
		}
		t.Run("ErrDuplicate", func(t *testing.T) {
			if _, err := db.AddSession(ctx, u.ID, s); backload.ErrorCode(err) != backload.ECONFLICT {
				t.Errorf("err = %v, want ECONFLICT", err)
			}
		})
		s.Title = "Renamed"
		s.Exercises = s.Exercises[:1]
		if err := db.ReplaceSession(ctx, u.ID, id, s); err != nil {
			t.Fatal(err)
		}
		got, err := db.Session(ctx, u.ID, id)
		if err != nil {
			t.Fatal(err)
		}
		if got.Title != "Renamed" || len(got.Exercises) != 1 || got.ID != id {
			t.Errorf("replaced session reads %+v", got)
		}
		if err := db.DeleteSession(ctx, u.ID, id); err != nil {
			t.Fatal(err)
		}
		if _, err := db.Session(ctx, u.ID, id); backload.ErrorCode(err) != backload.ENOTFOUND {
			t.Errorf("deleted session: %v", err)
		}
	})
}

func TestSessionFilter(t *testing.T) {
	forEachEngine(t, func(t *testing.T) {
		ctx := context.Background()
		db := MustOpenDB(t)
		u := MustCreateUser(t, db, "a@example.com")
		sessions := sampleSessions(10)
		sessions[9].Title = "Upper"
		if _, err := db.ImportSessions(ctx, u.ID, "", sessions, nil); err != nil {
			t.Fatal(err)
		}
		tests := []struct {
			name   string
			filter sqlstore.SessionFilter
			want   int
			first  string // date of the first session returned
		}{
			{"all", sqlstore.SessionFilter{}, 10, "2026-01-05"},
			{"from", sqlstore.SessionFilter{From: time.Date(2026, 1, 10, 0, 0, 0, 0, time.UTC)}, 5, "2026-01-10"},
			{"to", sqlstore.SessionFilter{To: time.Date(2026, 1, 7, 0, 0, 0, 0, time.UTC)}, 2, "2026-01-05"},
			{"latest", sqlstore.SessionFilter{Limit: 3}, 3, "2026-01-14"},
			{"title", sqlstore.SessionFilter{Title: "Lower", Limit: 1}, 1, "2026-01-13"},
		}
		for _, tc := range tests {
			t.Run(tc.name, func(t *testing.T) {
				got, err := db.Sessions(ctx, u.ID, tc.filter)
				if err != nil {
					t.Fatal(err)
				}
				if len(got) != tc.want || got[0].StartedAt.Format("2006-01-02") != tc.first {
					t.Errorf("%d sessions, first %s; want %d, %s", len(got), got[0].StartedAt.Format("2006-01-02"), tc.want, tc.first)
				}
			})
		}
	})
}

func TestCheckInOnePerDay(t *testing.T) {
	forEachEngine(t, func(t *testing.T) {
		ctx := context.Background()
		db := MustOpenDB(t)
		u := MustCreateUser(t, db, "a@example.com")
		day := backload.DailyCheckIn{Date: "2026-02-01", CheckIn: backload.CheckIn{Pain: 6, RedFlags: []backload.RedFlag{backload.NightPain}}, Note: "stiff"}
		if err := db.SaveCheckIn(ctx, u.ID, day); err != nil {
			t.Fatal(err)
		}
		day.Pain = 4
		day.RedFlags = nil
		if err := db.SaveCheckIn(ctx, u.ID, day); err != nil {
			t.Fatal(err)
		}
		if err := db.SaveCheckIn(ctx, u.ID, backload.DailyCheckIn{Date: "2026-02-03", CheckIn: backload.CheckIn{Pain: 2}}); err != nil {
			t.Fatal(err)
		}
		got, err := db.CheckIns(ctx, u.ID, "2026-02-01", "2026-02-02")
		if err != nil {
			t.Fatal(err)
		}
		if len(got) != 1 || got[0].Pain != 4 || len(got[0].RedFlags) != 0 || got[0].Note != "stiff" {
			t.Errorf("check-ins %+v", got)
		}
		all, _ := db.CheckIns(ctx, u.ID, "", "")
		if len(all) != 2 {
			t.Errorf("%d check-ins, want 2", len(all))
		}
	})
}

func TestBackupWhileOpen(t *testing.T) {
	sqliteOnly(t)
	ctx := context.Background()
	db := MustOpenDB(t)
	u := MustCreateUser(t, db, "a@example.com")
	if _, err := db.ImportSessions(ctx, u.ID, "", sampleSessions(20), nil); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "copy.db")
	if err := db.Backup(ctx, path); err != nil {
		t.Fatal(err)
	}
	if err := db.Backup(ctx, path); err == nil {
		t.Error("backup overwrote an existing file")
	}
	copied, err := sqlstore.Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer copied.Close()
	got, err := copied.Sessions(ctx, u.ID, sqlstore.SessionFilter{})
	if err != nil || len(got) != 20 {
		t.Errorf("backup holds %d sessions (%v), want 20", len(got), err)
	}
}

// gymSessions makes sessions shaped like a real export: four exercises of
// five sets each, one session a day, totalling sets.
func gymSessions(sets int) []backload.Session {
	names := []struct {
		input, id string
		class     backload.Class
	}{
		{"Squat (Barbell)", "barbell-back-squat", backload.SpinalHeavy},
		{"Bench Press (Barbell)", "barbell-bench-press", backload.UpperBody},
		{"Leg Press", "leg-press", backload.SpineNeutralLower},
		{"Lat Pulldown (Cable)", "lat-pulldown", backload.UpperBody},
	}
	var out []backload.Session
	day := time.Date(2016, 1, 1, 7, 0, 0, 0, time.UTC)
	for n := 0; n < sets; day = day.AddDate(0, 0, 1) {
		s := backload.Session{StartedAt: day, Title: "Workout", Source: "strong"}
		for _, x := range names {
			e := backload.ExerciseLog{Input: x.input, ExerciseID: x.id, Class: x.class}
			for i := 0; i < 5 && n < sets; i++ {
				e.Sets = append(e.Sets, backload.Set{Kind: backload.Working, WeightKg: 80 + float64(i)*2.5, Reps: 5 + i, Unit: backload.Kilograms})
				n++
			}
			s.Exercises = append(s.Exercises, e)
		}
		out = append(out, s)
	}
	return out
}

// BenchmarkImport stores a 200,000-set history in one import, the store's
// share of `backload import` on a large export.
func BenchmarkImport(b *testing.B) {
	forEachEngine(b, func(b *testing.B) {
		sessions := gymSessions(200_000)
		for b.Loop() {
			b.StopTimer()
			db := MustOpenDB(b)
			u := MustCreateUser(b, db, "a@example.com")
			b.StartTimer()
			if _, err := db.ImportSessions(context.Background(), u.ID, "", sessions, nil); err != nil {
				b.Fatal(err)
			}
		}
		b.ReportMetric(float64(200_000*b.N)/b.Elapsed().Seconds(), "sets/s")
	})
}

// TestWritesBumpTheDataVersion checks that every write to what today's plan
// is computed from changes the version its cache is keyed on.
func TestWritesBumpTheDataVersion(t *testing.T) {
	forEachEngine(t, func(t *testing.T) {
		ctx := context.Background()
		db := MustOpenDB(t)
		u := MustCreateUser(t, db, "a@example.com")
		last := u.Version
		step := func(name string, write func() error) {
			t.Helper()
			if err := write(); err != nil {
				t.Fatalf("%s: %v", name, err)
			}
			got, err := db.UserByID(ctx, u.ID)
			if err != nil {
				t.Fatal(err)
			}
			if got.Version <= last {
				t.Errorf("%s did not bump the version (%d)", name, got.Version)
			}
			last = got.Version
		}
		var id int64
		step("add", func() (err error) { id, err = db.AddSession(ctx, u.ID, sampleSessions(1)[0]); return err })
		step("replace", func() error { return db.ReplaceSession(ctx, u.ID, id, sampleSessions(1)[0]) })
		step("import", func() error { _, err := db.ImportSessions(ctx, u.ID, "", sampleSessions(3)[1:], nil); return err })
		step("check-in", func() error {
			return db.SaveCheckIn(ctx, u.ID, backload.DailyCheckIn{Date: "2026-01-01", CheckIn: backload.CheckIn{Pain: 3}})
		})
		step("settings", func() error { u.Units = backload.Pounds; return db.UpdateSettings(ctx, u) })
		step("delete", func() error { return db.DeleteSession(ctx, u.ID, id) })
	})
}
