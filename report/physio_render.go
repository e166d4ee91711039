package report

import (
	"bytes"
	"crypto/sha256"
	"embed"
	"encoding/base64"
	"html/template"
	"math"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/backload/backload"
)

//go:embed templates/physio.html templates/physio.css
var physioFiles embed.FS

// physioCSS is the report's style sheet, inlined into the page so that a
// saved file and its PDF need nothing else.
var physioCSS = mustRead("templates/physio.css")

var physioTemplate = template.Must(template.New("physio.html").Funcs(template.FuncMap{
	"date": func(t time.Time) string {
		if t.IsZero() {
			return "–"
		}
		return fmtDate(t)
	},
	"load": func(u backload.Unit, kg float64) string { return fmtLoad(kg, u) },
	"weight": func(u backload.Unit, kg float64) string {
		if kg <= 0 {
			return "–"
		}
		return fmtWeight(kg, u)
	},
	"num": func(u backload.Unit, kg float64) string { return fmtNum(inUnit(kg, u), 0) },
	"pain": func(x float64) string {
		if math.IsNaN(x) {
			return "–"
		}
		return fmtPain(x)
	},
	"plural":   func(n int, one, many string) string { return plural(n, one, many) },
	"add":      func(a, b int) int { return a + b },
	"flagText": func(f backload.RedFlag) string { return capitalize(f.Description()) },
	"dates":    someDates,
	"urgent":   func(f backload.RedFlag) bool { return f.Tier() == backload.Urgent },
}).ParseFS(physioFiles, "templates/physio.html"))

func mustRead(name string) string {
	b, err := physioFiles.ReadFile(name)
	if err != nil {
		panic(err) // embedded: only a build without the file can get here
	}
	return string(b)
}

// PhysioStyleHash is the Content-Security-Policy source that allows the
// report's inline style sheet, as "'sha256-...'": a page serving the report
// under a strict policy adds it to style-src instead of 'unsafe-inline'.
// The report holds no script and no style attribute.
func PhysioStyleHash() string {
	sum := sha256.Sum256([]byte(physioCSS))
	return "'sha256-" + base64.StdEncoding.EncodeToString(sum[:]) + "'"
}

// HTML renders the report as a complete, self-contained HTML page: inline
// style sheet with print rules for A4, inline SVG charts, no script and
// nothing loaded from elsewhere. back, when not empty, is a link shown on
// screen only (the web app's progress page); a file saved from the command
// line has none. It returns the template's error, which only a bug causes.
func (rep PhysioReport) HTML(back string) ([]byte, error) {
	var buf bytes.Buffer
	err := physioTemplate.Execute(&buf, struct {
		R    PhysioReport
		CSS  template.CSS
		Back string
	}{rep, template.CSS(physioCSS), back})
	return buf.Bytes(), err
}

// physioMaxDates is how many dates a red flag lists before it counts the
// rest: a flag reported daily for months would otherwise fill the page.
const physioMaxDates = 12

// someDates lists the first physioMaxDates days and counts the others.
func someDates(days []time.Time) string {
	parts := make([]string, 0, min(len(days), physioMaxDates)+1)
	for i, d := range days {
		if i == physioMaxDates {
			parts = append(parts, "and "+fmtNum(float64(len(days)-i), 0)+" more "+plural(len(days)-i, "day", "days"))
			break
		}
		parts = append(parts, fmtDate(d))
	}
	return strings.Join(parts, ", ")
}

// capitalize makes a description from the domain, written to follow a
// colon, start a sentence.
func capitalize(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	return string(unicode.ToUpper(r)) + s[n:]
}
