package report

import (
	"math"
	"time"
)

// scale maps values onto the plot's height, from lo at the bottom to hi at
// the top, in steps of step between ticks.
type scale struct {
	lo, hi, step float64
}

// niceScale returns a scale over at least [lo, hi] with about intervals
// steps of 1, 2, 2.5 or 5 times a power of ten, the steps people read at a
// glance. whole keeps steps whole numbers (seconds, repetitions). An empty
// span gets a unit span, so an empty chart still has an axis.
func niceScale(lo, hi float64, intervals int, whole bool) scale {
	if !(hi > lo) {
		hi = lo + 1
	}
	raw := (hi - lo) / float64(intervals)
	mag := math.Pow(10, math.Floor(math.Log10(raw)))
	step := 10 * mag
	for _, m := range []float64{1, 2, 2.5, 5} {
		if m == 2.5 && whole && mag < 10 {
			continue
		}
		if m*mag >= raw*(1-1e-9) {
			step = m * mag
			break
		}
	}
	if whole {
		step = math.Max(step, 1)
	}
	return scale{lo: math.Floor(lo/step+1e-9) * step, hi: math.Ceil(hi/step-1e-9) * step, step: step}
}

// ticks returns the tick values from lo to hi.
func (s scale) ticks() []float64 {
	n := int(math.Round((s.hi-s.lo)/s.step)) + 1
	out := make([]float64, n)
	for i := range out {
		out[i] = s.lo + float64(i)*s.step
	}
	return out
}

// label writes a tick value, thousands as k so that labels stay narrow:
// 12.5k.
func (s scale) label(v float64) string {
	if s.step >= 1000 && v != 0 {
		return fmtNum(v/1000, 1) + "k"
	}
	return fmtNum(v, 1)
}

// y is the vertical position of v.
func (s scale) y(l layout, v float64) float64 {
	return l.y0 + l.h - (v-s.lo)/(s.hi-s.lo)*l.h
}

// yAxis writes the left axis: a gridline and a label at each tick.
func (c *canvas) yAxis(l layout, s scale) {
	for _, v := range s.ticks() {
		y := s.y(l, v)
		c.line(l.x0, y, l.x0+l.w, y, colourGrid, 1)
		c.text(l.x0-6, y+4.5, "end", tickSize, colourText, s.label(v))
	}
}

// yAxisRight writes a second axis on the right: its own line, tick marks
// and labels, without gridlines, which would cross the left axis' ones.
func (c *canvas) yAxisRight(l layout, s scale) {
	x := l.x0 + l.w
	c.line(x, l.y0, x, l.y0+l.h, colourAxis, 1)
	for _, v := range s.ticks() {
		y := s.y(l, v)
		c.line(x, y, x+4, y, colourAxis, 1)
		c.text(x+7, y+4.5, "start", tickSize, colourText, s.label(v))
	}
}

// xAxis writes the base line and labels a few of slots columns, each k
// weeks wide, starting on the Monday first: the first column's and then
// every so many, so labels never crowd.
func (c *canvas) xAxis(l layout, first, slots, k int) {
	c.line(l.x0, l.y0+l.h, l.x0+l.w, l.y0+l.h, colourAxis, 1)
	if slots == 0 {
		return
	}
	layout, most := "2 Jan", 5
	if slots*k > 53 {
		layout, most = "Jan 2006", 4
	}
	every := (slots + most - 1) / most
	slotW := l.w / float64(slots)
	for i := 0; i < slots; i += every {
		x := l.x0 + (float64(i)+0.5)*slotW
		s := dayTime(first + 7*k*i).Format(layout)
		half := textWidth(s, tickSize) / 2
		tx := math.Min(math.Max(x, half+2), vbWidth-half-2)
		c.line(x, l.y0+l.h, x, l.y0+l.h+4, colourAxis, 1)
		c.text(tx, l.y0+l.h+18, "middle", tickSize, colourText, s)
	}
}

// weekLabel names a week in tooltips and tables.
func weekLabel(t time.Time) string { return "Week of " + fmtDate(t) }
