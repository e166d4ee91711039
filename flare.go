package backload

import "time"

// Phase is where a lifter stands relative to their latest flare-up.
type Phase string

// The phases. Amber days on their own never start a flare: Adapt handles
// them day by day, and a return ramp starting at 60% would be a step down
// from the 70% amber cap. A red day does.
const (
	// NoFlare: no red day within p.FlareMemory days, or the ramp is done.
	NoFlare Phase = ""
	// InFlare: a red day, and not yet p.ReturnSettledDays calmer check-ins
	// since.
	InFlare Phase = "flare"
	// Returning: the flare has settled and heavy lifts follow the ramp.
	Returning Phase = "return"
)

// FlareState is the lifter's flare history as it bears on today.
type FlareState struct {
	Phase Phase
	// Began is the first day of the flare: the start of the run of amber
	// and red check-ins that led into its first red day.
	Began time.Time
	// RampStart is the first day of week 1 of the return, when Phase is
	// Returning.
	RampStart time.Time
	// Responses are the worst zone of each completed ramp week, the gates
	// of the ramp (green when a week had no check-in).
	Responses []Zone
	// Week is the ramp week today falls in, from 1.
	Week int
}

// Flare reads the flare state on day today from check-ins (any order). A
// red day starts a flare; p.ReturnSettledDays check-ins in a row without red
// settle it, and the ramp starts on the day of the last of them. During the
// ramp a red day steps the ramp back through its week's response; only
// p.ReturnSettledDays red check-ins in a row make it a new flare, which
// keeps the original start so the pre-flare weights stay the target.
func Flare(checkins []DailyCheckIn, today time.Time, p Policy) FlareState {
	days := sortedDays(checkins, today, p)
	var st FlareState
	runStart := time.Time{} // start of the current run of non-green days
	calm, reds := 0, 0
	for _, d := range days {
		if d.zone == Green {
			runStart = time.Time{}
		} else if runStart.IsZero() {
			runStart = d.day
		}
		switch st.Phase {
		case NoFlare:
			if d.zone == Red {
				st = FlareState{Phase: InFlare, Began: runStart}
				calm = 0
			}
		case InFlare:
			if d.zone == Red {
				calm = 0
				continue
			}
			if calm++; calm >= p.ReturnSettledDays {
				st.Phase, st.RampStart, reds = Returning, d.day, 0
			}
		case Returning:
			if d.zone != Red {
				reds = 0
				continue
			}
			if reds++; reds >= p.ReturnSettledDays {
				st.Phase, st.RampStart, calm = InFlare, time.Time{}, 0
			}
		}
	}
	if st.Phase == Returning {
		st.Week = int(today.Sub(st.RampStart).Hours()/24)/7 + 1
		st.Responses = weeklyResponses(days, st.RampStart, st.Week-1)
	}
	return st
}

type zonedDay struct {
	day  time.Time
	zone Zone
}

// sortedDays are the check-ins within p.FlareMemory days up to today, with
// their zones, oldest first.
func sortedDays(checkins []DailyCheckIn, today time.Time, p Policy) []zonedDay {
	oldest := today.AddDate(0, 0, -p.FlareMemory)
	var out []zonedDay
	for _, c := range checkins {
		d, err := time.Parse(dateLayout, c.Date)
		if err != nil || d.Before(oldest) || d.After(today) {
			continue
		}
		out = append(out, zonedDay{d, c.CheckIn.Zone(p)})
	}
	// Check-ins come sorted from the store; sort anyway, cheaply, for
	// callers that do not.
	for i := 1; i < len(out); i++ {
		for j := i; j > 0 && out[j].day.Before(out[j-1].day); j-- {
			out[j], out[j-1] = out[j-1], out[j]
		}
	}
	return out
}

// weeklyResponses returns the worst zone of each of the first n weeks from
// start: the gate each week sets for the next.
func weeklyResponses(days []zonedDay, start time.Time, n int) []Zone {
	out := make([]Zone, n)
	for i := range out {
		out[i] = Green
	}
	for _, d := range days {
		if d.day.Before(start) {
			continue
		}
		w := int(d.day.Sub(start).Hours()/24) / 7
		if w < n && d.zone.rank() > out[w].rank() {
			out[w] = d.zone
		}
	}
	return out
}
