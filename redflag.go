package backload

import "strings"

// RedFlag is a symptom that stops all training advice (domain.md section 4).
// Backload never diagnoses: it says the symptom needs a clinician's
// assessment, and how urgently.
type RedFlag string

// The red-flag codes, by their stable slugs. The first four are urgent, the
// rest need a clinician before training goes on.
const (
	BladderBowelChange RedFlag = "bladder-bowel-change"
	SaddleNumbness     RedFlag = "saddle-numbness"
	LegWeakness        RedFlag = "leg-weakness"
	SexualDysfunction  RedFlag = "sexual-dysfunction"
	Trauma             RedFlag = "trauma"
	CancerHistory      RedFlag = "cancer-history"
	Fever              RedFlag = "fever"
	WeightLoss         RedFlag = "weight-loss"
	SteroidUse         RedFlag = "steroid-use"
	NightPain          RedFlag = "night-pain"
)

// RedFlags lists every red flag, urgent ones first, in the order of
// domain.md section 4.
var RedFlags = []RedFlag{BladderBowelChange, SaddleNumbness, LegWeakness, SexualDysfunction,
	Trauma, CancerHistory, Fever, WeightLoss, SteroidUse, NightPain}

// Urgency says how soon a red flag needs a clinician.
type Urgency string

// The two urgencies, and NoUrgency for a check-in without red flags.
const (
	NoUrgency Urgency = ""
	// Urgent: go to emergency care now.
	Urgent Urgency = "urgent"
	// SeeClinician: see a doctor or physiotherapist before training again.
	SeeClinician Urgency = "clinician"
)

// redFlagInfo is the tier and the plain-words description of each flag
// (domain.md section 4; sources BMJ Best Practice on cauda equina, the AHCPR
// red-flag table, Verhagen et al. 2016).
var redFlagInfo = map[RedFlag]struct {
	tier Urgency
	text string
}{
	BladderBowelChange: {Urgent, "new difficulty passing or controlling urine or stool"},
	SaddleNumbness:     {Urgent, "numbness around the groin, genitals, buttocks or back passage"},
	LegWeakness:        {Urgent, "weakness or numbness in both legs, or weakness that is getting worse"},
	SexualDysfunction:  {Urgent, "new loss of sexual function or genital sensation"},
	Trauma:             {SeeClinician, "pain that began with a fall, an accident or a heavy impact"},
	CancerHistory:      {SeeClinician, "past or current cancer"},
	Fever:              {SeeClinician, "fever, chills or feeling generally unwell along with the pain"},
	WeightLoss:         {SeeClinician, "weight loss you cannot explain"},
	SteroidUse:         {SeeClinician, "long-term use of steroids or immune-suppressing medicine"},
	NightPain:          {SeeClinician, "constant pain that is worse at night or when lying down"},
}

// Valid reports whether f is one of the red-flag codes.
func (f RedFlag) Valid() bool {
	_, ok := redFlagInfo[f]
	return ok
}

// Tier returns how urgently the flag needs a clinician: Urgent or
// SeeClinician, and NoUrgency for an unknown code.
func (f RedFlag) Tier() Urgency { return redFlagInfo[f].tier }

// Description is the symptom in plain words.
func (f RedFlag) Description() string { return redFlagInfo[f].text }

// RedFlagCodes returns the red-flag slugs joined by ", ", for error messages.
func RedFlagCodes() string {
	codes := make([]string, len(RedFlags))
	for i, f := range RedFlags {
		codes[i] = string(f)
	}
	return strings.Join(codes, ", ")
}

// UrgencyOf returns the most urgent tier among flags: Urgent if any flag is
// urgent, SeeClinician if any other is set, NoUrgency for none.
func UrgencyOf(flags []RedFlag) Urgency {
	u := NoUrgency
	for _, f := range flags {
		switch f.Tier() {
		case Urgent:
			return Urgent
		case SeeClinician:
			u = SeeClinician
		}
	}
	return u
}

// Advice is what a lifter with red flags of this urgency should do, in plain
// words. It names no condition: only a clinician can say what is going on.
func (u Urgency) Advice() string {
	switch u {
	case Urgent:
		return "Go to emergency care now: an emergency department, or call your local emergency number. " +
			"These symptoms need a doctor to check them today, not after training. Do not train."
	case SeeClinician:
		return "See a doctor or physiotherapist before you train again. " +
			"This is not an emergency, but these symptoms need a clinician's assessment before Backload can plan your training."
	}
	return ""
}
