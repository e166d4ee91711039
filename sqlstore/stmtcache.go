package sqlstore

import (
	"context"
	"database/sql"
	"sync"
)

// maxCachedStmts bounds the cache: queries are written in the code, so the
// set is small, but a filter combination should never grow it unbounded.
const maxCachedStmts = 256

// stmtCache keeps SQLite read statements prepared, so a busy endpoint does
// not parse the same SQL on every request: parsing was a fifth of the cost
// of GET /api/v1/today. database/sql prepares each statement again on each
// connection as needed. PostgreSQL does without it: pgx keeps its own
// statement cache per connection.
type stmtCache struct {
	mu    sync.Mutex
	stmts map[string]*sql.Stmt
}

// get returns the cached statement for query, preparing it on first use,
// or nil when the cache is full (the caller then runs the query unprepared).
func (c *stmtCache) get(ctx context.Context, pool *sql.DB, query string) (*sql.Stmt, error) {
	c.mu.Lock()
	st, ok := c.stmts[query]
	full := len(c.stmts) >= maxCachedStmts
	c.mu.Unlock()
	if ok || full {
		return st, nil
	}
	st, err := pool.PrepareContext(ctx, query)
	if err != nil {
		return nil, err
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if old, ok := c.stmts[query]; ok {
		st.Close()
		return old, nil
	}
	if c.stmts == nil {
		c.stmts = map[string]*sql.Stmt{}
	}
	c.stmts[query] = st
	return st, nil
}

func (c *stmtCache) close() {
	c.mu.Lock()
	defer c.mu.Unlock()
	for _, st := range c.stmts {
		st.Close()
	}
	c.stmts = nil
}
