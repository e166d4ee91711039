package backload

import (
	"fmt"
	"strings"
)

// dayMessages explains the day as a whole: the zone and why, what to watch
// for tomorrow morning, and where the pain limits come from.
func dayMessages(c CheckIn, zone Zone, status Status, p Policy) []string {
	return []string{dayMessage(c, zone, status, p), tomorrowMessage(zone, p), EvidenceNote}
}

// EvidenceNote says where the pain thresholds come from and how far to trust
// them (domain.md section 3). Every training or recovery day carries it.
const EvidenceNote = "The pain limits behind these zones come from tendon rehabilitation research " +
	"(Thomeé 1997; Silbernagel et al. 2007, on Achilles tendon pain) and are carried over to backs by common " +
	"physiotherapy practice. They were never tested on backs: treat them as a sensible guide, not a diagnosis."

func dayMessage(c CheckIn, zone Zone, status Status, p Policy) string {
	reasons := joinAnd(c.Reasons(p))
	switch {
	case status == StatusRecover:
		return fmt.Sprintf("Your pain is %d/10, so today is a recovery day: no loaded lifts. An easy walk, "+
			"gentle core work and some mobility keep your back moving without loading it. Go back to your "+
			"planned session once pain is below %d.", c.Pain, p.RecoveryPain)
	case zone == Red:
		return fmt.Sprintf("Today is a red day because %s. You still train, but light: heavy bar lifts drop to "+
			"at most %s of planned and %d sets with an effort cap, loaded forward bending is swapped or left "+
			"out, jumps are left out, leg and upper-body work stay, and the session includes trunk endurance "+
			"work.", reasons, percent(p.RedSpinalWeight), p.RedSpinalMaxSets)
	case zone == Amber:
		return fmt.Sprintf("Today is an amber day because %s. You still train: heavy bar lifts drop to at most "+
			"%s of planned with an effort cap, loaded forward bending is swapped for spine-neutral work, leg "+
			"and upper-body work keep their volume, and the session includes trunk endurance work.",
			reasons, percent(p.AmberSpinalWeight))
	}
	return "Today is a green day: " + reasons + ". Train as planned."
}

func tomorrowMessage(zone Zone, p Policy) string {
	amber := points(p.AmberMorningWorse)
	if p.RedMorningWorse-1 > p.AmberMorningWorse {
		amber = fmt.Sprintf("%d to %s", p.AmberMorningWorse, points(p.RedMorningWorse-1))
	}
	msg := fmt.Sprintf("Tomorrow morning, compare your back with how it was before today. If it is %s worse, "+
		"treat tomorrow as amber; if it is %s or more worse, or your pain is %d or more, treat it as red. "+
		"If it feels the same or better, today's load suited you.", amber, points(p.RedMorningWorse), p.AmberMaxPain+1)
	if zone != Green {
		msg += " If you notice numbness around the groin or buttocks, new weakness in your legs, or trouble " +
			"with your bladder or bowels, stop and get emergency care."
	}
	return msg
}

// redFlagMessages is the whole message of a day stopped by red flags: what
// to do and how soon, and what was reported. It names no condition.
func redFlagMessages(flags []RedFlag, u Urgency) []string {
	seen := map[RedFlag]bool{}
	var symptoms []string
	for _, f := range flags {
		if f.Valid() && !seen[f] {
			seen[f] = true
			symptoms = append(symptoms, f.Description())
		}
	}
	return []string{
		u.Advice(),
		"You reported: " + strings.Join(symptoms, "; ") + ".",
		"Backload cannot tell what is causing this and gives no training plan while these symptoms are " +
			"present. Once a clinician has assessed you and says you can train, check in again.",
	}
}

// joinAnd joins phrases as people write them: "a", "a and b", "a, b and c".
func joinAnd(parts []string) string {
	switch len(parts) {
	case 0:
		return ""
	case 1:
		return parts[0]
	}
	return strings.Join(parts[:len(parts)-1], ", ") + " and " + parts[len(parts)-1]
}
