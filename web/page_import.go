package web

import (
	"bytes"
	"errors"
	"fmt"
	"net/http"

	"github.com/backload/backload"
	"github.com/backload/backload/importer"
)

// importPages upload a training history from another app, or a Backload
// export, and show what it held.
func (s *Server) importPages() []route {
	return []route{
		page("GET", "/import", signedIn, s.importPage),
		page("POST", "/import", signedIn, s.importSubmit),
	}
}

// importPartialHeader marks the upload script's request: it gets the
// result alone, to put in place of the form.
const importPartialHeader = "backload-import"

// importSkipsShown bounds the skipped rows listed on the page.
const importSkipsShown = 100

// importProblem is a failed import: where in the file, and what.
type importProblem struct {
	Where   string
	Message string
	Field   string // the form field it is about, if any
}

// importFields names the form's fields in messages.
var importFields = map[string]string{"file": "File", "format": "Format", "unit": "Unit"}

type importData struct {
	Format   string
	Unit     string
	MaxBytes int64
	MaxSize  string
	Summary  *importSummary
	Problem  *importProblem
	// Skips are the first skipped rows, and SkipsMore how many are not
	// listed.
	Skips     []importer.Skip
	SkipsMore int
}

func (s *Server) importData(r *http.Request, c *call) importData {
	d := importData{Format: "auto", Unit: string(c.subject.Units), MaxBytes: s.cfg.MaxUploadBytes, MaxSize: sizeLabel(s.cfg.MaxUploadBytes)}
	if d.Unit == "" {
		d.Unit = string(backload.Kilograms)
	}
	return d
}

func (s *Server) importPage(w http.ResponseWriter, r *http.Request, c *call) error {
	return s.render(w, r, http.StatusOK, "import", view{Title: "Import", Nav: "log", Data: s.importData(r, c)})
}

// importSubmit runs the import shared with the API and shows its summary,
// or the problem with its line and column.
func (s *Server) importSubmit(w http.ResponseWriter, r *http.Request, c *call) error {
	d := s.importData(r, c)
	status := http.StatusOK
	sum, err := s.runImport(w, r, c.subject)
	if r.MultipartForm != nil {
		if f := r.FormValue("format"); f != "" {
			d.Format = f
		}
		if u := r.FormValue("unit"); u != "" {
			d.Unit = u
		}
	}
	if err != nil {
		var e *backload.Error
		if !errors.As(err, &e) || e.Code == backload.EINTERNAL || e.Code == backload.EUNAUTHORIZED {
			return err
		}
		d.Problem = &importProblem{Where: e.Field, Message: e.Message}
		if label, ok := importFields[e.Field]; ok {
			d.Problem.Field, d.Problem.Where = e.Field, label
		}
		status = statusOf(e.Code)
	} else {
		d.Summary = &sum
		d.Skips = sum.Skipped[:min(len(sum.Skipped), importSkipsShown)]
		d.SkipsMore = len(sum.Skipped) - len(d.Skips)
	}
	v := view{Title: "Import", Nav: "log", Data: d}
	if r.Header.Get("X-Requested-With") == importPartialHeader {
		return s.renderPart(w, r, status, "import", "import-result", v)
	}
	return s.render(w, r, status, "import", v)
}

// renderPart writes one named template of a page, without the layout, for
// a script that puts it in place.
func (s *Server) renderPart(w http.ResponseWriter, r *http.Request, status int, page, name string, v view) error {
	tmpl, ok := s.tmpl.pages[page]
	if !ok {
		return fmt.Errorf("web: no page %q", page)
	}
	v.Request = r
	if c, ok := r.Context().Value(ctxKey{}).(*call); ok && c.user.ID != 0 {
		v.User, v.Signed = c.user, true
	}
	var buf bytes.Buffer
	if err := tmpl.ExecuteTemplate(&buf, name, v); err != nil {
		return err
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.Header().Set("Cache-Control", "no-store")
	w.Header().Set("Vary", "X-Requested-With")
	w.WriteHeader(status)
	_, err := w.Write(buf.Bytes())
	return err
}

// sizeLabel writes a byte count the way people read file sizes.
func sizeLabel(n int64) string {
	switch {
	case n >= 1<<20 && n%(1<<20) == 0:
		return fmt.Sprintf("%d MB", n>>20)
	case n >= 1<<20:
		return fmt.Sprintf("%.1f MB", float64(n)/(1<<20))
	case n >= 1<<10:
		return fmt.Sprintf("%d KB", n>>10)
	}
	return fmt.Sprintf("%d bytes", n)
}
