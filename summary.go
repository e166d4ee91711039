package backload

import "math"

// ExerciseSummary condenses an exercise's sets into the figures that
// history and progress need: they are computed once, when the sets are
// written, so charts over years of training never revisit every set.
type ExerciseSummary struct {
	Sets        int
	WarmUps     int
	WorkingSets int
	Reps        int
	// VolumeKg is weight times reps over every set; WorkingVolumeKg over the
	// working sets only.
	VolumeKg        float64
	WorkingVolumeKg float64
	// TopWorkingKg is the heaviest working set's weight, TopWorkingReps its
	// repetitions (the most, where several sets share the weight).
	TopWorkingKg   float64
	TopWorkingReps int
	// BestE1RMKg is the best estimated one-repetition maximum (Epley) over
	// working and failure sets of at most Policy.E1RMMaxReps repetitions; 0
	// when no set qualifies. It is an estimate and is labelled so.
	BestE1RMKg float64
	// LongestHoldS is the longest timed set, in seconds.
	LongestHoldS int
	Seconds      int
}

// Summary works out the exercise's summary under policy p.
func (e ExerciseLog) Summary(p Policy) ExerciseSummary {
	var s ExerciseSummary
	for _, x := range e.Sets {
		s.Sets++
		s.Reps += x.Reps
		s.Seconds += x.Seconds
		s.VolumeKg += x.Volume()
		s.LongestHoldS = max(s.LongestHoldS, x.Seconds)
		switch x.Kind {
		case WarmUp:
			s.WarmUps++
			continue
		case Working:
			s.WorkingSets++
			s.WorkingVolumeKg += x.Volume()
			if x.WeightKg > s.TopWorkingKg || x.WeightKg == s.TopWorkingKg && x.Reps > s.TopWorkingReps {
				s.TopWorkingKg, s.TopWorkingReps = x.WeightKg, x.Reps
			}
		}
		if x.Kind != Drop && x.Reps > 0 && x.Reps <= p.E1RMMaxReps {
			s.BestE1RMKg = math.Max(s.BestE1RMKg, Epley(x.WeightKg, x.Reps))
		}
	}
	s.VolumeKg = cleanWeight(s.VolumeKg)
	s.WorkingVolumeKg = cleanWeight(s.WorkingVolumeKg)
	s.BestE1RMKg = math.Round(s.BestE1RMKg*100) / 100
	return s
}

// Epley estimates a one-repetition maximum from a set: w × (1 + reps/30).
// A single is its own maximum.
func Epley(w float64, reps int) float64 {
	if reps <= 1 {
		return w
	}
	return w * (1 + float64(reps)/30)
}

// Brzycki estimates a one-repetition maximum from a set: w × 36 / (37 − reps),
// for reps below 37.
func Brzycki(w float64, reps int) float64 {
	if reps <= 1 || reps >= 37 {
		return w
	}
	return w * 36 / float64(37-reps)
}
