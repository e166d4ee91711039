package report

import (
	"math"
	"strconv"
	"strings"
	"time"

	"github.com/backload/backload"
)

// fmtDate writes a day as people read it in a report: 2 Mar 2026.
func fmtDate(t time.Time) string { return t.Format("2 Jan 2006") }

// fmtRatio writes a ratio to one decimal: 1.5, 2.1.
func fmtRatio(x float64) string { return strconv.FormatFloat(x, 'f', 1, 64) }

// fmtNum writes x rounded to the given decimals, trailing zeros dropped,
// with thousands separated by commas: 12,500 and 142.5.
func fmtNum(x float64, decimals int) string {
	s := strconv.FormatFloat(x, 'f', decimals, 64)
	if strings.Contains(s, ".") {
		s = strings.TrimRight(strings.TrimRight(s, "0"), ".")
	}
	if s == "-0" {
		s = "0"
	}
	neg := strings.HasPrefix(s, "-")
	s = strings.TrimPrefix(s, "-")
	whole, frac, _ := strings.Cut(s, ".")
	var b strings.Builder
	if neg {
		b.WriteByte('-')
	}
	for i := range len(whole) {
		if i > 0 && (len(whole)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteByte(whole[i])
	}
	if frac != "" {
		b.WriteByte('.')
		b.WriteString(frac)
	}
	return b.String()
}

// unitOf returns the unit weights are shown in: kg unless lb is asked for.
func unitOf(u backload.Unit) backload.Unit {
	if u == backload.Pounds {
		return u
	}
	return backload.Kilograms
}

// inUnit converts a weight in kg to u.
func inUnit(kg float64, u backload.Unit) float64 {
	if u == backload.Pounds {
		return kg / kgPerPound
	}
	return kg
}

// fmtLoad writes a weekly load (a large sum) in whole units: 12,500 kg.
func fmtLoad(kg float64, u backload.Unit) string {
	return fmtNum(inUnit(kg, u), 0) + " " + string(unitOf(u))
}

// fmtWeight writes a lift's weight to the nearest tenth: 142.5 kg.
func fmtWeight(kg float64, u backload.Unit) string {
	return fmtNum(inUnit(kg, u), 1) + " " + string(unitOf(u))
}

// fmtPain writes a pain average to one decimal.
func fmtPain(x float64) string {
	if math.IsNaN(x) {
		return "no check-in"
	}
	return strconv.FormatFloat(x, 'f', 1, 64)
}
