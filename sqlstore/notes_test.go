package sqlstore_test

import (
	"context"
	"testing"
	"time"
)

func TestSessionNotes(t *testing.T) {
	forEachEngine(t, func(t *testing.T) {
		ctx := context.Background()
		db := MustOpenDB(t)
		u := MustCreateUser(t, db, "a@example.com")
		sessions := sampleSessions(5)
		sessions[1].Notes = "felt stiff"
		sessions[3].Exercises[0].Notes = "belt on"
		sessions[4].Notes = "out of range"
		if _, err := db.ImportSessions(ctx, u.ID, "", sessions, nil); err != nil {
			t.Fatal(err)
		}
		notes, err := db.SessionNotes(ctx, u.ID, sessions[0].StartedAt, sessions[4].StartedAt, 10)
		if err != nil {
			t.Fatal(err)
		}
		if len(notes) != 2 || notes[0].Text != "belt on" || notes[0].Exercise != "Squat (Barbell)" || notes[1].Text != "felt stiff" || notes[1].Exercise != "" {
			t.Errorf("notes %+v", notes)
		}
		if one, _ := db.SessionNotes(ctx, u.ID, time.Time{}, sessions[4].StartedAt.Add(time.Hour), 1); len(one) != 1 || one[0].Text != "out of range" {
			t.Errorf("limit 1: %+v", one)
		}
	})
}
