package backload_test

import (
	"strings"

	"github.com/backload/backload"
)

// fakeCatalog is a small stand-in for the catalog package: a dozen or so
// exercises, matched by slug, name or alias ignoring case. An unknown name
// is inferred as class other, as the real catalog would mark it inferred.
type fakeCatalog struct {
	byID   map[string]backload.Exercise
	byName map[string]string
}

func newFakeCatalog() *fakeCatalog {
	exercises := []backload.Exercise{
		{ID: "barbell-back-squat", Name: "Barbell Back Squat", Class: backload.SpinalHeavy, Equipment: "barbell",
			Pattern: backload.Squat, Aliases: []string{"Squat (Barbell)", "Back Squat"},
			Alternatives: []string{"leg-press", "goblet-squat"}},
		{ID: "barbell-deadlift", Name: "Barbell Deadlift", Class: backload.SpinalHeavy, Equipment: "barbell",
			Pattern: backload.Hinge, Aliases: []string{"Deadlift (Barbell)", "Deadlift"},
			Alternatives: []string{"barbell-hip-thrust", "kettlebell-deadlift"}},
		{ID: "barbell-good-morning", Name: "Barbell Good Morning", Class: backload.LoadedFlexion, Equipment: "barbell",
			Pattern: backload.Hinge, Aliases: []string{"Good Morning (Barbell)", "Good Morning"},
			Alternatives: []string{"barbell-hip-thrust", "cable-pull-through"}},
		{ID: "cable-crunch", Name: "Cable Crunch", Class: backload.LoadedFlexion, Equipment: "cable",
			Pattern: backload.Trunk, Aliases: []string{"Cable Crunch", "Crunch (Cable)"},
			Alternatives: []string{"dead-bug", "pallof-press"}},
		{ID: "jefferson-curl", Name: "Jefferson Curl", Class: backload.LoadedFlexion, Equipment: "barbell",
			Pattern: backload.Hinge, Aliases: []string{"Jefferson Curl"},
			Alternatives: []string{"not-in-this-catalog", "barbell-back-squat"}},
		{ID: "leg-press", Name: "Leg Press", Class: backload.SpineNeutralLower, Equipment: "machine",
			Pattern: backload.Squat, Aliases: []string{"Leg Press (Machine)", "Leg Press"}},
		{ID: "barbell-hip-thrust", Name: "Barbell Hip Thrust", Class: backload.SpineNeutralLower,
			Equipment: "barbell", Pattern: backload.Hinge, Aliases: []string{"Hip Thrust (Barbell)"}},
		{ID: "mcgill-curl-up", Name: "McGill Curl-Up", Class: backload.CoreEndurance, Equipment: "bodyweight",
			Pattern: backload.Trunk, Aliases: []string{"Curl Up"}},
		{ID: "side-plank", Name: "Side Plank", Class: backload.CoreEndurance, Equipment: "bodyweight",
			Pattern: backload.Trunk, Measure: backload.Hold, Aliases: []string{"Side Plank", "Side Bridge"}},
		{ID: "bird-dog", Name: "Bird Dog", Class: backload.CoreEndurance, Equipment: "bodyweight",
			Pattern: backload.Trunk, Aliases: []string{"Bird Dog"}},
		{ID: "dead-bug", Name: "Dead Bug", Class: backload.CoreEndurance, Equipment: "bodyweight",
			Pattern: backload.Trunk, Aliases: []string{"Dead Bug"}},
		{ID: "front-plank", Name: "Front Plank", Class: backload.CoreEndurance, Equipment: "bodyweight",
			Pattern: backload.Trunk, Measure: backload.Hold, Aliases: []string{"Plank"}},
		{ID: "barbell-bench-press", Name: "Barbell Bench Press", Class: backload.UpperBody, Equipment: "barbell",
			Pattern: backload.HorizontalPush, Aliases: []string{"Bench Press (Barbell)", "Bench Press"}},
		{ID: "walking", Name: "Walking", Class: backload.Other, Equipment: "bodyweight",
			Pattern: backload.Cardio, Measure: backload.Duration, Aliases: []string{"Walk"}},
		{ID: "running", Name: "Running", Class: backload.Other, Equipment: "bodyweight",
			Pattern: backload.Cardio, Measure: backload.Duration, Aliases: []string{"Run"}},
		{ID: "hamstring-stretch", Name: "Hamstring Stretch", Class: backload.Other, Equipment: "bodyweight",
			Pattern: backload.Mobility, Measure: backload.Hold},
		{ID: "box-jump", Name: "Box Jump", Class: backload.Other, Equipment: "other",
			Pattern: backload.Plyometric, Aliases: []string{"Box Jump"}},
	}
	c := &fakeCatalog{byID: map[string]backload.Exercise{}, byName: map[string]string{}}
	for _, e := range exercises {
		c.byID[e.ID] = e
		for _, n := range append([]string{e.ID, e.Name}, e.Aliases...) {
			c.byName[strings.ToLower(n)] = e.ID
		}
	}
	return c
}

func (c *fakeCatalog) Classify(name string) backload.Classification {
	id, ok := c.byName[strings.ToLower(strings.TrimSpace(name))]
	if !ok {
		return backload.Classification{Input: name, Name: name, Class: backload.Other,
			Source: backload.Inferred, Alternatives: []string{}}
	}
	e := c.byID[id]
	return backload.Classification{Input: name, ExerciseID: e.ID, Name: e.Name, Class: e.Class,
		Source: backload.FromCatalog, Alternatives: e.Alternatives, Pattern: e.Pattern,
		Equipment: e.Equipment, Measure: e.Measure}
}

func (c *fakeCatalog) Exercise(id string) (backload.Exercise, bool) {
	e, ok := c.byID[id]
	return e, ok
}
