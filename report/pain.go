package report

import (
	"time"

	"github.com/backload/backload"
)

// painWindow is the length, in days, of the trailing pain average: a week,
// so that a lifter who checks in most days sees day-to-day noise smoothed
// but a flare still shows within days.
const painWindow = 7

// PainDay is one day's check-in with the trailing average of pain around it.
type PainDay struct {
	// Day is the check-in's date, at midnight UTC.
	Day time.Time
	// Pain is low-back pain now, 0 to 10.
	Pain int
	// Avg7 is the mean pain of the check-ins on the 7 days ending on Day,
	// and CheckIns7 how many there were (at least one: Day's own). Days
	// without a check-in are skipped, not read as zero pain.
	Avg7      float64
	CheckIns7 int
	// SessionPain is the worst pain during the last session.
	SessionPain int
	// MorningChange is the morning-after response to the last session:
	// pain that morning minus the day before; positive means worse.
	MorningChange int
	// Zone is the check-in's zone under the policy given.
	Zone backload.Zone
	// RedFlags are the red flags reported that day, shared with the input.
	RedFlags []backload.RedFlag
}

// DailyPain returns the check-ins within r, oldest first, each with its
// 7-day trailing average, morning-after response and zone under p. The
// average of r's first days reads check-ins from up to 6 days before
// r.From, so pass those too. Check-ins may come in any order; one with a
// malformed date is skipped, and of two on the same date the later in the
// slice wins.
func DailyPain(checkins []backload.DailyCheckIn, r Range, p backload.Policy) []PainDay {
	from, to, ok := r.days()
	if !ok {
		return []PainDay{}
	}
	base := from - (painWindow - 1)
	// at[d-base] is the index of day d's check-in plus one, 0 for none: a
	// dense calendar makes the trailing window a single pass whatever the
	// input order.
	at := make([]int32, to-base+1)
	inRange := 0
	for i := range checkins {
		d, ok := parseDay(checkins[i].Date)
		if !ok || d < base || d > to {
			continue
		}
		if d >= from && at[d-base] == 0 {
			inRange++
		}
		at[d-base] = int32(i + 1)
	}
	out := make([]PainDay, 0, inRange)
	sum, count := 0, 0
	for k := range at {
		if at[k] != 0 {
			sum += checkins[at[k]-1].Pain
			count++
		}
		if k >= painWindow && at[k-painWindow] != 0 {
			sum -= checkins[at[k-painWindow]-1].Pain
			count--
		}
		if k+base < from || at[k] == 0 {
			continue
		}
		c := &checkins[at[k]-1]
		out = append(out, PainDay{
			Day:           dayTime(k + base),
			Pain:          c.Pain,
			Avg7:          float64(sum) / float64(count),
			CheckIns7:     count,
			SessionPain:   c.SessionPain,
			MorningChange: c.MorningChange,
			Zone:          c.CheckIn.Zone(p),
			RedFlags:      c.RedFlags,
		})
	}
	return out
}

// PainSummary condenses a run of PainDays for a report or a chart's text.
type PainSummary struct {
	CheckIns          int
	Green, Amber, Red int
	// WorseMornings counts mornings after a session that were worse than
	// the day before (MorningChange above 0), the response that weighs
	// most in the zones.
	WorseMornings int
	// RedFlagDays counts days with any red flag reported.
	RedFlagDays int
	// FirstAvg7 and LastAvg7 are the 7-day averages of the first and last
	// check-ins: the pain trend across the period.
	FirstAvg7, LastAvg7 float64
}

// SummarizePain counts zones, worse mornings and red-flag days in days.
func SummarizePain(days []PainDay) PainSummary {
	var s PainSummary
	for i := range days {
		d := &days[i]
		s.CheckIns++
		switch d.Zone {
		case backload.Green:
			s.Green++
		case backload.Amber:
			s.Amber++
		case backload.Red:
			s.Red++
		}
		if d.MorningChange > 0 {
			s.WorseMornings++
		}
		if len(d.RedFlags) > 0 {
			s.RedFlagDays++
		}
	}
	if len(days) > 0 {
		s.FirstAvg7, s.LastAvg7 = days[0].Avg7, days[len(days)-1].Avg7
	}
	return s
}
