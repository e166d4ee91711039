package backload

// Pattern is the movement role of an exercise. A flare-up swap keeps the
// role: a hinge is replaced by a hinge or a bridge, a row by a supported row.
type Pattern string

// The movement patterns the catalog uses.
const (
	Squat          Pattern = "squat"
	Hinge          Pattern = "hinge"
	Lunge          Pattern = "lunge"
	HorizontalPush Pattern = "horizontal-push"
	VerticalPush   Pattern = "vertical-push"
	HorizontalPull Pattern = "horizontal-pull"
	VerticalPull   Pattern = "vertical-pull"
	Carry          Pattern = "carry"
	Trunk          Pattern = "trunk"
	Isolation      Pattern = "isolation"
	FullBody       Pattern = "full-body"
	Cardio         Pattern = "cardio"
	Plyometric     Pattern = "plyometric"
	Mobility       Pattern = "mobility"
)

// Patterns lists every movement pattern.
var Patterns = []Pattern{Squat, Hinge, Lunge, HorizontalPush, VerticalPush, HorizontalPull,
	VerticalPull, Carry, Trunk, Isolation, FullBody, Cardio, Plyometric, Mobility}

// Valid reports whether p is a known pattern.
func (p Pattern) Valid() bool {
	for _, k := range Patterns {
		if p == k {
			return true
		}
	}
	return false
}

// Measure says what a set of an exercise records besides its weight.
type Measure string

// The measures: repetitions (the default), timed holds, or time and distance
// for conditioning.
const (
	Reps     Measure = "reps"
	Hold     Measure = "hold"
	Duration Measure = "duration"
)

// Equipment names the catalog uses. The equipment is a strong signal: a
// barbell squat and a goblet squat load the back very differently.
var Equipment = []string{"barbell", "dumbbell", "kettlebell", "cable", "machine", "smith-machine",
	"bodyweight", "band", "trap-bar", "ez-bar", "plate", "sled", "other"}

// Exercise is one canonical exercise of the catalog.
type Exercise struct {
	// ID is the stable slug, such as "barbell-back-squat". It never changes
	// once published: stored sessions and API clients refer to it.
	ID        string   `json:"id"`
	Name      string   `json:"name"`
	Class     Class    `json:"class"`
	Equipment string   `json:"equipment"`
	Pattern   Pattern  `json:"pattern"`
	Measure   Measure  `json:"measure,omitempty"`
	Muscles   []string `json:"muscles"`
	// Instructions are short steps in plain words.
	Instructions []string `json:"instructions"`
	// Aliases are the names other apps and people use for the exercise.
	Aliases []string `json:"aliases"`
	// Alternatives are slugs of spine-neutral exercises of the same movement
	// role, best first. Every spinal-heavy and loaded-flexion exercise has at
	// least one.
	Alternatives []string `json:"alternatives,omitempty"`
	// Rationale records why a borderline exercise has its class.
	Rationale string `json:"rationale,omitempty"`
}

// Source says where a classification came from.
type Source string

// Sources of a classification.
const (
	// FromCatalog means the name matched a catalog exercise.
	FromCatalog Source = "catalog"
	// Inferred means no catalog exercise matched and rules over the name's
	// words decided the class; the user can confirm or correct it.
	Inferred Source = "inferred"
	// FromUser means the user corrected or confirmed the class.
	FromUser Source = "user"
)

// Classification is what Backload knows about a name as a user logged it.
type Classification struct {
	Input string `json:"input"`
	// ExerciseID is the catalog slug; empty when the class was inferred.
	ExerciseID string `json:"exercise"`
	// Name is the canonical display name, or the input when inferred.
	Name         string   `json:"name"`
	Class        Class    `json:"class"`
	Source       Source   `json:"source"`
	Alternatives []string `json:"alternatives"`

	Pattern   Pattern `json:"-"`
	Equipment string  `json:"-"`
	Measure   Measure `json:"-"`
}

// Catalog is what the rules need of the exercise catalog: to classify any
// name, and to look up an exercise (an alternative, a core exercise to add)
// by its slug. The catalog package implements it.
type Catalog interface {
	// Classify never fails: a name it cannot match is classified by rules
	// and marked Inferred.
	Classify(name string) Classification
	// Exercise returns the catalog exercise with the slug, and false when
	// there is none.
	Exercise(id string) (Exercise, bool)
}
