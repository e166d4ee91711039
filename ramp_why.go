package backload

import (
	"fmt"
	"strings"
)

// The reasons a ramp week carries, in plain words for a lifter.

func firstWeekWhy(plans []*liftPlan, p Policy) string {
	var spinal, neutral, other bool
	for _, l := range plans {
		switch {
		case l.class.Class.LoadsSpine():
			spinal = true
		case l.class.Class == SpineNeutralLower:
			neutral = true
		default:
			other = true
		}
	}
	why := "Week 1."
	if spinal {
		why += fmt.Sprintf(" Heavy back-loading lifts start at no more than %s of your old working weight, "+
			"with fewer sets, and rise by at most %s of it a week.", percent(p.RampStart), percent(p.RampStep))
	}
	if neutral {
		why += fmt.Sprintf(" Leg work with your back supported picks up where the flare left it and comes "+
			"back in %s.", count(p.SpineNeutralLowerSteps, "step"))
	}
	if other {
		why += " Upper-body and other work never left, so it stays at full weight."
	}
	why += " After each week, note how your back took it: green moves up a step, amber repeats the week, " +
		"red steps back one."
	if spinal {
		why += fmt.Sprintf(" The %s weekly step is a cautious habit rather than a proven number; going back "+
			"to old weights too fast is a common reason pain returns.", percent(p.RampStep))
	}
	return why
}

func nextWeekWhy(prev int, z Zone, assumed, held, fuller bool, p Policy) string {
	var b strings.Builder
	switch {
	case assumed:
		fmt.Fprintf(&b, "Assuming week %d goes well (green), move up a step; if it does not, repeat the "+
			"week or step back instead.", prev)
	case z == Green:
		fmt.Fprintf(&b, "Your back took week %d well (green), so the weights move up a step.", prev)
	case z == Amber:
		fmt.Fprintf(&b, "Week %d was amber, so repeat the same weights and let your back settle.", prev)
	default:
		fmt.Fprintf(&b, "Week %d was red, so step back one step (never below where the ramp started). If "+
			"your back stays red, train with the flare-day rules until it settles.", prev)
	}
	if held {
		fmt.Fprintf(&b, " Some lifts hold this week so that no lift rises more than %s of its old working "+
			"weight over two weeks.", percent(p.RampTwoWeekCap))
	}
	if fuller {
		b.WriteString(" Full sets are back.")
	}
	return b.String()
}

func whyRampDone() string {
	return "Every lift is back to its old working weight with full sets: the ramp is done."
}
