package report

import (
	"fmt"
	"math"
)

// maxOf is the largest of vals, and 0 for none: bars start at zero.
func maxOf(vals []float64) float64 {
	m := 0.0
	for _, v := range vals {
		m = math.Max(m, v)
	}
	return m
}

// noData says so in the middle of an empty plot.
func (c *canvas) noData(l layout, s string) {
	c.text(l.x0+l.w/2, l.y0+l.h/2, "middle", legendSize, colourText, s)
}

// spanText names a run of weeks: "the 8 weeks from 2 Mar 2026 to 26 Apr
// 2026" (the last day of the last week).
func spanText(first, n int) string {
	if n == 1 {
		return "the week of " + fmtDate(dayTime(first))
	}
	return fmt.Sprintf("the %d weeks from %s to %s", n, fmtDate(dayTime(first)), fmtDate(dayTime(first+7*n-1)))
}
