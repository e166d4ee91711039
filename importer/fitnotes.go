package importer

import (
	"io"
	"strconv"
	"strings"
	"time"

	"github.com/backload/backload"
)

// FitNotesTitle is the title of sessions imported from FitNotes, which has
// no workout names: a FitNotes session is its date.
const FitNotesTitle = "FitNotes"

// fitCols are the column indexes of a FitNotes export; -1 when absent.
type fitCols struct {
	date, exercise, weight, unit, reps, dist, distUnit, time, comment int
}

// fitParser reads the rows of one FitNotes file.
type fitParser struct {
	t       *table
	c       fitCols
	unit    backload.Unit // of the weight column, when the file has no unit column
	perDist float64
	lim     limits
	dates   dateCache
}

// fitRow is a record seen through the header. Real exports have unquoted
// commas inside exercise names, so a record may have more fields than the
// header: the columns left of the name are taken from the left, the others
// from the right, and inName of the extra fields belong to the name. When
// the last column is Comment, the remaining extra fields belong to it.
type fitRow struct {
	rec    []string
	ex, cm int
	extra  int
	inName int
}

// at returns column i of the header and the index of the field where it
// starts (for error lines).
func (r fitRow) at(i int) (string, int) {
	switch {
	case i < r.ex:
		return r.rec[i], i
	case i == r.ex:
		if r.inName == 0 {
			return r.rec[i], i
		}
		return strings.Join(r.rec[i:i+r.inName+1], ","), i
	case i == r.cm:
		j := i + r.inName
		if r.inName == r.extra {
			return r.rec[j], j
		}
		return strings.Join(r.rec[j:], ","), j
	case i > r.cm && r.cm > r.ex:
		return r.rec[i+r.extra], i + r.extra
	}
	return r.rec[i+r.inName], i + r.inName
}

// fitSet is one parsed row.
type fitSet struct {
	at      time.Time
	name    string
	set     backload.Set
	comment string
}

// parseFitNotes reads a FitNotes export: with or without Comment, with a
// unit column (kgs, lbs) or a unit in the weight header ("Weight (lbs)").
// A session is a date; its exercises and sets keep file order.
func parseFitNotes(in input, b *builder, opts Options) (string, error) {
	t, err := openTable(in, &b.skipped)
	if err != nil {
		return "", err
	}
	t.extraOK = true
	c := fitCols{
		date:     t.col("date"),
		exercise: t.col("exercise"),
		weight:   t.col("weight", "weight (kgs)", "weight (kg)", "weight (lbs)", "weight (lb)"),
		unit:     t.col("weight unit"),
		reps:     t.col("reps"),
		dist:     t.col("distance"),
		distUnit: t.col("distance unit"),
		time:     t.col("time"),
		comment:  t.col("comment"),
	}
	for _, r := range []struct {
		i    int
		name string
	}{{c.date, "Date"}, {c.exercise, "Exercise"}, {c.weight, "Weight"}, {c.reps, "Reps"}} {
		if r.i < 0 {
			return "", missingColumn("FitNotes", r.name)
		}
	}
	p := &fitParser{
		t: t, c: c, lim: newLimits(),
		unit:  unitInHeader(t.header[c.weight], opts.Unit),
		dates: dateCache{layouts: fitNotesLayouts, loc: opts.Location},
	}
	p.perDist = defaultDistance(p.unit)
	if c.dist >= 0 {
		p.perDist = distanceInHeader(t.header[c.dist], p.perDist)
	}
	// Extra fields may go to the comment only when it is the last column.
	commentLast := c.comment == len(t.header)-1
	for {
		rec, err := t.row()
		if err == io.EOF {
			break
		}
		if err != nil {
			return "", err
		}
		extra := len(rec) - len(t.header)
		if extra > maxColumns { // each split below is tried: keep that small
			return "", backload.FieldErrorf("line "+strconv.Itoa(t.line(0)), "%d fields where the header has %d", len(rec), len(t.header))
		}
		r := fitRow{rec: rec, ex: c.exercise, cm: c.comment, extra: extra, inName: extra}
		fs, err := p.parse(r)
		for r.inName > 0 && err != nil && commentLast {
			r.inName--
			if alt, altErr := p.parse(r); altErr == nil {
				fs, err = alt, nil
			}
		}
		if err != nil {
			return "", err
		}
		si, _ := b.session(fs.at, FitNotesTitle)
		if fs.comment != "" {
			fs.set.Notes = cleanText(fs.comment)
		}
		b.add(si, fs.name, fs.set, "")
	}
	return fitNotesLayout(t, c), nil
}

// parse reads one row; it has no side effects, so another split of the
// row's fields can be tried when it fails.
func (p *fitParser) parse(r fitRow) (fitSet, error) {
	var fs fitSet
	var err error
	field := func(i int) (string, int) { return r.at(i) }
	fail := func(col, at int, err error) error { return p.t.valueErr(at, p.t.header[col], err) }

	v, at := field(p.c.date)
	if fs.at, err = p.dates.parse(v); err != nil {
		return fs, fail(p.c.date, at, err)
	}
	v, at = field(p.c.exercise)
	if fs.name = strings.TrimSpace(v); fs.name == "" {
		return fs, fail(p.c.exercise, at, errEmptyName)
	}
	fs.set = backload.Set{Kind: backload.Working, Unit: p.unit}
	if p.c.unit >= 0 {
		v, at = field(p.c.unit)
		if fs.set.Unit, err = weightUnit(v, p.unit); err != nil {
			return fs, fail(p.c.unit, at, err)
		}
	}
	v, at = field(p.c.weight)
	if fs.set.WeightKg, err = weightKg(v, fs.set.Unit, false, p.lim); err != nil {
		return fs, fail(p.c.weight, at, err)
	}
	v, at = field(p.c.reps)
	if fs.set.Reps, err = wholeNumber(v, false, maxReps); err != nil {
		return fs, fail(p.c.reps, at, err)
	}
	if p.c.time >= 0 {
		v, at = field(p.c.time)
		if fs.set.Seconds, err = clock(v, p.lim.maxSeconds); err != nil {
			return fs, fail(p.c.time, at, err)
		}
	}
	if p.c.dist >= 0 {
		per := p.perDist
		if p.c.distUnit >= 0 {
			v, at = field(p.c.distUnit)
			if per, err = distanceUnit(v, p.perDist); err != nil {
				return fs, fail(p.c.distUnit, at, err)
			}
		}
		v, at = field(p.c.dist)
		if fs.set.DistanceM, err = distanceM(v, per, false); err != nil {
			return fs, fail(p.c.dist, at, err)
		}
	}
	if p.c.comment >= 0 {
		fs.comment, _ = field(p.c.comment)
	}
	return fs, nil
}

func fitNotesLayout(t *table, c fitCols) string {
	var notes []string
	if c.unit < 0 {
		notes = append(notes, t.header[c.weight]+", no unit column")
	}
	if c.comment < 0 {
		notes = append(notes, "no comment column")
	}
	if len(notes) == 0 {
		return "fitnotes"
	}
	return "fitnotes (" + strings.Join(notes, ", ") + ")"
}
