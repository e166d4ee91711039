package backload

import (
	"time"
)

// SetKind says what a set was for. Only working sets count towards working
// weights and the return ramp; every kind counts towards volume and spinal
// load.
type SetKind string

// The set kinds. The slugs are part of the export format.
const (
	WarmUp  SetKind = "warmup"
	Working SetKind = "working"
	Drop    SetKind = "drop"
	Failure SetKind = "failure"
)

// Valid reports whether k is one of the four kinds.
func (k SetKind) Valid() bool { return k == WarmUp || k == Working || k == Drop || k == Failure }

// Set is one set as it was done. Weights are stored in kilograms whatever
// the lifter entered; Unit remembers what they entered so a pound user sees
// pounds.
type Set struct {
	Kind     SetKind `json:"kind"`
	WeightKg float64 `json:"weight_kg"`
	Reps     int     `json:"reps"`
	// RPE is the rating of perceived exertion, 1 to 10 in half steps; 0 when
	// not recorded.
	RPE       float64 `json:"rpe"`
	Seconds   int     `json:"seconds"`
	DistanceM float64 `json:"distance_m"`
	Unit      Unit    `json:"unit,omitempty"`
	Notes     string  `json:"notes,omitempty"`
}

// Volume is weight times repetitions, in kilograms.
func (s Set) Volume() float64 { return s.WeightKg * float64(s.Reps) }

// ExerciseLog is one exercise within a session, with its sets in order.
type ExerciseLog struct {
	// Input is the name as the lifter or their app wrote it.
	Input string `json:"input"`
	// ExerciseID is the catalog slug, empty when the class was inferred.
	ExerciseID string `json:"exercise"`
	Class      Class  `json:"class"`
	Notes      string `json:"notes,omitempty"`
	Sets       []Set  `json:"sets"`
}

// Session is one workout: its start time and title identify it, not its date
// alone, since people train twice a day.
type Session struct {
	ID        int64     `json:"id,omitempty"`
	StartedAt time.Time `json:"started_at"`
	Title     string    `json:"title"`
	// Source is where the session came from: strong, hevy, fitnotes,
	// backload (a re-imported export), log (typed at the command line), api,
	// web or guided (a guided core session).
	Source      string        `json:"source"`
	Notes       string        `json:"notes"`
	DurationSec int           `json:"duration_s,omitempty"`
	Exercises   []ExerciseLog `json:"exercises"`
}

// SetCount returns the number of sets in the session, and how many of them
// are warm-ups.
func (s Session) SetCount() (sets, warmups int) {
	for _, e := range s.Exercises {
		for _, x := range e.Sets {
			sets++
			if x.Kind == WarmUp {
				warmups++
			}
		}
	}
	return sets, warmups
}

// DailyCheckIn is a check-in as stored: one a day, on the lifter's local
// date. The weekly trend is computed from the stored days, not asked.
type DailyCheckIn struct {
	Date string `json:"date"` // YYYY-MM-DD in the lifter's time zone
	CheckIn
	Note string `json:"note,omitempty"`
}
