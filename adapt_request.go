package backload

import (
	"encoding/json"
	"strings"
)

// adaptWire is the JSON shape of an adapt request. Pointers tell a missing
// field from a zero; raw messages let errors name array indexes.
type adaptWire struct {
	Units     *string           `json:"units"`
	PlateStep *float64          `json:"plate_step"`
	CheckIn   json.RawMessage   `json:"checkin"`
	Session   []json.RawMessage `json:"session"`
}

type checkInWire struct {
	Pain          *float64          `json:"pain"`
	SessionPain   *float64          `json:"session_pain"`
	MorningChange *float64          `json:"morning_change"`
	Trend         *string           `json:"trend"`
	RedFlags      []json.RawMessage `json:"red_flags"`
}

type plannedItemWire struct {
	Exercise *string  `json:"exercise"`
	Sets     *float64 `json:"sets"`
	Reps     *float64 `json:"reps"`
	Weight   *float64 `json:"weight"`
	Seconds  *float64 `json:"seconds"`
	RPE      *float64 `json:"rpe"`
}

// DecodeAdaptRequest reads an adapt request (issue 3) from JSON, applies the
// defaults (units kg; plate step 2.5 kg or 5 lb; sets 1 when an item gives
// none, as for a walk) and validates it under DefaultPolicy.
//
// It returns an EINVALID *Error naming the field and the problem, such as
// "checkin.pain: must be between 0 and 10, got 11", for malformed JSON,
// unknown fields, trailing data, wrong types, a missing checkin.pain,
// numbers that must be whole but are not, and anything Validate rejects.
func DecodeAdaptRequest(data []byte) (AdaptRequest, error) {
	p := DefaultPolicy()
	var w adaptWire
	if err := decodeStrict(data, &w, ""); err != nil {
		return AdaptRequest{}, err
	}
	var req AdaptRequest
	var err error
	if req.Units, err = parseUnits(w.Units); err != nil {
		return AdaptRequest{}, err
	}
	if w.PlateStep != nil {
		if err := checkPlateStep(*w.PlateStep, req.Units, p); err != nil {
			return AdaptRequest{}, err
		}
		req.PlateStep = *w.PlateStep
	}
	if req.CheckIn, err = decodeCheckIn(w.CheckIn); err != nil {
		return AdaptRequest{}, err
	}
	if len(w.Session) > p.MaxSessionItems {
		return AdaptRequest{}, FieldErrorf("session", "must list at most %d items, got %d",
			p.MaxSessionItems, len(w.Session))
	}
	items, err := decodeList[plannedItemWire](w.Session, "session")
	if err != nil {
		return AdaptRequest{}, err
	}
	req.Session = make([]PlannedItem, len(items))
	for i, iw := range items {
		if req.Session[i], err = iw.planned(indexed("session", i), req.Units, p); err != nil {
			return AdaptRequest{}, err
		}
	}
	req = req.withDefaults(p)
	return req, req.Validate(p)
}

func decodeCheckIn(raw json.RawMessage) (CheckIn, error) {
	var w checkInWire
	if len(raw) > 0 {
		if err := decodeStrict(raw, &w, "checkin"); err != nil {
			return CheckIn{}, err
		}
	}
	if w.Pain == nil {
		return CheckIn{}, FieldErrorf("checkin.pain", "is required (today's back pain, 0 to %d)", painMax)
	}
	var c CheckIn
	var err error
	if c.Pain, err = wholeNumber("checkin.pain", *w.Pain, 0, painMax); err != nil {
		return CheckIn{}, err
	}
	if w.SessionPain != nil {
		if c.SessionPain, err = wholeNumber("checkin.session_pain", *w.SessionPain, 0, painMax); err != nil {
			return CheckIn{}, err
		}
	}
	if w.MorningChange != nil {
		if c.MorningChange, err = wholeNumber("checkin.morning_change", *w.MorningChange, -painMax, painMax); err != nil {
			return CheckIn{}, err
		}
	}
	if w.Trend != nil {
		c.Trend = Trend(*w.Trend)
	}
	flags, err := decodeList[string](w.RedFlags, "checkin.red_flags")
	if err != nil {
		return CheckIn{}, err
	}
	for _, f := range flags {
		c.RedFlags = append(c.RedFlags, RedFlag(f))
	}
	return c, nil
}

func (w plannedItemWire) planned(path string, u Unit, p Policy) (PlannedItem, error) {
	it := PlannedItem{Sets: 1}
	var err error
	if it.Exercise, err = exerciseName(path+".exercise", w.Exercise); err != nil {
		return it, err
	}
	if w.Sets != nil {
		if it.Sets, err = wholeNumber(path+".sets", *w.Sets, 1, p.MaxSets); err != nil {
			return it, err
		}
	}
	if w.Reps != nil {
		if it.Reps, err = wholeNumber(path+".reps", *w.Reps, 0, p.MaxReps); err != nil {
			return it, err
		}
	}
	if w.Seconds != nil {
		if it.Seconds, err = wholeNumber(path+".seconds", *w.Seconds, 0, p.MaxSeconds); err != nil {
			return it, err
		}
	}
	if w.Weight != nil {
		it.Weight = *w.Weight
	}
	if w.RPE != nil {
		it.RPE = *w.RPE
	}
	return it, it.validate(path, u, p)
}

// withDefaults fills what a request may leave out: units kg, the unit's
// plate step, and one set for an item that names no sets.
func (r AdaptRequest) withDefaults(p Policy) AdaptRequest {
	if r.Units == "" {
		r.Units = Kilograms
	}
	if r.PlateStep == 0 {
		r.PlateStep = r.Units.DefaultPlateStep(p)
	}
	if len(r.Session) > 0 {
		session := make([]PlannedItem, len(r.Session))
		copy(session, r.Session)
		for i := range session {
			if session[i].Sets == 0 {
				session[i].Sets = 1
			}
		}
		r.Session = session
	}
	return r
}

// Validate reports the first problem with a request whose defaults are
// applied, as an EINVALID *Error naming the field: units other than kg or
// lb, a plate step not above zero or absurd, pains outside 0 to 10, a
// morning change outside -10 to 10, an unknown trend or red flag, or a
// session item without a name or with sets, reps, seconds, weight (0 up to
// p.AbsurdWeightKg, converted for lb) or RPE (0 to 10) out of range.
func (r AdaptRequest) Validate(p Policy) error {
	if !r.Units.Valid() {
		return FieldErrorf("units", "unknown units %q (want kg or lb)", r.Units)
	}
	if err := checkPlateStep(r.PlateStep, r.Units, p); err != nil {
		return err
	}
	if err := r.CheckIn.validate(); err != nil {
		return err
	}
	if len(r.Session) > p.MaxSessionItems {
		return FieldErrorf("session", "must list at most %d items, got %d", p.MaxSessionItems, len(r.Session))
	}
	for i, it := range r.Session {
		if err := it.validate(indexed("session", i), r.Units, p); err != nil {
			return err
		}
	}
	return nil
}

func (c CheckIn) validate() error {
	if err := intInRange("checkin.pain", c.Pain, 0, painMax); err != nil {
		return err
	}
	if err := intInRange("checkin.session_pain", c.SessionPain, 0, painMax); err != nil {
		return err
	}
	if err := intInRange("checkin.morning_change", c.MorningChange, -painMax, painMax); err != nil {
		return err
	}
	if c.Trend != "" && !c.Trend.Valid() {
		return FieldErrorf("checkin.trend", "unknown trend %q (want rising, flat or falling)", c.Trend)
	}
	for i, f := range c.RedFlags {
		if !f.Valid() {
			return FieldErrorf(indexed("checkin.red_flags", i), "unknown red flag %q (want one of %s)",
				f, RedFlagCodes())
		}
	}
	return nil
}

func (it PlannedItem) validate(path string, u Unit, p Policy) error {
	if strings.TrimSpace(it.Exercise) == "" {
		return FieldErrorf(path+".exercise", "must name an exercise")
	}
	if err := intInRange(path+".sets", it.Sets, 1, p.MaxSets); err != nil {
		return err
	}
	if err := intInRange(path+".reps", it.Reps, 0, p.MaxReps); err != nil {
		return err
	}
	if err := intInRange(path+".seconds", it.Seconds, 0, p.MaxSeconds); err != nil {
		return err
	}
	if err := checkWeight(path+".weight", it.Weight, u, p); err != nil {
		return err
	}
	if !(it.RPE >= 0 && it.RPE <= rpeMax) {
		return FieldErrorf(path+".rpe", "must be between 0 and %d, got %s", rpeMax, formatNumber(it.RPE))
	}
	return nil
}
