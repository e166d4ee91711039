package backload

import (
	"fmt"
	"strings"
)

// The reasons an adapted item carries, in plain words for a lifter. Every
// number in them comes from the policy or the item.

func whyGreen() string {
	return "Your back is in the green today, so do this as planned."
}

func (s *sessionAdapter) whySpinal(in PlannedItem, it AdaptedItem, frac float64) string {
	u := s.req.Units
	var b strings.Builder
	b.WriteString("A heavy bar loads your lower back more than anything else in the gym. ")
	if s.zone == Red {
		b.WriteString("On a red day you still do the movement, so it keeps feeling normal, but light: ")
	} else {
		b.WriteString("On an amber day keep the movement but take weight off: ")
	}
	if in.Weight > 0 {
		fmt.Fprintf(&b, "%s instead of %s (at most %s of planned, rounded down to plates you can load), ",
			formatWeight(it.Weight, u), formatWeight(in.Weight, u), percent(frac))
	}
	fmt.Fprintf(&b, "%s, and stop every set at about RPE %s, with %s still in the tank. ",
		setsText(it.Sets, in.Sets), formatNumber(it.RPECap), repsLeft(it.RPECap))
	b.WriteString("The cap is a weight, not just a feeling, because effort is hard to judge on lighter sets.")
	return b.String()
}

func setsText(sets, planned int) string {
	if sets < planned {
		return fmt.Sprintf("%s instead of %d", count(sets, "set"), planned)
	}
	return "your planned " + count(sets, "set")
}

func repsLeft(rpe float64) string {
	return "about " + formatNumber(rpeMax-rpe) + " reps"
}

func count(n int, word string) string {
	if n == 1 {
		return "1 " + word
	}
	return fmt.Sprintf("%d %ss", n, word)
}

func whyFlexionSwapped(alt Exercise, role Pattern) string {
	return fmt.Sprintf("Bending your spine forward under load tends to aggravate a sore back, so this is swapped "+
		"for %s, which works your %s with your spine kept neutral.", alt.Name, roleWords(role))
}

func roleWords(role Pattern) string {
	switch role {
	case Hinge:
		return "hips and hamstrings the same way"
	case Trunk:
		return "trunk muscles"
	case Squat, Lunge:
		return "legs the same way"
	}
	return "same muscles"
}

func whyChooseWeight(rpe float64) string {
	return fmt.Sprintf("Do the planned sets and reps with a weight you could lift about %s more times "+
		"(RPE %s); it may be new to you, so start light.", formatNumber(rpeMax-rpe), formatNumber(rpe))
}

func whyFlexionDropped() string {
	return "Bending your spine forward under load tends to aggravate a sore back, and there is no " +
		"spine-neutral swap for this one, so leave it out today. Your other leg and core work covers the gap."
}

func (s *sessionAdapter) whySpineNeutral(in PlannedItem) string {
	why := "Leg work with your back supported or only lightly loaded: during a flare this is where your " +
		"leg training carries on, so do it as planned."
	if s.zone == Red && in.Weight > 0 {
		floor := roundUp(in.Weight*s.p.RedSpineNeutralFloor, s.req.PlateStep, in.Weight)
		why += fmt.Sprintf(" If it bothers your back today you may go down to %s (%s of planned), but no "+
			"lighter, and keep all the sets.", formatWeight(floor, s.req.Units), percent(s.p.RedSpineNeutralFloor))
	}
	return why
}

func whyCoreKept() string {
	return "Low-load trunk endurance work suits a sore back, so keep it as planned."
}

func whyUpperBody() string {
	return "Upper-body work hardly loads your lower back, so it stays as planned."
}

func whyJumpDropped() string {
	return "Jumping and landing jolt your spine, which a back in the red does not need. Leave it out " +
		"today; it comes back when your back settles."
}

func whyOther(zone Zone, pt Pattern) string {
	switch pt {
	case Cardio:
		if zone == Red {
			return "Easy aerobic work helps a sore back: keep it at a pace where you could still hold a conversation."
		}
		return "Conditioning keeps your back moving: keep it, at an easy, steady pace."
	case Mobility:
		return whyMobility()
	case Plyometric:
		return "Jumps can stay on an amber day if landing does not hurt; they come out on a red day."
	}
	return "This asks little of your lower back: keep it, and ease off if your back complains."
}

func (s *sessionAdapter) whyCoreDose() string {
	rounds := make([]string, len(s.p.CorePyramid))
	for i, n := range s.p.CorePyramid {
		rounds[i] = fmt.Sprint(n)
	}
	return fmt.Sprintf("Hold each rep for %d seconds, in rounds of %s holds with a short rest between rounds "+
		"(on one-sided exercises, do both sides). Build up by adding holds, not by holding longer.",
		s.p.CoreHoldSeconds, strings.Join(rounds, ", then "))
}

func whyCoreAdded(gentle bool) string {
	if gentle {
		return "Added: gentle trunk endurance work loads your back very little and helps it settle."
	}
	return "Added: trunk endurance work steadies a sore back while loading it very little, so a flare-day " +
		"session always has some."
}

func whyWalkKept() string {
	return "An easy walk is one of the best things for a sore back. Slow down or stop if the pain builds."
}

func whyWalkAdded(seconds int) string {
	length := fmt.Sprintf("%d-minute", seconds/60)
	if seconds%60 != 0 {
		length = fmt.Sprintf("%d-second", seconds)
	}
	return fmt.Sprintf("Added: an easy %s walk eases stiffness and keeps your back moving. Go at a "+
		"comfortable pace, and slow down or stop if the pain builds.", length)
}

func whyMobility() string {
	return "Gentle mobility is fine: move only within a comfortable range and never force the end position."
}

func whyGentleCoreKept() string {
	return "Gentle trunk work is fine on a recovery day. Keep it easy and stop if the pain builds."
}

func (s *sessionAdapter) whyRecoveryDropped() string {
	return fmt.Sprintf("Your pain is %d/10 today, so the day is for walking, gentle core work and mobility "+
		"only. Skip this one; it comes back when the pain settles.", s.req.CheckIn.Pain)
}
