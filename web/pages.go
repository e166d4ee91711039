package web

import (
	"bytes"
	"errors"
	"fmt"
	"html/template"
	"io/fs"
	"log/slog"
	"net/http"
	"net/url"
	"path"
	"strings"

	"github.com/backload/backload"
)

// view is what every page template receives.
type view struct {
	Title   string
	Nav     string // the navigation entry to mark as current
	User    backload.User
	Signed  bool
	Flash   string // a one-off confirmation, from ?ok=
	Error   string // a problem with what was submitted
	Field   string // the field the error is about
	Data    any
	Lifter  *backload.User // when a coach looks at a lifter
	Request *http.Request
}

// templates holds every page, parsed once at start with the layout and the
// partials. A template file without a registered page fails the start.
type templates struct {
	pages  map[string]*template.Template
	static *staticFiles
}

func loadTemplates(funcs template.FuncMap) (*templates, error) {
	st, err := loadStatic()
	if err != nil {
		return nil, err
	}
	funcs["asset"] = st.url
	t := &templates{pages: map[string]*template.Template{}, static: st}
	files, err := fs.Glob(assetsFS, "templates/*.html")
	if err != nil {
		return nil, err
	}
	partials, _ := fs.Glob(assetsFS, "templates/partials/*.html")
	for _, f := range files {
		name := strings.TrimSuffix(path.Base(f), ".html")
		if name == "layout" {
			continue
		}
		tmpl, err := template.New("layout.html").Funcs(funcs).ParseFS(assetsFS, append([]string{"templates/layout.html", f}, partials...)...)
		if err != nil {
			return nil, fmt.Errorf("template %s: %w", name, err)
		}
		// Execute against an empty view once, so a template that cannot
		// run (an unknown static file, a bad field) fails the start, not a
		// lifter at the gym.
		if err := tmpl.Execute(new(bytes.Buffer), view{Data: nil}); err != nil && strings.Contains(err.Error(), "no static file") {
			return nil, fmt.Errorf("template %s: %w", name, err)
		}
		t.pages[name] = tmpl
	}
	return t, nil
}

// render writes a page. Rendering into a buffer first means a template
// error becomes a clean 500, not half a page.
func (s *Server) render(w http.ResponseWriter, r *http.Request, status int, page string, v view) error {
	tmpl, ok := s.tmpl.pages[page]
	if !ok {
		return fmt.Errorf("web: no page %q", page)
	}
	v.Request = r
	if c, ok := r.Context().Value(ctxKey{}).(*call); ok && c.user.ID != 0 {
		v.User, v.Signed = c.user, true
		if c.subject.ID != c.user.ID {
			lifter := c.subject
			v.Lifter = &lifter
		}
	}
	if v.Flash == "" {
		v.Flash = r.URL.Query().Get("ok")
	}
	var buf bytes.Buffer
	if err := tmpl.Execute(&buf, v); err != nil {
		return err
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.Header().Set("Cache-Control", "no-store")
	w.Header().Set("Content-Security-Policy", "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; media-src 'self' data:; frame-ancestors 'none'; form-action 'self'; base-uri 'none'")
	w.WriteHeader(status)
	_, err := w.Write(buf.Bytes())
	return err
}

// pageError answers a failed page request: to the log-in page when the
// visitor is not signed in, else an error page saying what went wrong.
func (s *Server) pageError(w http.ResponseWriter, r *http.Request, err error) {
	code := backload.ErrorCode(err)
	if code == backload.EUNAUTHORIZED {
		next := r.URL.RequestURI()
		if r.Method != http.MethodGet {
			next = "/today"
		}
		http.Redirect(w, r, "/login?next="+url.QueryEscape(next), http.StatusSeeOther)
		return
	}
	msg := backload.ErrorMessage(err)
	if code == backload.EINTERNAL {
		s.log.Error("page failed", slog.String("path", r.URL.Path), slog.Any("err", err))
		msg = "Something went wrong on our side. Please try again in a moment."
	}
	if rerr := s.render(w, r, statusOf(code), "error", view{Title: "Something went wrong", Error: msg}); rerr != nil {
		http.Error(w, msg, statusOf(code))
	}
}

// redirect sends the browser on after a form, with a confirmation.
func redirect(w http.ResponseWriter, r *http.Request, to, ok string) error {
	if ok != "" {
		sep := "?"
		if strings.Contains(to, "?") {
			sep = "&"
		}
		to += sep + "ok=" + url.QueryEscape(ok)
	}
	http.Redirect(w, r, to, http.StatusSeeOther)
	return nil
}

// formError re-renders a form page with the problem next to its field.
func (s *Server) formError(w http.ResponseWriter, r *http.Request, page string, v view, err error) error {
	var e *backload.Error
	if !errors.As(err, &e) || e.Code == backload.EINTERNAL || e.Code == backload.EUNAUTHORIZED && page != "login" {
		return err
	}
	v.Error, v.Field = e.Message, e.Field
	if e.Field != "" && !strings.Contains(e.Message, e.Field) {
		v.Error = e.Field + ": " + e.Message
	}
	return s.render(w, r, statusOf(e.Code), page, v)
}
