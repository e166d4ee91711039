package report

import (
	"fmt"
	"strings"
	"time"

	"github.com/backload/backload"
)

// RampProdID is the PRODID of the return plan's calendar.
const RampProdID = "-//Backload//Return plan//EN"

// RampCalendar turns a return plan into one all-day event per week, Monday
// or not: each runs seven days from the week's start. The summary names
// every lift with its weight and sets ("Return week 2: Squat (Barbell) 70
// kg 2x5"), the description adds the week's reason and the gate, what the
// back's response to the week does to the next. u is the unit of the
// plan's weights (empty means kg).
//
// scope makes the UIDs unique to a lifter (as "u42"); the rest of a UID is
// the plan's first day and the week number, so a calendar that refreshes
// updates a week in place when the plan changes, and a new flare's plan
// gets new events. stamp is the DTSTAMP of every event.
//
// It returns an EINVALID *backload.Error when a week has no start date
// (a plan made without a start), since it cannot be placed in a calendar.
func RampCalendar(plan backload.RampResponse, u backload.Unit, scope string, stamp time.Time) (Calendar, error) {
	// A plan changes when a week's response comes in, so a subscription
	// should look again a few times a day.
	cal := Calendar{ProdID: RampProdID, Name: "Backload return plan", Refresh: 6 * time.Hour,
		Events: make([]CalendarEvent, 0, len(plan.Weeks))}
	for i, w := range plan.Weeks {
		d, ok := parseDay(w.Starts)
		if !ok {
			return Calendar{}, backload.Errorf(backload.EINVALID, "return week %d has no start date (%q), so it cannot go in a calendar", w.Week, w.Starts)
		}
		first := plan.Weeks[0].Starts
		start := dayTime(d)
		cal.Events = append(cal.Events, CalendarEvent{
			UID:         fmt.Sprintf("backload-%s-return-%s-week-%d@backload", scope, first, w.Week),
			Stamp:       stamp,
			Start:       start,
			End:         start.AddDate(0, 0, 7),
			Summary:     rampSummary(w, u),
			Description: rampDescription(w, u, i == len(plan.Weeks)-1),
		})
	}
	return cal, nil
}

// rampSummary is "Return week N: Squat (Barbell) 100 kg 3x5, ...".
func rampSummary(w backload.RampWeek, u backload.Unit) string {
	parts := make([]string, len(w.Lifts))
	for i, l := range w.Lifts {
		parts[i] = fmt.Sprintf("%s %s%dx%d", l.Input, rampWeight(l.Weight, u, " "), l.Sets, l.Reps)
	}
	return fmt.Sprintf("Return week %d: %s", w.Week, strings.Join(parts, ", "))
}

// rampDescription lists the lifts in words, then why the week looks as it
// does and what decides the next.
func rampDescription(w backload.RampWeek, u backload.Unit, last bool) string {
	var b strings.Builder
	for _, l := range w.Lifts {
		fmt.Fprintf(&b, "%s: %d %s of %d", l.Input, l.Sets, plural(l.Sets, "set", "sets"), l.Reps)
		if l.Weight > 0 {
			b.WriteString(" at " + rampWeight(l.Weight, u, ""))
		}
		b.WriteString("\n")
	}
	if w.Why != "" {
		b.WriteString("\n" + w.Why + "\n")
	}
	if last {
		b.WriteString("\nThe gate: this is the last week of the return. If your back takes it well (green), " +
			"you are back to your old working weights; if not, Backload repeats or steps back a week.")
	} else {
		b.WriteString("\nThe gate: check in every day. How your back takes this week decides the next: " +
			"green moves up a step, amber repeats this week, red steps back one (never below where the return started).")
	}
	return b.String()
}

// rampWeight writes a planned weight as "100 kg" followed by sep, or
// nothing for a lift without added weight.
func rampWeight(x float64, u backload.Unit, sep string) string {
	if x <= 0 {
		return ""
	}
	return fmtNum(x, 2) + " " + string(unitOf(u)) + sep
}

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}
