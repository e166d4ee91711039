package importer

import (
	"bufio"
	"encoding/csv"
	"io"
	"math"
	"strconv"
	"time"

	"github.com/backload/backload"
)

// csvHeader is the header of WriteCSV.
var csvHeader = []string{
	"date", "time", "title", "exercise", "catalog_id", "class", "set", "kind",
	"weight_kg", "weight", "unit", "reps", "rpe", "seconds", "distance_m", "notes",
}

// WriteCSV writes one row per set, for spreadsheets: date and time of the
// session (in StartedAt's own location: convert first to show local time),
// title, exercise as entered, catalog id, class, set number within the
// exercise, kind, weight in kg (to the gram), weight in the unit entered (to
// 0.01) and that unit (kg when unknown), reps, RPE (empty when not
// recorded), seconds, distance in meters and the set's notes. Text that a
// spreadsheet would run as a formula (starting with =, +, -, @) is prefixed
// with a quote. It is not an import format: the JSON export is the lossless
// one. It returns the first error of w.
func WriteCSV(w io.Writer, sessions []backload.Session) error {
	bw := bufio.NewWriterSize(w, 64<<10)
	cw := csv.NewWriter(bw)
	if err := cw.Write(csvHeader); err != nil {
		return err
	}
	row := make([]string, len(csvHeader))
	for _, s := range sessions {
		date, clock := s.StartedAt.Format(time.DateOnly), s.StartedAt.Format("15:04:05")
		title := cell(s.Title)
		for _, e := range s.Exercises {
			name := cell(e.Input)
			for i, set := range e.Sets {
				unit := set.Unit
				if !unit.Valid() {
					unit = backload.Kilograms
				}
				entered := set.WeightKg
				if unit == backload.Pounds {
					entered = set.WeightKg / kgPerLb
				}
				row = append(row[:0], date, clock, title, name, e.ExerciseID, string(e.Class),
					strconv.Itoa(i+1), string(set.Kind),
					decimal(set.WeightKg, 1000), decimal(entered, 100), string(unit),
					strconv.Itoa(set.Reps), rpeCell(set.RPE), strconv.Itoa(set.Seconds),
					decimal(set.DistanceM, 1000), cell(set.Notes))
				if err := cw.Write(row); err != nil {
					return err
				}
			}
		}
	}
	cw.Flush()
	if err := cw.Error(); err != nil {
		return err
	}
	return bw.Flush()
}

// decimal writes x rounded to 1/scale, without trailing zeros.
func decimal(x, scale float64) string {
	r := math.Round(x*scale) / scale
	if r == 0 {
		r = 0
	}
	return strconv.FormatFloat(r, 'f', -1, 64)
}

func rpeCell(r float64) string {
	if r == 0 {
		return ""
	}
	return strconv.FormatFloat(r, 'f', -1, 64)
}

// cell defuses text a spreadsheet would run as a formula.
func cell(s string) string {
	if s != "" && (s[0] == '=' || s[0] == '+' || s[0] == '-' || s[0] == '@' || s[0] == '\t' || s[0] == '\r') {
		return "'" + s
	}
	return s
}
