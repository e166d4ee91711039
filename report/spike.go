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

// DayLoad is one day's spinal load: weight × reps over the working sets of
// spinal-heavy and loaded-flexion exercises. A day of training with no
// spinal loading has a zero load, and still counts as history.
type DayLoad struct {
	// Day is the local date, at midnight UTC.
	Day          time.Time
	SpinalLoadKg float64
}

// DailyLoads sums rows into one DayLoad per day with any row, oldest first.
// Rows may come in any order.
func DailyLoads(rows []ExerciseRow) []DayLoad {
	if len(rows) == 0 {
		return nil
	}
	lo, hi := dayOf(rows[0].Day), dayOf(rows[0].Day)
	for i := range rows {
		d := dayOf(rows[i].Day)
		lo, hi = min(lo, d), max(hi, d)
	}
	// A dense grid over the span: rows cover a few years at most, and a
	// grid keeps this to two allocations where a map would need many.
	loads := make([]float64, hi-lo+1)
	seen := make([]bool, hi-lo+1)
	n := 0
	for i := range rows {
		row := &rows[i]
		k := dayOf(row.Day) - lo
		if !seen[k] {
			seen[k] = true
			n++
		}
		if row.Class.LoadsSpine() {
			loads[k] += row.WorkingVolumeKg
		}
	}
	out := make([]DayLoad, 0, n)
	for k, ok := range seen {
		if ok {
			out = append(out, DayLoad{Day: dayTime(lo + k), SpinalLoadKg: loads[k]})
		}
	}
	return out
}

// Spikes finds the spike days of r in rows: LoadSpikes over DailyLoads.
func Spikes(rows []ExerciseRow, r Range, p backload.Policy) SpikeWarning {
	return LoadSpikes(DailyLoads(rows), r, p)
}

// LoadSpikes finds the days in r on which the 7-day spinal load exceeded
// p.SpikeRatio times the 28-day weekly average, both windows ending that
// day (the coupled form of domain.md section 8). Pass days from 27 days
// before r.From so that r's first days have full windows; they may come in
// any order.
//
// A day counts only once 28 days of history lie behind it, counted from the
// first day given: the first weeks of a log would otherwise always look
// like a spike, since the load before them is unknown, not zero.
func LoadSpikes(loads []DayLoad, r Range, p backload.Policy) SpikeWarning {
	from, to, ok := r.days()
	if !ok {
		return SpikeWarning{Days: []Spike{}}
	}
	base := from - (chronicDays - 1)
	daily := make([]float64, to-base+1)
	firstDay := int(^uint(0) >> 1)
	for i := range loads {
		d := dayOf(loads[i].Day)
		firstDay = min(firstDay, d)
		if d >= base && d <= to {
			daily[d-base] += loads[i].SpinalLoadKg
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
