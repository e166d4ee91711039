package backload

import (
	"encoding/json"
	"errors"
	"strings"
)

// DecodeDailyCheckIn reads a check-in as the API receives it:
// {"date": "YYYY-MM-DD", "pain": 6, "session_pain": 4, "morning_change": 1,
// "red_flags": [...], "note": "..."}. pain is required; date may be empty
// for the caller to fill in today. It returns an EINVALID *Error naming the
// field, as in "pain: must be between 0 and 10, got 11".
func DecodeDailyCheckIn(data []byte) (DailyCheckIn, error) {
	var raw map[string]json.RawMessage
	if err := decodeStrict(data, &raw, "body"); err != nil {
		return DailyCheckIn{}, err
	}
	var d DailyCheckIn
	if _, ok := raw["trend"]; ok {
		return DailyCheckIn{}, FieldErrorf("trend", "is worked out from your stored check-ins: leave it out")
	}
	for key, dst := range map[string]*string{"date": &d.Date, "note": &d.Note} {
		v, ok := raw[key]
		if !ok {
			continue
		}
		delete(raw, key)
		if err := json.Unmarshal(v, dst); err != nil {
			return DailyCheckIn{}, FieldErrorf(key, "must be a string")
		}
	}
	if d.Date != "" {
		if _, err := parseDate("date", d.Date); err != nil {
			return DailyCheckIn{}, err
		}
	}
	if len(d.Note) > maxNoteBytes {
		return DailyCheckIn{}, FieldErrorf("note", "must be at most %d bytes", maxNoteBytes)
	}
	rest, _ := json.Marshal(raw)
	c, err := decodeCheckIn(rest)
	if err == nil {
		err = c.validate()
	}
	if err != nil {
		var e *Error
		if errors.As(err, &e) {
			return DailyCheckIn{}, &Error{Code: e.Code, Field: strings.TrimPrefix(e.Field, "checkin."), Message: e.Message}
		}
		return DailyCheckIn{}, err
	}
	if c.RedFlags == nil {
		c.RedFlags = []RedFlag{}
	}
	d.CheckIn = c
	return d, nil
}

// maxNoteBytes bounds a check-in's note.
const maxNoteBytes = 4096
