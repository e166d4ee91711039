package importer

import (
	"bytes"
	"encoding/json"
	"errors"
	"io"
	"strings"

	"github.com/backload/backload"
)

// DecodeSession reads one session in the export's JSON shape, as the API
// receives it, and checks it exactly as an import would. Unknown fields and
// trailing data are rejected; a missing class is filled in by classify;
// an empty source becomes "api". Errors are EINVALID with Field a JSON path
// from the session, such as "exercises[0].sets[1].weight_kg".
func DecodeSession(data []byte, classify func(string) backload.Classification) (backload.Session, error) {
	lim := &limitReader{r: bytes.NewReader(data), max: maxJSONItem}
	dec := json.NewDecoder(lim)
	dec.DisallowUnknownFields()
	p := jsonParser{dec: dec, in: input{lim: lim}, b: newBuilder("api", classify), lim: newLimits(), dates: map[string]bool{}}
	if err := p.session("session"); err != nil {
		return backload.Session{}, trimPath(err, "session")
	}
	if _, err := dec.Token(); !errors.Is(err, io.EOF) {
		return backload.Session{}, backload.FieldErrorf("session", "has data after its closing brace")
	}
	s := p.b.sessions[0]
	var probe struct {
		Source *string `json:"source"`
	}
	if json.Unmarshal(data, &probe) == nil && (probe.Source == nil || *probe.Source == "") {
		s.Source = "api"
	}
	return s, nil
}

// trimPath drops the leading root from an error's field path, so a
// session's errors read "started_at", not "session.started_at".
func trimPath(err error, root string) error {
	var e *backload.Error
	if errors.As(err, &e) {
		f := strings.TrimPrefix(strings.TrimPrefix(e.Field, root), ".")
		if f == "" {
			f = "body"
		}
		return &backload.Error{Code: e.Code, Field: f, Message: e.Message}
	}
	return err
}
