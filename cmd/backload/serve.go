package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"time"

	"github.com/backload/backload/catalog"
	"github.com/backload/backload/sqlstore"
	"github.com/backload/backload/web"
)

func init() {
	register(&command{
		name:    "serve",
		summary: "Run the web app and the JSON API",
		help: `Serves the web app and the JSON API (/api/v1, documented at
/api/v1/openapi.json) on the embedded SQLite database: nothing else is
needed. Health at /healthz, Prometheus metrics at /metrics. Stops cleanly on
Ctrl-C or SIGTERM, finishing requests under way.`,
		flags: func(fs *flag.FlagSet, e *env) func(context.Context, []string) error {
			addr := fs.String("addr", "127.0.0.1:8080", "`HOST:PORT` to listen on")
			db := dbFlag(fs)
			trustProxy := fs.Bool("trust-proxy", false, "trust X-Forwarded-For and X-Forwarded-Proto from a reverse proxy")
			logJSON := fs.Bool("log-json", false, "write logs as JSON lines")
			return func(ctx context.Context, args []string) error {
				if len(args) > 0 {
					return usagef("unexpected argument %q", args[0])
				}
				var handler slog.Handler = slog.NewTextHandler(e.err, nil)
				if *logJSON {
					handler = slog.NewJSONHandler(e.err, nil)
				}
				log := slog.New(handler)
				store, path, err := openDB(ctx, e, *db)
				if err != nil {
					return err
				}
				defer store.Close()
				srv := web.New(web.Config{DB: store, Catalog: catalog.Default(), Logger: log, TrustProxy: *trustProxy})
				return serve(ctx, e, log, *addr, srv, path)
			}
		},
	})
}

// serve listens on addr until ctx ends, then shuts down gracefully.
func serve(ctx context.Context, e *env, log *slog.Logger, addr string, h http.Handler, dbPath string) error {
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		return usagef("--addr: %v", err)
	}
	hs := &http.Server{
		Handler:           h,
		ReadHeaderTimeout: 10 * time.Second,
		ReadTimeout:       5 * time.Minute, // large import uploads on slow gym Wi-Fi
		WriteTimeout:      5 * time.Minute,
		IdleTimeout:       2 * time.Minute,
		MaxHeaderBytes:    64 << 10,
		ErrorLog:          slog.NewLogLogger(log.Handler(), slog.LevelWarn),
	}
	log.Info(fmt.Sprintf("Backload is running: open http://%s", ln.Addr()), slog.String("db", sqlstore.RedactDSN(dbPath)))
	done := make(chan error, 1)
	go func() { done <- hs.Serve(ln) }()
	select {
	case err := <-done:
		return err
	case <-ctx.Done():
	}
	log.Info("shutting down")
	shutdownCtx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
	defer cancel()
	if err := hs.Shutdown(shutdownCtx); err != nil {
		return err
	}
	if err := <-done; !errors.Is(err, http.ErrServerClosed) {
		return err
	}
	return nil
}
