package web

import (
	"math"
	"sync"
	"time"

	"github.com/backload/backload"
	"github.com/backload/backload/report"
)

// progressCache keeps computed progress under the user's data version,
// like todayCache: every write to a user's log, check-ins or settings bumps
// that version in the database, so an entry is never stale, on any
// replica, and a new version is simply a new key.
type progressCache struct {
	mu      sync.Mutex
	entries map[progressKey]progress
	cells   int // the entries' size, in series entries
}

// progressKey is what a result depends on: the user and their data
// version, the range as asked (a zero From is all
// time) and today, which moves the default range and the flare's clock.
type progressKey struct {
	user, version   int64
	from, to, today int64
}

func progressKeyOf(u backload.User, rng report.Range, today time.Time) progressKey {
	from := int64(math.MinInt64) // all time, apart from any real date
	if !rng.From.IsZero() {
		from = rng.From.Unix()
	}
	return progressKey{user: u.ID, version: u.Version, from: from, to: rng.To.Unix(), today: today.Unix()}
}

// maxProgressCells bounds the cache at about 50 MB: an entry of ten years
// is some 7,000 cells of around a hundred bytes. When full it starts afresh,
// which costs one recomputation per active user.
const maxProgressCells = 500_000

func (c *progressCache) get(k progressKey) (progress, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	pr, ok := c.entries[k]
	return pr, ok
}

func (c *progressCache) put(k progressKey, pr progress) {
	n := progressCells(pr)
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.entries == nil || c.cells+n > maxProgressCells {
		c.entries, c.cells = make(map[progressKey]progress), 0
	}
	if _, ok := c.entries[k]; !ok {
		c.entries[k] = pr
		c.cells += n
	}
}

// reset empties the cache; benchmarks use it to measure the computation.
func (c *progressCache) reset() {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.entries, c.cells = nil, 0
}

// progressCells is the size of pr in series entries, for the bound.
func progressCells(pr progress) int {
	n := 1 + len(pr.Weeks) + len(pr.Pain) + len(pr.Core) + len(pr.PreFlare) + len(pr.Adherence) + len(pr.Spike.Days)
	for _, l := range pr.Lifts {
		n += 1 + len(l.Points)
	}
	return n
}
