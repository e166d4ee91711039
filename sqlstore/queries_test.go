package sqlstore_test

import (
	"context"
	"testing"
	"time"

	"github.com/backload/backload"
)

// The tests in this file call every account, invite and rate-limit query at
// least once on each engine: written once with ? placeholders, a query
// that only SQLite accepts would otherwise reach PostgreSQL untested.

func TestAuthSessionQueries(t *testing.T) {
	forEachEngine(t, func(t *testing.T) {
		ctx := context.Background()
		db := MustOpenDB(t)
		u, err := db.CreateUser(ctx, backload.User{Email: "a@example.com"}, "hash1")
		if err != nil {
			t.Fatal(err)
		}
		if got, hash, err := db.PasswordHash(ctx, "A@example.com"); err != nil || got.ID != u.ID || hash != "hash1" {
			t.Errorf("PasswordHash = %d, %q, %v", got.ID, hash, err)
		}
		for _, tok := range []string{"keep", "other"} {
			if err := db.CreateAuthSession(ctx, tok, u.ID, time.Hour); err != nil {
				t.Fatal(err)
			}
		}
		if err := db.CreateAuthSession(ctx, "expired", u.ID, -time.Hour); err != nil {
			t.Fatal(err)
		}
		if got, err := db.UserBySession(ctx, "keep"); err != nil || got.ID != u.ID {
			t.Errorf("UserBySession = %+v, %v", got, err)
		}
		if _, err := db.UserBySession(ctx, "expired"); backload.ErrorCode(err) != backload.EUNAUTHORIZED {
			t.Errorf("expired session: %v, want EUNAUTHORIZED", err)
		}
		if err := db.SetPasswordHash(ctx, u.ID, "hash2", "keep"); err != nil {
			t.Fatal(err)
		}
		if _, err := db.UserBySession(ctx, "other"); backload.ErrorCode(err) != backload.EUNAUTHORIZED {
			t.Errorf("session after a password change: %v, want EUNAUTHORIZED", err)
		}
		if err := db.DeleteAuthSession(ctx, "keep"); err != nil {
			t.Fatal(err)
		}
		if _, err := db.UserBySession(ctx, "keep"); backload.ErrorCode(err) != backload.EUNAUTHORIZED {
			t.Errorf("ended session: %v, want EUNAUTHORIZED", err)
		}
	})
}

func TestAPITokenQueries(t *testing.T) {
	forEachEngine(t, func(t *testing.T) {
		ctx := context.Background()
		db := MustOpenDB(t)
		u := MustCreateUser(t, db, "a@example.com")
		tok, err := db.CreateAPIToken(ctx, u.ID, "script", "h1")
		if err != nil || tok.ID == 0 {
			t.Fatalf("CreateAPIToken = %+v, %v", tok, err)
		}
		if _, err := db.CreateAPIToken(ctx, u.ID, "again", "h1"); backload.ErrorCode(err) != backload.ECONFLICT {
			t.Errorf("a second token with the same hash: %v, want ECONFLICT", err)
		}
		if got, err := db.UserByAPIToken(ctx, "h1"); err != nil || got.ID != u.ID {
			t.Errorf("UserByAPIToken = %+v, %v", got, err)
		}
		list, err := db.APITokens(ctx, u.ID)
		if err != nil || len(list) != 1 || list[0].Name != "script" || list[0].LastUsedAt.IsZero() {
			t.Errorf("APITokens = %+v, %v", list, err)
		}
		if err := db.DeleteAPIToken(ctx, u.ID, tok.ID); err != nil {
			t.Fatal(err)
		}
		if _, err := db.UserByAPIToken(ctx, "h1"); backload.ErrorCode(err) != backload.EUNAUTHORIZED {
			t.Errorf("revoked token: %v, want EUNAUTHORIZED", err)
		}
	})
}

func TestInviteQueries(t *testing.T) {
	forEachEngine(t, func(t *testing.T) {
		ctx := context.Background()
		db := MustOpenDB(t)
		lifter := MustCreateUser(t, db, "lifter@example.com")
		coach := MustCreateUser(t, db, "coach@example.com")
		other := MustCreateUser(t, db, "other@example.com")
		if err := db.SetRole(ctx, coach.ID, backload.Coach); err != nil {
			t.Fatal(err)
		}
		inv, err := db.CreateInvite(ctx, lifter.ID, "inv1", "physio")
		if err != nil {
			t.Fatal(err)
		}
		if got, err := db.AcceptInvite(ctx, coach.ID, "inv1"); err != nil || got.ID != lifter.ID {
			t.Fatalf("AcceptInvite = %+v, %v", got, err)
		}
		if _, err := db.AcceptInvite(ctx, other.ID, "inv1"); backload.ErrorCode(err) != backload.ECONFLICT {
			t.Errorf("a used invite: %v, want ECONFLICT", err)
		}
		if ok, err := db.Coaches(ctx, coach.ID, lifter.ID); !ok || err != nil {
			t.Errorf("Coaches = %v, %v", ok, err)
		}
		if list, err := db.Lifters(ctx, coach.ID); err != nil || len(list) != 1 || list[0].ID != lifter.ID {
			t.Errorf("Lifters = %+v, %v", list, err)
		}
		if list, err := db.Invites(ctx, lifter.ID); err != nil || len(list) != 1 || list[0].CoachEmail != coach.Email || !list[0].Active() {
			t.Errorf("Invites = %+v, %v", list, err)
		}
		if err := db.RevokeInvite(ctx, lifter.ID, inv.ID); err != nil {
			t.Fatal(err)
		}
		if ok, err := db.Coaches(ctx, coach.ID, lifter.ID); ok || err != nil {
			t.Errorf("Coaches after revoking = %v, %v", ok, err)
		}
	})
}

func TestLoginFailureQueries(t *testing.T) {
	forEachEngine(t, func(t *testing.T) {
		ctx := context.Background()
		db := MustOpenDB(t)
		keys, limits := []string{"email:a@example.com", "addr:127.0.0.1"}, []int{3, 10}
		for range 3 {
			if err := db.RecordLoginFailure(ctx, keys, time.Minute); err != nil {
				t.Fatal(err)
			}
		}
		if wait, err := db.LoginBlocked(ctx, keys, limits, time.Minute); wait <= 0 || err != nil {
			t.Errorf("after 3 failures: wait %v, %v; want blocked", wait, err)
		}
		if err := db.ClearLoginFailures(ctx, keys[0]); err != nil {
			t.Fatal(err)
		}
		if wait, err := db.LoginBlocked(ctx, keys, limits, time.Minute); wait != 0 || err != nil {
			t.Errorf("after clearing: wait %v, %v; want none", wait, err)
		}
	})
}

func TestUserQueries(t *testing.T) {
	forEachEngine(t, func(t *testing.T) {
		ctx := context.Background()
		db := MustOpenDB(t)
		if empty, err := db.IsEmpty(ctx); !empty || err != nil {
			t.Errorf("IsEmpty on a new database = %v, %v", empty, err)
		}
		u := MustCreateUser(t, db, "a@example.com")
		u.Units, u.PlateStep, u.TimeZone = backload.Pounds, 2.5, "Europe/Berlin"
		if err := db.UpdateSettings(ctx, u); err != nil {
			t.Fatal(err)
		}
		if list, err := db.Users(ctx); err != nil || len(list) != 1 || list[0].PlateStep != 2.5 || list[0].TimeZone != "Europe/Berlin" {
			t.Errorf("Users = %+v, %v", list, err)
		}
		if _, err := db.ImportSessions(ctx, u.ID, "", sampleSessions(3), nil); err != nil {
			t.Fatal(err)
		}
		day := time.Date(2026, 1, 7, 0, 0, 0, 0, time.UTC)
		recs, err := db.LiftRecords(ctx, u.ID, day.AddDate(0, 0, -7), day.AddDate(0, 0, 1))
		if err != nil || len(recs) != 6 || recs[0].TopWorkingKg != 100 {
			t.Errorf("LiftRecords = %+v, %v", recs, err)
		}
		in, err := db.TodayInput(ctx, u, "Lower", day, backload.DefaultPolicy())
		if err != nil || in.Planned == nil || !in.Planned.StartedAt.Equal(day.Add(7*time.Hour+30*time.Minute)) {
			t.Errorf("TodayInput = %+v, %v", in, err)
		}
		if err := db.DeleteUser(ctx, u.ID); err != nil {
			t.Fatal(err)
		}
		if n, sets, err := db.Counts(ctx); n != 0 || sets != 0 || err != nil {
			t.Errorf("after deleting the user: %d sessions, %d sets, %v; want nothing left", n, sets, err)
		}
		if _, err := db.Session(ctx, u.ID, 1); backload.ErrorCode(err) != backload.ENOTFOUND {
			t.Errorf("a deleted user's session: %v, want ENOTFOUND", err)
		}
	})
}
