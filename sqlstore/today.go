package sqlstore

import (
	"context"
	"time"

	"github.com/backload/backload"
)

// TodayInput loads what backload.Today needs for the user on the given day:
// the check-ins of the flare memory window, the planned session (the latest
// with the title, or the latest of all when title is empty) and, during a
// return ramp, the lifts since the pre-flare lookback before the flare.
func (db *DB) TodayInput(ctx context.Context, u backload.User, title string, today time.Time, p backload.Policy) (backload.TodayInput, error) {
	in := backload.TodayInput{Date: today, Units: u.Units, PlateStep: u.PlateStep}
	since := today.AddDate(0, 0, -(p.FlareMemory + 14))
	var err error
	if in.CheckIns, err = db.CheckIns(ctx, u.ID, since.Format(time.DateOnly), today.Format(time.DateOnly)); err != nil {
		return in, err
	}
	// Sessions are stored in UTC; a day's end in the user's zone may be
	// the next UTC day, so look a day further.
	end := today.AddDate(0, 0, 2)
	planned, err := db.Sessions(ctx, u.ID, SessionFilter{Title: title, Limit: 1, To: end})
	if err != nil {
		return in, err
	}
	if len(planned) == 0 && title != "" {
		return in, backload.Errorf(backload.ENOTFOUND, "no session titled %q yet", title)
	}
	if len(planned) > 0 {
		in.Planned = &planned[0]
	}
	// Only a return ramp needs the pre-flare weights: most days, skip the
	// history altogether.
	if st := backload.Flare(in.CheckIns, today, p); st.Phase == backload.Returning {
		in.History, err = db.LiftRecords(ctx, u.ID, st.Began.AddDate(0, 0, -p.PreFlareLookback), end)
	}
	return in, err
}

// LiftRecords returns the user's exercises from one time to another as
// lift records, read from the summary columns without decoding any sets.
func (db *DB) LiftRecords(ctx context.Context, userID int64, from, to time.Time) ([]backload.LiftRecord, error) {
	rows, err := db.query(ctx, `SELECT started_at, input, class, top_working_kg FROM exercise_logs
		WHERE user_id = ? AND started_at >= ? AND started_at < ? ORDER BY started_at, position`, userID, unix(from), unix(to))
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []backload.LiftRecord
	for rows.Next() {
		var r backload.LiftRecord
		var started int64
		if err := rows.Scan(&started, &r.Input, &r.Class, &r.TopWorkingKg); err != nil {
			return nil, err
		}
		r.StartedAt = fromUnix(started)
		out = append(out, r)
	}
	return out, rows.Err()
}
