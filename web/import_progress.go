package web

import (
	"context"
	"fmt"
	"log/slog"
	"net/http"
	"regexp"
	"sync"
	"time"

	"github.com/backload/backload"
	"github.com/backload/backload/sqlstore"
)

// importProgressEvery is how often a running import writes its progress:
// often enough for a bar that moves, rarely enough to cost nothing. A
// variable so tests can have every step written.
var importProgressEvery = 200 * time.Millisecond

// progressKeyPattern is what a client may name an import by: long enough
// to be unguessable when random, short enough to index.
var progressKeyPattern = regexp.MustCompile(`^[A-Za-z0-9_-]{8,64}$`)

// importProgressKey reads the key a client named its import by, from
// ?progress= or, failing that, the form field progress; "" when it gave
// none. It returns an EINVALID error naming the parameter for a malformed
// key.
func importProgressKey(r *http.Request, fromForm bool) (string, error) {
	key := r.URL.Query().Get("progress")
	if key == "" && fromForm {
		key = r.FormValue("progress")
	}
	if key != "" && !progressKeyPattern.MatchString(key) {
		return "", badProgressKey("progress", key)
	}
	return key, nil
}

// badProgressKey is the error for a malformed key, quoting it when it is
// short enough to read.
func badProgressKey(field, key string) error {
	if len(key) > 64 {
		return backload.FieldErrorf(field, "must be 8 to 64 letters, digits, - or _, got %d bytes", len(key))
	}
	return backload.FieldErrorf(field, "must be 8 to 64 letters, digits, - or _, got %q", key)
}

// importTracker writes one import's progress to the database, so that any
// replica can answer GET /api/v1/imports/progress/{key}. It keeps at most
// one step every importProgressEvery within a phase, and every change of
// phase. A goroutine beside the import does the writing: on PostgreSQL the
// import reports while its transaction holds a connection, and waiting
// there for another would let enough imports at once take every connection
// and wait for each other forever. A failed write is logged, never
// returned: progress is a courtesy, and the import must not fail for it.
// A nil tracker tracks nothing.
type importTracker struct {
	db     *sqlstore.DB
	log    *slog.Logger
	ctx    context.Context
	userID int64
	key    string

	mu      sync.Mutex
	phase   string
	last    time.Time
	pending *sqlstore.ImportProgress // the newest step not yet written

	wake    chan struct{} // a step is pending; closed by finish
	stopped chan struct{} // closed when the writer has written the last step
}

// trackImport starts tracking the import named key for userID. The writes
// outlive the request's cancellation, so a client that gave up and asks
// again still learns how the import ended.
func (s *Server) trackImport(r *http.Request, userID int64, key string) *importTracker {
	t := &importTracker{db: s.db, log: s.log, ctx: context.WithoutCancel(r.Context()), userID: userID, key: key,
		wake: make(chan struct{}, 1), stopped: make(chan struct{})}
	go t.write()
	return t
}

// set records the phase and how far it has gone, without waiting for the
// database.
func (t *importTracker) set(phase string, done, total int64, message string) {
	if t == nil {
		return
	}
	t.mu.Lock()
	now := time.Now()
	if phase == t.phase && now.Sub(t.last) < importProgressEvery {
		t.mu.Unlock()
		return
	}
	t.phase, t.last = phase, now
	t.pending = &sqlstore.ImportProgress{Key: t.key, Phase: phase, Done: done, Total: total, Message: message}
	t.mu.Unlock()
	select {
	case t.wake <- struct{}{}:
	default: // the writer is already due to wake, and takes the newest step
	}
}

// write writes the newest pending step each time set wakes it, until
// finish closes wake.
func (t *importTracker) write() {
	defer close(t.stopped)
	for range t.wake {
		t.mu.Lock()
		p := t.pending
		t.pending = nil
		t.mu.Unlock()
		if p == nil {
			continue
		}
		if err := t.db.SetImportProgress(t.ctx, t.userID, *p); err != nil {
			t.log.Warn("recording import progress", slog.String("key", t.key), slog.Any("err", err))
		}
	}
}

// finish records how the import ended and waits until that is written, so
// a client reading the progress after the answer reads the end. set must
// not be called after it.
func (t *importTracker) finish(sum importSummary, err error) {
	if t == nil {
		return
	}
	if err != nil {
		t.set(sqlstore.ImportFailed, 0, 0, backload.ErrorMessage(err))
	} else {
		t.set(sqlstore.ImportDone, int64(sum.Sessions), int64(sum.Sessions), fmt.Sprintf("Sessions: %d added, %d already stored. Sets: %d added, %d already stored.",
			sum.SessionsAdded, sum.SessionsExisting, sum.SetsAdded, sum.SetsExisting))
	}
	close(t.wake)
	<-t.stopped
}

// importProgress answers GET /api/v1/imports/progress/{key}: how far the
// caller's import of that name has gone, on whichever replica it runs.
func (s *Server) importProgress(w http.ResponseWriter, r *http.Request, c *call) error {
	key := r.PathValue("key")
	if !progressKeyPattern.MatchString(key) {
		return badProgressKey("key", key)
	}
	p, err := s.db.ImportProgress(r.Context(), c.subject.ID, key)
	if err != nil {
		return err
	}
	w.Header().Set("Cache-Control", "no-store")
	return writeJSON(w, http.StatusOK, importProgressView{ImportProgress: p, Percent: percentOf(p)})
}

// importProgressView is the JSON of an import's progress.
type importProgressView struct {
	sqlstore.ImportProgress
	// Percent is of the whole import: reading is the first half, storing
	// the second.
	Percent int `json:"percent"`
}

func percentOf(p sqlstore.ImportProgress) int {
	part := 0.0
	if p.Total > 0 {
		part = min(float64(p.Done)/float64(p.Total), 1)
	}
	switch p.Phase {
	case sqlstore.ImportReading:
		return int(50 * part)
	case sqlstore.ImportStoring:
		return 50 + int(49*part)
	case sqlstore.ImportDone:
		return 100
	}
	return 0
}
