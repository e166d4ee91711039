package report

import (
	"math"
	"sort"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/backload/backload"
)

// The parts of the physiotherapist report, each from the plain rows and
// check-ins of PhysioInput.

// sortedRows returns rows oldest first, copying only when they are not:
// the store hands them over sorted.
func sortedRows(rows []ExerciseRow) []ExerciseRow {
	if sort.SliceIsSorted(rows, func(i, j int) bool { return rows[i].Day.Before(rows[j].Day) }) {
		return rows
	}
	out := append([]ExerciseRow(nil), rows...)
	sort.SliceStable(out, func(i, j int) bool { return out[i].Day.Before(out[j].Day) })
	return out
}

// rowsWithin returns the rows, oldest first, whose day lies in r.
func rowsWithin(rows []ExerciseRow, r Range) []ExerciseRow {
	from, to, ok := r.days()
	if !ok {
		return nil
	}
	lo := sort.Search(len(rows), func(i int) bool { return dayOf(rows[i].Day) >= from })
	hi := sort.Search(len(rows), func(i int) bool { return dayOf(rows[i].Day) > to })
	return rows[lo:hi]
}

// painStats returns the mean pain, the highest pain and the first day it
// was reached.
func painStats(pain []PainDay) (mean float64, peak int, peakDay time.Time) {
	if len(pain) == 0 {
		return math.NaN(), 0, time.Time{}
	}
	sum := 0
	peak = -1
	for _, d := range pain {
		sum += d.Pain
		if d.Pain > peak {
			peak, peakDay = d.Pain, d.Day
		}
	}
	return float64(sum) / float64(len(pain)), peak, peakDay
}

// redFlags lists the red flags of the days, in the order of
// backload.RedFlags (urgent first), each with its days, oldest first. An
// unknown code, which validation keeps out, comes last rather than lost.
func redFlags(pain []PainDay) []RedFlagReport {
	days := map[backload.RedFlag][]time.Time{}
	var unknown []backload.RedFlag
	for _, d := range pain {
		for _, f := range d.RedFlags {
			if _, seen := days[f]; !seen && !f.Valid() {
				unknown = append(unknown, f)
			}
			if n := len(days[f]); n == 0 || !days[f][n-1].Equal(d.Day) {
				days[f] = append(days[f], d.Day)
			}
		}
	}
	var out []RedFlagReport
	for _, f := range append(append([]backload.RedFlag(nil), backload.RedFlags...), unknown...) {
		if len(days[f]) > 0 {
			out = append(out, RedFlagReport{Flag: f, Days: days[f]})
		}
	}
	return out
}

// weekBlocks groups the weeks into at most physioTableRows rows, each the
// weekly mean of its block, with the pain of the block's check-ins.
func weekBlocks(weeks []Week, pain []PainDay) ([]WeekBlock, int) {
	if len(weeks) == 0 {
		return nil, 1
	}
	k := (len(weeks) + physioTableRows - 1) / physioTableRows
	first := dayOf(weeks[0].Start)
	out := make([]WeekBlock, 0, (len(weeks)+k-1)/k)
	for i := 0; i < len(weeks); i += k {
		part := weeks[i:min(i+k, len(weeks))]
		b := WeekBlock{Start: part[0].Start, End: part[len(part)-1].Start.AddDate(0, 0, 6)}
		for _, w := range part {
			b.SpinalLoadKg += w.SpinalLoadKg / float64(len(part))
			b.VolumeKg += w.VolumeKg / float64(len(part))
		}
		out = append(out, b)
	}
	sum := make([]int, len(out))
	for _, d := range pain {
		if w := weekIndex(dayOf(d.Day), first, len(weeks)); w >= 0 {
			sum[w/k] += d.Pain
			out[w/k].CheckIns++
		}
	}
	for i := range out {
		out[i].Pain = math.NaN()
		if out[i].CheckIns > 0 {
			out[i].Pain = float64(sum[i]) / float64(out[i].CheckIns)
		}
	}
	return out, k
}

// keyLifts compares the key lifts before the latest flare with now or,
// without a flare, the range's first four weeks with its last four, and
// names the two windows. "Now" is the four weeks to now, but never reaches
// back before the flare began: weights from before it are not where the
// lifter stands now.
func keyLifts(rows []ExerciseRow, lifts []string, flares []FlareEpisode, r Range, now time.Time, p backload.Policy) ([]FlareComparison, string, string) {
	nowFrom := now.AddDate(0, 0, -(RecentDays - 1))
	if len(flares) == 0 {
		q := p
		q.PreFlareLookback = RecentDays
		start := r.From.AddDate(0, 0, RecentDays)
		return PreFlareVsNow(rows, lifts, start, now, q), "Best in the first 4 weeks, to " + fmtDate(start.AddDate(0, 0, -1)),
			"Best in the 4 weeks to " + fmtDate(now)
	}
	began := flares[len(flares)-1].Began
	before := "Best in the " + fmtNum(float64(p.PreFlareLookback), 0) + " days before the flare of " + fmtDate(began)
	out := PreFlareVsNow(rows, lifts, began, now, p)
	if !began.After(nowFrom) {
		return out, before, "Best in the 4 weeks to " + fmtDate(now)
	}
	since := PreFlareVsNow(rowsWithin(rows, Range{From: began, To: now}), lifts, began, now, p)
	for i := range out {
		out[i].NowE1RMKg, out[i].NowTopKg = since[i].NowE1RMKg, since[i].NowTopKg
	}
	return out, before, "Best since then, to " + fmtDate(now)
}

// notesIn gathers the check-in notes and the other notes of the range,
// oldest first, keeping the latest PhysioMaxNotes, each cut to
// physioNoteRunes.
func notesIn(checkins []backload.DailyCheckIn, notes []Note, r Range) ([]Note, int) {
	from, to, ok := r.days()
	if !ok {
		return nil, 0
	}
	var out []Note
	for _, c := range checkins {
		d, ok := parseDay(c.Date)
		if ok && d >= from && d <= to && strings.TrimSpace(c.Note) != "" {
			out = append(out, Note{Day: dayTime(d), About: "Check-in, pain " + fmtNum(float64(c.Pain), 0) + "/10", Text: c.Note})
		}
	}
	for _, n := range notes {
		if d := dayOf(n.Day); d >= from && d <= to && strings.TrimSpace(n.Text) != "" {
			out = append(out, Note{Day: dayTime(d), About: n.About, Text: n.Text})
		}
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].Day.Before(out[j].Day) })
	left, budget := len(out), physioNotesRunes
	for left > 0 && len(out)-left < PhysioMaxNotes {
		text := cutRunes(strings.TrimSpace(out[left-1].Text), physioNoteRunes)
		if budget -= utf8.RuneCountInString(text); budget < 0 && left < len(out) {
			break // the latest note always shows, however long
		}
		left--
		out[left].Text = text
	}
	return out[left:], left
}

// cutRunes shortens s to n runes, marking the cut.
func cutRunes(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	return string([]rune(s)[:n-1]) + "…"
}
