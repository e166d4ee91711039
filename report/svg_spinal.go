package report

import (
	"fmt"
	"html/template"
	"strings"

	"github.com/backload/backload"
)

// SpinalLoadChart draws weekly spinal load (from Weekly) as bars on the
// left axis and pain (from DailyPain) as a line on a second axis, 0 to 10:
// the 7-day average at each check-in, or the mean of each bar's check-ins
// when a long span draws one bar per block of weeks. Pain days outside the
// weeks are left out.
func SpinalLoadChart(weeks []Week, pain []PainDay, o Options) Chart {
	u := unitOf(o.Unit)
	c := &canvas{id: o.id("spinal"), width: vbWidth}
	first, n := weeksSpan(weeks)
	k := blockSize(n)
	load := make([]float64, n)
	for i, w := range weeks {
		load[i] = inUnit(w.SpinalLoadKg, u)
	}
	vals := blockMeans(load, k)
	painLabel, caption := "Pain, 7-day average", string(u)+" per week"
	if k > 1 {
		painLabel, caption = "Pain, mean of each bar", fmt.Sprintf("%s per week (mean of %d weeks)", u, k)
	}
	l := newLayout([]legendItem{
		{label: "Spinal load", sw: swatch{bar: true, fill: classColours[patSolid]}},
		{label: painLabel, sw: swatch{stroke: colourPain, marker: markCircle}},
	}, true)
	c.height = l.height
	summary := spinalSummary(weeks, pain, u)
	c.open("Weekly spinal load and pain", summary)
	s := niceScale(0, maxOf(vals), 5, false)
	c.drawLegend(l, caption, "pain 0–10")
	c.yAxis(l, s)
	c.yAxisRight(l, painScale)
	var tip func(int) string
	if k == 1 {
		tip = func(i int) string {
			return weekLabel(weeks[i].Start) + ": spinal load " + fmtLoad(weeks[i].SpinalLoadKg, u)
		}
	}
	c.bars(l, s, vals, classColours[patSolid], tip)
	c.xAxis(l, first, len(vals), k)
	c.series(painPoints(l, pain, first, n, k), colourPain, "", markCircle)
	if maxOf(vals) == 0 {
		c.noData(l, "No spinal loading logged in this period")
	}
	return Chart{SVG: c.close(), Summary: summary, Table: spinalTable(weeks, pain, u)}
}

// weeksSpan returns the first Monday and the count of a run of weeks.
func weeksSpan(weeks []Week) (first, n int) {
	if len(weeks) == 0 {
		return 0, 0
	}
	return dayOf(weeks[0].Start), len(weeks)
}

func spinalSummary(weeks []Week, pain []PainDay, u backload.Unit) string {
	first, n := weeksSpan(weeks)
	var b strings.Builder
	b.WriteString("Spinal load is weight × reps of the working sets of heavy spinal and loaded-flexion lifts. ")
	if n == 0 {
		return b.String() + "The period has no weeks."
	}
	top, last := -1, -1
	for i, w := range weeks {
		if w.SpinalLoadKg > 0 {
			if top < 0 || w.SpinalLoadKg > weeks[top].SpinalLoadKg {
				top = i
			}
			last = i
		}
	}
	if top < 0 {
		b.WriteString("No spinal loading was logged in " + spanText(first, n) + ". ")
	} else {
		fmt.Fprintf(&b, "Over %s it was highest in the week of %s at %s, and %s in the week of %s, the latest with any. ",
			spanText(first, n), fmtDate(weeks[top].Start), fmtLoad(weeks[top].SpinalLoadKg, u),
			fmtLoad(weeks[last].SpinalLoadKg, u), fmtDate(weeks[last].Start))
	}
	in := inWeeks(pain, first, n)
	if len(in) == 0 {
		b.WriteString("There were no check-ins in this period.")
		return b.String()
	}
	fmt.Fprintf(&b, "Pain, as a 7-day average, went from %s to %s out of 10 over %s check-ins.",
		fmtPain(in[0].Avg7), fmtPain(in[len(in)-1].Avg7), fmtNum(float64(len(in)), 0))
	return b.String()
}

// inWeeks returns the part of pain (oldest first) that falls in the weeks.
func inWeeks(pain []PainDay, first, n int) []PainDay {
	lo, hi := 0, len(pain)
	for lo < hi && dayOf(pain[lo].Day) < first {
		lo++
	}
	for hi > lo && dayOf(pain[hi-1].Day) >= first+7*n {
		hi--
	}
	return pain[lo:hi]
}

func spinalTable(weeks []Week, pain []PainDay, u backload.Unit) template.HTML {
	first, n := weeksSpan(weeks)
	means := blockPain(pain, first, n, 1)
	t := newTable("Weekly spinal load, total volume and pain",
		"Week starting", "Spinal load ("+string(u)+")", "Total volume ("+string(u)+")", "Pain, mean of the week's check-ins (0–10)")
	for i, w := range weeks {
		t.row(fmtDate(w.Start), fmtNum(inUnit(w.SpinalLoadKg, u), 0), fmtNum(inUnit(w.VolumeKg, u), 0), painCell(means[i]))
	}
	return t.html()
}
