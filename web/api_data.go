package web

import (
	"errors"
	"net/http"
	"path/filepath"
	"strings"

	"github.com/backload/backload"
	"github.com/backload/backload/importer"
	"github.com/backload/backload/sqlstore"
)

// importSummary is the JSON answer to an import.
type importSummary struct {
	Format   importer.Format `json:"format"`
	Layout   string          `json:"layout"`
	Sessions int             `json:"sessions"`
	Sets     int             `json:"sets"`
	WarmUps  int             `json:"warmups"`
	From     string          `json:"from,omitempty"`
	To       string          `json:"to,omitempty"`
	sqlstore.ImportSummary
	Inferred []string        `json:"inferred"`
	Skipped  []importer.Skip `json:"skipped"`
}

// importFile takes a multipart upload (file, format, unit) and imports it
// in one transaction.
func (s *Server) importFile(w http.ResponseWriter, r *http.Request, c *call) error {
	sum, err := s.runImport(w, r, c.subject)
	if err != nil {
		return err
	}
	return writeJSON(w, http.StatusOK, sum)
}

// runImport reads the upload and stores it; pages share it.
// A client that names the import (?progress=KEY, or a form field) can
// follow it at GET /api/v1/imports/progress/KEY on any replica.
func (s *Server) runImport(w http.ResponseWriter, r *http.Request, u backload.User) (sum importSummary, err error) {
	key, err := importProgressKey(r, false)
	if err != nil {
		return importSummary{}, err
	}
	var track *importTracker // nil, tracking nothing, until the import is named
	if key != "" {
		track = s.trackImport(r, u.ID, key)
		track.set(sqlstore.ImportReceiving, 0, max(r.ContentLength, 0), "")
	}
	defer func() { track.finish(sum, err) }()
	r.Body = http.MaxBytesReader(w, r.Body, s.cfg.MaxUploadBytes)
	file, header, err := r.FormFile("file")
	var tooBig *http.MaxBytesError
	switch {
	case errors.As(err, &tooBig):
		return importSummary{}, &backload.Error{Code: ETOOLARGE, Field: "file", Message: "the upload is larger than " + itoa(s.cfg.MaxUploadBytes>>20) + " MiB"}
	case errors.Is(err, http.ErrNotMultipart), errors.Is(err, http.ErrMissingFile):
		return importSummary{}, backload.FieldErrorf("file", "send the export as a multipart/form-data field named file")
	case err != nil:
		return importSummary{}, backload.FieldErrorf("file", "the upload could not be read: %v", err)
	}
	defer file.Close()
	if track == nil {
		if key, err = importProgressKey(r, true); err != nil {
			return importSummary{}, err
		}
		if key != "" {
			track = s.trackImport(r, u.ID, key)
			track.set(sqlstore.ImportReceiving, header.Size, header.Size, "")
		}
	}
	format, err := importer.ParseFormat(r.FormValue("format"))
	if err != nil {
		return importSummary{}, err
	}
	unit := backload.Unit(strings.ToLower(r.FormValue("unit")))
	if unit == "" {
		unit = u.Units
	}
	if !unit.Valid() {
		return importSummary{}, backload.FieldErrorf("unit", "must be kg or lb, got %q", r.FormValue("unit"))
	}
	res, err := importer.Parse(file, header.Size, importer.Options{Format: format, Unit: unit, Location: u.Location(),
		Classify: s.classifierFor(r.Context(), u.ID),
		Progress: func(done, total int64) { track.set(sqlstore.ImportReading, done, total, "") }})
	if err != nil {
		if backload.ErrorCode(err) == backload.EINVALID {
			var e *backload.Error
			errors.As(err, &e)
			return importSummary{}, &backload.Error{Code: EUNPROCESSABLE, Field: e.Field, Message: e.Message}
		}
		return importSummary{}, err
	}
	stored, err := s.db.ImportSessionsProgress(r.Context(), u.ID, filepath.Base(header.Filename), res.Sessions, res.CheckIns,
		func(done, total int) { track.set(sqlstore.ImportStoring, int64(done), int64(total), "") })
	if err != nil {
		return importSummary{}, err
	}
	sum = importSummary{Format: res.Format, Layout: res.Layout, Sessions: len(res.Sessions), ImportSummary: stored,
		Inferred: []string{}, Skipped: res.Skipped}
	seen := map[string]bool{}
	for _, sess := range res.Sessions {
		n, wu := sess.SetCount()
		sum.Sets, sum.WarmUps = sum.Sets+n, sum.WarmUps+wu
		for _, e := range sess.Exercises {
			if e.ExerciseID == "" && !seen[e.Input] {
				seen[e.Input] = true
				sum.Inferred = append(sum.Inferred, e.Input)
			}
		}
	}
	if len(res.Sessions) > 0 {
		loc := u.Location()
		sum.From = res.Sessions[0].StartedAt.In(loc).Format("2006-01-02")
		sum.To = res.Sessions[len(res.Sessions)-1].StartedAt.In(loc).Format("2006-01-02")
	}
	return sum, nil
}

// export writes all of the user's data as the lossless JSON export.
func (s *Server) export(w http.ResponseWriter, r *http.Request, c *call) error {
	sessions, err := s.db.Sessions(r.Context(), c.subject.ID, sqlstore.SessionFilter{})
	if err != nil {
		return err
	}
	checkins, err := s.db.CheckIns(r.Context(), c.subject.ID, "", "")
	if err != nil {
		return err
	}
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.Header().Set("Content-Disposition", `attachment; filename="backload-export.json"`)
	w.Header().Set("Cache-Control", "no-store")
	return importer.WriteJSON(w, sessions, checkins)
}
