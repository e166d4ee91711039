package backload

import "time"

// ParseDay reads a calendar day written YYYY-MM-DD. It returns an EINVALID
// error naming field when s is not one.
func ParseDay(field, s string) (time.Time, error) { return parseDate(field, s) }

// WeeklyTrend works out the direction of pain from stored check-ins rather
// than asking: the average pain of the 7 days ending on today against the 7
// days before. It returns "" when either week has fewer than
// p.TrendMinCheckIns check-ins.
func WeeklyTrend(checkins []DailyCheckIn, today time.Time, p Policy) Trend {
	var this, last []int
	for _, c := range checkins {
		d, err := time.Parse(dateLayout, c.Date)
		if err != nil {
			continue
		}
		days := int(today.Sub(d).Hours() / 24)
		switch {
		case days >= 0 && days < 7:
			this = append(this, c.Pain)
		case days >= 7 && days < 14:
			last = append(last, c.Pain)
		}
	}
	if len(this) < p.TrendMinCheckIns || len(last) < p.TrendMinCheckIns {
		return ""
	}
	delta := mean(this) - mean(last)
	switch {
	case delta >= p.TrendDelta:
		return Rising
	case delta <= -p.TrendDelta:
		return Falling
	}
	return Flat
}

func mean(xs []int) float64 {
	sum := 0
	for _, x := range xs {
		sum += x
	}
	return float64(sum) / float64(len(xs))
}
