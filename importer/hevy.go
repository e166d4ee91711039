package importer

import (
	"io"
	"strings"

	"github.com/backload/backload"
)

// hevyCols are the column indexes of a Hevy export; -1 when absent.
type hevyCols struct {
	title, start, end, description, exercise, notes, setType,
	weight, reps, dist, secs, rpe int
}

// parseHevy reads a Hevy export: kg or lb columns, both date formats,
// newest-first rows.
func parseHevy(in input, b *builder, opts Options) (string, error) {
	t, err := openTable(in, &b.skipped)
	if err != nil {
		return "", err
	}
	c := hevyCols{
		title:       t.col("title"),
		start:       t.col("start_time"),
		end:         t.col("end_time"),
		description: t.col("description"),
		exercise:    t.col("exercise_title"),
		notes:       t.col("exercise_notes"),
		setType:     t.col("set_type"),
		weight:      t.col("weight_kg", "weight_lbs", "weight_lb"),
		reps:        t.col("reps"),
		dist:        t.col("distance_km", "distance_miles", "distance_mi", "distance_meters", "distance_m"),
		secs:        t.col("duration_seconds"),
		rpe:         t.col("rpe"),
	}
	for _, r := range []struct {
		i    int
		name string
	}{{c.title, "title"}, {c.start, "start_time"}, {c.exercise, "exercise_title"}, {c.weight, "weight_kg"}, {c.reps, "reps"}} {
		if r.i < 0 {
			return "", missingColumn("Hevy", r.name)
		}
	}
	unit := backload.Kilograms
	if strings.HasPrefix(headerKey(t.header[c.weight]), "weight_lb") {
		unit = backload.Pounds
	}
	perDist := defaultDistance(unit)
	if c.dist >= 0 {
		perDist, _ = distanceUnit(strings.TrimPrefix(headerKey(t.header[c.dist]), "distance_"), perDist)
	}
	lim := newLimits()
	starts := dateCache{layouts: hevyLayouts, loc: opts.Location}
	ends := dateCache{layouts: hevyLayouts, loc: opts.Location}

	for {
		rec, err := t.row()
		if err == io.EOF {
			break
		}
		if err != nil {
			return "", err
		}
		set := backload.Set{Kind: backload.Working, Unit: unit}
		if c.setType >= 0 {
			var ok bool
			if set.Kind, ok = hevyKind(rec[c.setType]); !ok {
				return "", t.fieldErr(c.setType, t.header[c.setType], "%s is not a set type (normal, warmup, dropset or failure)", echo(rec[c.setType]))
			}
		}
		at, err := starts.parse(rec[c.start])
		if err != nil {
			return "", t.valueErr(c.start, t.header[c.start], err)
		}
		name := strings.TrimSpace(rec[c.exercise])
		if name == "" {
			return "", t.valueErr(c.exercise, t.header[c.exercise], errEmptyName)
		}
		if err := t.readSetNumbers(rec, setNumbers{c.weight, c.reps, c.rpe, c.secs, c.dist, -1}, &set, false, lim, perDist); err != nil {
			return "", err
		}

		si, isNew := b.session(at, strings.TrimSpace(rec[c.title]))
		s := &b.sessions[si]
		if isNew && c.end >= 0 && strings.TrimSpace(rec[c.end]) != "" {
			end, err := ends.parse(rec[c.end])
			if err != nil {
				return "", t.valueErr(c.end, t.header[c.end], err)
			}
			if d := end.Sub(at).Seconds(); d > 0 && d <= maxDurationSec {
				s.DurationSec = int(d)
			}
		}
		if c.description >= 0 && s.Notes == "" && rec[c.description] != "" {
			s.Notes = cleanText(rec[c.description])
		}
		note := ""
		if c.notes >= 0 {
			note = rec[c.notes]
		}
		b.add(si, name, set, note)
	}
	return hevyLayout(unit, perDist), nil
}

// hevyKind reads a set_type: normal, warmup, dropset or failure; empty is
// normal.
func hevyKind(s string) (backload.SetKind, bool) {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "normal", "", "working":
		return backload.Working, true
	case "warmup", "warm_up", "warm-up":
		return backload.WarmUp, true
	case "dropset", "drop_set", "drop":
		return backload.Drop, true
	case "failure":
		return backload.Failure, true
	}
	return "", false
}

func hevyLayout(u backload.Unit, perDist float64) string {
	l := "hevy (" + string(u)
	if perDist != defaultDistance(u) {
		switch perDist {
		case metersPerMile:
			l += ", miles"
		case metersPerKm:
			l += ", km"
		default:
			l += ", m"
		}
	}
	return l + ")"
}
