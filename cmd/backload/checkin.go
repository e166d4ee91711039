package main

import (
	"context"
	"flag"
	"fmt"
	"strings"
	"time"

	"github.com/backload/backload"
)

// repeated collects a flag given several times.
type repeated []string

func (r *repeated) String() string     { return strings.Join(*r, ",") }
func (r *repeated) Set(v string) error { *r = append(*r, v); return nil }

func init() {
	register(&command{
		name:    "checkin",
		summary: "Record today's back check-in",
		help: `One check-in a day; a second one the same day replaces the first. The
weekly trend is worked out from your check-ins, so it is not asked.

Red flags (any one stops training advice and sends you to a clinician):
` + redFlagHelp(),
		flags: func(fs *flag.FlagSet, e *env) func(context.Context, []string) error {
			data := addDataFlags(fs)
			pain := fs.Int("pain", -1, "low-back pain now, 0 (none) to 10 (worst); required")
			sessionPain := fs.Int("session-pain", 0, "worst pain during your last session, 0 to 10")
			morning := fs.Int("morning-change", 0, "pain the morning after your last session minus the day before, -10 to 10 (positive is worse)")
			date := fs.String("date", "", "the day, `YYYY-MM-DD` (default today)")
			note := fs.String("note", "", "a note for yourself or your physio")
			var flags repeated
			fs.Var(&flags, "red-flag", "a red-flag `CODE`; repeat for several")
			return func(ctx context.Context, args []string) error {
				if len(args) > 0 {
					return usagef("unexpected argument %q", args[0])
				}
				if *pain < 0 {
					return usagef("--pain is required (0 to 10)")
				}
				c := backload.CheckIn{Pain: *pain, SessionPain: *sessionPain, MorningChange: *morning, RedFlags: []backload.RedFlag{}}
				for _, f := range flags {
					c.RedFlags = append(c.RedFlags, backload.RedFlag(f))
				}
				if err := validateCheckIn(c); err != nil {
					return err
				}
				db, u, err := data.open(ctx, e)
				if err != nil {
					return err
				}
				defer db.Close()
				day := *date
				if day == "" {
					day = userToday(u, time.Now()).Format(time.DateOnly)
				} else if _, err := backload.ParseDay("--date", day); err != nil {
					return err
				}
				if err := db.SaveCheckIn(ctx, u.ID, backload.DailyCheckIn{Date: day, CheckIn: c, Note: *note}); err != nil {
					return err
				}
				p := backload.DefaultPolicy()
				fmt.Fprintf(e.out, "Checked in for %s: zone %s.\n", day, c.Zone(p))
				if urgency := backload.UrgencyOf(c.RedFlags); urgency != backload.NoUrgency {
					fmt.Fprintf(e.out, "%s\n", urgency.Advice())
					return nil
				}
				for _, r := range c.Reasons(p) {
					fmt.Fprintf(e.out, "  - %s\n", r)
				}
				fmt.Fprintln(e.out, "Run 'backload today' for today's session.")
				return nil
			}
		},
	})
}

// validateCheckIn checks the answers the way the adapt request does, with
// the flag names in the messages.
func validateCheckIn(c backload.CheckIn) error {
	switch {
	case c.Pain > 10:
		return usagef("--pain: must be between 0 and 10, got %d", c.Pain)
	case c.SessionPain < 0 || c.SessionPain > 10:
		return usagef("--session-pain: must be between 0 and 10, got %d", c.SessionPain)
	case c.MorningChange < -10 || c.MorningChange > 10:
		return usagef("--morning-change: must be between -10 and 10, got %d", c.MorningChange)
	}
	for _, f := range c.RedFlags {
		if !f.Valid() {
			return usagef("--red-flag: unknown code %q (want one of %s)", f, backload.RedFlagCodes())
		}
	}
	return nil
}

func redFlagHelp() string {
	var b strings.Builder
	for _, f := range backload.RedFlags {
		fmt.Fprintf(&b, "  %-22s %s (%s)\n", f, f.Description(), f.Tier())
	}
	return b.String()
}
