// Package web is Backload's HTTP server: the JSON API under /api/v1 and,
// on top of it, the web app's pages. Handlers call the same domain code as
// the command line; every handler scopes what it reads and writes by the
// signed-in user.
package web

import (
	"log/slog"
	"net/http"
	"time"

	"github.com/backload/backload"
	"github.com/backload/backload/auth"
	"github.com/backload/backload/catalog"
	"github.com/backload/backload/sqlstore"
)

// Config is what the server needs. DB and Catalog are required.
type Config struct {
	DB      *sqlstore.DB
	Catalog *catalog.Catalog
	Logger  *slog.Logger
	Policy  backload.Policy
	// Passwords is the argon2id cost; auth.Default unless tests lower it.
	Passwords auth.Params
	// TrustProxy believes X-Forwarded-Proto and X-Forwarded-For from a
	// reverse proxy: set it only behind one.
	TrustProxy bool
	// MaxBodyBytes bounds JSON request bodies; MaxUploadBytes bounds import
	// uploads.
	MaxBodyBytes   int64
	MaxUploadBytes int64
	// SessionTTL is how long a log-in lasts.
	SessionTTL time.Duration
	// Login limits: failures allowed per account and per address within
	// the window before log-in answers 429.
	LoginFailuresPerAccount int
	LoginFailuresPerAddress int
	LoginWindow             time.Duration
}

// withDefaults fills in what the config leaves zero.
func (c Config) withDefaults() Config {
	if c.Logger == nil {
		c.Logger = slog.New(slog.DiscardHandler)
	}
	if c.Policy.E1RMMaxReps == 0 {
		c.Policy = backload.DefaultPolicy()
	}
	if c.Passwords.MemoryKiB == 0 {
		c.Passwords = auth.Default
	}
	if c.MaxBodyBytes == 0 {
		c.MaxBodyBytes = 1 << 20
	}
	if c.MaxUploadBytes == 0 {
		c.MaxUploadBytes = 64 << 20
	}
	if c.SessionTTL == 0 {
		c.SessionTTL = 30 * 24 * time.Hour
	}
	if c.LoginFailuresPerAccount == 0 {
		c.LoginFailuresPerAccount = 5
	}
	if c.LoginFailuresPerAddress == 0 {
		c.LoginFailuresPerAddress = 20
	}
	if c.LoginWindow == 0 {
		c.LoginWindow = 15 * time.Minute
	}
	return c
}

// Server serves Backload over HTTP.
type Server struct {
	cfg     Config
	db      *sqlstore.DB
	cat     *catalog.Catalog
	log     *slog.Logger
	routes  []route
	metrics *metrics
	handler http.Handler
	todays  todayCache
	// progresses remembers computed progress: reading years of rows is
	// most of a cold request's cost, and a lifter who reloads the page asks
	// for the same figures again.
	progresses progressCache
	tmpl       *templates
}

// New builds the server and its routes.
func New(cfg Config) *Server {
	cfg = cfg.withDefaults()
	s := &Server{cfg: cfg, db: cfg.DB, cat: cfg.Catalog, log: cfg.Logger, metrics: newMetrics()}
	tmpl, err := loadTemplates(s.templateFuncs())
	if err != nil {
		// The templates are embedded: only a bug can break them, and the
		// tests load them, so this never reaches a user.
		panic(err)
	}
	s.tmpl = tmpl
	s.routes = append(s.apiRoutes(), s.pageRoutes()...)
	mux := http.NewServeMux()
	mux.Handle("GET /static/", tmpl.static)
	for _, rt := range s.routes {
		mux.Handle(rt.method+" "+rt.pattern, s.wrap(rt))
	}
	mux.Handle("GET /metrics", s.metrics.handler())
	mux.HandleFunc("/api/", s.apiNotFound)
	// Cross-origin protection refuses state-changing requests that a
	// browser marks as coming from another site; GET handlers change
	// nothing, so they stay open to links.
	cop := http.NewCrossOriginProtection()
	cop.SetDenyHandler(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		writeError(w, backload.Errorf(backload.EFORBIDDEN, "cross-origin request refused: send it from Backload's own pages, or from a script without a browser's Origin header"))
	}))
	s.handler = s.recoverPanics(securityHeaders(cop.Handler(mux)))
	return s
}

// ServeHTTP makes the server an http.Handler.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) { s.handler.ServeHTTP(w, r) }

// securityHeaders sets headers every response should carry.
func securityHeaders(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		h := w.Header()
		h.Set("X-Content-Type-Options", "nosniff")
		h.Set("Referrer-Policy", "same-origin")
		h.Set("X-Frame-Options", "DENY")
		next.ServeHTTP(w, r)
	})
}

// recoverPanics turns a panic in a handler into a 500 and a log line, so
// one bad request cannot take the server down.
func (s *Server) recoverPanics(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		defer func() {
			if v := recover(); v != nil {
				if v == http.ErrAbortHandler {
					panic(v)
				}
				s.log.Error("panic", slog.String("path", r.URL.Path), slog.Any("panic", v))
				writeError(w, backload.Errorf(backload.EINTERNAL, "internal error"))
			}
		}()
		next.ServeHTTP(w, r)
	})
}
