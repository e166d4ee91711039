package backload

// CheckIn is the daily back check-in of domain.md section 3: how the back is
// now, how it took the last session, and any red-flag symptoms.
//
// The optional answers read zero as "nothing to report": a last-session
// pain of 0 and a morning change of 0 are exactly what a missing answer
// should mean for the zone, so they need no separate "not given" state.
type CheckIn struct {
	// Pain is low-back pain now, 0 to 10. Required.
	Pain int `json:"pain"`
	// SessionPain is the worst pain during the last session, 0 to 10.
	SessionPain int `json:"session_pain"`
	// MorningChange is the pain the morning after the last session minus the
	// pain the day before it, -10 to 10: positive means worse.
	MorningChange int `json:"morning_change"`
	// Trend is the direction of pain over the past week; empty if not given.
	Trend Trend `json:"trend,omitempty"`
	// RedFlags are the red-flag symptoms the lifter reported.
	RedFlags []RedFlag `json:"red_flags"`
}

// Trend is the direction of back pain over the past week.
type Trend string

// The three trends.
const (
	Rising  Trend = "rising"
	Flat    Trend = "flat"
	Falling Trend = "falling"
)

// Valid reports whether t is one of the three trends.
func (t Trend) Valid() bool { return t == Rising || t == Flat || t == Falling }

// RecoveryDay reports whether pain now is high enough (p.RecoveryPain, 8 by
// default) that the day is for walking, gentle core work and mobility only.
func (c CheckIn) RecoveryDay(p Policy) bool { return c.Pain >= p.RecoveryPain }

// The scales of the check-in and of effort. They are definitions, not
// policy: pain is a 0 to 10 numeric rating, the morning change the
// difference of two such ratings, and effort the RPE scale, where 10 means
// no reps left, 9 one left, and so on (Zourdos et al. 2016).
const (
	painMax = 10
	rpeMax  = 10
)
