package report

import (
	"time"

	"github.com/backload/backload"
)

// ExerciseRow is one exercise of one session, condensed: the columns of the
// store's exercise_logs table, which holds each exercise's
// backload.ExerciseSummary. Several rows may share a day and an exercise
// (two sessions a day, or a row per session); every measure handles that.
type ExerciseRow struct {
	// Day is the lifter's local date of the session, best given as
	// midnight UTC.
	Day   time.Time
	Class backload.Class
	// ExerciseID is the catalog slug, empty when the class was inferred
	// from the name; Input is the name as the lifter logged it.
	ExerciseID, Input string
	Sets              int
	WorkingSets       int
	Reps              int
	// VolumeKg is weight × reps over every set; WorkingVolumeKg over the
	// working sets only.
	VolumeKg        float64
	WorkingVolumeKg float64
	// TopWorkingKg is the heaviest working set's weight.
	TopWorkingKg float64
	// BestE1RMKg is the best estimated one-repetition maximum (an
	// estimate; see backload.ExerciseSummary), 0 when no set qualified.
	BestE1RMKg   float64
	LongestHoldS int
}

// LiftKey names the lift a row belongs to: its catalog slug, or the name as
// logged when no catalog exercise matched. E1RM, PreFlareVsNow and
// MainLifts identify lifts by it.
func LiftKey(row ExerciseRow) string {
	if row.ExerciseID != "" {
		return row.ExerciseID
	}
	return row.Input
}

// numClasses is len(backload.Classes); arrays indexed by class need it as a
// constant.
const numClasses = 6

// classIndex is c's position in backload.Classes. A class the domain does
// not know counts as Other, so the classes always add up to the total.
func classIndex(c backload.Class) int {
	switch c {
	case backload.SpinalHeavy:
		return 0
	case backload.LoadedFlexion:
		return 1
	case backload.SpineNeutralLower:
		return 2
	case backload.CoreEndurance:
		return 3
	case backload.UpperBody:
		return 4
	}
	return 5
}
