package report

import (
	"fmt"
	"strings"
	"time"

	"github.com/backload/backload"
)

// The windows of the spike check (domain.md section 8): a week of acute
// load against the weekly average of four weeks.
const (
	acuteDays   = 7
	chronicDays = 28
)

// Spike is a day whose 7-day spinal load exceeded Policy.SpikeRatio times
// the weekly average of the 28 days ending that day.
type Spike struct {
	// Day is the last day of both windows, at midnight UTC.
	Day time.Time
	// AcuteKg is the spinal load of the 7 days ending on Day;
	// ChronicWeeklyKg the spinal load of the 28 days ending on Day, divided
	// by 4; Ratio the first over the second.
	AcuteKg, ChronicWeeklyKg, Ratio float64
}

// SpikeWarning lists the spike days of a period and says what to do about
// them.
type SpikeWarning struct {
	// Days are the spike days, oldest first; empty when there were none.
	Days []Spike
	// Message is a plain-text prompt to check the ramp, "" when Days is
	// empty. It never predicts injury: the acute:chronic ratio does not
	// (Lolli et al. 2019; Impellizzeri et al. 2021), so it may only prompt
	// a look, never gate anything.
	Message string
}

// Spikes finds the days in r on which the 7-day spinal load (working sets
// of spinal-heavy and loaded-flexion exercises) exceeded p.SpikeRatio times
// the 28-day weekly average, both windows ending that day (the coupled
// form of domain.md section 8). Pass rows from 27 days before r.From so
// that r's first days have full windows.
//
// A day counts only once 28 days of history lie behind it, counted from the
// first row of any class: the first weeks of a log would otherwise always
// look like a spike, since the load before them is unknown, not zero.
func Spikes(rows []ExerciseRow, r Range, p backload.Policy) SpikeWarning {
	from, to, ok := r.days()
	if !ok {
		return SpikeWarning{Days: []Spike{}}
	}
	base := from - (chronicDays - 1)
	daily := make([]float64, to-base+1)
	firstDay := int(^uint(0) >> 1)
	for i := range rows {
		row := &rows[i]
		d := dayOf(row.Day)
		firstDay = min(firstDay, d)
		if d >= base && d <= to && row.Class.LoadsSpine() {
			daily[d-base] += row.WorkingVolumeKg
		}
	}
	var days []Spike
	acute, chronic := 0.0, 0.0
	for k, load := range daily {
		acute += load
		chronic += load
		if k >= acuteDays {
			acute -= daily[k-acuteDays]
		}
		if k >= chronicDays {
			chronic -= daily[k-chronicDays]
		}
		d := k + base
		if d < from || d < firstDay+chronicDays-1 {
			continue
		}
		weekly := chronic * acuteDays / chronicDays
		// The relative margin keeps sums that drifted by a rounding error
		// from crossing a threshold they only meet.
		if weekly > 0 && acute > p.SpikeRatio*weekly*(1+1e-9) {
			days = append(days, Spike{Day: dayTime(d), AcuteKg: clean(acute), ChronicWeeklyKg: clean(weekly), Ratio: acute / weekly})
		}
	}
	if len(days) == 0 {
		return SpikeWarning{Days: []Spike{}}
	}
	return SpikeWarning{Days: days, Message: spikeMessage(days, p)}
}

// spikeMessage words the warning as a prompt to look at the plan, naming
// the latest spike and the highest ratio, and says why it is no more than
// a prompt.
func spikeMessage(days []Spike, p backload.Policy) string {
	last, top := days[len(days)-1], days[0]
	for _, s := range days {
		if s.Ratio > top.Ratio {
			top = s
		}
	}
	var b strings.Builder
	when := "on one day"
	if len(days) > 1 {
		when = fmt.Sprintf("on %d days", len(days))
	}
	fmt.Fprintf(&b, "Your spinal load rose quickly %s in this period. In the 7 days to %s it was %s times "+
		"your weekly average over the 28 days to that date", when, fmtDate(last.Day), fmtRatio(last.Ratio))
	if top.Ratio > last.Ratio {
		fmt.Fprintf(&b, "; the highest was %s times, in the 7 days to %s", fmtRatio(top.Ratio), fmtDate(top.Day))
	}
	fmt.Fprintf(&b, " (this note appears above %s times). ", fmtRatio(p.SpikeRatio))
	b.WriteString("It is worth checking your return ramp or training plan for a jump in heavy lifting. " +
		"This is a prompt to look, not a prediction of injury: the acute:chronic workload ratio " +
		"does not predict injury (Lolli et al. 2019; Impellizzeri et al. 2021).")
	return b.String()
}
