package importer

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strconv"

	"github.com/backload/backload"
)

// parseBackloadJSON reads a backload export in one streaming pass, one
// session at a time. The values are kept as written (exercise ids and
// classes included: they are the lifter's record), and checked; a missing
// class is filled in by Classify.
func parseBackloadJSON(in input, b *builder) (string, []backload.DailyCheckIn, error) {
	in.lim.max = maxJSONItem
	dec := json.NewDecoder(in.br)
	dec.DisallowUnknownFields()
	p := jsonParser{dec: dec, in: in, b: b, lim: newLimits(), checkins: []backload.DailyCheckIn{}, dates: map[string]bool{}}
	if err := p.file(); err != nil {
		return "", nil, err
	}
	return "backload json (version 1)", p.checkins, nil
}

type jsonParser struct {
	dec      *json.Decoder
	in       input
	b        *builder
	lim      limits
	checkins []backload.DailyCheckIn
	dates    map[string]bool
	version  int
	reported int64
}

func (p *jsonParser) file() error {
	if err := p.delim('{', "the file"); err != nil {
		return err
	}
	seen := map[string]bool{}
	for p.dec.More() {
		tok, err := p.dec.Token()
		if err != nil {
			return p.syntax("the file", err)
		}
		key, _ := tok.(string)
		switch key {
		case "version", "sessions", "checkins":
			if seen[key] {
				return backload.FieldErrorf(key, "appears twice")
			}
			seen[key] = true
		default:
			return backload.FieldErrorf("the file", "%s is not a field of a backload export (version, sessions, checkins)", echo(key))
		}
		switch key {
		case "version":
			if err := p.dec.Decode(&p.version); err != nil {
				return p.syntax("version", err)
			}
			if p.version != jsonVersion {
				return backload.FieldErrorf("version", "%d is not a version this Backload reads (1)", p.version)
			}
		case "sessions":
			err = p.list("sessions", p.session)
		case "checkins":
			err = p.list("checkins", p.checkin)
		}
		if err != nil {
			return err
		}
	}
	if err := p.delim('}', "the file"); err != nil {
		return err
	}
	if _, err := p.dec.Token(); err != io.EOF {
		return backload.FieldErrorf("the file", "has more after the closing }")
	}
	if p.version == 0 {
		return backload.FieldErrorf("version", "is missing: this is not a backload export")
	}
	p.progress(true)
	return nil
}

// list reads a JSON array, calling item for each element.
func (p *jsonParser) list(name string, item func(path string) error) error {
	if err := p.delim('[', name); err != nil {
		return err
	}
	for i := 0; p.dec.More(); i++ {
		if err := item(name + "[" + strconv.Itoa(i) + "]"); err != nil {
			return err
		}
		p.in.lim.mark = p.in.base + p.dec.InputOffset()
		p.progress(false)
	}
	return p.delim(']', name)
}

func (p *jsonParser) delim(want json.Delim, path string) error {
	tok, err := p.dec.Token()
	if err != nil {
		return p.syntax(path, err)
	}
	if d, ok := tok.(json.Delim); !ok || d != want {
		return backload.FieldErrorf(path, "expected %q at byte %d", string(want), p.in.base+p.dec.InputOffset())
	}
	return nil
}

// syntax turns a decoding error into an EINVALID one at path.
func (p *jsonParser) syntax(path string, err error) error {
	var se *json.SyntaxError
	var te *json.UnmarshalTypeError
	switch {
	case errors.Is(err, errRowTooLong):
		return backload.FieldErrorf(path, "longer than %d MiB", maxJSONItem>>20)
	case errors.As(err, &se):
		return backload.FieldErrorf(path, "invalid JSON at byte %d: %v", p.in.base+se.Offset, se)
	case errors.As(err, &te):
		if te.Field != "" {
			path += "." + te.Field
		}
		return backload.FieldErrorf(path, "a JSON %s where %s is expected", te.Value, te.Type)
	case err == io.EOF || errors.Is(err, io.ErrUnexpectedEOF):
		return backload.FieldErrorf(path, "the file ends too early (truncated?)")
	}
	if p.in.lim.err != nil {
		return fmt.Errorf("importer: read: %w", err)
	}
	return backload.FieldErrorf(path, "%v", err) // an unknown field, a bad time, ...
}

func (p *jsonParser) progress(end bool) {
	if p.in.progress == nil {
		return
	}
	off := p.in.base + p.dec.InputOffset()
	step := int64(unknownStep)
	if p.in.size > 0 {
		step = max(p.in.size/100, 1)
	}
	if off-p.reported >= step || (end && off != p.reported) {
		p.in.progress(off, p.in.size)
		p.reported = off
	}
}
