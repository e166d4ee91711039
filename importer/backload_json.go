package importer

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strconv"

	"github.com/backload/backload"
)

// jsonVersion is the version of the backload export format.
const jsonVersion = 1

// maxJSONItem bounds the bytes of one session or check-in in a backload
// export, so a broken file cannot take unbounded memory.
const maxJSONItem = 16 << 20

// WriteJSON writes the complete, lossless backload export:
//
//	{"version": 1, "sessions": [
//	{...},
//	{...}
//	], "checkins": [
//	{...}
//	]}
//
// one session or check-in per line, with the domain types' JSON names.
// started_at is written in UTC; IDs are left out (they belong to one
// database); nil lists are written as []. Parse with FormatBackload reads
// it back to sessions that WriteJSON writes byte for byte the same. It
// returns the first error of w, or an EINVALID *backload.Error for a
// session whose start cannot be written (year outside 0 to 9999).
func WriteJSON(w io.Writer, sessions []backload.Session, checkins []backload.DailyCheckIn) error {
	bw := bufio.NewWriterSize(w, 64<<10)
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	line := func(v any) error {
		buf.Reset()
		if err := enc.Encode(v); err != nil {
			return err
		}
		_, err := bw.Write(bytes.TrimSuffix(buf.Bytes(), []byte("\n")))
		return err
	}
	bw.WriteString(`{"version": ` + strconv.Itoa(jsonVersion) + `, "sessions": [`)
	for i := range sessions {
		sep := ",\n"
		if i == 0 {
			sep = "\n"
		}
		bw.WriteString(sep)
		if err := line(exportSession(sessions[i])); err != nil {
			return jsonWriteError(fmt.Sprintf("sessions[%d]", i), err)
		}
	}
	if len(sessions) > 0 {
		bw.WriteString("\n")
	}
	bw.WriteString(`], "checkins": [`)
	for i := range checkins {
		sep := ",\n"
		if i == 0 {
			sep = "\n"
		}
		bw.WriteString(sep)
		c := checkins[i]
		if c.RedFlags == nil {
			c.RedFlags = []backload.RedFlag{}
		}
		if err := line(c); err != nil {
			return jsonWriteError(fmt.Sprintf("checkins[%d]", i), err)
		}
	}
	if len(checkins) > 0 {
		bw.WriteString("\n")
	}
	bw.WriteString("]}\n")
	return bw.Flush()
}

func jsonWriteError(path string, err error) error {
	var je *json.MarshalerError
	if errors.As(err, &je) {
		return backload.FieldErrorf(path, "cannot be written: %v", je.Err)
	}
	return err
}

// exportSession is s as the export writes it: UTC, no ID, no nil lists.
func exportSession(s backload.Session) backload.Session {
	s.ID = 0
	s.StartedAt = s.StartedAt.UTC()
	ex := s.Exercises
	if ex == nil {
		ex = []backload.ExerciseLog{}
	}
	for i := range ex {
		if ex[i].Sets == nil {
			ex = append([]backload.ExerciseLog(nil), ex...) // copy: never write to the caller's
			for j := range ex {
				if ex[j].Sets == nil {
					ex[j].Sets = []backload.Set{}
				}
			}
			break
		}
	}
	s.Exercises = ex
	return s
}
