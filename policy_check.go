package backload

// Validate reports the first field of p that would make the rules misbehave
// (a cap above 100%, an empty pyramid, a step of zero), as an EINVALID
// *Error whose field is "policy.<Name>". DefaultPolicy always passes. Adapt
// and Ramp call it, so a hand-edited policy fails loudly instead of giving
// odd advice.
func (p Policy) Validate() error {
	checks := []struct {
		ok    bool
		field string
		msg   string
	}{
		{0 <= p.GreenMaxPain && p.GreenMaxPain <= p.AmberMaxPain && p.AmberMaxPain <= painMax,
			"AmberMaxPain", "want 0 <= GreenMaxPain <= AmberMaxPain <= 10"},
		{0 <= p.GreenMaxSessionPain && p.GreenMaxSessionPain <= p.AmberMaxSessionPain && p.AmberMaxSessionPain <= painMax,
			"AmberMaxSessionPain", "want 0 <= GreenMaxSessionPain <= AmberMaxSessionPain <= 10"},
		{0 < p.AmberMorningWorse && p.AmberMorningWorse <= p.RedMorningWorse,
			"RedMorningWorse", "want 0 < AmberMorningWorse <= RedMorningWorse"},
		{p.RisingTrend.Valid(), "RisingTrend", "want green, amber or red"},
		{p.RecoveryPain > p.AmberMaxPain, "RecoveryPain", "must be above AmberMaxPain"},
		{0 < p.RedSpinalWeight && p.RedSpinalWeight <= p.AmberSpinalWeight && p.AmberSpinalWeight <= 1,
			"RedSpinalWeight", "want 0 < RedSpinalWeight <= AmberSpinalWeight <= 1"},
		{0 < p.AmberSpinalSets && p.AmberSpinalSets <= 1, "AmberSpinalSets", "want a fraction above 0, at most 1"},
		{p.RedSpinalMaxSets >= 1, "RedSpinalMaxSets", "must be at least 1"},
		{0 < p.RedSpinalRPE && p.RedSpinalRPE <= p.AmberSpinalRPE && p.AmberSpinalRPE <= rpeMax,
			"RedSpinalRPE", "want 0 < RedSpinalRPE <= AmberSpinalRPE <= 10"},
		{0 < p.SubstituteRPE && p.SubstituteRPE <= rpeMax, "SubstituteRPE", "want 0 < SubstituteRPE <= 10"},
		{0 <= p.RedSpineNeutralFloor && p.RedSpineNeutralFloor <= 1, "RedSpineNeutralFloor", "want a fraction from 0 to 1"},
		{p.MinCoreItems >= 0, "MinCoreItems", "must not be negative"},
		{p.CoreHoldSeconds > 0, "CoreHoldSeconds", "must be above 0"},
		{positiveInts(p.CorePyramid), "CorePyramid", "must list at least one round, each above 0"},
		{p.RecoveryWalkSeconds >= 0 && p.MobilitySets >= 0 && p.MobilitySeconds >= 0,
			"RecoveryWalkSeconds", "recovery doses must not be negative"},
		{p.DefaultPlateStepKg > 0 && p.DefaultPlateStepLb > 0, "DefaultPlateStepKg", "plate steps must be above 0"},
		{p.AbsurdWeightKg > 0, "AbsurdWeightKg", "must be above 0"},
		{p.MaxSets > 0 && p.MaxReps > 0 && p.MaxSeconds > 0 && p.MaxSessionItems > 0 && p.MaxLifts > 0,
			"MaxSets", "input limits must be above 0"},
		{0 < p.RampStart && p.RampStart <= 1, "RampStart", "want a fraction above 0, at most 1"},
		{0 < p.RampStep && p.RampStep <= 1, "RampStep", "want a fraction above 0, at most 1"},
		{p.RampTwoWeekCap >= p.RampStep, "RampTwoWeekCap", "must be at least RampStep"},
		{0 < p.RampEarlySets && p.RampEarlySets <= 1, "RampEarlySets", "want a fraction above 0, at most 1"},
		{p.RampFullSetsSteps >= 1, "RampFullSetsSteps", "must be at least 1"},
		{p.SpineNeutralLowerSteps >= 1, "SpineNeutralLowerSteps", "must be at least 1"},
		{p.MaxRampResponses >= 0, "MaxRampResponses", "must not be negative"},
		{p.E1RMMaxReps >= 1, "E1RMMaxReps", "must be at least 1"},
		{p.PreFlareLookback >= 1, "PreFlareLookback", "must be at least 1 day"},
		{p.SpikeRatio > 1, "SpikeRatio", "must be above 1"},
		{p.ReturnSettledDays >= 1, "ReturnSettledDays", "must be at least 1"},
		{p.TrendDelta > 0 && p.TrendMinCheckIns >= 1, "TrendDelta", "trend settings must be above 0"},
		{p.FlareMemory >= 7, "FlareMemory", "must be at least 7 days"},
	}
	for _, c := range checks {
		if !c.ok {
			return FieldErrorf("policy."+c.field, "%s", c.msg)
		}
	}
	return nil
}

func positiveInts(xs []int) bool {
	if len(xs) == 0 {
		return false
	}
	for _, x := range xs {
		if x <= 0 {
			return false
		}
	}
	return true
}
