package report

import (
	"fmt"
	"html/template"
	"strconv"
	"strings"
)

// colourCore is the core chart's bar colour, the core-endurance class's.
var colourCore = classColours[3]

// CoreChart draws the weekly longest core-endurance hold (from Core) as
// bars, in seconds, and the core set's weekly repetitions as a dashed line
// on a second axis: holds show endurance, repetitions show the
// progression domain.md section 7 asks for.
func CoreChart(weeks []CoreWeek, o Options) Chart {
	c := &canvas{id: o.id("core"), width: vbWidth}
	first, n := coreSpan(weeks)
	k := blockSize(n)
	holds, reps := make([]float64, n), make([]float64, n)
	for i, w := range weeks {
		holds[i], reps[i] = float64(w.LongestHoldS), float64(w.CoreSetReps)
	}
	bars, line := blockMax(holds, k), blockMeans(reps, k)
	barLabel, lineLabel := "Longest hold", "Core-set reps"
	if k > 1 {
		barLabel, lineLabel = fmt.Sprintf("Longest hold in %d weeks", k), fmt.Sprintf("Core-set reps (%d-week mean)", k)
	}
	l := newLayout([]legendItem{
		{label: barLabel, sw: swatch{bar: true, fill: colourCore}},
		{label: lineLabel, sw: swatch{stroke: colourPain, dash: "6 3", marker: markSquare}},
	}, true)
	c.height = l.height
	summary := coreSummary(weeks)
	c.open("Core endurance: longest hold and core-set repetitions per week", summary)
	left := niceScale(0, maxOf(bars), 5, true)
	right := niceScale(0, maxOf(line), 5, true)
	c.drawLegend(l, "seconds", "reps per week")
	c.yAxis(l, left)
	c.yAxisRight(l, right)
	var tip func(int) string
	if k == 1 {
		tip = func(i int) string {
			return fmt.Sprintf("%s: longest hold %d s (%s)", weekLabel(weeks[i].Start), weeks[i].LongestHoldS, weeks[i].LongestHoldBy)
		}
	}
	c.bars(l, left, bars, colourCore, tip)
	c.xAxis(l, first, len(bars), k)
	pts := make([]xy, len(line))
	for i, v := range line {
		pts[i] = xy{l.x0 + (float64(i)+0.5)*l.w/float64(len(line)), right.y(l, v)}
	}
	c.series(pts, colourPain, "6 3", markSquare)
	if maxOf(bars) == 0 && maxOf(line) == 0 {
		c.noData(l, "No core work logged in this period")
	}
	return Chart{SVG: c.close(), Summary: summary, Table: coreTable(weeks)}
}

func coreSpan(weeks []CoreWeek) (first, n int) {
	if len(weeks) == 0 {
		return 0, 0
	}
	return dayOf(weeks[0].Start), len(weeks)
}

func coreSummary(weeks []CoreWeek) string {
	first, n := coreSpan(weeks)
	var b strings.Builder
	b.WriteString("Core endurance: the longest timed hold of any core-endurance exercise each week, and the weekly repetitions of the core set. ")
	if n == 0 {
		return b.String() + "The period has no weeks."
	}
	lo, hi, best := -1, -1, -1
	rlo, rhi := -1, -1
	for i, w := range weeks {
		if w.LongestHoldS > 0 {
			if lo < 0 {
				lo = i
			}
			hi = i
			if best < 0 || w.LongestHoldS > weeks[best].LongestHoldS {
				best = i
			}
		}
		if w.CoreSetReps > 0 {
			if rlo < 0 {
				rlo = i
			}
			rhi = i
		}
	}
	b.WriteString("Over " + spanText(first, n) + ": ")
	if lo < 0 {
		b.WriteString("no timed core holds")
	} else {
		fmt.Fprintf(&b, "the longest hold went from %d s (week of %s) to %d s (week of %s), the best %d s (%s, week of %s)",
			weeks[lo].LongestHoldS, fmtDate(weeks[lo].Start), weeks[hi].LongestHoldS, fmtDate(weeks[hi].Start),
			weeks[best].LongestHoldS, weeks[best].LongestHoldBy, fmtDate(weeks[best].Start))
	}
	if rlo < 0 {
		b.WriteString("; no core-set repetitions.")
	} else {
		fmt.Fprintf(&b, "; core-set repetitions went from %d a week (week of %s) to %d (week of %s).",
			weeks[rlo].CoreSetReps, fmtDate(weeks[rlo].Start), weeks[rhi].CoreSetReps, fmtDate(weeks[rhi].Start))
	}
	return b.String()
}

func coreTable(weeks []CoreWeek) template.HTML {
	t := newTable("Weekly core endurance", "Week starting", "Longest hold (s)", "Exercise", "Core-set reps")
	for _, w := range weeks {
		t.row(fmtDate(w.Start), strconv.Itoa(w.LongestHoldS), w.LongestHoldBy, strconv.Itoa(w.CoreSetReps))
	}
	return t.html()
}
