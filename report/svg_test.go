package report

import (
	"encoding/xml"
	"flag"
	"io"
	"math"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/backload/backload"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

// goldenCharts are the charts of the fixed histories, by golden file name.
func goldenCharts(t *testing.T) map[string]Chart {
	p := backload.DefaultPolicy()
	rows, checkins, r := flareHistory()
	weeks := Weekly(rows, r)
	lifts := []string{"squat-barbell", "deadlift-barbell", "bench-press-barbell"}
	long, longCheckins, longR := history(40000)
	longWeeks := Weekly(long, longR)
	return map[string]Chart{
		"spinal":      SpinalLoadChart(weeks, DailyPain(checkins, r, p), Options{}),
		"volume":      VolumeChart(weeks, Options{}),
		"e1rm":        E1RMChart(E1RM(rows, lifts, r), r, Options{}),
		"core":        CoreChart(Core(rows, r, p), Options{}),
		"e1rm_lb":     E1RMChart(E1RM(rows, lifts[:1], r), r, Options{Unit: backload.Pounds, ID: "e1rm-lb"}),
		"spinal_10y":  SpinalLoadChart(longWeeks, DailyPain(longCheckins, longR, p), Options{}),
		"volume_10y":  VolumeChart(longWeeks, Options{}),
		"e1rm_10y":    E1RMChart(E1RM(long, MainLifts(long, 3), longR), longR, Options{}),
		"core_10y":    CoreChart(Core(long, longR, p), Options{}),
		"spinal_none": SpinalLoadChart(Weekly(nil, r), nil, Options{}),
		"e1rm_none":   E1RMChart(E1RM(nil, []string{"squat"}, r), r, Options{}),
	}
}

// TestChartsGolden compares every chart, its table and its summary with
// testdata; run with -update to rewrite them after a deliberate change, and
// look at the SVGs in a browser before committing.
func TestChartsGolden(t *testing.T) {
	for name, c := range goldenCharts(t) {
		t.Run(name, func(t *testing.T) {
			golden(t, name+".svg", string(c.SVG))
			if !strings.HasSuffix(name, "_10y") { // ten years of rows: too long to review
				golden(t, name+".table.html", string(c.Table))
			}
			golden(t, name+".txt", c.Summary+"\n")
		})
	}
}

func golden(t *testing.T, name, got string) {
	t.Helper()
	path := filepath.Join("testdata", name)
	if *update {
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test ./report/ -update to create it)", err)
	}
	if got != string(want) {
		t.Errorf("%s differs from the golden file; run go test ./report/ -update and review the diff", name)
	}
}

// TestChartsWellFormed checks what every chart promises: XML that parses,
// a responsive root with an accessible name and description, nothing that
// runs or loads, and a table that parses too.
func TestChartsWellFormed(t *testing.T) {
	charts := goldenCharts(t)
	// Nothing at all, and a range that ends before it starts.
	backwards := span(t, "2026-03-08", "2026-03-02")
	charts["spinal_empty"] = SpinalLoadChart(nil, nil, Options{})
	charts["volume_empty"] = VolumeChart(nil, Options{})
	charts["core_empty"] = CoreChart(nil, Options{})
	charts["e1rm_empty"] = E1RMChart(nil, backwards, Options{})
	charts["e1rm_backwards"] = E1RMChart(E1RM(nil, []string{"squat"}, backwards), backwards, Options{})
	for name, c := range charts {
		t.Run(name, func(t *testing.T) {
			svg := string(c.SVG)
			if strings.Contains(svg, "NaN") || strings.Contains(svg, "Inf") {
				t.Errorf("SVG has a NaN or infinite coordinate")
			}
			root := parseXML(t, svg)
			if root.Name.Local != "svg" {
				t.Fatalf("root is %s", root.Name.Local)
			}
			attrs := map[string]string{}
			for _, a := range root.Attr {
				attrs[a.Name.Local] = a.Value
			}
			if attrs["width"] != "100%" || !strings.HasPrefix(attrs["viewBox"], "0 0 400 ") || attrs["role"] != "img" {
				t.Errorf("root attributes %v", attrs)
			}
			for _, want := range []string{"<title id=", "<desc id="} {
				if !strings.Contains(svg, want) {
					t.Errorf("no %s", want)
				}
			}
			for _, bad := range []string{"<script", "javascript:", "href", "<foreignobject", "<image"} {
				if strings.Contains(strings.ToLower(svg), bad) {
					t.Errorf("SVG contains %q", bad)
				}
			}
			for _, a := range allAttrs(t, svg) {
				if n := strings.ToLower(a.Name.Local); strings.HasPrefix(n, "on") || n == "style" {
					t.Errorf("SVG has a %s attribute", a.Name.Local)
				}
			}
			if table := parseXML(t, string(c.Table)); table.Name.Local != "table" {
				t.Errorf("table root is %s", table.Name.Local)
			}
			if c.Summary == "" || !strings.Contains(svg, xmlEscape(c.Summary)) {
				t.Errorf("summary %q is not the SVG's description", c.Summary)
			}
		})
	}
}

// parseXML decodes s strictly and returns its root element.
func parseXML(t *testing.T, s string) xml.StartElement {
	t.Helper()
	d := xml.NewDecoder(strings.NewReader(s))
	var root xml.StartElement
	for {
		tok, err := d.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatalf("not well-formed XML: %v", err)
		}
		if se, ok := tok.(xml.StartElement); ok && root.Name.Local == "" {
			root = se
		}
	}
	return root
}

// allAttrs returns every attribute of every element of s.
func allAttrs(t *testing.T, s string) []xml.Attr {
	t.Helper()
	var out []xml.Attr
	d := xml.NewDecoder(strings.NewReader(s))
	for {
		tok, err := d.Token()
		if err != nil {
			return out
		}
		if se, ok := tok.(xml.StartElement); ok {
			out = append(out, se.Attr...)
		}
	}
}

func xmlEscape(s string) string {
	var b strings.Builder
	xml.EscapeText(&b, []byte(s))
	return strings.ReplaceAll(strings.ReplaceAll(b.String(), "&#34;", "&#34;"), "&#39;", "&#39;")
}

// TestChartsEscapeText feeds a hostile lift name through every place a
// name appears.
func TestChartsEscapeText(t *testing.T) {
	evil := `</text><script>alert("x")</script> & 'Squat'`
	series := []LiftSeries{{Lift: "x", Name: evil, Points: []Point{{day(t, "2026-03-02"), 100}}}}
	r := span(t, "2026-03-02", "2026-03-08")
	e := E1RMChart(series, r, Options{ID: `"><script>`})
	c := CoreChart([]CoreWeek{{Start: day(t, "2026-03-02"), LongestHoldS: 30, LongestHoldBy: evil}}, Options{})
	for _, ch := range []Chart{e, c} {
		for _, s := range []string{string(ch.SVG), string(ch.Table)} {
			parseXML(t, s)
			if strings.Contains(s, "<script") || strings.Contains(s, `"x"`) {
				t.Errorf("unescaped text in %s", s)
			}
		}
	}
	if !strings.Contains(string(e.SVG), `id="e1rmscript-title"`) {
		t.Errorf("id not sanitised: %.300s", e.SVG)
	}
}

// TestPaletteContrast checks every colour that carries data or text is at
// least 4.5:1 against the white ground.
func TestPaletteContrast(t *testing.T) {
	colours := []string{colourText, colourAxis, colourPain}
	colours = append(colours, classColours[:]...)
	colours = append(colours, seriesColours[:]...)
	for _, c := range colours {
		if r := contrast(c, colourGround); r < 4.5 {
			t.Errorf("%s on white is %.2f:1, want 4.5:1 or more", c, r)
		}
	}
}

// contrast is the WCAG 2 contrast ratio of two #rrggbb colours.
func contrast(a, b string) float64 {
	la, lb := luminance(a), luminance(b)
	return (math.Max(la, lb) + 0.05) / (math.Min(la, lb) + 0.05)
}

func luminance(hex string) float64 {
	ch := func(i int) float64 {
		v, _ := strconv.ParseUint(hex[1+2*i:3+2*i], 16, 8)
		c := float64(v) / 255
		if c <= 0.04045 {
			return c / 12.92
		}
		return math.Pow((c+0.055)/1.055, 2.4)
	}
	return 0.2126*ch(0) + 0.7152*ch(1) + 0.0722*ch(2)
}

func TestNiceScale(t *testing.T) {
	tests := []struct {
		lo, hi        float64
		n             int
		whole         bool
		wlo, whi, wst float64
	}{
		{0, 5100, 5, false, 0, 6000, 2000},
		{0, 9, 5, true, 0, 10, 2},
		{0, 0, 5, false, 0, 1, 0.2},
		{0, 0.3, 5, true, 0, 1, 1},
		{95, 185, 4, false, 75, 200, 25},
		{0, 12000, 5, false, 0, 12500, 2500},
	}
	for _, tt := range tests {
		s := niceScale(tt.lo, tt.hi, tt.n, tt.whole)
		if !near(s.lo, tt.wlo) || !near(s.hi, tt.whi) || !near(s.step, tt.wst) {
			t.Errorf("niceScale(%v, %v, %d, %v) = %+v, want %v..%v by %v", tt.lo, tt.hi, tt.n, tt.whole, s, tt.wlo, tt.whi, tt.wst)
		}
	}
}

func TestFmtNum(t *testing.T) {
	tests := []struct {
		x    float64
		d    int
		want string
	}{
		{12500, 0, "12,500"}, {142.5, 1, "142.5"}, {140, 1, "140"}, {-1234.56, 1, "-1,234.6"}, {-0.01, 1, "0"}, {999, 0, "999"}, {1e6, 0, "1,000,000"},
	}
	for _, tt := range tests {
		if got := fmtNum(tt.x, tt.d); got != tt.want {
			t.Errorf("fmtNum(%v, %d) = %q, want %q", tt.x, tt.d, got, tt.want)
		}
	}
}
