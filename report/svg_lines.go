package report

import "math"

// xy is a point in viewBox units. A NaN y breaks a line: there is no value
// there, and joining across the gap would invent one.
type xy struct{ x, y float64 }

// The marker shapes, so lines differ in shape as well as colour.
const (
	markNone = iota - 1
	markCircle
	markSquare
	markTriangle
	markDiamond
	markDown
	markCross
)

// maxMarked is the most points of a series that each get a marker; beyond
// it markers would merge into a thick smear, and the dash tells the lines
// apart.
const maxMarked = 60

// polyline writes one unbroken stroke through pts.
func (c *canvas) polyline(pts []xy, stroke, dash string) {
	c.b.WriteString(`<polyline fill="none" stroke="` + stroke + `" stroke-width="2.5" stroke-linejoin="round" stroke-linecap="round"`)
	if dash != "" {
		c.b.WriteString(` stroke-dasharray="` + dash + `"`)
	}
	c.b.WriteString(` points="`)
	for i, p := range pts {
		if i > 0 {
			c.b.WriteByte(' ')
		}
		c.num(p.x)
		c.b.WriteByte(',')
		c.num(p.y)
	}
	c.b.WriteString(`"/>` + "\n")
}

// series writes a line through pts, broken wherever y is NaN, with a marker
// on each point when there are few of them, and always on a point that
// stands alone, since a one-point line draws nothing.
func (c *canvas) series(pts []xy, stroke, dash string, mark int) {
	markAll := len(pts) <= maxMarked
	start := 0
	for i := 0; i <= len(pts); i++ {
		if i < len(pts) && !math.IsNaN(pts[i].y) {
			continue
		}
		seg := pts[start:i]
		if len(seg) > 1 {
			c.polyline(seg, stroke, dash)
		}
		for _, p := range seg {
			if markAll || len(seg) == 1 {
				c.marker(mark, p.x, p.y, stroke)
			}
		}
		start = i + 1
	}
}

// marker writes a marker of the given shape, outlined in white so it stands
// out from bars and crossing lines.
func (c *canvas) marker(kind int, x, y float64, fill string) {
	const r = 4.0
	end := `" fill="` + fill + `" stroke="#ffffff" stroke-width="1"/>` + "\n"
	switch kind {
	case markNone:
		return
	case markCircle:
		c.b.WriteString("<circle")
		c.attr("cx", x)
		c.attr("cy", y)
		c.attr("r", r)
		c.b.WriteString(end[1:])
		return
	case markSquare:
		c.path(end, x-r, y-r, x+r, y-r, x+r, y+r, x-r, y+r)
	case markTriangle:
		c.path(end, x, y-r-1, x+r+1, y+r, x-r-1, y+r)
	case markDiamond:
		c.path(end, x, y-r-1, x+r+1, y, x, y+r+1, x-r-1, y)
	case markDown:
		c.path(end, x-r-1, y-r, x+r+1, y-r, x, y+r+1)
	default: // a cross, drawn as a filled plus sign
		const t = 1.6
		c.path(end, x-t, y-r, x+t, y-r, x+t, y-t, x+r, y-t, x+r, y+t, x+t, y+t, x+t, y+r,
			x-t, y+r, x-t, y+t, x-r, y+t, x-r, y-t, x-t, y-t)
	}
}

// path writes a closed polygon through the coordinate pairs.
func (c *canvas) path(end string, coords ...float64) {
	c.b.WriteString(`<path d="`)
	for i := 0; i < len(coords); i += 2 {
		if i == 0 {
			c.b.WriteByte('M')
		} else {
			c.b.WriteByte('L')
		}
		c.num(coords[i])
		c.b.WriteByte(' ')
		c.num(coords[i+1])
	}
	c.b.WriteString("Z" + end)
}
