package importer

import (
	"slices"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/backload/backload"
)

// scanLimit is how many exercises a session may have before the builder
// indexes them in a map instead of scanning them.
const scanLimit = 16

// classified is a name's classification, kept once per distinct name.
type classified struct {
	name  string // the name as stored: a copy, valid UTF-8
	id    string
	class backload.Class
}

type sessionKey struct {
	at    int64 // Unix nanoseconds
	title string
}

type noteKey struct {
	session sessionKey
	name    string
}

// builder groups rows into sessions (start time plus title), exercises
// (first appearance) and sets (file order), classifying each distinct name
// once.
type builder struct {
	source   string
	classify func(string) backload.Classification
	names    map[string]classified
	sessions []backload.Session
	index    map[sessionKey]int
	cur      int
	curKey   sessionKey
	wide     map[int]map[string]int // exercise indexes of sessions past scanLimit
	pending  map[noteKey]string     // notes for exercises not seen yet
	skipped  []Skip
	slab     []backload.Set // sets are appended here while one exercise's rows run on
	used     int
	owner    [2]int // session and exercise whose sets end the slab
}

// slabSize is how many sets one slab holds.
const slabSize = 4096

func newBuilder(source string, classify func(string) backload.Classification) *builder {
	return &builder{
		source:   source,
		classify: classify,
		names:    map[string]classified{},
		sessions: []backload.Session{},
		index:    map[sessionKey]int{},
		cur:      -1,
		skipped:  []Skip{},
		owner:    [2]int{-1, -1},
	}
}

// session returns the index of the session that started at at with title,
// creating it (and reporting so) when it is new.
func (b *builder) session(at time.Time, title string) (int, bool) {
	key := sessionKey{at.UnixNano(), title}
	if b.cur >= 0 && key == b.curKey {
		return b.cur, false
	}
	i, ok := b.index[key]
	if !ok {
		key.title = strings.Clone(title) // the key keeps the raw title
		i = len(b.sessions)
		b.sessions = append(b.sessions, backload.Session{
			StartedAt: at, Title: cleanText(title), Source: b.source, Exercises: []backload.ExerciseLog{},
		})
		b.index[key] = i
	}
	b.cur, b.curKey = i, key
	return i, !ok
}

// find returns the index of the exercise whose stored name is name in
// session si, or -1.
func (b *builder) find(si int, name string) int {
	ex := b.sessions[si].Exercises
	if len(ex) > scanLimit {
		if i, ok := b.wideIndex(si)[name]; ok {
			return i
		}
		return -1
	}
	for i := range ex {
		if ex[i].Input == name {
			return i
		}
	}
	return -1
}

// add appends set to the exercise called name in session si, adding the
// exercise, classified, when it is new. note is the row's exercise-notes
// column (see setNotes).
func (b *builder) add(si int, name string, set backload.Set, note string) {
	ei := b.exercise(si, name)
	e := &b.sessions[si].Exercises[ei]
	if note != "" {
		setNotes(e, &set, note)
	}
	// Consecutive sets of one exercise go into a shared slab, saving an
	// allocation and its growth per exercise; each exercise's slice is capped
	// at its length, so appending to it elsewhere copies.
	owner := [2]int{si, ei}
	switch {
	case b.used < len(b.slab) && (len(e.Sets) == 0 || b.owner == owner):
		start := b.used - len(e.Sets)
		b.slab[b.used] = set
		b.used++
		e.Sets = b.slab[start:b.used:b.used]
		b.owner = owner
	case len(e.Sets) == 0:
		b.slab, b.used = make([]backload.Set, slabSize), 1
		b.slab[0] = set
		e.Sets = b.slab[0:1:1]
		b.owner = owner
	default: // an exercise revisited after another, or a full slab
		e.Sets = append(e.Sets, set)
		b.owner = [2]int{-1, -1}
	}
}

// exercise returns the index of the exercise called name in session si,
// adding it, classified, when it is new.
func (b *builder) exercise(si int, name string) int {
	s := &b.sessions[si]
	if n := len(s.Exercises); n > 0 && s.Exercises[n-1].Input == name {
		return n - 1 // the usual case: the next set of the same exercise
	}
	c := b.class(name)
	if i := b.find(si, c.name); i >= 0 {
		return i
	}
	e := backload.ExerciseLog{Input: c.name, ExerciseID: c.id, Class: c.class}
	if len(b.pending) > 0 {
		k := noteKey{sessionKey{s.StartedAt.UnixNano(), s.Title}, c.name}
		if n, ok := b.pending[k]; ok {
			e.Notes = n
			delete(b.pending, k)
		}
	}
	s.Exercises = append(s.Exercises, e)
	n := len(s.Exercises) - 1
	if n >= scanLimit {
		b.wideIndex(si)[c.name] = n
	}
	return n
}

func (b *builder) wideIndex(si int) map[string]int {
	if b.wide == nil {
		b.wide = map[int]map[string]int{}
	}
	m, ok := b.wide[si]
	if !ok {
		m = make(map[string]int, 2*scanLimit)
		for i, e := range b.sessions[si].Exercises {
			if _, dup := m[e.Input]; !dup {
				m[e.Input] = i
			}
		}
		b.wide[si] = m
	}
	return m
}

// class classifies name, once per distinct name. A class the classifier
// leaves invalid is Other.
func (b *builder) class(name string) classified {
	if c, ok := b.names[name]; ok {
		return c
	}
	clean := cleanText(name)
	got := b.classify(clean)
	c := classified{name: clean, id: got.ExerciseID, class: got.Class}
	if !c.class.Valid() {
		c.class = backload.Other
	}
	b.names[strings.Clone(name)] = c
	return c
}

// note keeps the text of a note row (Strong's "Note") as the notes of the
// exercise called name in the session at, title: now if the exercise is
// there, else when its first set arrives.
func (b *builder) note(at time.Time, title, name, text string) {
	key := sessionKey{at.UnixNano(), title}
	if i, ok := b.index[key]; ok {
		if j := b.find(i, cleanText(name)); j >= 0 {
			e := &b.sessions[i].Exercises[j]
			e.Notes = joinNotes(e.Notes, cleanText(text))
			return
		}
	}
	if b.pending == nil {
		b.pending = map[noteKey]string{}
	}
	k := noteKey{sessionKey{key.at, cleanText(title)}, cleanText(name)}
	b.pending[k] = joinNotes(b.pending[k], cleanText(text))
}

func joinNotes(a, b string) string {
	if a == "" || a == b {
		return b
	}
	return a + "\n" + b
}

// setNotes files a note column of a set row: the first note of an exercise
// becomes the exercise's notes (apps repeat it on every row, or write it on
// the first), and a later one that differs stays with its set.
func setNotes(e *backload.ExerciseLog, set *backload.Set, note string) {
	switch {
	case note == e.Notes:
	case e.Notes == "" && len(e.Sets) == 0:
		e.Notes = cleanText(note)
	default:
		set.Notes = cleanText(note)
	}
}

// finish returns the sessions oldest first (stable, so ties keep file
// order) and the skipped rows.
func (b *builder) finish() ([]backload.Session, []Skip) {
	byStart := func(x, y backload.Session) int { return x.StartedAt.Compare(y.StartedAt) }
	if !slices.IsSortedFunc(b.sessions, byStart) {
		slices.SortStableFunc(b.sessions, byStart)
	}
	return b.sessions, b.skipped
}

// cleanText copies s out of the row it came from (so the row's memory can
// go) and replaces invalid UTF-8, which JSON and the database would mangle.
func cleanText(s string) string {
	if !utf8.ValidString(s) {
		return strings.ToValidUTF8(s, "\uFFFD")
	}
	return strings.Clone(s)
}
