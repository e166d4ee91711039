package report

import (
	"html"
	"html/template"
	"strconv"
	"strings"

	"github.com/backload/backload"
)

// Chart is one server-rendered chart with its text alternatives.
type Chart struct {
	// SVG is the chart as inline SVG, safe to place in an html/template
	// as it is: every piece of text in it was escaped, and it holds no
	// script, event handler, style attribute or external reference, so
	// it also passes a strict Content-Security-Policy. It scales to its
	// container's width (viewBox, width 100%).
	SVG template.HTML
	// Summary says in a few plain-text sentences what the chart shows; it
	// is also the SVG's <desc>. It is not HTML: let the template escape it.
	Summary string
	// Table is an HTML <table> of every figure the chart draws, week by
	// week: the fallback for screen readers, for print and for anyone who
	// wants the numbers.
	Table template.HTML
}

// Options adjust how a chart is drawn.
type Options struct {
	// Unit is the unit weights are shown in: kg (the default) or lb.
	Unit backload.Unit
	// ID prefixes every id inside the SVG (its title, its patterns), so
	// that several charts can share a page; give each chart on a page its
	// own. Characters other than ASCII letters, digits, '-' and '_' are
	// dropped, and one that does not start with a letter gets the chart's
	// kind in front. Empty means the chart's kind, such as "spinal".
	ID string
}

// id returns the id prefix, or def when o has none.
func (o Options) id(def string) string {
	var b strings.Builder
	for _, r := range o.ID {
		if r < 128 && (r == '-' || r == '_' || r >= '0' && r <= '9' || r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z') {
			b.WriteRune(r)
		}
	}
	if b.Len() == 0 || !(o.ID[0] >= 'a' && o.ID[0] <= 'z' || o.ID[0] >= 'A' && o.ID[0] <= 'Z') {
		return def + b.String() // an id must start with a letter
	}
	return b.String()
}

// canvas writes SVG. Text goes through text or esc and is always escaped;
// attribute values written raw are numbers or constants of this package.
type canvas struct {
	b      strings.Builder
	id     string
	width  float64
	height float64
}

// open starts the document: the root element with its accessible name and
// description, and a white ground so the chart reads the same on a dark
// page and on paper.
func (c *canvas) open(title, desc string) {
	c.b.WriteString(`<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 `)
	c.num(c.width)
	c.b.WriteByte(' ')
	c.num(c.height)
	c.b.WriteString(`" width="100%" role="img" aria-labelledby="`)
	c.b.WriteString(c.id + `-title ` + c.id + `-desc" font-family="system-ui, sans-serif">` + "\n")
	c.b.WriteString(`<title id="` + c.id + `-title">`)
	c.esc(title)
	c.b.WriteString(`</title>` + "\n" + `<desc id="` + c.id + `-desc">`)
	c.esc(desc)
	c.b.WriteString("</desc>\n")
	c.rect(0, 0, c.width, c.height, colourGround, "")
}

// close ends the document and returns it.
func (c *canvas) close() template.HTML {
	c.b.WriteString("</svg>\n")
	return template.HTML(c.b.String()) // every text in it went through esc
}

func (c *canvas) esc(s string) { c.b.WriteString(html.EscapeString(s)) }

// num writes a coordinate to a tenth of a unit, which is finer than any
// screen shows at this size and keeps the SVG small.
func (c *canvas) num(x float64) {
	var buf [32]byte
	s := strconv.AppendFloat(buf[:0], x, 'f', 1, 64)
	if len(s) > 2 && s[len(s)-2] == '.' && s[len(s)-1] == '0' {
		s = s[:len(s)-2]
	}
	if len(s) == 2 && s[0] == '-' && s[1] == '0' {
		s = s[1:]
	}
	c.b.Write(s)
}

// attr writes name="x" with a leading space.
func (c *canvas) attr(name string, x float64) {
	c.b.WriteString(" " + name + `="`)
	c.num(x)
	c.b.WriteByte('"')
}

// rect writes a filled rectangle; tip, when not empty, becomes its
// tooltip.
func (c *canvas) rect(x, y, w, h float64, fill, tip string) {
	c.b.WriteString("<rect")
	c.attr("x", x)
	c.attr("y", y)
	c.attr("width", w)
	c.attr("height", h)
	c.b.WriteString(` fill="` + fill + `"`)
	c.end("rect", tip)
}

// end closes element name, with a <title> child when tip is not empty: a
// native tooltip, no script needed.
func (c *canvas) end(name, tip string) {
	if tip == "" {
		c.b.WriteString("/>\n")
		return
	}
	c.b.WriteString("><title>")
	c.esc(tip)
	c.b.WriteString("</title></" + name + ">\n")
}

// line writes a straight stroke.
func (c *canvas) line(x1, y1, x2, y2 float64, stroke string, width float64) {
	c.b.WriteString("<line")
	c.attr("x1", x1)
	c.attr("y1", y1)
	c.attr("x2", x2)
	c.attr("y2", y2)
	c.b.WriteString(` stroke="` + stroke + `"`)
	c.attr("stroke-width", width)
	c.b.WriteString("/>\n")
}

// text writes escaped text. anchor is start, middle or end.
func (c *canvas) text(x, y float64, anchor string, size float64, fill, s string) {
	c.b.WriteString("<text")
	c.attr("x", x)
	c.attr("y", y)
	c.attr("font-size", size)
	c.b.WriteString(` fill="` + fill + `" text-anchor="` + anchor + `">`)
	c.esc(s)
	c.b.WriteString("</text>\n")
}
