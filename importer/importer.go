// Package importer reads training histories exported by Strong, Hevy and
// FitNotes, and Backload's own JSON export, into domain sessions; it also
// writes that JSON export, and a one-row-per-set CSV for spreadsheets.
//
// Parse reads its input in one streaming pass with bounded memory per row.
// A malformed file fails as a whole with an EINVALID *backload.Error whose
// Field names the line and column ("line 12, column Weight"); no partial
// result is ever returned, so a caller can import in one transaction.
package importer

import (
	"bufio"
	"bytes"
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/backload/backload"
)

// Format names an export format.
type Format string

// The formats Parse reads. FormatAuto detects the format from the header.
const (
	FormatAuto     Format = "auto"
	FormatStrong   Format = "strong"
	FormatHevy     Format = "hevy"
	FormatFitNotes Format = "fitnotes"
	FormatBackload Format = "backload"
)

// ParseFormat reads a format name as a user types it ("" means auto). It
// returns an EINVALID *backload.Error naming the accepted formats otherwise.
func ParseFormat(s string) (Format, error) {
	switch f := Format(strings.ToLower(strings.TrimSpace(s))); f {
	case "":
		return FormatAuto, nil
	case FormatAuto, FormatStrong, FormatHevy, FormatFitNotes, FormatBackload:
		return f, nil
	}
	return "", backload.FieldErrorf("format", "%q is not a format: use auto, strong, hevy, fitnotes or backload", s)
}

// Options tunes Parse. Only Classify is required.
type Options struct {
	// Format is the format of the input; "" or FormatAuto detects it from
	// the header.
	Format Format
	// Unit is the unit of weights in files that do not say (Strong classic);
	// default kg.
	Unit backload.Unit
	// Location is the time zone of dates written without one; default UTC.
	Location *time.Location
	// Classify fills each exercise's ExerciseID and Class from its name.
	// It is called once per distinct name.
	Classify func(name string) backload.Classification
	// Progress, when set, is called with the bytes read so far and the
	// total (-1 when unknown), at most every ~1% of the input (every MiB
	// when the size is unknown), and once at the end.
	Progress func(doneBytes, totalBytes int64)
}

// Skip is an input row that is not a set, with the reason it was skipped.
type Skip struct {
	Line   int    `json:"line"`
	Reason string `json:"reason"`
}

// Result is what a file held.
type Result struct {
	// Format is the format that was parsed.
	Format Format
	// Layout names the variant of the format, such as
	// "strong classic (comma, no unit column)" or "hevy (lb)".
	Layout string
	// Sessions are oldest first; exercises are in order of first
	// appearance, and sets in file order within each exercise.
	Sessions []backload.Session
	// CheckIns are the daily check-ins; only the backload format has them.
	CheckIns []backload.DailyCheckIn
	// Skipped lists the rows that are not sets, such as Strong "Rest Timer"
	// and "Note" rows and blank lines, with the reason.
	Skipped []Skip
}

// Parse reads an export in one pass. size is the input's length in bytes,
// or -1 when unknown; it only scales Progress.
//
// Parse returns an EINVALID *backload.Error for bad options, for a header of
// no known format (or not of opts.Format), and for any malformed row: an
// impossible value (a negative weight or one over 1,000 kg, reps that are
// not a whole number, RPE outside 0 to 10), a date in no known format,
// broken quoting, a wrong number of fields, a header of more than 200
// columns, a field over 64 KiB. Its Field names the place, as in
// "line 12, column Weight" (for the backload format, a JSON path such as
// "sessions[3].exercises[0].sets[1].weight_kg"). It returns an EINTERNAL error when
// opts.Classify is nil, and read errors from r wrapped. On error the
// *Result is nil.
func Parse(r io.Reader, size int64, opts Options) (*Result, error) {
	opts, err := opts.withDefaults()
	if err != nil {
		return nil, err
	}
	lim := &limitReader{r: r, max: maxRowBytes}
	br := bufio.NewReaderSize(lim, bufferSize(size))
	head, err := peekLine(br)
	if err != nil {
		return nil, err
	}
	var base int64
	if bytes.HasPrefix(head, []byte(utf8BOM)) {
		if _, err := br.Discard(len(utf8BOM)); err != nil {
			return nil, fmt.Errorf("importer: read: %w", err)
		}
		head, base = head[len(utf8BOM):], int64(len(utf8BOM))
	}
	format := opts.Format
	if format == FormatAuto {
		if format, err = Detect(head); err != nil {
			return nil, err
		}
	}
	in := input{br: br, lim: lim, base: base, size: size, progress: opts.Progress, delim: sniffDelimiter(head)}
	res := &Result{Format: format}
	b := newBuilder(string(format), opts.Classify)
	switch format {
	case FormatBackload:
		res.Layout, res.CheckIns, err = parseBackloadJSON(in, b)
	case FormatStrong:
		res.Layout, err = parseStrong(in, b, opts)
	case FormatHevy:
		res.Layout, err = parseHevy(in, b, opts)
	case FormatFitNotes:
		res.Layout, err = parseFitNotes(in, b, opts)
	}
	if err != nil {
		return nil, err
	}
	res.Sessions, res.Skipped = b.finish()
	return res, nil
}

// withDefaults checks the options and fills in the defaults.
func (o Options) withDefaults() (Options, error) {
	f, err := ParseFormat(string(o.Format))
	if err != nil {
		return o, err
	}
	o.Format = f
	switch o.Unit {
	case "":
		o.Unit = backload.Kilograms
	case "lbs":
		o.Unit = backload.Pounds
	case backload.Kilograms, backload.Pounds:
	default:
		return o, backload.FieldErrorf("unit", "%q is not a unit: use kg or lb", o.Unit)
	}
	if o.Location == nil {
		o.Location = time.UTC
	}
	if o.Classify == nil {
		return o, backload.Errorf(backload.EINTERNAL, "importer: Options.Classify is required")
	}
	return o, nil
}

// input is the opened stream handed to a format's parser.
type input struct {
	br       *bufio.Reader
	lim      *limitReader
	base     int64 // bytes consumed before br's current position (a BOM)
	size     int64
	progress func(done, total int64)
	delim    rune
}
