package web

import (
	"net/http"
	"strconv"
	"time"

	"github.com/backload/backload"
)

func (s *Server) adapt(w http.ResponseWriter, r *http.Request, c *call) error {
	data, err := readBody(w, r, s.cfg.MaxBodyBytes)
	if err != nil {
		return err
	}
	req, err := backload.DecodeAdaptRequest(data)
	if err != nil {
		return err
	}
	resp, err := backload.Adapt(req, s.cat, s.cfg.Policy)
	if err != nil {
		return err
	}
	return writeJSON(w, http.StatusOK, resp)
}

func (s *Server) ramp(w http.ResponseWriter, r *http.Request, c *call) error {
	data, err := readBody(w, r, s.cfg.MaxBodyBytes)
	if err != nil {
		return err
	}
	req, err := backload.DecodeRampRequest(data)
	if err != nil {
		return err
	}
	if req.Start.IsZero() {
		y, m, d := time.Now().UTC().Date()
		req.Start = time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
	}
	resp, err := backload.Ramp(req, s.cat, s.cfg.Policy)
	if err != nil {
		return err
	}
	return writeJSON(w, http.StatusOK, resp)
}

func (s *Server) classify(w http.ResponseWriter, r *http.Request, c *call) error {
	name := r.URL.Query().Get("name")
	switch {
	case name == "":
		return backload.FieldErrorf("name", "is required: the exercise name to classify")
	case len(name) > 200:
		return backload.FieldErrorf("name", "must be at most 200 characters")
	}
	return writeJSON(w, http.StatusOK, s.cat.Classify(name))
}

func (s *Server) exercises(w http.ResponseWriter, r *http.Request, c *call) error {
	var class backload.Class
	if v := r.URL.Query().Get("class"); v != "" {
		var err error
		if class, err = backload.ParseClass(v); err != nil {
			return &backload.Error{Code: backload.EINVALID, Field: "class", Message: backload.ErrorMessage(err)}
		}
	}
	list := s.cat.Exercises(class)
	if list == nil {
		list = []backload.Exercise{}
	}
	return writeJSON(w, http.StatusOK, map[string]any{"exercises": list})
}

func itoa(id int64) string { return strconv.FormatInt(id, 10) }
