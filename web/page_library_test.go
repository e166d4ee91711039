package web

import (
	"context"
	"encoding/json"
	"net/url"
	"strings"
	"testing"

	"github.com/backload/backload"
	"github.com/backload/backload/catalog"
)

// libSession logs a session with an inferred name and a catalog name.
const libSession = `{"started_at": "2026-11-20T07:00:00Z", "title": "Legs", "notes": "",
	"exercises": [{"input": "Zercher Walkout", "sets": [{"kind": "working", "weight_kg": 80, "reps": 5}]},
	{"input": "zercher walkouts", "sets": [{"kind": "working", "weight_kg": 80, "reps": 5}]},
	{"input": "Squat (Barbell)", "sets": [{"kind": "working", "weight_kg": 100, "reps": 5}]}]}`

func libClasses(t *testing.T, c *client) map[string]string {
	t.Helper()
	status, body := c.do("GET", "/api/v1/sessions", nil)
	if status != 200 {
		t.Fatalf("sessions: %d %s", status, body)
	}
	var out struct{ Sessions []backload.Session }
	json.Unmarshal(body, &out)
	got := map[string]string{}
	for _, s := range out.Sessions {
		for _, e := range s.Exercises {
			got[e.Input] = string(e.Class) + "/" + e.ExerciseID
		}
	}
	return got
}

func TestLibraryPages(t *testing.T) {
	ts := newTestServer(t)
	a := ts.signUp(t, "lib-a@example.com", backload.Lifter)
	b := ts.signUp(t, "lib-b@example.com", backload.Lifter)
	for _, c := range []*client{a, b} {
		if status, body := c.do("POST", "/api/v1/sessions", libSession); status != 201 {
			t.Fatalf("session: %d %s", status, body)
		}
	}
	if cl := catalog.Default().Classify("Zercher Walkout"); cl.Source != backload.Inferred {
		t.Fatalf("test name is no longer inferred: %+v", cl)
	}

	t.Run("List", func(t *testing.T) {
		status, body := a.getPage("/exercises")
		if status != 200 {
			t.Fatalf("GET /exercises: %d %s", status, body)
		}
		for _, want := range []string{`data-testid="library-search"`, `data-testid="correction-form"`, "Names from your log",
			"Zercher Walkout", "Is this right?", `aria-current="page"`, `<label for="q">`, "library.", `list="library-names"`} {
			if !strings.Contains(body, want) {
				t.Errorf("library page lacks %q", want)
			}
		}
		if strings.Count(body, `data-testid="your-name"`) != 1 || !strings.Contains(body, "Also logged as “zercher walkouts”") {
			t.Error("two spellings of one name are not listed as one")
		}
		if strings.Contains(body, "Squat (Barbell)</strong>") {
			t.Error("a catalog name is listed among the guessed names")
		}
		if n := strings.Count(body, `data-testid="library-result"`); n != catalog.Default().Len() {
			t.Errorf("%d results, want the whole catalog (%d)", n, catalog.Default().Len())
		}
	})

	t.Run("Search", func(t *testing.T) {
		status, body := a.getPage("/exercises?q=goblet")
		if status != 200 || !strings.Contains(body, "/exercises/goblet-squat") {
			t.Fatalf("search goblet: %d", status)
		}
		first := body[strings.Index(body, `data-testid="library-result"`):]
		if !strings.Contains(first[:300], "goblet-squat") {
			t.Errorf("the exercise the name matches is not first: %s", first[:300])
		}
		_, body = a.getPage("/exercises?q=goblet+squat")
		if !strings.Contains(body, `It matches <a href="/exercises/goblet-squat">`) {
			t.Error("no reading of the searched name")
		}
		_, body = a.getPage("/exercises?q=bb+squat")
		if !strings.Contains(body, "/exercises/barbell-back-squat") {
			t.Error("abbreviations are not searched")
		}
		_, body = a.getPage("/exercises?q=gob")
		if strings.Contains(body, `data-testid="library-reading"`) {
			t.Error("a partly typed search offers to correct it as a name")
		}
		_, body = a.getPage("/exercises?q=blorp+frobnicator")
		if !strings.Contains(body, "0 exercises match") || !strings.Contains(body, "Not in the library") {
			t.Error("an unknown name is not shown as inferred")
		}
	})

	t.Run("ClassFilter", func(t *testing.T) {
		_, body := a.getPage("/exercises?class=spinal-heavy")
		want := len(catalog.Default().Exercises(backload.SpinalHeavy))
		if n := strings.Count(body, `data-testid="library-result"`); n != want {
			t.Errorf("spinal-heavy: %d results, want %d", n, want)
		}
		if strings.Contains(body, "lib-class-upper-body") {
			t.Error("the class filter lets other classes through")
		}
		status, body := a.getPage("/exercises?class=heavy-ish")
		if status != 400 || !strings.Contains(body, `role="alert"`) {
			t.Errorf("unknown class: %d", status)
		}
	})

	t.Run("Partial", func(t *testing.T) {
		status, body := a.getPage("/exercises?q=plank", "HX-Request", "true")
		if status != 200 || strings.Contains(body, "<html") || !strings.Contains(body, `data-testid="library-result"`) {
			t.Errorf("htmx partial: %d %.200s", status, body)
		}
	})

	t.Run("Detail", func(t *testing.T) {
		status, body := a.getPage("/exercises/barbell-back-squat")
		if status != 200 {
			t.Fatalf("detail: %d", status)
		}
		for _, want := range []string{`data-testid="exercise-detail"`, "Heavy spinal loading", "On a flare-up day", "70%",
			"/exercises/leg-press", "Alternatives that spare your back", "How to do it", "Also logged as"} {
			if !strings.Contains(body, want) {
				t.Errorf("detail lacks %q", want)
			}
		}
		if status, _ := a.getPage("/exercises/no-such-thing"); status != 404 {
			t.Errorf("unknown exercise: %d", status)
		}
	})

	t.Run("CorrectClass", func(t *testing.T) {
		status, body := a.postForm("/exercises/correct", url.Values{"name": {"Zercher Walkout"}, "class": {"spine-neutral-lower"},
			"back": {"/exercises?q=zercher"}})
		if status != 303 {
			t.Fatalf("correct: %d %s", status, body)
		}
		loc := a.header.Get("Location")
		if !strings.HasPrefix(loc, "/exercises?q=zercher&ok=") || !strings.Contains(loc, "2+entries") {
			t.Errorf("redirect to %q", loc)
		}
		got := libClasses(t, a)
		for _, in := range []string{"Zercher Walkout", "zercher walkouts"} {
			if got[in] != "spine-neutral-lower/" {
				t.Errorf("%s stored as %q after the correction", in, got[in])
			}
		}
		if got["Squat (Barbell)"] != "spinal-heavy/barbell-back-squat" {
			t.Errorf("another name changed: %q", got["Squat (Barbell)"])
		}
		if other := libClasses(t, b); other["Zercher Walkout"] == "spine-neutral-lower/" {
			t.Error("A's correction changed B's log")
		}
		cl := ts.srv.classifierFor(context.Background(), a.user.ID)("ZERCHER walkout")
		if cl.Class != backload.SpineNeutralLower || cl.Source != backload.FromUser {
			t.Errorf("classifierFor: %+v", cl)
		}
		if cl := ts.srv.classifierFor(context.Background(), b.user.ID)("Zercher Walkout"); cl.Source != backload.Inferred {
			t.Errorf("B's classifier: %+v", cl)
		}
		_, body = a.getPage("/exercises")
		if !strings.Contains(body, "You said this is <strong>Spine-neutral lower body</strong>") {
			t.Error("the corrected name is not shown as the user's")
		}
	})

	t.Run("CorrectExercise", func(t *testing.T) {
		status, body := a.postForm("/exercises/correct", url.Values{"name": {"Zercher Walkout"}, "class": {"other"},
			"exercise": {"Goblet Squat (Kettlebell)"}})
		if status != 303 || !strings.HasPrefix(a.header.Get("Location"), "/exercises?ok=") {
			t.Fatalf("correct with exercise: %d %s %s", status, a.header.Get("Location"), body)
		}
		if got := libClasses(t, a)["Zercher Walkout"]; got != "spine-neutral-lower/goblet-squat" {
			t.Errorf("stored as %q", got)
		}
		cl := ts.srv.classifierFor(context.Background(), a.user.ID)("Zercher Walkout")
		if cl.ExerciseID != "goblet-squat" || cl.Name != "Goblet Squat (Kettlebell)" {
			t.Errorf("classifierFor: %+v", cl)
		}
		// Still listed, now matched to a catalog exercise.
		_, body = a.getPage("/exercises")
		if !strings.Contains(body, `<a href="/exercises/goblet-squat">Goblet Squat (Kettlebell)</a>`) {
			t.Error("the corrected name lost its place in the list")
		}
	})

	t.Run("Confirm", func(t *testing.T) {
		status, _ := b.postForm("/exercises/correct", url.Values{"name": {"Zercher Walkout"}, "class": {"spinal-heavy"}})
		if status != 303 {
			t.Fatalf("confirm: %d", status)
		}
		if cl := ts.srv.classifierFor(context.Background(), b.user.ID)("Zercher Walkout"); cl.Source != backload.FromUser || cl.Class != backload.SpinalHeavy || len(cl.Alternatives) == 0 {
			t.Errorf("confirmed: %+v", cl)
		}
	})

	t.Run("Errors", func(t *testing.T) {
		for _, tc := range []struct {
			form  url.Values
			field string
		}{
			{url.Values{"class": {"other"}}, "name"},
			{url.Values{"name": {"..."}, "class": {"other"}}, "name"},
			{url.Values{"name": {"Zercher Walkout"}, "class": {"heavy"}}, "class"},
			{url.Values{"name": {"Zercher Walkout"}, "exercise": {"blorp frobnicator"}}, "exercise"},
		} {
			status, body := a.postForm("/exercises/correct", tc.form)
			if status != 400 || !strings.Contains(body, `id="form-error"`) || !strings.Contains(body, tc.field) {
				t.Errorf("%v: %d, want 400 naming %s", tc.form, status, tc.field)
			}
		}
		// An error re-opens the form it came from.
		_, body := a.postForm("/exercises/correct", url.Values{"name": {"Zercher Walkout"}, "exercise": {"blorp"}})
		if !strings.Contains(body, "<details open>") {
			t.Error("the form with the error is not open")
		}
		// An outside address to return to is ignored.
		a.postForm("/exercises/correct", url.Values{"name": {"Zercher Walkout"}, "class": {"other"}, "back": {"https://evil.example/"}})
		if loc := a.header.Get("Location"); !strings.HasPrefix(loc, "/exercises?ok=") {
			t.Errorf("redirect to %q", loc)
		}
	})

	t.Run("SignedOut", func(t *testing.T) {
		anon := ts.anonymous(t)
		if status, _ := anon.getPage("/exercises"); status != 303 || !strings.HasPrefix(anon.header.Get("Location"), "/login") {
			t.Errorf("signed out: %d %s", status, anon.header.Get("Location"))
		}
	})
}

func TestLibraryRanksNameMatchesFirst(t *testing.T) {
	ts := newTestServer(t)
	for _, q := range []string{"deadlift", "row", "plank"} {
		res, named := ts.srv.libSearch(q, "", "")
		if !named {
			t.Errorf("%s: no exercise matched by name", q)
		}
		if len(res) == 0 {
			t.Errorf("%s: nothing found", q)
			continue
		}
		if !strings.Contains(strings.ToLower(res[0].Name), q) {
			t.Errorf("%s: first result %q does not have it in its name", q, res[0].Name)
		}
	}
	if res, _ := ts.srv.libSearch("", backload.CoreEndurance, ""); len(res) != len(catalog.Default().Exercises(backload.CoreEndurance)) {
		t.Errorf("class alone: %d results", len(res))
	}
}
