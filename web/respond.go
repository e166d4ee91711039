package web

import (
	"bytes"
	"encoding/json"
	"errors"
	"io"
	"net/http"
	"strconv"
	"time"

	"github.com/backload/backload"
)

// statusOf maps an application error code to its HTTP status. This is
// the only place that knows the mapping.
func statusOf(code string) int {
	switch code {
	case backload.EINVALID:
		return http.StatusBadRequest
	case backload.EUNAUTHORIZED:
		return http.StatusUnauthorized
	case backload.EFORBIDDEN:
		return http.StatusForbidden
	case backload.ENOTFOUND:
		return http.StatusNotFound
	case backload.ECONFLICT:
		return http.StatusConflict
	case backload.ETOOMANY:
		return http.StatusTooManyRequests
	case ETOOLARGE:
		return http.StatusRequestEntityTooLarge
	case EUNPROCESSABLE:
		return http.StatusUnprocessableEntity
	}
	return http.StatusInternalServerError
}

// HTTP-only error codes, for conditions the domain has no word for.
const (
	ETOOLARGE      = "too_large"
	EUNPROCESSABLE = "unprocessable"
)

// errorBody is the JSON of every error response.
type errorBody struct {
	Error struct {
		Code    string `json:"code"`
		Message string `json:"message"`
		Field   string `json:"field,omitempty"`
	} `json:"error"`
}

// retryAfter marks a too-many-requests error with how long to wait.
type retryAfter struct {
	err  *backload.Error
	wait time.Duration
}

func (e retryAfter) Error() string { return e.err.Error() }
func (e retryAfter) Unwrap() error { return e.err }

// writeError writes err as the JSON error body. Internal errors say only
// "internal error": the details go to the log, never to the client.
func writeError(w http.ResponseWriter, err error) {
	var body errorBody
	body.Error.Code = backload.ErrorCode(err)
	var e *backload.Error
	if errors.As(err, &e) && e.Code != backload.EINTERNAL {
		body.Error.Message, body.Error.Field = e.Message, e.Field
	} else {
		body.Error.Code, body.Error.Message = backload.EINTERNAL, "internal error"
	}
	var ra retryAfter
	if errors.As(err, &ra) {
		w.Header().Set("Retry-After", strconv.Itoa(int(ra.wait.Seconds())+1))
	}
	writeJSON(w, statusOf(body.Error.Code), body)
}

// writeJSON writes v with the status. It returns nil once the header is
// sent: a client that went away cannot be answered again.
func writeJSON(w http.ResponseWriter, status int, v any) error {
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.Header().Set("Cache-Control", "no-store")
	w.WriteHeader(status)
	json.NewEncoder(w).Encode(v)
	return nil
}

// readBody reads a request body of at most limit bytes, answering 413
// beyond it. The Content-Type is not insisted on: curl -d sends a form type
// with JSON in it, and cross-origin protection, not the type, is what stops
// forged requests.
func readBody(w http.ResponseWriter, r *http.Request, limit int64) ([]byte, error) {
	data, err := io.ReadAll(http.MaxBytesReader(w, r.Body, limit))
	var tooBig *http.MaxBytesError
	switch {
	case errors.As(err, &tooBig):
		return nil, &backload.Error{Code: ETOOLARGE, Field: "body", Message: "the request body is larger than " + strconv.FormatInt(limit, 10) + " bytes"}
	case err != nil:
		return nil, &backload.Error{Code: backload.EINVALID, Field: "body", Message: "the request body could not be read"}
	}
	return data, nil
}

// decodeJSON reads a small JSON body strictly into v: unknown fields and
// trailing data are errors naming the problem.
func decodeJSON(w http.ResponseWriter, r *http.Request, limit int64, v any) error {
	data, err := readBody(w, r, limit)
	if err != nil {
		return err
	}
	return unmarshalStrict(data, v)
}

func unmarshalStrict(data []byte, v any) error {
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	if err := dec.Decode(v); err != nil {
		return jsonProblem(err)
	}
	if dec.More() {
		return &backload.Error{Code: backload.EINVALID, Field: "body", Message: "has data after the JSON value"}
	}
	return nil
}

// jsonProblem names what is wrong with a body that did not decode.
func jsonProblem(err error) error {
	var se *json.SyntaxError
	var te *json.UnmarshalTypeError
	switch {
	case errors.As(err, &se):
		return &backload.Error{Code: backload.EINVALID, Field: "body", Message: "malformed JSON at byte " + strconv.FormatInt(se.Offset, 10) + ": " + se.Error()}
	case errors.As(err, &te):
		field := te.Field
		if field == "" {
			field = "body"
		}
		return &backload.Error{Code: backload.EINVALID, Field: field, Message: "must be a JSON " + te.Type.String() + ", got " + te.Value}
	case errors.Is(err, io.EOF), errors.Is(err, io.ErrUnexpectedEOF):
		return &backload.Error{Code: backload.EINVALID, Field: "body", Message: "is empty or cut short: send a JSON object"}
	}
	return &backload.Error{Code: backload.EINVALID, Field: "body", Message: err.Error()}
}
