package report

import "time"

// secondsPerDay converts between Unix time and day numbers. Days here are
// calendar dates, so leap seconds and time zones never enter.
const secondsPerDay = 86400

// maxRangeDays bounds a range, so that a zero or mistyped From (year 1)
// cannot make a measure allocate hundreds of thousands of empty weeks. A
// century is more history than any lifter has.
const maxRangeDays = 100 * 366

// dayOf returns the number of t's calendar date counted from 1970-01-01,
// reading the date in t's own location. Times in UTC, which is how the
// store hands days over, take a fast path without calendar arithmetic.
func dayOf(t time.Time) int {
	if t.Location() == time.UTC {
		return int(floorDiv(t.Unix(), secondsPerDay))
	}
	y, m, d := t.Date()
	return civilDay(y, m, d)
}

// civilDay is the day number of a calendar date.
func civilDay(y int, m time.Month, d int) int {
	return int(time.Date(y, m, d, 0, 0, 0, 0, time.UTC).Unix() / secondsPerDay)
}

// dayTime turns a day number back into midnight UTC of that date.
func dayTime(d int) time.Time { return time.Unix(int64(d)*secondsPerDay, 0).UTC() }

// monday returns the day number of the Monday on or before day d. Day 0,
// 1970-01-01, was a Thursday: three days after a Monday.
func monday(d int) int { return d - int(floorMod(int64(d)+3, 7)) }

func floorDiv(a, b int64) int64 {
	q := a / b
	if a%b != 0 && (a < 0) != (b < 0) {
		q--
	}
	return q
}

func floorMod(a, b int64) int64 { return a - floorDiv(a, b)*b }

// parseDay reads a date written YYYY-MM-DD, as check-ins store it, without
// allocating; ok is false for anything else, including impossible dates.
func parseDay(s string) (day int, ok bool) {
	if len(s) != 10 || s[4] != '-' || s[7] != '-' {
		return 0, false
	}
	num := func(s string) (int, bool) {
		n := 0
		for i := 0; i < len(s); i++ {
			c := s[i]
			if c < '0' || c > '9' {
				return 0, false
			}
			n = n*10 + int(c-'0')
		}
		return n, true
	}
	y, ok1 := num(s[:4])
	m, ok2 := num(s[5:7])
	d, ok3 := num(s[8:])
	if !ok1 || !ok2 || !ok3 || m < 1 || m > 12 || d < 1 || d > 31 {
		return 0, false
	}
	t := time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC)
	if t.Day() != d { // 31 April and the like roll over into the next month
		return 0, false
	}
	return int(t.Unix() / secondsPerDay), true
}

// Range is a span of calendar days, From and To both included. A To before
// From is an empty range.
type Range struct {
	From, To time.Time
}

// days returns the first and last day numbers of the range, the first
// moved forward when the range is longer than maxRangeDays, and ok false
// when the range is empty.
func (r Range) days() (from, to int, ok bool) {
	from, to = dayOf(r.From), dayOf(r.To)
	if to < from {
		return 0, 0, false
	}
	if to-from >= maxRangeDays {
		from = to - maxRangeDays + 1
	}
	return from, to, true
}

// weeks returns the Monday of the range's first week and the number of
// weeks: the range widened to whole weeks, so no bar stands for a part
// week and looks like a drop.
func (r Range) weeks() (first, n int) {
	from, to, ok := r.days()
	if !ok {
		return 0, 0
	}
	first = monday(from)
	return first, (monday(to)-first)/7 + 1
}

// LastDays returns the range of the n days ending on today, today included:
// LastDays(today, 28) is the last four weeks.
func LastDays(today time.Time, n int) Range {
	return Range{From: today.AddDate(0, 0, -(n - 1)), To: today}
}

// Span returns the range from the first to the last row's day, the "all
// time" range of the progress page. Rows may come in any order; ok is false
// when there are none.
func Span(rows []ExerciseRow) (r Range, ok bool) {
	if len(rows) == 0 {
		return Range{}, false
	}
	lo, hi := dayOf(rows[0].Day), dayOf(rows[0].Day)
	for i := range rows {
		d := dayOf(rows[i].Day)
		lo, hi = min(lo, d), max(hi, d)
	}
	return Range{From: dayTime(lo), To: dayTime(hi)}, true
}
