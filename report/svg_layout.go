package report

import "unicode/utf8"

// The chart geometry, in viewBox units. The viewBox is narrow on purpose:
// at 400 units wide, a phone of 360 CSS pixels draws 14-unit text at about
// 12 px, still readable; a wide screen scales it up, and the page caps the
// width.
const (
	vbWidth      = 400.0
	legendSize   = 14.0 // legend and axis captions
	tickSize     = 13.0 // tick labels
	charWidth    = 0.6  // average glyph width per unit of font size, erring wide so text never overflows
	legendRowH   = 22.0
	captionH     = 20.0
	plotHeight   = 180.0
	padTop       = 6.0
	padSide      = 8.0
	padLeft      = 48.0 // room for left tick labels such as "12.5k"
	padRight     = 14.0
	padRightAxis = 38.0 // room for a second axis' tick labels
	xLabelH      = 24.0
	maxLegendLen = 28 // runes of a legend label; the table has the full name
)

// swatch is the key of one legend entry: a filled square for bars, a short
// stroke (with its dash and marker) for lines.
type swatch struct {
	bar    bool
	fill   string
	stroke string
	dash   string
	marker int
}

type legendItem struct {
	label string
	sw    swatch
}

// layout places the legend rows, the axis captions and the plot area.
type layout struct {
	x0, y0, w, h float64 // the plot area
	height       float64 // of the whole viewBox
	captionY     float64
	legend       []legendItem
	legendX      []float64
	legendY      []float64
}

// newLayout wraps the legend into rows that fit the width and stacks the
// rest below it. rightAxis leaves room for a second axis.
func newLayout(items []legendItem, rightAxis bool) layout {
	l := layout{legend: items}
	x, y := padSide, padTop+legendSize
	rows := 0
	for i, it := range items {
		it.label = shorten(it.label, maxLegendLen)
		l.legend[i] = it
		w := 22 + textWidth(it.label, legendSize)
		if i > 0 && x+w > vbWidth-padSide {
			x, y = padSide, y+legendRowH
			rows++
		}
		if i == 0 {
			rows = 1
		}
		l.legendX = append(l.legendX, x)
		l.legendY = append(l.legendY, y)
		x += w + 16
	}
	l.captionY = padTop + float64(rows)*legendRowH + legendSize
	l.x0, l.y0 = padLeft, l.captionY+captionH-legendSize+6
	right := padRight
	if rightAxis {
		right = padRightAxis
	}
	l.w, l.h = vbWidth-padLeft-right, plotHeight
	l.height = l.y0 + l.h + xLabelH
	return l
}

// textWidth estimates the width of s at the font size.
func textWidth(s string, size float64) float64 {
	return float64(utf8.RuneCountInString(s)) * size * charWidth
}

// shorten cuts s to n runes, marking the cut with an ellipsis.
func shorten(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	r := []rune(s)
	return string(r[:n-1]) + "…"
}

// drawLegend writes the legend entries and the axis captions.
func (c *canvas) drawLegend(l layout, leftCaption, rightCaption string) {
	for i, it := range l.legend {
		x, y := l.legendX[i], l.legendY[i]
		if it.sw.bar {
			c.rect(x, y-11, 14, 14, it.sw.fill, "")
		} else {
			c.polyline([]xy{{x, y - 4}, {x + 16, y - 4}}, it.sw.stroke, it.sw.dash)
			c.marker(it.sw.marker, x+8, y-4, it.sw.stroke)
		}
		c.text(x+22, y, "start", legendSize, colourText, it.label)
	}
	if leftCaption != "" {
		c.text(padSide, l.captionY, "start", legendSize, colourText, leftCaption)
	}
	if rightCaption != "" {
		c.text(vbWidth-padSide, l.captionY, "end", legendSize, colourText, rightCaption)
	}
}
