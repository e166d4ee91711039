package backload

import (
	"encoding/json"
	"strings"
	"time"
)

// rampWire is the JSON shape of a ramp request.
type rampWire struct {
	Units     *string           `json:"units"`
	PlateStep *float64          `json:"plate_step"`
	Start     *string           `json:"start"`
	Lifts     []json.RawMessage `json:"lifts"`
	Responses []json.RawMessage `json:"responses"`
}

type rampLiftWire struct {
	Exercise *string  `json:"exercise"`
	From     *float64 `json:"from"`
	To       *float64 `json:"to"`
	Sets     *float64 `json:"sets"`
	Reps     *float64 `json:"reps"`
}

// DecodeRampRequest reads a ramp request (issue 3) from JSON, applies the
// defaults (units kg; plate step 2.5 kg or 5 lb; a lift without from is at
// the rule's own start, so from defaults to to; sets 1 when a lift gives
// none) and validates it under DefaultPolicy. A missing start leaves the
// weeks undated.
//
// It returns an EINVALID *Error naming the field and the problem, such as
// `start: must be a date written YYYY-MM-DD, got "23/11/2026"`, for
// malformed JSON, unknown fields, trailing data, wrong types, a missing
// lifts[i].to, and anything Validate rejects.
func DecodeRampRequest(data []byte) (RampRequest, error) {
	p := DefaultPolicy()
	var w rampWire
	if err := decodeStrict(data, &w, ""); err != nil {
		return RampRequest{}, err
	}
	var req RampRequest
	var err error
	if req.Units, err = parseUnits(w.Units); err != nil {
		return RampRequest{}, err
	}
	if w.PlateStep != nil {
		if err := checkPlateStep(*w.PlateStep, req.Units, p); err != nil {
			return RampRequest{}, err
		}
		req.PlateStep = *w.PlateStep
	}
	if w.Start != nil {
		if req.Start, err = parseDate("start", *w.Start); err != nil {
			return RampRequest{}, err
		}
	}
	if err := checkLiftCount(len(w.Lifts), p); err != nil {
		return RampRequest{}, err
	}
	lifts, err := decodeList[rampLiftWire](w.Lifts, "lifts")
	if err != nil {
		return RampRequest{}, err
	}
	req.Lifts = make([]RampLift, len(lifts))
	for i, lw := range lifts {
		if req.Lifts[i], err = lw.lift(indexed("lifts", i), req.Units, p); err != nil {
			return RampRequest{}, err
		}
	}
	if len(w.Responses) > p.MaxRampResponses {
		return RampRequest{}, FieldErrorf("responses", "must list at most %d weeks, got %d",
			p.MaxRampResponses, len(w.Responses))
	}
	words, err := decodeList[string](w.Responses, "responses")
	if err != nil {
		return RampRequest{}, err
	}
	for _, word := range words {
		req.Responses = append(req.Responses, Zone(word))
	}
	req = req.withDefaults(p)
	return req, req.Validate(p)
}

func (w rampLiftWire) lift(path string, u Unit, p Policy) (RampLift, error) {
	l := RampLift{Sets: 1}
	var err error
	if l.Exercise, err = exerciseName(path+".exercise", w.Exercise); err != nil {
		return l, err
	}
	if w.To == nil {
		return l, FieldErrorf(path+".to", "is required (the working weight before the flare)")
	}
	l.To, l.From = *w.To, *w.To
	if w.From != nil {
		l.From = *w.From
	}
	if w.Sets != nil {
		if l.Sets, err = wholeNumber(path+".sets", *w.Sets, 1, p.MaxSets); err != nil {
			return l, err
		}
	}
	if w.Reps != nil {
		if l.Reps, err = wholeNumber(path+".reps", *w.Reps, 0, p.MaxReps); err != nil {
			return l, err
		}
	}
	return l, l.validate(path, u, p)
}

// parseDate reads a date written YYYY-MM-DD, and nothing else.
func parseDate(field, s string) (time.Time, error) {
	t, err := time.Parse(dateLayout, s)
	if err != nil || len(s) != len(dateLayout) {
		return time.Time{}, FieldErrorf(field, "must be a date written YYYY-MM-DD, got %q", s)
	}
	return t, nil
}

func checkLiftCount(n int, p Policy) error {
	switch {
	case n == 0:
		return FieldErrorf("lifts", "must list at least one lift")
	case n > p.MaxLifts:
		return FieldErrorf("lifts", "must list at most %d lifts, got %d", p.MaxLifts, n)
	}
	return nil
}

// withDefaults fills units kg, the unit's plate step and one set where the
// request leaves them out.
func (r RampRequest) withDefaults(p Policy) RampRequest {
	if r.Units == "" {
		r.Units = Kilograms
	}
	if r.PlateStep == 0 {
		r.PlateStep = r.Units.DefaultPlateStep(p)
	}
	if len(r.Lifts) > 0 {
		lifts := make([]RampLift, len(r.Lifts))
		copy(lifts, r.Lifts)
		for i := range lifts {
			if lifts[i].Sets == 0 {
				lifts[i].Sets = 1
			}
		}
		r.Lifts = lifts
	}
	return r
}

// Validate reports the first problem with a ramp request whose defaults are
// applied, as an EINVALID *Error naming the field: units other than kg or
// lb, a plate step not above zero or absurd, no lifts or too many, a lift
// without a name, a from or to outside 0 to p.AbsurdWeightKg (converted for
// lb), a to of 0 or below from, sets or reps out of range, too many
// responses or a response other than green, amber or red.
func (r RampRequest) Validate(p Policy) error {
	if !r.Units.Valid() {
		return FieldErrorf("units", "unknown units %q (want kg or lb)", r.Units)
	}
	if err := checkPlateStep(r.PlateStep, r.Units, p); err != nil {
		return err
	}
	if err := checkLiftCount(len(r.Lifts), p); err != nil {
		return err
	}
	for i, l := range r.Lifts {
		if err := l.validate(indexed("lifts", i), r.Units, p); err != nil {
			return err
		}
	}
	if len(r.Responses) > p.MaxRampResponses {
		return FieldErrorf("responses", "must list at most %d weeks, got %d", p.MaxRampResponses, len(r.Responses))
	}
	for i, z := range r.Responses {
		if !z.Valid() {
			return FieldErrorf(indexed("responses", i), "unknown response %q (want green, amber or red)", z)
		}
	}
	return nil
}

func (l RampLift) validate(path string, u Unit, p Policy) error {
	if strings.TrimSpace(l.Exercise) == "" {
		return FieldErrorf(path+".exercise", "must name an exercise")
	}
	if err := checkWeight(path+".to", l.To, u, p); err != nil {
		return err
	}
	if l.To <= 0 {
		return FieldErrorf(path+".to", "must be more than 0, got %s", formatNumber(l.To))
	}
	if err := checkWeight(path+".from", l.From, u, p); err != nil {
		return err
	}
	if l.To < l.From {
		return FieldErrorf(path+".to", "must not be below from (%s)", formatNumber(l.From))
	}
	if err := intInRange(path+".sets", l.Sets, 1, p.MaxSets); err != nil {
		return err
	}
	return intInRange(path+".reps", l.Reps, 0, p.MaxReps)
}
