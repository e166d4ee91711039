package sqlstore

import (
	"database/sql"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"time"

	_ "modernc.org/sqlite" // the pure-Go SQLite driver, so the binary builds with CGO_ENABLED=0
)

// sqlitePragmas are set on every connection: wait for a busy lock instead
// of failing, write-ahead logging so readers never block the writer, the
// durability WAL makes safe at NORMAL, and enforced foreign keys.
var sqlitePragmas = []string{"busy_timeout(10000)", "journal_mode(WAL)", "synchronous(NORMAL)", "foreign_keys(1)"}

// sqlitePath reads a file path out of a DSN: "PATH", "sqlite:PATH" or
// "file:PATH?...".
func sqlitePath(dsn string) string {
	p := strings.TrimPrefix(dsn, "sqlite:")
	p = strings.TrimPrefix(p, "file:")
	if i := strings.IndexByte(p, '?'); i >= 0 {
		p = p[:i]
	}
	return p
}

func sqliteDSN(path string, readOnly bool) string {
	q := url.Values{}
	for _, p := range sqlitePragmas {
		q.Add("_pragma", p)
	}
	if readOnly {
		q.Add("_pragma", "query_only(1)")
	} else {
		// Take the write lock when the transaction begins, so two writers
		// queue on busy_timeout instead of failing on upgrade.
		q.Set("_txlock", "immediate")
	}
	return "file:" + path + "?" + q.Encode()
}

// readConns is the size of the SQLite read pool. WAL lets readers run side
// by side; a pool larger than the usual number of requests in flight keeps
// requests from queueing for a connection, where database/sql hands a freed
// connection to a random waiter and the unlucky ones wait far longer than
// the rest (that queue was most of GET /api/v1/today's p99 under load).
const readConns = 8

func openSQLite(dsn string) (*DB, error) {
	path := sqlitePath(dsn)
	if path == "" {
		return nil, fmt.Errorf("no database path in %q", dsn)
	}
	if dir := filepath.Dir(path); dir != "" {
		if err := os.MkdirAll(dir, 0o700); err != nil {
			return nil, fmt.Errorf("creating the database folder: %w", err)
		}
	}
	write, err := sql.Open("sqlite", sqliteDSN(path, false))
	if err != nil {
		return nil, err
	}
	write.SetMaxOpenConns(1)
	write.SetConnMaxIdleTime(0)
	read, err := sql.Open("sqlite", sqliteDSN(path, true))
	if err != nil {
		write.Close()
		return nil, err
	}
	read.SetMaxOpenConns(readConns)
	read.SetMaxIdleConns(readConns)
	read.SetConnMaxIdleTime(5 * time.Minute)
	// Create the file and switch it to WAL through the writer before any
	// reader opens it read-only.
	if err := firstConnect(write); err != nil {
		write.Close()
		read.Close()
		return nil, fmt.Errorf("opening %s: %w", path, err)
	}
	return &DB{write: write, read: read, dialect: sqliteDialect{}, Path: path, Now: time.Now}, nil
}

// firstConnect opens the writer's connection. Switching a new file to WAL
// needs the file to itself for a moment, and SQLite answers a process
// opening it at the same moment SQLITE_BUSY at once, without waiting on
// busy_timeout; so a busy answer is retried for as long as busy_timeout
// would have waited. Two replicas starting together on a new file meet it.
func firstConnect(write *sql.DB) error {
	deadline := time.Now().Add(10 * time.Second)
	for {
		_, err := write.Exec("PRAGMA user_version")
		if err == nil || !isSQLiteBusy(err) || time.Now().After(deadline) {
			return err
		}
		time.Sleep(10 * time.Millisecond)
	}
}

// isSQLiteBusy reports whether err is SQLITE_BUSY (5) or one of its
// extended codes.
func isSQLiteBusy(err error) bool {
	s := err.Error()
	return strings.Contains(s, "SQLITE_BUSY") || strings.Contains(s, "database is locked")
}
