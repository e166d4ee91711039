package web

import (
	"bytes"
	"context"
	"fmt"
	"math"
	"net/http"
	"net/url"
	"slices"
	"strings"
	"sync"
	"time"
	"unicode"

	"github.com/backload/backload"
	"github.com/backload/backload/catalog"
	"github.com/backload/backload/sqlstore"
)

// libraryPages are the exercise library: search the catalog, read an
// exercise, and confirm or correct how Backload reads the names the user
// logs.
func (s *Server) libraryPages() []route {
	return []route{
		page("GET", "/exercises", signedIn, s.libraryPage),
		page("GET", "/exercises/{id}", signedIn, s.exercisePage),
		page("POST", "/exercises/correct", signedIn, s.correctSubmit),
	}
}

// libraryData is what the library page shows.
type libraryData struct {
	Query   string
	Class   backload.Class
	Classes []backload.Class
	// Reading is how Backload reads the searched text as a name to log.
	Reading *libName
	Results []libraryResult
	// Yours are the names the user logged that Backload had to guess, or
	// that the user corrected.
	Yours []libName
	// Names feeds the exercise field of the correction forms.
	Names []string
	// Meanings explain each class.
	Meanings []libClassMeaning
}

// libraryResult is one catalog exercise in the list.
type libraryResult struct {
	ID, Name, Kit string
	Class         backload.Class
}

// libName is a name as the user logs it, how Backload reads it, and
// what its correction form needs.
type libName struct {
	Input        string
	Class        backload.Class
	ExerciseID   string
	ExerciseName string
	Source       backload.Source
	Entries      int
	Last         time.Time
	// Also are other spellings of the name in the log.
	Also []string
	// Ref makes the form's ids unique on the page.
	Ref string
	// Open shows the correction form, after an error in it.
	Open    bool
	Back    string
	Classes []backload.Class
}

// libClassMeaning is a class in words, and what a flare day does to it.
type libClassMeaning struct {
	Class backload.Class
	What  string
	Flare string
}

func (s *Server) libraryPage(w http.ResponseWriter, r *http.Request, c *call) error {
	data, err := s.libraryData(r.Context(), c.subject, r.URL.Query())
	if err != nil {
		if backload.ErrorCode(err) == backload.EINVALID {
			return s.formError(w, r, "library", view{Title: "Exercises", Nav: "exercises", Data: data}, err)
		}
		return err
	}
	v := view{Title: "Exercises", Nav: "exercises", Data: data}
	if r.Header.Get("HX-Request") == "true" {
		return s.libPartial(w, r, "library", "library-results", v)
	}
	return s.render(w, r, http.StatusOK, "library", v)
}

// libraryData searches the catalog for ?q= and ?class= and gathers the
// user's guessed names. An unknown class comes back as an EINVALID error
// with the rest of the page filled in.
func (s *Server) libraryData(ctx context.Context, u backload.User, q url.Values) (libraryData, error) {
	d := libraryData{Query: strings.TrimSpace(q.Get("q")), Classes: backload.Classes}
	if len(d.Query) > 200 {
		d.Query = strings.ToValidUTF8(d.Query[:200], "")
	}
	for _, cl := range backload.Classes {
		d.Meanings = append(d.Meanings, libClassMeaning{cl, libClassWhat(cl), libFlareMeaning(cl, s.cfg.Policy)})
	}
	back := libraryURL(d.Query, "")
	var classErr error
	if v := q.Get("class"); v != "" {
		cl, err := backload.ParseClass(v)
		if err != nil {
			classErr = &backload.Error{Code: backload.EINVALID, Field: "class", Message: backload.ErrorMessage(err)}
		}
		d.Class = cl
		back = libraryURL(d.Query, cl)
	}
	overrides, err := s.db.Overrides(ctx, u.ID)
	if err != nil {
		return d, err
	}
	classify := s.classifyWithOverrides(overrides)
	best := ""
	if d.Query != "" {
		cl := classify(d.Query)
		best = cl.ExerciseID
		d.Reading = &libName{Input: d.Query, Class: cl.Class, ExerciseID: cl.ExerciseID,
			Source: cl.Source, Ref: "q", Back: back, Classes: backload.Classes}
		if cl.ExerciseID != "" {
			d.Reading.ExerciseName = cl.Name
		}
	}
	var named bool
	d.Results, named = s.libSearch(d.Query, d.Class, best)
	if named && d.Reading != nil && d.Reading.Source == backload.Inferred {
		// Library exercises have these words in their names: the lifter is
		// searching, not asking how a name of theirs reads.
		d.Reading = nil
	}

	logged, err := s.db.InferredNames(ctx, u.ID, func(input string) bool {
		_, ok := overrides[catalog.NameKey(input)]
		return ok
	})
	if err != nil {
		return d, err
	}
	// Spellings with one key are one name to Backload: list them once,
	// under the spelling logged most.
	byKey := map[string]int{}
	for _, n := range logged {
		key := catalog.NameKey(n.Input)
		if i, ok := byKey[key]; ok {
			d.Yours[i].Also = append(d.Yours[i].Also, n.Input)
			d.Yours[i].Entries += n.Entries
			continue
		}
		byKey[key] = len(d.Yours)
		e := libName{Input: n.Input, Class: n.Class, ExerciseID: n.ExerciseID, Source: backload.Inferred,
			Entries: n.Entries, Last: n.Last, Ref: fmt.Sprint(len(d.Yours) + 1), Back: back, Classes: backload.Classes}
		if o, ok := overrides[key]; ok {
			e.Source, e.Class, e.ExerciseID = backload.FromUser, o.Class, o.ExerciseID
		}
		if ex, ok := s.cat.Exercise(e.ExerciseID); ok {
			e.ExerciseName = ex.Name
		}
		d.Yours = append(d.Yours, e)
	}
	d.Names = s.libNames()
	return d, classErr
}

// libNames are the names of every catalog exercise, for the exercise
// field of a correction form.
func (s *Server) libNames() []string {
	list := s.cat.Exercises("")
	out := make([]string, len(list))
	for i, e := range list {
		out[i] = e.Name
	}
	return out
}

// libraryURL is the library page for a search, where a correction returns.
func libraryURL(q string, class backload.Class) string {
	v := url.Values{}
	if q != "" {
		v.Set("q", q)
	}
	if class != "" {
		v.Set("class", string(class))
	}
	if len(v) == 0 {
		return "/exercises"
	}
	return "/exercises?" + v.Encode()
}

// libExerciseData is what an exercise's page shows.
type libExerciseData struct {
	backload.Exercise
	Kit          string
	How          string
	What         string
	Flare        string
	Alternatives []backload.Exercise
	// Replaces are the exercises this one stands in for on a flare day.
	Replaces []backload.Exercise
}

func (s *Server) exercisePage(w http.ResponseWriter, r *http.Request, c *call) error {
	e, ok := s.cat.Exercise(r.PathValue("id"))
	if !ok {
		return backload.Errorf(backload.ENOTFOUND, "there is no exercise %q in the library", r.PathValue("id"))
	}
	d := libExerciseData{Exercise: e, Kit: libEquipment(e.Equipment), How: libMeasure(e.Measure),
		What: libClassWhat(e.Class), Flare: libFlareMeaning(e.Class, s.cfg.Policy)}
	for _, id := range e.Alternatives {
		if alt, ok := s.cat.Exercise(id); ok {
			d.Alternatives = append(d.Alternatives, alt)
		}
	}
	for _, other := range s.cat.Exercises("") {
		if slices.Contains(other.Alternatives, e.ID) {
			d.Replaces = append(d.Replaces, other)
		}
	}
	return s.render(w, r, http.StatusOK, "library_exercise", view{Title: e.Name, Nav: "exercises", Data: d})
}

// correctSubmit stores the user's correction of a name and re-classifies
// what they already logged under it.
func (s *Server) correctSubmit(w http.ResponseWriter, r *http.Request, c *call) error {
	name := strings.TrimSpace(r.PostFormValue("name"))
	back := safeNext(r.PostFormValue("back"))
	if back != "/exercises" && !strings.HasPrefix(back, "/exercises?") {
		back = "/exercises"
	}
	o, ex, err := s.libReadCorrection(name, r.PostFormValue("class"), strings.TrimSpace(r.PostFormValue("exercise")))
	var changed int
	if err == nil {
		changed, err = s.db.SaveOverride(r.Context(), c.subject.ID, o, catalog.NameKey)
	}
	if err != nil {
		q, _ := url.ParseQuery(strings.TrimPrefix(strings.TrimPrefix(back, "/exercises"), "?"))
		data, derr := s.libraryData(r.Context(), c.subject, q)
		if derr != nil && backload.ErrorCode(derr) != backload.EINVALID {
			return derr
		}
		s.libOpenForm(&data, name)
		return s.formError(w, r, "library", view{Title: "Exercises", Nav: "exercises", Data: data}, err)
	}
	what := o.Class.Label()
	if ex.ID != "" {
		what = fmt.Sprintf("%s (%s)", ex.Name, o.Class.Label())
	}
	msg := fmt.Sprintf("Saved. From now on “%s” counts as %s, and flare days adapt it that way.", name, what)
	switch changed {
	case 0:
	case 1:
		msg += " 1 entry in your log was updated."
	default:
		msg += fmt.Sprintf(" %d entries in your log were updated.", changed)
	}
	return redirect(w, r, back, msg)
}

// libReadCorrection checks a submitted correction. A chosen exercise, by its
// name or id, gives its class; else the class is required.
func (s *Server) libReadCorrection(name, class, exercise string) (sqlstore.Override, backload.Exercise, error) {
	var ex backload.Exercise
	switch {
	case name == "":
		return sqlstore.Override{}, ex, backload.FieldErrorf("name", "is required: the exercise name to correct")
	case len(name) > 200:
		return sqlstore.Override{}, ex, backload.FieldErrorf("name", "must be at most 200 characters")
	}
	o := sqlstore.Override{NameKey: catalog.NameKey(name)}
	if o.NameKey == "" {
		return o, ex, backload.FieldErrorf("name", "has no words Backload can recognise it by")
	}
	if exercise != "" {
		found, ok := s.cat.Exercise(exercise)
		if !ok {
			if cl := s.cat.Classify(exercise); cl.Source == backload.FromCatalog {
				found, ok = s.cat.Exercise(cl.ExerciseID)
			}
		}
		if !ok {
			return o, ex, backload.FieldErrorf("exercise", "“%s” is not in the library: pick a name from the list, or leave it empty and choose a class", exercise)
		}
		o.Class, o.ExerciseID = found.Class, found.ID
		return o, found, nil
	}
	cl, err := backload.ParseClass(class)
	if err != nil {
		return o, ex, backload.FieldErrorf("class", "choose what kind of exercise “%s” is", name)
	}
	o.Class = cl
	return o, ex, nil
}

// libOpenForm opens the correction form of name after an error in it.
func (s *Server) libOpenForm(d *libraryData, name string) {
	if d.Names == nil {
		d.Names = s.libNames()
	}
	for i := range d.Yours {
		if d.Yours[i].Input == name || slices.Contains(d.Yours[i].Also, name) {
			d.Yours[i].Open = true
			return
		}
	}
	if d.Reading != nil && d.Reading.Input == name {
		d.Reading.Open = true
		return
	}
	// A name from elsewhere (an old page): show its form on its own.
	d.Reading = &libName{Input: name, Class: backload.Other, Source: backload.Inferred, Ref: "q", Open: true,
		Back: "/exercises", Classes: backload.Classes}
}

// libPartial writes one named template of a page, for htmx to swap in.
func (s *Server) libPartial(w http.ResponseWriter, r *http.Request, pageName, name string, v view) error {
	tmpl, ok := s.tmpl.pages[pageName]
	if !ok {
		return fmt.Errorf("web: no page %q", pageName)
	}
	v.Request = r
	var buf bytes.Buffer
	if err := tmpl.ExecuteTemplate(&buf, name, v); err != nil {
		return err
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.Header().Set("Cache-Control", "no-store")
	w.Header().Set("Vary", "HX-Request")
	_, err := w.Write(buf.Bytes())
	return err
}

// libSearch lists the catalog exercises of class (all when empty)
// whose name, aliases or equipment have every word of q (each may be the
// start of a word, for typing). The exercise the name q matches comes
// first, then those whose own name matches, then those matched by an alias.
// named reports whether any exercise matched by its name.
func (s *Server) libSearch(q string, class backload.Class, best string) (list []libraryResult, named bool) {
	idx := libSearchIndex(s.cat)
	raw := libWords(q)
	normal := strings.Fields(catalog.NameKey(q))
	var ranked [3][]libraryResult
	for _, e := range s.cat.Exercises(class) {
		rank := 0
		if e.ID != best || best == "" {
			ent := idx[e.ID]
			switch {
			case len(raw) == 0:
				rank = 1
			case libHasAll(ent.name, raw) || libHasAll(ent.name, normal):
				rank = 1
			case libHasAll(ent.all, raw) || libHasAll(ent.all, normal):
				rank = 2
			default:
				continue
			}
		}
		ranked[rank] = append(ranked[rank], libraryResult{ID: e.ID, Name: e.Name, Kit: libEquipment(e.Equipment), Class: e.Class})
	}
	return slices.Concat(ranked[0], ranked[1], ranked[2]), len(raw) > 0 && len(ranked[0])+len(ranked[1]) > 0
}

// libSearchEntry holds an exercise's words: of its name, and of its name,
// aliases and equipment together, both as written and as the matcher's key.
type libSearchEntry struct{ name, all []string }

var libSearchIndexes sync.Map // *catalog.Catalog -> map[string]libSearchEntry

func libSearchIndex(cat *catalog.Catalog) map[string]libSearchEntry {
	if idx, ok := libSearchIndexes.Load(cat); ok {
		return idx.(map[string]libSearchEntry)
	}
	idx := map[string]libSearchEntry{}
	for _, e := range cat.Exercises("") {
		name := append(libWords(e.Name), strings.Fields(catalog.NameKey(e.Name))...)
		all := slices.Clone(name)
		all = append(all, libWords(e.Equipment)...)
		for _, a := range e.Aliases {
			all = append(all, libWords(a)...)
			all = append(all, strings.Fields(catalog.NameKey(a))...)
		}
		slices.Sort(all)
		idx[e.ID] = libSearchEntry{name: slices.Compact(name), all: slices.Compact(all)}
	}
	libSearchIndexes.Store(cat, idx)
	return idx
}

// libWords splits text into lowercase words of letters and digits.
func libWords(s string) []string {
	return strings.FieldsFunc(strings.ToLower(s), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r)
	})
}

// libHasAll reports whether every query word starts one of the words.
func libHasAll(words, query []string) bool {
	if len(query) == 0 {
		return false
	}
	for _, q := range query {
		found := false
		for _, w := range words {
			if strings.HasPrefix(w, q) {
				found = true
				break
			}
		}
		if !found {
			return false
		}
	}
	return true
}

// libClassWhat says in a few words what belongs in a class.
func libClassWhat(c backload.Class) string {
	switch c {
	case backload.SpinalHeavy:
		return "Your back holds a heavy free weight while you lift: barbell squats, deadlifts, unsupported barbell rows, Olympic lifts."
	case backload.LoadedFlexion:
		return "Your spine bends forward or curls while it carries a load: good mornings, weighted sit-ups, cable crunches."
	case backload.SpineNeutralLower:
		return "Legs and hips do the work while your back is supported or only lightly loaded: leg press, split squats, hip thrusts."
	case backload.CoreEndurance:
		return "Low-load holds that teach your trunk to stay steady: planks, side planks, bird dogs, dead bugs."
	case backload.UpperBody:
		return "Presses, pulls, shoulders and arms, with little load on your lower back."
	case backload.Other:
		return "Cardio, mobility, stretching and jumps."
	}
	return ""
}

// libFlareMeaning says what a flare day does to an exercise of the class,
// with the numbers of the policy the rules use.
func libFlareMeaning(c backload.Class, p backload.Policy) string {
	switch c {
	case backload.SpinalHeavy:
		return fmt.Sprintf("On a flare day you still do this lift, so the movement stays familiar, but lighter: "+
			"at most %s of the planned weight on an amber day and %s on a red day, with a cap on how hard you push.",
			libPercent(p.AmberSpinalWeight), libPercent(p.RedSpinalWeight))
	case backload.LoadedFlexion:
		return "On a flare day Backload swaps this for an exercise that trains the same muscles with your spine kept neutral, " +
			"or leaves it out when nothing fits."
	case backload.SpineNeutralLower:
		return fmt.Sprintf("On a flare day this stays in your session: it is where your leg training carries on while your back settles. "+
			"Even on a red day it keeps at least %s of the planned weight.", libPercent(p.RedSpineNeutralFloor))
	case backload.CoreEndurance:
		return fmt.Sprintf("On a flare day this stays, and Backload adds short holds like it when your session has fewer than %d.",
			p.MinCoreItems)
	case backload.UpperBody:
		return "On a flare day this stays as planned: it asks little of your lower back."
	case backload.Other:
		return "On a flare day easy cardio and mobility stay; on a red day jumps and other high-impact work come out."
	}
	return ""
}

func libPercent(f float64) string { return fmt.Sprintf("%d%%", int(math.Round(f*100))) }

// libEquipment writes a catalog equipment slug for people.
func libEquipment(e string) string {
	switch e {
	case "":
		return ""
	case "ez-bar":
		return "EZ bar"
	case "smith-machine":
		return "Smith machine"
	}
	w := strings.ReplaceAll(e, "-", " ")
	return strings.ToUpper(w[:1]) + w[1:]
}

// libMeasure says how a set of the exercise is recorded.
func libMeasure(m backload.Measure) string {
	switch m {
	case backload.Hold:
		return "Timed holds"
	case backload.Duration:
		return "Time and distance"
	}
	return "Sets of repetitions"
}
