package importer

import (
	"io"
	"strings"

	"github.com/backload/backload"
)

// strongCols are the column indexes of a Strong export; -1 when absent.
type strongCols struct {
	date, title, duration, exercise, order, weight, unit, reps, rpe,
	dist, distUnit, secs, notes, workoutNotes int
}

// Skip reasons of Strong's pseudo-rows.
const (
	restTimerRow = `Strong "Rest Timer" row: not a set`
	noteRow      = `Strong "Note" row: not a set (its text is kept as the exercise's notes)`
)

// parseStrong reads any Strong layout: classic comma (weights in
// opts.Unit), semicolon with a unit column, and Android (quoted, units in
// the header).
func parseStrong(in input, b *builder, opts Options) (string, error) {
	t, err := openTable(in, &b.skipped)
	if err != nil {
		return "", err
	}
	c := strongCols{
		date:         t.col("date"),
		title:        t.col("workout name"),
		duration:     t.col("duration", "duration (sec)", "duration (seconds)", "duration (s)"),
		exercise:     t.col("exercise name"),
		order:        t.col("set order"),
		weight:       t.col("weight", "weight (kg)", "weight (kgs)", "weight (lbs)", "weight (lb)"),
		unit:         t.col("weight unit"),
		reps:         t.col("reps"),
		rpe:          t.col("rpe"),
		dist:         t.col("distance", "distance (meters)", "distance (m)", "distance (km)", "distance (miles)", "distance (mi)"),
		distUnit:     t.col("distance unit"),
		secs:         t.col("seconds"),
		notes:        t.col("notes"),
		workoutNotes: t.col("workout notes"),
	}
	for _, r := range []struct {
		i    int
		name string
	}{{c.date, "Date"}, {c.title, "Workout Name"}, {c.exercise, "Exercise Name"}, {c.order, "Set Order"}, {c.weight, "Weight"}, {c.reps, "Reps"}} {
		if r.i < 0 {
			return "", missingColumn("Strong", r.name)
		}
	}
	unit := unitInHeader(t.header[c.weight], opts.Unit)
	perDist := defaultDistance(opts.Unit)
	if c.dist >= 0 {
		perDist = distanceInHeader(t.header[c.dist], perDist)
	}
	durationInSeconds := c.duration >= 0 && strings.Contains(headerKey(t.header[c.duration]), "(s")
	comma := in.delim == ';'
	lim := newLimits()
	dates := dateCache{layouts: strongLayouts, loc: opts.Location}

	for {
		rec, err := t.row()
		if err == io.EOF {
			break
		}
		if err != nil {
			return "", err
		}
		kind, pseudo, ok := strongKind(rec[c.order])
		if !ok {
			return "", t.fieldErr(c.order, t.header[c.order], "%s is not a set order (a number, W, D, F, Rest Timer or Note)", echo(rec[c.order]))
		}
		if pseudo == restTimerRow {
			t.skip(t.line(0), pseudo)
			continue
		}
		at, err := dates.parse(rec[c.date])
		if err != nil {
			return "", t.valueErr(c.date, t.header[c.date], err)
		}
		title := strings.TrimSpace(rec[c.title])
		name := strings.TrimSpace(rec[c.exercise])
		if name == "" {
			return "", t.valueErr(c.exercise, t.header[c.exercise], errEmptyName)
		}
		if pseudo == noteRow {
			t.skip(t.line(0), pseudo)
			if c.notes >= 0 && rec[c.notes] != "" {
				b.note(at, title, name, rec[c.notes])
			}
			continue
		}

		set := backload.Set{Kind: kind, Unit: unit}
		if c.unit >= 0 {
			if set.Unit, err = weightUnit(rec[c.unit], unit); err != nil {
				return "", t.valueErr(c.unit, t.header[c.unit], err)
			}
		}
		if err := t.readSetNumbers(rec, setNumbers{c.weight, c.reps, c.rpe, c.secs, c.dist, c.distUnit}, &set, comma, lim, perDist); err != nil {
			return "", err
		}

		si, isNew := b.session(at, title)
		s := &b.sessions[si]
		if isNew && c.duration >= 0 {
			d := rec[c.duration]
			if durationInSeconds {
				s.DurationSec, err = seconds(d, comma, maxDurationSec)
			} else {
				s.DurationSec, err = workoutDuration(d)
			}
			if err != nil {
				return "", t.valueErr(c.duration, t.header[c.duration], err)
			}
		}
		if c.workoutNotes >= 0 && s.Notes == "" && rec[c.workoutNotes] != "" {
			s.Notes = cleanText(rec[c.workoutNotes])
		}
		note := ""
		if c.notes >= 0 {
			note = rec[c.notes]
		}
		b.add(si, name, set, note)
	}
	return strongLayout(t, c, in.delim), nil
}

// strongKind reads a Set Order: a number is a working set; W, D and F (or
// WARM_UP, DROP, FAILURE on Android) mark the other kinds; "Rest Timer" and
// "Note" rows are not sets (pseudo is their skip reason). ok is false for
// anything else.
func strongKind(s string) (kind backload.SetKind, pseudo string, ok bool) {
	if _, isNum := digits(s); isNum {
		return backload.Working, "", true
	}
	u := strings.ToUpper(strings.TrimSpace(s))
	switch u {
	case "W", "WARM_UP", "WARMUP", "WARM UP", "WARM-UP":
		return backload.WarmUp, "", true
	case "D", "DROP", "DROP_SET", "DROPSET", "DROP SET":
		return backload.Drop, "", true
	case "F", "FAILURE":
		return backload.Failure, "", true
	case "REST TIMER", "REST_TIMER":
		return "", restTimerRow, true
	case "NOTE":
		return "", noteRow, true
	case "", "NORMAL", "WORKING":
		return backload.Working, "", true
	}
	if _, err := wholeNumber(u, false, maxReps); err == nil {
		return backload.Working, "", true // "1.0"
	}
	if len(u) > 1 && strings.ContainsRune("WDF", rune(u[0])) {
		if _, isNum := digits(u[1:]); isNum { // "W1", "D2"
			k, _, _ := strongKind(u[:1])
			return k, "", true
		}
	}
	return "", "", false
}

// strongLayout names the layout for the summary.
func strongLayout(t *table, c strongCols, delim rune) string {
	sep := "comma"
	if delim == ';' {
		sep = "semicolon"
	}
	switch {
	case t.col("workout #") >= 0 || (c.duration >= 0 && strings.Contains(headerKey(t.header[c.duration]), "(s")):
		return "strong android (" + sep + ", quoted, " + t.header[c.weight] + ")"
	case c.unit >= 0:
		return "strong (" + sep + ", unit column)"
	case c.notes < 0 && c.workoutNotes < 0:
		return "strong classic (" + sep + ", no unit column, no notes columns)"
	}
	return "strong classic (" + sep + ", no unit column)"
}
