package backload

import (
	"bytes"
	"encoding/json"
	"errors"
	"io"
	"math"
	"reflect"
	"strconv"
	"strings"
	"unicode"
)

// The request decoders read JSON strictly: an unknown field, a second value
// after the object, a wrong type or a malformed document is an EINVALID
// *Error naming the field. Arrays are read element by element so an error
// inside one names its index, as in "session[2].weight".

// decodeStrict decodes one JSON value from data into v. path names the
// value in error messages ("" for the whole request).
func decodeStrict(data []byte, v any, path string) error {
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	if err := dec.Decode(v); err != nil {
		return jsonError(err, path, len(data))
	}
	end := int(dec.InputOffset())
	if _, err := dec.Token(); err != io.EOF {
		// Count like json.SyntaxError.Offset: bytes read up to and
		// including the first unexpected one.
		rest := bytes.TrimLeft(data[end:], " \t\r\n")
		return Errorf(EINVALID, "malformed JSON at byte %d: unexpected data after the request",
			len(data)-len(rest)+1)
	}
	return nil
}

// decodeList decodes each raw element into a fresh T, naming errors
// "path[i]".
func decodeList[T any](raws []json.RawMessage, path string) ([]T, error) {
	out := make([]T, len(raws))
	for i, raw := range raws {
		if err := decodeStrict(raw, &out[i], indexed(path, i)); err != nil {
			return nil, err
		}
	}
	return out, nil
}

// jsonError turns an encoding/json error into an *Error a person can act on.
func jsonError(err error, path string, size int) error {
	var syntax *json.SyntaxError
	var typ *json.UnmarshalTypeError
	switch {
	case errors.Is(err, io.EOF):
		return FieldErrorf(orRequest(path), "is empty; want a JSON object")
	case errors.Is(err, io.ErrUnexpectedEOF):
		return Errorf(EINVALID, "malformed JSON at byte %d: the input ends in the middle of a value", size)
	case errors.As(err, &syntax):
		return Errorf(EINVALID, "malformed JSON at byte %d: %s", syntax.Offset, syntax.Error())
	case errors.As(err, &typ):
		field := joinPath(path, typ.Field)
		if n, ok := strings.CutPrefix(typ.Value, "number "); ok {
			return FieldErrorf(orRequest(field), "number out of range: %s", n)
		}
		return FieldErrorf(orRequest(field), "must be %s, got %s", kindWords(typ.Type), typ.Value)
	}
	const unknown = "json: unknown field "
	if name, ok := strings.CutPrefix(err.Error(), unknown); ok {
		// Keep the quotes when the name holds a control character, so the
		// message stays on one line.
		if unq, uerr := strconv.Unquote(name); uerr == nil && strings.IndexFunc(unq, notPrintable) < 0 {
			name = unq
		}
		return FieldErrorf(joinPath(path, name), "unknown field")
	}
	return Errorf(EINVALID, "malformed JSON: %v", err)
}

func notPrintable(r rune) bool { return !unicode.IsPrint(r) }

// kindWords names a Go type as a JSON reader would know it.
func kindWords(t reflect.Type) string {
	if t == nil {
		return "a value"
	}
	for t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	switch t.Kind() {
	case reflect.String:
		return "a string"
	case reflect.Bool:
		return "true or false"
	case reflect.Struct, reflect.Map:
		return "an object"
	case reflect.Slice, reflect.Array:
		return "a list"
	case reflect.Float32, reflect.Float64, reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32,
		reflect.Int64, reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		return "a number"
	}
	return "a " + t.Kind().String()
}

func joinPath(path, field string) string {
	switch {
	case path == "":
		return field
	case field == "":
		return path
	}
	return path + "." + field
}

func indexed(path string, i int) string { return path + "[" + strconv.Itoa(i) + "]" }

func orRequest(field string) string {
	if field == "" {
		return "request"
	}
	return field
}

// wholeNumber checks that v is a whole number from lo to hi and returns it.
func wholeNumber(field string, v float64, lo, hi int) (int, error) {
	if !(v >= float64(lo) && v <= float64(hi)) {
		return 0, FieldErrorf(field, "must be between %d and %d, got %s", lo, hi, formatNumber(v))
	}
	if v != math.Trunc(v) {
		return 0, FieldErrorf(field, "must be a whole number between %d and %d, got %s", lo, hi, formatNumber(v))
	}
	return int(v), nil
}

// intInRange checks an already whole number.
func intInRange(field string, v, lo, hi int) error {
	if v < lo || v > hi {
		return FieldErrorf(field, "must be between %d and %d, got %d", lo, hi, v)
	}
	return nil
}

// checkWeight checks that w is a weight from lo up to the absurd limit in
// units u.
func checkWeight(field string, w float64, u Unit, p Policy) error {
	limit := u.MaxWeight(p)
	if !(w >= 0 && w <= limit) {
		return FieldErrorf(field, "must be between 0 and %s, got %s", formatLimit(limit, u), formatNumber(w))
	}
	return nil
}

// checkPlateStep checks that a plate step is above zero and at most the
// absurd limit.
func checkPlateStep(step float64, u Unit, p Policy) error {
	limit := u.MaxWeight(p)
	if !(step > 0 && step <= limit) {
		return FieldErrorf("plate_step", "must be more than 0 and at most %s, got %s",
			formatLimit(limit, u), formatNumber(step))
	}
	return nil
}

// formatLimit writes a limit rounded down to one decimal, so that the
// number shown is itself allowed: 2204.6 lb rather than 2204.622621848776.
func formatLimit(limit float64, u Unit) string {
	return formatWeight(math.Floor(limit*10)/10, u)
}

// parseUnits reads the units field; nil means kg.
func parseUnits(s *string) (Unit, error) {
	if s == nil {
		return Kilograms, nil
	}
	u := Unit(*s)
	if !u.Valid() {
		return "", FieldErrorf("units", "unknown units %q (want kg or lb)", *s)
	}
	return u, nil
}

// exerciseName checks that a name is present and not blank.
func exerciseName(field string, s *string) (string, error) {
	if s == nil || strings.TrimSpace(*s) == "" {
		return "", FieldErrorf(field, "must name an exercise")
	}
	return *s, nil
}
