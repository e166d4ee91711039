package web

import (
	"context"
	"log/slog"
	"net/http"
	"time"

	"github.com/backload/backload"
)

// access says who may call a route.
type access int

const (
	// public routes need no account.
	public access = iota
	// signedIn routes act for the signed-in user.
	signedIn
	// coachOf routes act for a lifter ({lifter} in the path) whom the
	// signed-in coach coaches.
	coachOf
)

// route is one registered endpoint. The table of routes is the single
// source the mux, the access tests and the OpenAPI check all read, so a new
// route cannot skip any of them.
type route struct {
	method  string
	pattern string
	access  access
	handle  func(w http.ResponseWriter, r *http.Request, c *call) error
	// page routes answer HTML: errors render a page, and a visitor who is
	// not signed in is sent to the log-in page.
	page bool
}

// call is what a handler knows about the request beyond it: who is
// signed in, and whose data the request is about.
type call struct {
	user    backload.User // the signed-in user; zero for public routes
	subject backload.User // whose data: the user, or the coached lifter
	session string        // the log-in session's token hash, for cookie log-ins
	start   time.Time
}

type ctxKey struct{}

// wrap authenticates a route's request, runs its handler, maps its error
// to a response and records the request's metrics.
func (s *Server) wrap(rt route) http.Handler {
	pattern := rt.method + " " + rt.pattern
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		rec := &statusRecorder{ResponseWriter: w, status: http.StatusOK}
		c := &call{start: time.Now()}
		err := s.authorize(r, rt, c)
		if err == nil {
			r = r.WithContext(context.WithValue(r.Context(), ctxKey{}, c))
			err = rt.handle(rec, r, c)
		}
		if err != nil {
			switch {
			case rt.page:
				s.pageError(rec, r, err)
			default:
				if backload.ErrorCode(err) == backload.EINTERNAL {
					s.log.Error("request failed", slog.String("route", pattern), slog.Any("err", err))
				}
				writeError(rec, err)
			}
		}
		s.metrics.observe(pattern, rec.status, time.Since(c.start))
	})
}

// authorize fills c for the route's access level, or says why not.
func (s *Server) authorize(r *http.Request, rt route, c *call) error {
	if rt.access == public {
		// Public routes still know who is signed in, where someone is.
		if u, sess, err := s.authenticate(r); err == nil {
			c.user, c.subject, c.session = u, u, sess
		}
		return nil
	}
	u, sess, err := s.authenticate(r)
	if err != nil {
		return err
	}
	c.user, c.subject, c.session = u, u, sess
	if rt.access == coachOf {
		lifter, err := s.coachedLifter(r, u)
		if err != nil {
			return err
		}
		c.subject = lifter
	}
	return nil
}

// statusRecorder remembers the status a handler wrote, for metrics.
type statusRecorder struct {
	http.ResponseWriter
	status int
	wrote  bool
}

func (w *statusRecorder) WriteHeader(code int) {
	if !w.wrote {
		w.status, w.wrote = code, true
	}
	w.ResponseWriter.WriteHeader(code)
}

func (w *statusRecorder) Write(b []byte) (int, error) {
	w.wrote = true
	return w.ResponseWriter.Write(b)
}

// Unwrap lets http.ResponseController reach the underlying writer.
func (w *statusRecorder) Unwrap() http.ResponseWriter { return w.ResponseWriter }

// subjectOf is whose data the request is about, for helpers that have the
// request but not the call.
func subjectOf(r *http.Request) backload.User {
	if c, ok := r.Context().Value(ctxKey{}).(*call); ok {
		return c.subject
	}
	return backload.User{}
}
