package report

import (
	"sort"
	"time"

	"github.com/backload/backload"
)

// FlareEpisode is one flare-up as the report tells it: when it began, how
// bad it got, when it settled, how the return went and whether the lifter
// got back to their old working weights.
type FlareEpisode struct {
	// Began is the first day of the run of amber and red check-ins that
	// led into the first red day, FirstRed. End is the last day of the
	// range read as this flare or its return: the end of the range while
	// it runs on, else about p.FlareMemory days after its last red day.
	// PeakPain is the highest pain from Began to End, first on PeakDay.
	Began, FirstRed, End time.Time
	PeakPain             int
	PeakDay              time.Time
	// Settled is the day the flare settled and the return ramp began
	// (backload.FlareState.RampStart), zero when it had not settled by the
	// end of the range. Reflared is true when red days during the return
	// made it a flare again, in which case Settled is the later start.
	Settled  time.Time
	Reflared bool
	// Week is the return week reached by the end of the range or by Back,
	// and Responses the gate of each week completed before it: how the
	// back took the week (its worst zone).
	Week      int
	Responses []backload.Zone
	// Lifts are the heavy back-loading lifts (spinal-heavy, loaded
	// flexion) of the p.PreFlareLookback days before Began: their heaviest
	// working set then, and the heaviest since the return began (since the
	// first red day, while the flare has not settled).
	Lifts []FlareLift
	// Back is the first day of the return on which every one of Lifts had
	// been lifted at its pre-flare weight again (less
	// AdherenceToleranceKg), zero when that had not happened by the end of
	// the range; BackWeek is its return week.
	Back     time.Time
	BackWeek int
	// The weekly spinal load and total volume of the p.PreFlareLookback
	// days before Began, and from Began to the day before Settled (or to
	// the end of the range): how training changed during the flare.
	BeforeSpinalKg, DuringSpinalKg float64
	BeforeVolumeKg, DuringVolumeKg float64
}

// FlareLift is one lift's pre-flare working weight and its best since.
type FlareLift struct {
	Name                  string
	BeforeKg, BestSinceKg float64
}

// flareEpisodes finds the flare-ups that were under way at some point of r,
// oldest first, by reading backload.Flare as it stood on each check-in day
// of r up to now, and on now itself. Check-ins may come in any order.
//
// As days pass, a flare's first red day leaves the p.FlareMemory window
// and Flare may read a later red day of the same return as a flare of its
// own; an episode therefore only takes states that share its start, and a
// flare starting after the last such day counts as a new one.
func flareEpisodes(checkins []backload.DailyCheckIn, rows []ExerciseRow, r Range, now time.Time, p backload.Policy) []FlareEpisode {
	from, to, ok := r.days()
	if !ok {
		return nil
	}
	to = min(to, dayOf(now))
	cs, days, zones := sortedCheckIns(checkins, p)
	var out []FlareEpisode
	var cur *FlareEpisode
	lastSame := 0 // the last day cur took a state from, its End
	lo := 0       // the first check-in inside the memory window
	first := true
	eval := func(d int, i int) {
		for lo < len(days) && days[lo] < d-p.FlareMemory {
			lo++
		}
		st := backload.Flare(cs[lo:i], dayTime(d), p)
		switch {
		case st.Phase == backload.NoFlare:
			cur = nil
			return
		case cur == nil || dayOf(st.Began) > lastSame && st.Began != cur.Began:
			out = append(out, FlareEpisode{Began: st.Began})
			cur = &out[len(out)-1]
		case st.Began != cur.Began:
			return // the same flare seen through a shorter memory
		}
		lastSame, cur.End = d, dayTime(d)
		switch st.Phase {
		case backload.InFlare:
			cur.Reflared = cur.Reflared || !cur.Settled.IsZero()
			cur.Settled, cur.Week, cur.Responses = time.Time{}, 0, nil
		case backload.Returning:
			cur.Settled, cur.Week, cur.Responses = st.RampStart, st.Week, st.Responses
		}
	}
	for i, d := range days {
		if d < from {
			continue
		}
		if d > to {
			break
		}
		// Without a flare under way, only a red day can start one: skip
		// the others, so a long calm range costs one pass.
		if first || cur != nil || zones[i] == backload.Red {
			eval(d, i+1)
			first = false
		}
	}
	if end := sort.SearchInts(days, to+1); first || cur != nil {
		eval(to, end)
	}
	for i := range out {
		finishEpisode(&out[i], days, cs, zones, rows, to, p)
	}
	return out
}

// sortedCheckIns returns the check-ins with a valid date, oldest first,
// with their day numbers and zones.
func sortedCheckIns(checkins []backload.DailyCheckIn, p backload.Policy) ([]backload.DailyCheckIn, []int, []backload.Zone) {
	type dated struct {
		day int
		c   backload.DailyCheckIn
	}
	ds := make([]dated, 0, len(checkins))
	for _, c := range checkins {
		if d, ok := parseDay(c.Date); ok {
			ds = append(ds, dated{d, c})
		}
	}
	sort.SliceStable(ds, func(i, j int) bool { return ds[i].day < ds[j].day })
	cs, days, zones := make([]backload.DailyCheckIn, len(ds)), make([]int, len(ds)), make([]backload.Zone, len(ds))
	for i, d := range ds {
		cs[i], days[i], zones[i] = d.c, d.day, d.c.CheckIn.Zone(p)
	}
	return cs, days, zones
}

// finishEpisode fills in what the check-ins and rows say about a flare
// beyond its states: first red day, peak pain, the lifts' way back and the
// load during the flare. end is the range's last day spoken for.
func finishEpisode(ep *FlareEpisode, days []int, cs []backload.DailyCheckIn, zones []backload.Zone, rows []ExerciseRow, end int, p backload.Policy) {
	began := dayOf(ep.Began)
	ep.PeakPain = -1
	for i, d := range days {
		if d < began || d > dayOf(ep.End) {
			continue
		}
		if ep.FirstRed.IsZero() && zones[i] == backload.Red {
			ep.FirstRed = dayTime(d)
		}
		if cs[i].Pain > ep.PeakPain {
			ep.PeakPain, ep.PeakDay = cs[i].Pain, dayTime(d)
		}
	}
	ep.PeakPain = max(ep.PeakPain, 0)
	since := dayOf(ep.FirstRed)
	if !ep.Settled.IsZero() {
		since = dayOf(ep.Settled)
	}
	flareLifts(ep, rows, began, since, end, p)
	if !ep.Back.IsZero() {
		ep.BackWeek = (dayOf(ep.Back)-dayOf(ep.Settled))/7 + 1
		if ep.BackWeek < ep.Week {
			ep.Week = ep.BackWeek
			ep.Responses = ep.Responses[:min(len(ep.Responses), ep.BackWeek-1)]
		}
	}
	during := end
	if !ep.Settled.IsZero() {
		during = dayOf(ep.Settled) - 1
	}
	ep.BeforeSpinalKg, ep.BeforeVolumeKg = weeklyLoad(rows, began-p.PreFlareLookback, began-1)
	ep.DuringSpinalKg, ep.DuringVolumeKg = weeklyLoad(rows, began, max(during, began))
}

// flareLifts finds the heavy back-loading lifts before the flare, their
// best from since to end and, once the return has begun, the first day all
// of them were back at their old weight. rows are oldest first.
func flareLifts(ep *FlareEpisode, rows []ExerciseRow, began, since, end int, p backload.Policy) {
	index := map[string]int{}
	names := makeNewestNames(0)
	for i := range rows {
		row := &rows[i]
		d := dayOf(row.Day)
		if d < began-p.PreFlareLookback || d >= began || !row.Class.LoadsSpine() || row.TopWorkingKg <= 0 {
			continue
		}
		l, ok := index[LiftKey(*row)]
		if !ok {
			l = len(ep.Lifts)
			index[LiftKey(*row)] = l
			ep.Lifts = append(ep.Lifts, FlareLift{})
			names.day, names.names = append(names.day, minDay), append(names.names, "")
		}
		names.see(l, d, row.Input)
		ep.Lifts[l].BeforeKg = max(ep.Lifts[l].BeforeKg, row.TopWorkingKg)
	}
	if len(ep.Lifts) == 0 {
		return
	}
	isBack := make([]bool, len(ep.Lifts))
	back := 0 // lifts back at their old weight so far
	for i := range rows {
		row := &rows[i]
		d := dayOf(row.Day)
		if d < since || d > end {
			continue
		}
		l, ok := index[LiftKey(*row)]
		if !ok {
			continue
		}
		names.see(l, d, row.Input)
		fl := &ep.Lifts[l]
		fl.BestSinceKg = max(fl.BestSinceKg, row.TopWorkingKg)
		if !isBack[l] && fl.BestSinceKg >= fl.BeforeKg-AdherenceToleranceKg {
			isBack[l] = true
			if back++; back == len(ep.Lifts) && !ep.Settled.IsZero() {
				ep.Back = dayTime(d)
			}
		}
	}
	for key, l := range index {
		ep.Lifts[l].Name = names.name(l, key)
	}
}

// weeklyLoad returns the spinal load and total volume of days from to to,
// both included, as weekly rates.
func weeklyLoad(rows []ExerciseRow, from, to int) (spinal, volume float64) {
	for i := range rows {
		row := &rows[i]
		if d := dayOf(row.Day); d >= from && d <= to {
			volume += row.VolumeKg
			if row.Class.LoadsSpine() {
				spinal += row.WorkingVolumeKg
			}
		}
	}
	weeks := float64(to-from+1) / 7
	return clean(spinal / weeks), clean(volume / weeks)
}
