package report

import "strconv"

// The colours. Every mark that carries data is at least 4.5:1 against the
// white ground (WCAG asks 3:1 of graphics, 4.5:1 of text; a test checks),
// and no series is told apart by colour alone: classes also differ in
// pattern, lines in dash and marker shape, and everything has a label.
const (
	colourGround = "#ffffff"
	colourText   = "#333333" // 12.6:1
	colourAxis   = "#595959" // 7:1
	colourGrid   = "#dddddd" // decorative: the tick labels carry the values
	colourPain   = "#1a1a1a" // the pain line, near black against coloured bars
)

// classColours are the six classes' colours, in the order of
// backload.Classes, picked from colour-blind-safe hues and darkened for
// contrast.
var classColours = [numClasses]string{
	"#a13a1a", // heavy spinal loading: brick red
	"#6a3d9a", // loaded flexion: purple
	"#1f5fa8", // spine-neutral lower body: blue
	"#1b7a4a", // core endurance: green
	"#545454", // upper body: grey
	"#8a6100", // other: ochre
}

// classShort are legend labels short enough for two or three to a row on a
// phone; the tables use backload.Class.Label.
var classShort = [numClasses]string{
	"Heavy spinal", "Loaded flexion", "Spine-neutral lower", "Core endurance", "Upper body", "Other",
}

// The fill patterns, one per class, so a stacked bar reads in grey scale
// and to a colour-blind eye. Heavy spinal loading, the one the product is
// about, is solid.
const (
	patSolid = iota
	patDiagonal
	patDots
	patHorizontal
	patCross
	patVertical
)

// seriesColours, seriesDashes and seriesMarkers style the lines of a chart
// with several series, cycling together so that each line differs from
// its neighbours in all three.
var (
	seriesColours = [...]string{"#a13a1a", "#1f5fa8", "#6a3d9a", "#1b7a4a", "#8a6100", "#545454"}
	seriesDashes  = [...]string{"", "7 4", "2 3", "9 3 2 3", "4 4", "12 4"}
	seriesMarkers = [...]int{markCircle, markSquare, markTriangle, markDiamond, markDown, markCross}
)

// patternID names class k's pattern within a chart.
func (c *canvas) patternID(k int) string { return c.id + "-p" + strconv.Itoa(k) }

// classFill is the fill attribute value for class k.
func (c *canvas) classFill(k int) string {
	if k == patSolid {
		return classColours[k]
	}
	return "url(#" + c.patternID(k) + ")"
}

// classPatterns writes the <defs> of the class patterns: the class colour
// with white marks at partial opacity, light enough to see and dark enough
// to keep the fill's contrast.
func (c *canvas) classPatterns() {
	c.b.WriteString("<defs>\n")
	for k := 1; k < numClasses; k++ {
		c.b.WriteString(`<pattern id="` + c.patternID(k) + `" width="6" height="6" patternUnits="userSpaceOnUse"`)
		if k == patDiagonal {
			c.b.WriteString(` patternTransform="rotate(45)"`)
		}
		c.b.WriteString(`><rect width="6" height="6" fill="` + classColours[k] + `"/>`)
		const mark = ` fill="#ffffff" fill-opacity="0.6"/>`
		switch k {
		case patDiagonal, patVertical:
			c.b.WriteString(`<rect width="2" height="6"` + mark)
		case patDots:
			c.b.WriteString(`<circle cx="3" cy="3" r="1.3"` + mark)
		case patHorizontal:
			c.b.WriteString(`<rect width="6" height="2"` + mark)
		case patCross:
			c.b.WriteString(`<rect width="1.5" height="6"` + mark + `<rect y="2.25" width="6" height="1.5"` + mark)
		}
		c.b.WriteString("</pattern>\n")
	}
	c.b.WriteString("</defs>\n")
}
