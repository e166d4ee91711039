package importer

import (
	"bytes"
	"encoding/csv"

	"github.com/backload/backload"
)

// Detect tells the format of an export from its first line (more is
// allowed: only the first line is read). It returns an EINVALID
// *backload.Error with Field "line 1" when the header is of no format
// Parse reads, naming what it looks like when it can (UTF-16, a
// spreadsheet's own format).
func Detect(header []byte) (Format, error) {
	h := bytes.TrimPrefix(header, []byte(utf8BOM))
	if i := bytes.IndexByte(h, '\n'); i >= 0 {
		h = h[:i]
	}
	h = bytes.TrimSpace(h)
	switch {
	case len(h) == 0:
		return "", backload.FieldErrorf("line 1", "the file is empty or starts with a blank line; expected a Strong, Hevy, FitNotes or Backload export")
	case h[0] == '{':
		return FormatBackload, nil
	case bytes.HasPrefix(header, []byte{0xff, 0xfe}) || bytes.HasPrefix(header, []byte{0xfe, 0xff}):
		return "", backload.FieldErrorf("line 1", "the file is UTF-16; save it as UTF-8 CSV and import it again")
	case bytes.HasPrefix(h, []byte("PK\x03\x04")):
		return "", backload.FieldErrorf("line 1", "the file is a zip or spreadsheet; export it as CSV")
	}
	cols := headerColumns(h)
	switch {
	case cols["exercise name"] && cols["set order"] && (cols["workout name"] || cols["date"]):
		return FormatStrong, nil
	case cols["exercise_title"] && (cols["start_time"] || cols["set_type"]):
		return FormatHevy, nil
	case cols["date"] && cols["exercise"] && cols["category"]:
		return FormatFitNotes, nil
	}
	return "", backload.FieldErrorf("line 1", "unknown header %s: expected a Strong, Hevy, FitNotes or Backload export", echo(string(h)))
}

// headerColumns returns the set of a header line's column names, compared
// loosely (see headerKey).
func headerColumns(h []byte) map[string]bool {
	r := csv.NewReader(bytes.NewReader(h))
	r.Comma = sniffDelimiter(h)
	r.FieldsPerRecord = -1
	r.LazyQuotes = true
	rec, _ := r.Read() // a broken header matches nothing
	cols := make(map[string]bool, len(rec))
	for _, c := range rec {
		cols[headerKey(c)] = true
	}
	return cols
}

// sniffDelimiter picks the field separator of a header line: a semicolon
// when it has more semicolons than commas outside quotes, else a comma.
func sniffDelimiter(h []byte) rune {
	var semis, commas int
	quoted := false
	for _, c := range h {
		switch c {
		case '"':
			quoted = !quoted
		case ';':
			if !quoted {
				semis++
			}
		case ',':
			if !quoted {
				commas++
			}
		}
	}
	if semis > commas {
		return ';'
	}
	return ','
}

// missingColumn is the error for a header without a column a format needs.
func missingColumn(f, col string) error {
	return backload.FieldErrorf("line 1", "no %q column: this is not a %s export", col, f)
}
