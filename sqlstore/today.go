package sqlstore

import (
	"context"
	"time"

	"github.com/backload/backload"
)

// TodayInput loads what backload.Today needs for the user on the given day:
// the check-ins and sessions of the flare memory window and the pre-flare
// lookback before it, and the planned session (the latest with the title,
// or the latest of all when title is empty).
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
	historyFrom := today.AddDate(0, 0, -(p.FlareMemory + p.PreFlareLookback))
	in.History, err = db.Sessions(ctx, u.ID, SessionFilter{From: historyFrom, To: end})
	return in, err
}
