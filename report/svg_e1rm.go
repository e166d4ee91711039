package report

import (
	"fmt"
	"html/template"
	"math"
	"strings"

	"github.com/backload/backload"
)

// e1rmGapWeeks is the longest run of weeks without an estimate that a line
// bridges; a longer gap (a flare, a holiday) breaks the line rather than
// drawing a steady fall that never happened.
const e1rmGapWeeks = 4

// E1RMChart draws the weekly best estimated one-repetition maximum of each
// lift (from E1RM) as lines over the weeks of r, each with its own colour,
// dash and marker, and a legend. Every text calls the values estimates.
func E1RMChart(series []LiftSeries, r Range, o Options) Chart {
	u := unitOf(o.Unit)
	c := &canvas{id: o.id("e1rm"), width: vbWidth}
	first, n := r.weeks()
	items := make([]legendItem, len(series))
	lo, hi := math.Inf(1), math.Inf(-1)
	for i, sr := range series {
		items[i] = legendItem{label: sr.Name, sw: lineStyle(i)}
		for _, p := range inPointWeeks(sr.Points, first, n) {
			v := inUnit(p.Value, u)
			lo, hi = math.Min(lo, v), math.Max(hi, v)
		}
	}
	empty := math.IsInf(lo, 0)
	if empty {
		lo, hi = 0, 100
	}
	l := newLayout(items, false)
	c.height = l.height
	summary := e1rmSummary(series, first, n, u)
	c.open("Estimated one-rep max per lift", summary)
	// Lines need not start at zero; a margin keeps a flat line off the
	// plot's edges and gives a single estimate a readable axis.
	pad := math.Max(math.Max((hi-lo)*0.1, hi*0.05), 1)
	s := niceScale(math.Max(0, lo-pad), hi+pad, 4, false)
	c.drawLegend(l, string(u)+", estimated 1RM", "")
	c.yAxis(l, s)
	c.xAxis(l, first, n, 1)
	for i, sr := range series {
		st := lineStyle(i)
		c.series(e1rmPoints(l, s, sr, first, n, u), st.stroke, st.dash, st.marker)
	}
	if empty {
		c.noData(l, "No estimate in this period")
	}
	return Chart{SVG: c.close(), Summary: summary, Table: e1rmTable(series, first, n, u)}
}

// lineStyle is the i-th series' colour, dash and marker.
func lineStyle(i int) swatch {
	j := i % len(seriesColours)
	return swatch{stroke: seriesColours[j], dash: seriesDashes[j], marker: seriesMarkers[j]}
}

// e1rmPoints places a lift's points within the weeks, breaking the line at
// gaps longer than e1rmGapWeeks.
func e1rmPoints(l layout, s scale, sr LiftSeries, first, n int, u backload.Unit) []xy {
	pts := make([]xy, 0, len(sr.Points))
	prev := -1
	for _, p := range sr.Points {
		w := weekIndex(dayOf(p.Week), first, n)
		if w < 0 {
			continue
		}
		if prev >= 0 && w-prev > e1rmGapWeeks {
			pts = append(pts, xy{0, math.NaN()})
		}
		prev = w
		pts = append(pts, xy{l.x0 + (float64(w)+0.5)/float64(n)*l.w, s.y(l, inUnit(p.Value, u))})
	}
	return pts
}

func e1rmSummary(series []LiftSeries, first, n int, u backload.Unit) string {
	var b strings.Builder
	b.WriteString("Estimated one-rep max, the best estimate of each week, worked out from sets of few reps: an estimate, not a tested maximum. ")
	if n == 0 || len(series) == 0 {
		return b.String() + "No lifts to show."
	}
	b.WriteString("Over " + spanText(first, n) + ": ")
	for i, sr := range series {
		if i > 0 {
			b.WriteString("; ")
		}
		pts := inPointWeeks(sr.Points, first, n)
		if len(pts) == 0 {
			b.WriteString(sr.Name + ", no estimate")
			continue
		}
		best := pts[0]
		for _, p := range pts {
			if p.Value > best.Value {
				best = p
			}
		}
		a, z := pts[0], pts[len(pts)-1]
		fmt.Fprintf(&b, "%s from %s (week of %s) to %s (week of %s), highest %s",
			sr.Name, fmtWeight(a.Value, u), fmtDate(a.Week), fmtWeight(z.Value, u), fmtDate(z.Week), fmtWeight(best.Value, u))
	}
	b.WriteString(".")
	return b.String()
}

// inPointWeeks returns the points (oldest first) within the weeks.
func inPointWeeks(pts []Point, first, n int) []Point {
	lo, hi := 0, len(pts)
	for lo < hi && dayOf(pts[lo].Week) < first {
		lo++
	}
	for hi > lo && dayOf(pts[hi-1].Week) >= first+7*n {
		hi--
	}
	return pts[lo:hi]
}

// e1rmTable has a row for each week with any estimate and a column per
// lift, blank where the lift had none that week.
func e1rmTable(series []LiftSeries, first, n int, u backload.Unit) template.HTML {
	headers := []string{"Week starting"}
	for _, sr := range series {
		headers = append(headers, sr.Name+", estimated 1RM ("+string(u)+")")
	}
	t := newTable("Estimated one-rep max per lift, best per week (estimates)", headers...)
	next := make([]int, len(series))
	cells := make([]string, len(series))
	for w := range n {
		d, any := first+7*w, false
		for i, sr := range series {
			cells[i] = ""
			for next[i] < len(sr.Points) && dayOf(sr.Points[next[i]].Week) < d {
				next[i]++
			}
			if next[i] < len(sr.Points) && dayOf(sr.Points[next[i]].Week) == d {
				cells[i], any = fmtNum(inUnit(sr.Points[next[i]].Value, u), 1), true
			}
		}
		if any {
			t.row(fmtDate(dayTime(d)), cells...)
		}
	}
	return t.html()
}
