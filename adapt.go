package backload

// AdaptRequest is a planned session and today's check-in (issue 3). Build one
// with DecodeAdaptRequest, which applies the defaults and validates it, or
// fill it in code; Adapt validates it either way.
type AdaptRequest struct {
	// Units is kg or lb; empty means kg.
	Units Unit
	// PlateStep is the smallest weight change the lifter can load; zero
	// means the unit's default (2.5 kg or 5 lb).
	PlateStep float64
	CheckIn   CheckIn
	Session   []PlannedItem
}

// PlannedItem is one exercise of the planned session, as the lifter wrote
// it.
type PlannedItem struct {
	// Exercise is any name; the catalog classifies it.
	Exercise string
	Sets     int
	Reps     int
	// Weight is the load in the request's units, 0 for bodyweight.
	Weight float64
	// Seconds is the length of a hold or a bout, 0 when not timed.
	Seconds int
	// RPE is the planned effort, 0 when not given.
	RPE float64
}

// Status is what the day is for.
type Status string

// The three statuses of an adapted session.
const (
	// StatusTrain: train, with the planned session adapted to the zone.
	StatusTrain Status = "train"
	// StatusRecover: pain is at the recovery threshold; no loaded lifts.
	StatusRecover Status = "recover"
	// StatusSeeClinician: a red flag was reported; no training advice.
	StatusSeeClinician Status = "see-clinician"
)

// Action says what the rules did to one item.
type Action string

// The actions of an adapted item.
const (
	ActionKeep       Action = "keep"
	ActionReduce     Action = "reduce"
	ActionSubstitute Action = "substitute"
	ActionDrop       Action = "drop"
	ActionAdd        Action = "add"
)

// Dose is how much of an exercise: sets of reps at a weight, or timed holds.
type Dose struct {
	Sets    int     `json:"sets"`
	Reps    int     `json:"reps"`
	Weight  float64 `json:"weight"`
	Seconds int     `json:"seconds"`
}

// AdaptResponse is the session the lifter should actually do today.
type AdaptResponse struct {
	Status Status `json:"status"`
	// Zone is the zone of the check-in. With a red flag it is still the
	// pain zone, for the record; the status is what counts.
	Zone Zone `json:"zone"`
	// Urgency is set only when Status is StatusSeeClinician.
	Urgency Urgency `json:"urgency"`
	// Items are the planned items in their order, each adapted, then the
	// items the rules add. Empty, never null, when a red flag stops advice.
	Items []AdaptedItem `json:"items"`
	// Messages explain the day as a whole.
	Messages []string `json:"messages"`
}

// AdaptedItem is one exercise of the adapted session.
//
// Every planned item gives exactly one adapted item whose Input is the
// planned name, including a substitute (whose Replaces repeats it). Items
// the rules add have an empty Input and a zero Planned dose.
type AdaptedItem struct {
	Input string `json:"input"`
	// Exercise is the catalog slug, empty when the class was inferred from
	// the name.
	Exercise string `json:"exercise"`
	Name     string `json:"name"`
	Class    Class  `json:"class"`
	Action   Action `json:"action"`
	Sets     int    `json:"sets"`
	Reps     int    `json:"reps"`
	// Weight is in the request's units. For a substitute it is 0: the lifter
	// picks a weight by the effort in RPECap.
	Weight  float64 `json:"weight"`
	Seconds int     `json:"seconds"`
	// RPECap is the highest effort allowed, 0 for no cap.
	RPECap   float64 `json:"rpe_cap"`
	Replaces string  `json:"replaces"`
	Planned  Dose    `json:"planned"`
	Why      string  `json:"why"`
}

// Dose returns the item's prescribed dose.
func (it AdaptedItem) Dose() Dose {
	return Dose{Sets: it.Sets, Reps: it.Reps, Weight: it.Weight, Seconds: it.Seconds}
}

// Adapt returns the session to do today, per domain.md sections 3 to 5 and
// 7: unchanged on a green day, adapted by class on an amber or red day, a
// recovery day when pain reaches p.RecoveryPain, and no training advice at
// all when a red flag is reported. The catalog classifies each planned name
// and supplies alternatives and the core work to add.
//
// It returns an EINVALID *Error when the request or the policy is invalid
// (see AdaptRequest.Validate and Policy.Validate), and an EINTERNAL one when
// cat is nil.
func Adapt(req AdaptRequest, cat Catalog, p Policy) (AdaptResponse, error) {
	if err := p.Validate(); err != nil {
		return AdaptResponse{}, err
	}
	if cat == nil {
		return AdaptResponse{}, Errorf(EINTERNAL, "adapt: no exercise catalog")
	}
	req = req.withDefaults(p)
	if err := req.Validate(p); err != nil {
		return AdaptResponse{}, err
	}

	zone := req.CheckIn.Zone(p)
	resp := AdaptResponse{Zone: zone, Items: []AdaptedItem{}}
	if u := UrgencyOf(req.CheckIn.RedFlags); u != NoUrgency {
		resp.Status = StatusSeeClinician
		resp.Urgency = u
		resp.Messages = redFlagMessages(req.CheckIn.RedFlags, u)
		return resp, nil
	}

	s := newSessionAdapter(req, cat, p, zone)
	if req.CheckIn.RecoveryDay(p) {
		resp.Status = StatusRecover
		resp.Items = s.recoveryDay()
	} else {
		resp.Status = StatusTrain
		resp.Items = s.trainingDay()
	}
	resp.Messages = dayMessages(req.CheckIn, zone, resp.Status, p)
	return resp, nil
}
