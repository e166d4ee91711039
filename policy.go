package backload

// Policy holds every threshold the rules use, each with its default and where
// the default comes from (shared/docs/domain.md sections 3 to 7). The rules
// read their numbers from here and nowhere else, so a clinician who disagrees
// with a default changes one field, not a scattering of literals.
//
// Obtain one from DefaultPolicy and change fields as needed; Validate checks
// that a changed policy still makes sense.
type Policy struct {
	// Zones (domain.md section 3), after the pain-monitoring model of
	// Thomeé 1997 and Silbernagel et al. 2007, extrapolated to backs.

	// GreenMaxPain is the highest pain now (0 to 10) of a green day.
	// Default 2.
	GreenMaxPain int
	// AmberMaxPain is the highest pain now of an amber day; anything above
	// is red. Default 5 (so red from 6).
	AmberMaxPain int
	// GreenMaxSessionPain is the highest worst-pain-during-last-session of a
	// green day. Default 3.
	GreenMaxSessionPain int
	// AmberMaxSessionPain is the highest last-session pain of an amber day;
	// anything above is red. Default 5 (the "up to 5/10" of Silbernagel).
	AmberMaxSessionPain int
	// AmberMorningWorse is the morning-after worsening, in points, from which
	// a day is at least amber. Default 1.
	AmberMorningWorse int
	// RedMorningWorse is the morning-after worsening from which a day is red.
	// Default 3. The morning-after response weighs most in the model, hence
	// the small margins.
	RedMorningWorse int
	// RisingTrend is the zone a rising weekly trend alone gives. Default
	// Amber (Silbernagel: pain must not rise week to week).
	RisingTrend Zone
	// RecoveryPain is the pain now from which a day is a recovery day: no
	// loaded lifts, only walking, gentle core endurance and mobility.
	// Default 8.
	RecoveryPain int

	// Flare-up adaptation (domain.md section 5).

	// AmberSpinalWeight caps a spinal-heavy lift's weight on an amber day,
	// as a fraction of planned. Default 0.70.
	AmberSpinalWeight float64
	// AmberSpinalSets caps a spinal-heavy lift's sets on an amber day, as a
	// fraction of planned (rounded down, at least one set). Default 1.0:
	// "sets at most planned".
	AmberSpinalSets float64
	// AmberSpinalRPE is the effort cap of a spinal-heavy lift on an amber
	// day. Default 6 (about four reps left in the tank).
	AmberSpinalRPE float64
	// RedSpinalWeight caps a spinal-heavy lift's weight on a red day, as a
	// fraction of planned. Domain.md gives a band of 50 to 60%; the default
	// is its top, 0.60, for two reasons. Rounding down to the plate step
	// already lands inside the band for any planned weight of ten plate
	// steps or more (one step lost is at most 10% of planned), so a lower
	// fraction would cut twice. And the return-to-load ramp starts at 60%
	// (RampStart), so the red-day weight and the first ramp week agree and
	// the lifter never meets a jump between them. Any lower weight is
	// always allowed: it is a cap.
	RedSpinalWeight float64
	// RedSpinalMaxSets caps a spinal-heavy lift's sets on a red day.
	// Default 3.
	RedSpinalMaxSets int
	// RedSpinalRPE is the effort cap of a spinal-heavy lift on a red day.
	// Default 5.
	RedSpinalRPE float64
	// RedSpineNeutralFloor is the least weight, as a fraction of planned, a
	// spine-neutral lower-body lift should keep on a red day. Default 0.80.
	// Adapt keeps the planned weight and names this floor in the reason, so
	// the lifter knows how far they may back off if it bothers them.
	RedSpineNeutralFloor float64
	// RedDropPatterns are the movement patterns of class other dropped on a
	// red day. Default: plyometrics (jumps and landings jolt the spine).
	RedDropPatterns []Pattern
	// SubstituteRPE is the effort guide for a swapped-in exercise whose
	// weight the lifter must choose. Default 7 (about three reps left): a
	// product choice, since the lifter may never have done the swap before.
	SubstituteRPE float64
	// MinCoreItems is how many core-endurance items an amber or red session
	// must end up with. Default 2.
	MinCoreItems int

	// Core endurance work (domain.md section 7, McGill's "Big 3" practice;
	// expert consensus, not trial-tested).

	// CoreSet lists the core exercises to add, by catalog slug, in order of
	// preference. Default: McGill curl-up, side plank, bird dog, dead bug,
	// front plank.
	CoreSet []string
	// CoreHoldSeconds is the length of one hold. Default 10 (domain.md: about
	// 8 to 10 seconds).
	CoreHoldSeconds int
	// CorePyramid is the number of holds in each round, descending.
	// Default 6, 4, 2. An item carries len(CorePyramid) sets and the first
	// round's count as its reps; its reason spells out the whole pyramid.
	CorePyramid []int

	// Recovery day (domain.md section 3: walking, gentle core endurance,
	// mobility).

	// RecoveryWalk is the catalog slug of the walk a recovery day adds.
	// Default "walking".
	RecoveryWalk string
	// RecoveryWalkSeconds is the walk's length. Default 1200 (20 minutes), a
	// product choice: long enough to ease stiffness, short enough for a bad
	// day.
	RecoveryWalkSeconds int
	// RecoveryCore lists the gentlest core exercises, by slug, for a
	// recovery day. Default McGill curl-up, bird dog, dead bug: the lowest
	// modelled lumbar compression of the core set (about 2,000 N for the
	// curl-up and 2,000 to 3,000 N for the bird dog).
	RecoveryCore []string
	// RecoveryMobility lists mobility exercises, by slug, in order of
	// preference; a recovery day adds the first the catalog has. Default
	// McGill's cat-camel (slow spine flexion and extension without load),
	// then hamstring stretch.
	RecoveryMobility []string
	// MobilitySets and MobilitySeconds dose the mobility item. Default 2
	// sets of 30 seconds, a product choice.
	MobilitySets    int
	MobilitySeconds int

	// Loading and input limits (domain.md section 5 and the issue).

	// DefaultPlateStepKg and DefaultPlateStepLb are the smallest weight
	// change a lifter can load when the request does not say. Defaults 2.5
	// kg and 5 lb (a pair of the smallest common plates).
	DefaultPlateStepKg float64
	DefaultPlateStepLb float64
	// AbsurdWeightKg is the heaviest weight accepted, in kg (converted for
	// lb). Default 1000: above any lift a person has made.
	AbsurdWeightKg float64
	// MaxSets, MaxReps and MaxSeconds bound a planned item so a typo cannot
	// turn into a nonsense plan. Defaults 50 sets, 1000 reps, 86400 seconds.
	MaxSets    int
	MaxReps    int
	MaxSeconds int
	// MaxSessionItems and MaxLifts bound the size of a request. Defaults 100
	// and 50.
	MaxSessionItems int
	MaxLifts        int

	// Return to previous loads (domain.md section 6).

	// RampStart is the highest start of the ramp, as a fraction of the
	// pre-flare working weight. Default 0.60 (Mannie and Lambrinides 2017).
	RampStart float64
	// RampStep is the largest weekly increase, as a fraction of the
	// pre-flare working weight. Default 0.10, a conservative convention,
	// not evidence.
	RampStep float64
	// RampTwoWeekCap is the largest increase across any two weeks, as a
	// fraction of the pre-flare working weight. Default 0.30 (Nielsen et al.
	// 2014 saw injuries rise above it in runners).
	RampTwoWeekCap float64
	// RampEarlySets is the fraction of planned sets (rounded up) a
	// back-loading lift does before its last RampFullSetsSteps steps.
	// Default 0.5 (the CSCCa/NSCA 2019 guidance cuts first-week volume by
	// 50%).
	RampEarlySets float64
	// RampFullSetsSteps is how many of the last steps use full sets.
	// Default 2.
	RampFullSetsSteps int
	// SpineNeutralLowerSteps is how many weekly steps a spine-neutral
	// lower-body lift takes back to its working weight. Default 2. Its ramp
	// starts at 1 - SpineNeutralLowerSteps×RampStep of the working weight
	// (80% by default, the red-day floor of section 5, so it picks up where
	// the flare left it) and keeps full sets, since its volume never left.
	SpineNeutralLowerSteps int
	// MaxRampResponses is how many weekly responses a ramp request may
	// carry. Default 52 (a year).
	MaxRampResponses int

	// Measures and history (domain.md sections 6 and 8).

	// E1RMMaxReps is the most repetitions a set may have for an estimated
	// one-repetition maximum to be worked out from it. Default 10: the Epley
	// and Brzycki formulas lose accuracy beyond that.
	E1RMMaxReps int
	// PreFlareLookback is how many days before a flare began the pre-flare
	// working weight is looked for. Default 28 (domain.md section 6: the
	// heaviest working set in the 4 weeks before the flare).
	PreFlareLookback int
	// SpikeRatio is the 7-day spinal load over the 28-day weekly average
	// above which a spike prompt is shown. Default 1.5. It prompts a look at
	// the ramp and never gates anything: the acute:chronic ratio does not
	// predict injury (Lolli 2019; Impellizzeri et al. 2021).
	SpikeRatio float64
	// ReturnSettledDays is how many latest check-ins must all be green or
	// amber for a flare to count as settled and the return ramp to begin.
	// Default 3, a product convention.
	ReturnSettledDays int
	// TrendDelta is how far, in points, the past week's average pain must
	// sit above (or below) the week before's for the weekly trend to count
	// as rising (or falling). Default 1.0, a product convention: smaller
	// moves are within day-to-day noise.
	TrendDelta float64
	// TrendMinCheckIns is how many check-ins each of the two weeks needs
	// before a trend is worked out at all. Default 2.
	TrendMinCheckIns int
	// FlareMemory is how many days back a red day still counts as the flare
	// a return ramp follows. Default 84 (12 weeks): a ramp takes at least 5
	// weeks and may be held back by amber and red weeks.
	FlareMemory int
}

// DefaultPolicy returns the default policy of domain.md sections 3 to 7. Each
// call returns fresh slices, so a caller may change its copy freely.
func DefaultPolicy() Policy {
	return Policy{
		GreenMaxPain:        2,
		AmberMaxPain:        5,
		GreenMaxSessionPain: 3,
		AmberMaxSessionPain: 5,
		AmberMorningWorse:   1,
		RedMorningWorse:     3,
		RisingTrend:         Amber,
		RecoveryPain:        8,

		AmberSpinalWeight:    0.70,
		AmberSpinalSets:      1.0,
		AmberSpinalRPE:       6,
		RedSpinalWeight:      0.60,
		RedSpinalMaxSets:     3,
		RedSpinalRPE:         5,
		RedSpineNeutralFloor: 0.80,
		RedDropPatterns:      []Pattern{Plyometric},
		SubstituteRPE:        7,
		MinCoreItems:         2,

		CoreSet:         []string{"mcgill-curl-up", "side-plank", "bird-dog", "dead-bug", "front-plank"},
		CoreHoldSeconds: 10,
		CorePyramid:     []int{6, 4, 2},

		RecoveryWalk:        "walking",
		RecoveryWalkSeconds: 1200,
		RecoveryCore:        []string{"mcgill-curl-up", "bird-dog", "dead-bug"},
		RecoveryMobility:    []string{"cat-camel", "hamstring-stretch"},
		MobilitySets:        2,
		MobilitySeconds:     30,

		DefaultPlateStepKg: 2.5,
		DefaultPlateStepLb: 5,
		AbsurdWeightKg:     1000,
		MaxSets:            50,
		MaxReps:            1000,
		MaxSeconds:         86400,
		MaxSessionItems:    100,
		MaxLifts:           50,

		RampStart:              0.60,
		RampStep:               0.10,
		RampTwoWeekCap:         0.30,
		RampEarlySets:          0.5,
		RampFullSetsSteps:      2,
		SpineNeutralLowerSteps: 2,
		MaxRampResponses:       52,

		E1RMMaxReps:       10,
		PreFlareLookback:  28,
		SpikeRatio:        1.5,
		ReturnSettledDays: 3,
		TrendDelta:        1.0,
		TrendMinCheckIns:  2,
		FlareMemory:       84,
	}
}
