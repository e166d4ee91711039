package web

import (
	"sync"
	"time"

	"github.com/backload/backload"
)

// todayCache keeps computed "today" answers under the user's data version.
// Every write to a user's log, check-ins or settings bumps that version in
// the database, so an entry can never be stale and replicas need no
// invalidation messages: a new version is simply a new key.
type todayCache struct {
	mu      sync.Mutex
	entries map[todayKey]backload.AdaptResponse
}

type todayKey struct {
	user, version int64
	day           string
	workout       string
}

// maxTodayEntries bounds the cache; when full it starts afresh, which
// costs one recomputation per active user.
const maxTodayEntries = 10_000

func keyFor(u backload.User, day time.Time, workout string) todayKey {
	return todayKey{u.ID, u.Version, day.Format(time.DateOnly), workout}
}

func (c *todayCache) get(k todayKey) (backload.AdaptResponse, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	r, ok := c.entries[k]
	return r, ok
}

func (c *todayCache) put(k todayKey, r backload.AdaptResponse) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.entries == nil || len(c.entries) >= maxTodayEntries {
		c.entries = make(map[todayKey]backload.AdaptResponse)
	}
	c.entries[k] = r
}
