package importer

import (
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/backload/backload"
)

// table reads a CSV file row by row: the header first, then records of at
// least as many fields, with line-numbered errors, blank-line skips and
// progress reports.
type table struct {
	r        *csv.Reader
	lim      *limitReader
	base     int64
	size     int64
	progress func(done, total int64)
	step     int64
	next     int64 // offset of the next progress report
	reported int64
	header   []string // as written, for messages
	cols     map[string]int
	endLine  int // last line of the previous record
	extraOK  bool
	skips    *[]Skip
}

// openTable reads the header. It returns an EINVALID error when the header
// cannot be read or has more than maxColumns columns.
func openTable(in input, skips *[]Skip) (*table, error) {
	r := csv.NewReader(in.br) // reuses in.br: it is a big enough *bufio.Reader
	r.Comma = in.delim
	r.FieldsPerRecord = -1 // row checks the count, with a clearer message
	r.ReuseRecord = true
	t := &table{r: r, lim: in.lim, base: in.base, size: in.size, progress: in.progress, skips: skips}
	t.step = unknownStep
	if in.size > 0 {
		t.step = max(in.size/100, 1)
	}
	rec, err := r.Read()
	if err != nil {
		if err == io.EOF {
			return nil, backload.FieldErrorf("line 1", "the file is empty")
		}
		return nil, t.readErr(rec, err)
	}
	if len(rec) > maxColumns {
		return nil, backload.FieldErrorf("line 1", "the header has %d columns; no export has more than %d", len(rec), maxColumns)
	}
	t.header = make([]string, len(rec))
	t.cols = make(map[string]int, len(rec))
	for i, h := range rec {
		if len(h) > 256 {
			return nil, backload.FieldErrorf("line 1, column "+strconv.Itoa(i+1), "a header name longer than 256 bytes")
		}
		t.header[i] = cleanText(strings.TrimSpace(strings.TrimPrefix(h, utf8BOM)))
		if k := headerKey(h); k != "" {
			if _, dup := t.cols[k]; !dup {
				t.cols[k] = i
			}
		}
	}
	last, _ := r.FieldPos(len(rec) - 1)
	t.endLine = last + strings.Count(rec[len(rec)-1], "\n")
	t.mark()
	return t, nil
}

// headerKey is a header name compared loosely: trimmed, lower-case, without
// a byte-order mark.
func headerKey(h string) string {
	return strings.ToLower(strings.TrimSpace(strings.TrimPrefix(h, utf8BOM)))
}

// col returns the index of the first of names that the header has, or -1.
func (t *table) col(names ...string) int {
	for _, n := range names {
		if i, ok := t.cols[n]; ok {
			return i
		}
	}
	return -1
}

// offset is how far into the input the last record ended.
func (t *table) offset() int64 { return t.base + t.r.InputOffset() }

func (t *table) mark() { t.lim.mark = t.offset() }

// row returns the next record with at least as many fields as the header
// (more only when extraOK), and io.EOF at the end. Blank lines are skipped
// and recorded. The record is reused by the next call.
func (t *table) row() ([]string, error) {
	for {
		rec, err := t.r.Read()
		if err == io.EOF {
			t.report(true)
			return nil, io.EOF
		}
		if err != nil {
			return nil, t.readErr(rec, err)
		}
		line, _ := t.r.FieldPos(0)
		if gap := line - t.endLine - 1; gap > 0 {
			t.skip(t.endLine+1, blankReason(gap))
		}
		last, _ := t.r.FieldPos(len(rec) - 1)
		t.endLine = last + strings.Count(rec[len(rec)-1], "\n")
		t.mark()
		t.report(false)
		if len(rec) == 1 && strings.TrimSpace(rec[0]) == "" {
			t.skip(line, "blank line")
			continue
		}
		for i, f := range rec {
			if len(f) > maxFieldLen {
				return nil, t.fieldErr(i, t.colName(i), "a field longer than %d KiB", maxFieldLen>>10)
			}
		}
		if len(rec) < len(t.header) || (!t.extraOK && len(rec) > len(t.header)) {
			return nil, backload.FieldErrorf("line "+strconv.Itoa(line), "%d fields where the header has %d", len(rec), len(t.header))
		}
		return rec, nil
	}
}

func blankReason(n int) string {
	if n == 1 {
		return "blank line"
	}
	return strconv.Itoa(n) + " blank lines"
}

func (t *table) skip(line int, reason string) {
	*t.skips = append(*t.skips, Skip{Line: line, Reason: reason})
}

// line is the line where field i of the current record starts.
func (t *table) line(i int) int {
	l, _ := t.r.FieldPos(i)
	return l
}

// report calls Progress when another step of the input has been read, and
// at the end.
func (t *table) report(end bool) {
	if t.progress == nil {
		return
	}
	off := t.offset()
	if (end && off != t.reported) || off >= t.next {
		t.progress(off, t.size)
		t.reported, t.next = off, off+t.step
	}
}

// colName is the header name of column i, or its number past the header.
func (t *table) colName(i int) string {
	if i < len(t.header) && t.header[i] != "" {
		return t.header[i]
	}
	return strconv.Itoa(i + 1)
}

// fieldErr is an EINVALID error about field i of the current record, in the
// column named col.
func (t *table) fieldErr(i int, col, format string, args ...any) error {
	return backload.FieldErrorf(fmt.Sprintf("line %d, column %s", t.line(i), col), format, args...)
}

// valueErr is fieldErr for a value that did not parse.
func (t *table) valueErr(i int, col string, err error) error {
	return t.fieldErr(i, col, "%s", err.Error())
}

// readErr turns an error of the CSV reader into a line-numbered one.
func (t *table) readErr(rec []string, err error) error {
	var pe *csv.ParseError
	switch {
	case errors.As(err, &pe):
		field := fmt.Sprintf("line %d, column %s", pe.StartLine, t.colName(len(rec)))
		switch {
		case errors.Is(pe.Err, csv.ErrBareQuote):
			return backload.FieldErrorf(field, `a quote (") inside an unquoted field`)
		case pe.Line > pe.StartLine:
			return backload.FieldErrorf(field, "a quoted field is not closed before line %d", pe.Line)
		}
		return backload.FieldErrorf(field, `a quoted field is not closed: a quote (") is missing or stray`)
	case errors.Is(err, errRowTooLong):
		return backload.FieldErrorf("line "+strconv.Itoa(t.endLine+1), "a row longer than %d KiB: is a quote left open?", maxRowBytes>>10)
	}
	return fmt.Errorf("importer: read: %w", err)
}

// echo quotes a bad value for a message, shortened.
func echo(s string) string {
	if len(s) > maxErrorEcho {
		s = s[:maxErrorEcho] + "..."
	}
	return strconv.Quote(s)
}
