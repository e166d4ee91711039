package report

import (
	"fmt"
	"html/template"
	"strings"

	"github.com/backload/backload"
)

// VolumeChart draws weekly volume (from Weekly) as bars stacked by class,
// heavy spinal loading at the bottom so that its rise and fall read against
// a fixed base, with a legend of the six classes. Each class has its own
// colour and fill pattern.
func VolumeChart(weeks []Week, o Options) Chart {
	u := unitOf(o.Unit)
	c := &canvas{id: o.id("volume"), width: vbWidth}
	first, n := weeksSpan(weeks)
	k := blockSize(n)
	layers := make([][]float64, numClasses)
	fills := make([]string, numClasses)
	items := make([]legendItem, numClasses)
	for cl := range layers {
		vals := make([]float64, n)
		for i, w := range weeks {
			vals[i] = inUnit(w.ByClass[cl], u)
		}
		layers[cl] = blockMeans(vals, k)
		fills[cl] = c.classFill(cl)
		items[cl] = legendItem{label: classShort[cl], sw: swatch{bar: true, fill: fills[cl]}}
	}
	totals := make([]float64, n)
	for i, w := range weeks {
		totals[i] = inUnit(w.VolumeKg, u)
	}
	top := maxOf(blockMeans(totals, k))
	caption := string(u) + " per week"
	if k > 1 {
		caption = fmt.Sprintf("%s per week (mean of %d weeks)", u, k)
	}
	l := newLayout(items, false)
	c.height = l.height
	summary := volumeSummary(weeks, u)
	c.open("Weekly training volume by class", summary)
	c.classPatterns()
	s := niceScale(0, top, 5, false)
	c.drawLegend(l, caption, "")
	c.yAxis(l, s)
	var tip func(i, cl int) string
	if k == 1 {
		tip = func(i, cl int) string {
			return weekLabel(weeks[i].Start) + ", " + backload.Classes[cl].Label() + ": " + fmtLoad(weeks[i].ByClass[cl], u)
		}
	}
	c.stacked(l, s, layers, fills, tip)
	c.xAxis(l, first, len(layers[0]), k)
	if top == 0 {
		c.noData(l, "No training logged in this period")
	}
	return Chart{SVG: c.close(), Summary: summary, Table: volumeTable(weeks, u)}
}

// volumeSummary compares the first and latest weeks with training: the
// story a lifter in a flare wants to see is total volume held while the
// spinal share fell.
func volumeSummary(weeks []Week, u backload.Unit) string {
	first, n := weeksSpan(weeks)
	var b strings.Builder
	b.WriteString("Volume is weight × reps of every set, stacked by how each exercise loads the lower back. ")
	lo, hi := -1, -1
	for i, w := range weeks {
		if w.VolumeKg > 0 {
			if lo < 0 {
				lo = i
			}
			hi = i
		}
	}
	if lo < 0 {
		return b.String() + "No training with weights was logged in " + spanText(first, n) + "."
	}
	week := func(w Week) string {
		return fmt.Sprintf("the week of %s had %s in all, %s of it heavy spinal loading or loaded flexion",
			fmtDate(w.Start), fmtLoad(w.VolumeKg, u), fmtLoad(w.ByClass[0]+w.ByClass[1], u))
	}
	fmt.Fprintf(&b, "Over %s, %s", spanText(first, n), week(weeks[lo]))
	if hi != lo {
		b.WriteString("; " + week(weeks[hi]))
	}
	b.WriteString(".")
	return b.String()
}

func volumeTable(weeks []Week, u backload.Unit) template.HTML {
	headers := []string{"Week starting"}
	for _, cl := range backload.Classes {
		headers = append(headers, cl.Label()+" ("+string(u)+")")
	}
	headers = append(headers, "Total ("+string(u)+")")
	t := newTable("Weekly volume by class", headers...)
	cells := make([]string, numClasses+1)
	for _, w := range weeks {
		for cl, v := range w.ByClass {
			cells[cl] = fmtNum(inUnit(v, u), 0)
		}
		cells[numClasses] = fmtNum(inUnit(w.VolumeKg, u), 0)
		t.row(fmtDate(w.Start), cells...)
	}
	return t.html()
}
