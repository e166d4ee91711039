package backload

import "fmt"

// Zone is the traffic-light reading of a check-in (domain.md section 3). It
// is also the word a lifter uses to say how their back took a ramp week.
type Zone string

// The three zones, from settled to flared.
const (
	Green Zone = "green"
	Amber Zone = "amber"
	Red   Zone = "red"
)

// Valid reports whether z is green, amber or red.
func (z Zone) Valid() bool { return z == Green || z == Amber || z == Red }

// rank orders the zones so the worse of two can be taken.
func (z Zone) rank() int {
	switch z {
	case Amber:
		return 1
	case Red:
		return 2
	}
	return 0
}

// Zone returns the zone of the check-in under p: the worst zone any one
// answer reaches. Red flags do not change the zone; they stop training
// advice altogether (see Adapt).
func (c CheckIn) Zone(p Policy) Zone {
	z, _ := c.assess(p)
	return z
}

// Reasons returns, in plain words, the answers that put the check-in in its
// zone: for an amber or red day, every answer that reached that zone; for a
// green day, one sentence saying nothing stood out.
func (c CheckIn) Reasons(p Policy) []string {
	_, reasons := c.assess(p)
	return reasons
}

// assess applies the zone table. Every condition is checked, and the
// reasons kept are those of the worst zone reached.
func (c CheckIn) assess(p Policy) (Zone, []string) {
	type finding struct {
		zone   Zone
		reason string
	}
	var found []finding
	add := func(z Zone, format string, args ...any) {
		found = append(found, finding{z, fmt.Sprintf(format, args...)})
	}

	switch {
	case c.Pain > p.AmberMaxPain:
		add(Red, "your pain now is %d/10", c.Pain)
	case c.Pain > p.GreenMaxPain:
		add(Amber, "your pain now is %d/10", c.Pain)
	}
	switch {
	case c.SessionPain > p.AmberMaxSessionPain:
		add(Red, "your back reached %d/10 during your last session", c.SessionPain)
	case c.SessionPain > p.GreenMaxSessionPain:
		add(Amber, "your back reached %d/10 during your last session", c.SessionPain)
	}
	switch {
	case c.MorningChange >= p.RedMorningWorse:
		add(Red, "the morning after your last session your back was %s worse", points(c.MorningChange))
	case c.MorningChange >= p.AmberMorningWorse:
		add(Amber, "the morning after your last session your back was %s worse", points(c.MorningChange))
	}
	if c.Trend == Rising {
		add(p.RisingTrend, "your pain has been creeping up over the past week")
	}

	zone := Green
	for _, f := range found {
		if f.zone.rank() > zone.rank() {
			zone = f.zone
		}
	}
	if zone == Green {
		return Green, []string{"your pain is low, your last session did not stir it up and the morning after was no worse"}
	}
	var reasons []string
	for _, f := range found {
		if f.zone == zone {
			reasons = append(reasons, f.reason)
		}
	}
	return zone, reasons
}

// points writes a count of pain points, as in "1 point" or "3 points".
func points(n int) string {
	if n == 1 {
		return "1 point"
	}
	return fmt.Sprintf("%d points", n)
}
