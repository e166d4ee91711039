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
// often enough for a bar that moves, rarely enough to cost nothing.
const importProgressEvery = 200 * time.Millisecond

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
// replica can answer GET /api/v1/imports/progress/{key}. It writes at most
// every importProgressEvery within a phase, and always on a change of
// phase. A failed write is logged, never returned: progress is a courtesy,
// and the import must not fail for it. The zero key tracks nothing.
type importTracker struct {
	db     *sqlstore.DB
	log    *slog.Logger
	ctx    context.Context
	userID int64
	key    string

	mu    sync.Mutex
	phase string
	last  time.Time
}

// trackImport starts tracking the import named key for userID. It outlives
// the request's cancellation, so a client that gave up and asks again
// still learns how the import ended.
func (s *Server) trackImport(r *http.Request, userID int64, key string) *importTracker {
	return &importTracker{db: s.db, log: s.log, ctx: context.WithoutCancel(r.Context()), userID: userID, key: key}
}

// set records the phase and how far it has gone.
func (t *importTracker) set(phase string, done, total int64, message string) {
	if t == nil || t.key == "" {
		return
	}
	t.mu.Lock()
	defer t.mu.Unlock()
	now := time.Now()
	if phase == t.phase && now.Sub(t.last) < importProgressEvery {
		return
	}
	t.phase, t.last = phase, now
	err := t.db.SetImportProgress(t.ctx, t.userID, sqlstore.ImportProgress{Key: t.key, Phase: phase, Done: done, Total: total, Message: message})
	if err != nil {
		t.log.Warn("recording import progress", slog.String("key", t.key), slog.Any("err", err))
	}
}

// finish records how the import ended.
func (t *importTracker) finish(sum importSummary, err error) {
	if err != nil {
		t.set(sqlstore.ImportFailed, 0, 0, backload.ErrorMessage(err))
		return
	}
	t.set(sqlstore.ImportDone, int64(sum.Sessions), int64(sum.Sessions), fmt.Sprintf("Sessions: %d added, %d already stored. Sets: %d added, %d already stored.",
		sum.SessionsAdded, sum.SessionsExisting, sum.SetsAdded, sum.SetsExisting))
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
