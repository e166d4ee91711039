package sqlstore

import (
	"context"
	"database/sql"
	"fmt"
	"net/url"
	"runtime"
	"strings"
	"time"

	_ "github.com/jackc/pgx/v5/stdlib" // registers the "pgx" database/sql driver
)

// isPostgresDSN reports whether dsn names a PostgreSQL server rather than
// a SQLite file.
func isPostgresDSN(dsn string) bool {
	return strings.HasPrefix(dsn, "postgres://") || strings.HasPrefix(dsn, "postgresql://")
}

// RedactDSN returns dsn with the password of a PostgreSQL URL hidden, for
// errors and logs that name the database. A SQLite path is returned as it
// is.
func RedactDSN(dsn string) string {
	if !isPostgresDSN(dsn) {
		return dsn
	}
	u, err := url.Parse(dsn)
	if err != nil {
		return "the PostgreSQL database"
	}
	return u.Redacted()
}

// postgresConns is each process's share of the server's connections:
// several replicas share PostgreSQL's max_connections (100 by default),
// and more connections than a few per core only queue inside the server.
var postgresConns = min(max(8, 4*runtime.NumCPU()), 32)

// openPostgres connects to the PostgreSQL server named by dsn. Reads and
// writes share one pool: PostgreSQL locks rows, not the database, so
// writers need no queue of their own.
func openPostgres(ctx context.Context, dsn string) (*DB, error) {
	pool, err := sql.Open("pgx", dsn)
	if err != nil {
		return nil, fmt.Errorf("opening %s: %w", RedactDSN(dsn), err)
	}
	pool.SetMaxOpenConns(postgresConns)
	// Keep what is open: database/sql's default of two idle connections
	// would close and reopen connections under any real concurrency.
	pool.SetMaxIdleConns(postgresConns)
	pool.SetConnMaxIdleTime(5 * time.Minute)
	// Recycle connections now and then, so that a server restart or a
	// failover behind a proxy is picked up without restarting Backload.
	pool.SetConnMaxLifetime(time.Hour)
	if err := pool.PingContext(ctx); err != nil {
		pool.Close()
		return nil, fmt.Errorf("connecting to %s: %w", RedactDSN(dsn), err)
	}
	return &DB{write: pool, read: pool, dialect: postgresDialect{}, Now: time.Now}, nil
}
