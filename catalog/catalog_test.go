package catalog

import (
	"encoding/json"
	"slices"
	"strings"
	"testing"

	"github.com/backload/backload"
)

// TestDataWellFormed loads the embedded data and reports every problem:
// unknown classes, equipment or patterns, duplicate ids or aliases, missing
// instructions, alternatives that do not exist or load the spine.
func TestDataWellFormed(t *testing.T) {
	c, err := Load(dataFS)
	if err != nil {
		for _, line := range strings.Split(err.Error(), "\n") {
			t.Error(line)
		}
		t.FailNow()
	}
	if c.Len() < 250 {
		t.Errorf("catalog has %d exercises, want at least 250", c.Len())
	}
	for _, class := range backload.Classes {
		if n := len(c.Exercises(class)); n == 0 {
			t.Errorf("no %s exercises", class)
		}
	}
}

// compatible lists, for each movement role, the roles a spine-neutral
// alternative may have: a squat's are squats or leg presses, a hinge's are
// hinges or bridges, a row's are supported rows.
var compatible = map[backload.Pattern][]backload.Pattern{
	backload.Squat:          {backload.Squat, backload.Lunge},
	backload.Lunge:          {backload.Lunge, backload.Squat},
	backload.Hinge:          {backload.Hinge},
	backload.HorizontalPull: {backload.HorizontalPull},
	backload.FullBody:       {backload.Hinge, backload.Squat, backload.FullBody},
	backload.Carry:          {backload.Carry, backload.Trunk},
	backload.Trunk:          {backload.Trunk},
	backload.VerticalPush:   {backload.VerticalPush},
}

func TestDataAlternativesKeepTheRole(t *testing.T) {
	c := Default()
	for _, e := range c.exercises {
		if !e.Class.LoadsSpine() {
			continue
		}
		want, ok := compatible[e.Pattern]
		if !ok {
			t.Errorf("%s: pattern %s has no alternative roles defined", e.ID, e.Pattern)
			continue
		}
		first, _ := c.Exercise(e.Alternatives[0])
		if !slices.Contains(want, first.Pattern) {
			t.Errorf("%s (%s): first alternative %s is a %s", e.ID, e.Pattern, first.ID, first.Pattern)
		}
	}
}

func TestDataBorderlineDecisionsAreRecorded(t *testing.T) {
	c := Default()
	// Each of these was decided on purpose (domain.md section 2); the
	// decision and its reason live in the data.
	for id, class := range map[string]backload.Class{
		"barbell-overhead-press":       backload.UpperBody,
		"one-arm-dumbbell-row":         backload.UpperBody,
		"hack-squat-machine":           backload.SpineNeutralLower,
		"kettlebell-swing":             backload.SpineNeutralLower,
		"suitcase-carry":               backload.CoreEndurance,
		"barbell-hip-thrust":           backload.SpineNeutralLower,
		"chest-supported-dumbbell-row": backload.UpperBody,
	} {
		e, ok := c.Exercise(id)
		if !ok {
			t.Errorf("%s: missing", id)
			continue
		}
		if e.Class != class {
			t.Errorf("%s: class %s, want %s", id, e.Class, class)
		}
	}
	var withRationale int
	for _, e := range c.exercises {
		if e.Rationale != "" {
			withRationale++
		}
	}
	if withRationale < 10 {
		t.Errorf("%d exercises record a rationale, want the borderline ones (at least 10)", withRationale)
	}
}

func TestDataEveryAliasFindsItsExercise(t *testing.T) {
	c := Default()
	for _, e := range c.exercises {
		for _, name := range c.names(e) {
			got := c.Classify(name)
			if got.ExerciseID != e.ID {
				t.Errorf("Classify(%q) = %q, want %q", name, got.ExerciseID, e.ID)
			}
		}
	}
}

func TestDataFallbackAlternativesExist(t *testing.T) {
	c := Default()
	for p, ids := range fallbackAlternatives {
		for _, id := range ids {
			e, ok := c.Exercise(id)
			if !ok {
				t.Errorf("fallback alternative %s for %s is not in the catalog", id, p)
				continue
			}
			if e.Class.LoadsSpine() {
				t.Errorf("fallback alternative %s for %s is %s", id, p, e.Class)
			}
		}
	}
}

func TestClassify(t *testing.T) {
	c := Default()
	tests := []struct {
		name     string
		exercise string
		class    backload.Class
	}{
		{"Squat (Barbell)", "barbell-back-squat", backload.SpinalHeavy},
		{"Barbell Squat", "barbell-back-squat", backload.SpinalHeavy},
		{"barbell squats  ", "barbell-back-squat", backload.SpinalHeavy},
		{"SQUAT (BARBELL)", "barbell-back-squat", backload.SpinalHeavy},
		{"Squat (Barbell, Low Bar)", "barbell-back-squat", backload.SpinalHeavy},
		{"Paused Squat (Barbell)", "barbell-back-squat", backload.SpinalHeavy},
		{"Deadlift (Barbell)", "barbell-deadlift", backload.SpinalHeavy},
		{"Deadlift", "barbell-deadlift", backload.SpinalHeavy},
		{"Trap Bar DL", "trap-bar-deadlift", backload.SpinalHeavy},
		{"Hex Bar Deadlift", "trap-bar-deadlift", backload.SpinalHeavy},
		{"Bent Over Row (Barbell)", "barbell-bent-over-row", backload.SpinalHeavy},
		{"Power Clean", "power-clean", backload.SpinalHeavy},
		{"Good Morning (Barbell)", "barbell-good-morning", backload.LoadedFlexion},
		{"Cable Crunch", "cable-crunch", backload.LoadedFlexion},
		{"Leg Press", "leg-press", backload.SpineNeutralLower},
		{"Goblet Squat (Kettlebell)", "goblet-squat", backload.SpineNeutralLower},
		{"Hip Thrust (Barbell)", "barbell-hip-thrust", backload.SpineNeutralLower},
		{"KB Swings", "kettlebell-swing", backload.SpineNeutralLower},
		{"Plank", "front-plank", backload.CoreEndurance},
		{"Bird-Dogs", "bird-dog", backload.CoreEndurance},
		{"Dead Bug", "dead-bug", backload.CoreEndurance},
		{"Bench Press (Barbell)", "barbell-bench-press", backload.UpperBody},
		{"Lat Pulldown (Cable)", "lat-pulldown", backload.UpperBody},
		{"Running", "running", backload.Other},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got := c.Classify(tc.name)
			if got.ExerciseID != tc.exercise || got.Class != tc.class || got.Source != backload.FromCatalog {
				t.Errorf("Classify(%q) = %s %s %s, want %s %s catalog", tc.name, got.ExerciseID, got.Class, got.Source, tc.exercise, tc.class)
			}
			if got.Input != tc.name {
				t.Errorf("Input = %q, want the name as given", got.Input)
			}
		})
	}
}

func TestClassifyEquipmentDecides(t *testing.T) {
	c := Default()
	barbell := c.Classify("Deadlift (Barbell)")
	dumbbell := c.Classify("Deadlift (Dumbbell)")
	if barbell.Class != backload.SpinalHeavy || dumbbell.Class != backload.SpineNeutralLower {
		t.Errorf("deadlift: barbell %s, dumbbell %s; want spinal-heavy, spine-neutral-lower", barbell.Class, dumbbell.Class)
	}
	if dumbbell.ExerciseID == barbell.ExerciseID {
		t.Errorf("dumbbell deadlift matched the barbell deadlift %s", barbell.ExerciseID)
	}
}

func TestClassifyInferred(t *testing.T) {
	c := Default()
	for _, tc := range []struct {
		name  string
		class backload.Class
	}{
		{"Zombie Squat (Barbell)", backload.SpinalHeavy},
		{"Zumba", backload.Other},
		{"", backload.Other},
		{"💪💪💪", backload.Other},
		{strings.Repeat("x", 10000), backload.Other},
		{"\xff\xfe invalid utf8", backload.Other},
	} {
		got := c.Classify(tc.name)
		if got.Source != backload.Inferred || got.ExerciseID != "" || got.Class != tc.class {
			t.Errorf("Classify(%.20q) = %q %s %s, want inferred %s", tc.name, got.ExerciseID, got.Class, got.Source, tc.class)
		}
		if got.Name != strings.TrimSpace(tc.name) {
			t.Errorf("Classify(%.20q).Name = %.20q, want the input", tc.name, got.Name)
		}
		if got.Class.LoadsSpine() && len(got.Alternatives) == 0 {
			t.Errorf("Classify(%q): inferred %s with no alternatives", tc.name, got.Class)
		}
	}
}

// TestClassificationJSON pins the keys of `backload classify --json`, a
// contract other tools read.
func TestClassificationJSON(t *testing.T) {
	raw, err := json.Marshal(Default().Classify("Zumba"))
	if err != nil {
		t.Fatal(err)
	}
	var m map[string]any
	if err := json.Unmarshal(raw, &m); err != nil {
		t.Fatal(err)
	}
	var keys []string
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	want := []string{"alternatives", "class", "exercise", "input", "name", "source"}
	if !slices.Equal(keys, want) {
		t.Errorf("keys = %v, want %v", keys, want)
	}
	if string(mustJSON(t, m["alternatives"])) != "[]" {
		t.Errorf("alternatives = %v, want an empty array, not null", m["alternatives"])
	}
}

func mustJSON(t *testing.T, v any) []byte {
	t.Helper()
	b, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	return b
}
