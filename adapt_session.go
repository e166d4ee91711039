package backload

import "math"

// sessionAdapter applies the flare-up rules of domain.md section 5 to one
// validated request. It remembers which catalog exercises the session holds
// so a swap or an added core item does not repeat one already there.
type sessionAdapter struct {
	req     AdaptRequest
	cat     Catalog
	p       Policy
	zone    Zone
	classes []Classification
	used    map[string]bool
}

func newSessionAdapter(req AdaptRequest, cat Catalog, p Policy, zone Zone) *sessionAdapter {
	s := &sessionAdapter{req: req, cat: cat, p: p, zone: zone, used: map[string]bool{}}
	for _, in := range req.Session {
		c := cat.Classify(in.Exercise)
		if !c.Class.Valid() {
			// A catalog bug must not become a crash or a heavier day:
			// an unknown class gets the mildest rules.
			c.Class = Other
		}
		if c.Name == "" {
			c.Name = in.Exercise
		}
		s.classes = append(s.classes, c)
		if c.ExerciseID != "" {
			s.used[c.ExerciseID] = true
		}
	}
	return s
}

// trainingDay adapts each planned item by its class, then makes sure an
// amber or red session holds enough core endurance work.
func (s *sessionAdapter) trainingDay() []AdaptedItem {
	items := make([]AdaptedItem, 0, len(s.req.Session)+s.p.MinCoreItems)
	for i, in := range s.req.Session {
		items = append(items, s.trainItem(in, s.classes[i]))
	}
	if s.zone != Green {
		items = append(items, s.addCore(items, s.p.CoreSet, false)...)
	}
	return items
}

func (s *sessionAdapter) trainItem(in PlannedItem, c Classification) AdaptedItem {
	it := plannedItem(in, c)
	switch {
	case s.zone == Green:
		it.Why = whyGreen()
	case c.Class == SpinalHeavy:
		s.reduceSpinal(&it, in)
	case c.Class == LoadedFlexion:
		it = s.swapFlexion(it, in, c)
	case c.Class == SpineNeutralLower:
		it.Why = s.whySpineNeutral(in)
	case c.Class == CoreEndurance:
		it.Why = whyCoreKept()
	case c.Class == UpperBody:
		it.Why = whyUpperBody()
	case s.zone == Red && s.dropsOnRed(c.Pattern):
		drop(&it)
		it.Why = whyJumpDropped()
	default:
		it.Why = whyOther(s.zone, c.Pattern)
	}
	return it
}

// plannedItem is the planned item kept exactly as planned.
func plannedItem(in PlannedItem, c Classification) AdaptedItem {
	d := Dose{Sets: in.Sets, Reps: in.Reps, Weight: in.Weight, Seconds: in.Seconds}
	return AdaptedItem{Input: in.Exercise, Exercise: c.ExerciseID, Name: c.Name, Class: c.Class,
		Action: ActionKeep, Sets: d.Sets, Reps: d.Reps, Weight: d.Weight, Seconds: d.Seconds, Planned: d}
}

// drop leaves an item out: its dose becomes zero, its planned dose stays.
func drop(it *AdaptedItem) {
	it.Action = ActionDrop
	it.Sets, it.Reps, it.Weight, it.Seconds, it.RPECap = 0, 0, 0, 0, 0
}

// reduceSpinal keeps a heavy spinal lift at capped weight, sets and effort.
// Red caps never exceed amber caps, whatever the policy, so a worse zone can
// never give a heavier spinal load.
func (s *sessionAdapter) reduceSpinal(it *AdaptedItem, in PlannedItem) {
	frac := s.p.AmberSpinalWeight
	sets := max(1, int(math.Floor(float64(in.Sets)*s.p.AmberSpinalSets)))
	rpe := s.p.AmberSpinalRPE
	if s.zone == Red {
		frac = math.Min(frac, s.p.RedSpinalWeight)
		sets = min(sets, s.p.RedSpinalMaxSets)
		rpe = math.Min(rpe, s.p.RedSpinalRPE)
	}
	if in.RPE > 0 && in.RPE < rpe {
		rpe = in.RPE // a cap never asks for more effort than planned
	}
	it.Action = ActionReduce
	it.Weight = RoundDown(in.Weight*frac, s.req.PlateStep)
	it.Sets = min(in.Sets, sets)
	it.RPECap = rpe
	it.Why = s.whySpinal(in, *it, frac)
}

// swapFlexion replaces a loaded-flexion item by a spine-neutral alternative
// of the same movement role, or drops it when the catalog has none. Amber
// drops too when nothing fits: keeping loaded flexion on an amber day would
// break "higher pain never gives a heavier spinal load" against a red day.
func (s *sessionAdapter) swapFlexion(it AdaptedItem, in PlannedItem, c Classification) AdaptedItem {
	alt, ok := s.alternative(c)
	if !ok {
		drop(&it)
		it.Why = whyFlexionDropped()
		return it
	}
	sub := AdaptedItem{Input: in.Exercise, Exercise: alt.ID, Name: alt.Name, Class: alt.Class,
		Action: ActionSubstitute, Replaces: in.Exercise, Planned: it.Planned}
	if alt.Class == CoreEndurance {
		s.coreDose(&sub)
		sub.Why = whyFlexionSwapped(alt, c.Pattern) + " " + s.whyCoreDose()
		return sub
	}
	sub.Sets, sub.Reps, sub.Seconds = in.Sets, in.Reps, in.Seconds
	sub.RPECap = s.p.SubstituteRPE
	if in.RPE > 0 && in.RPE < sub.RPECap {
		sub.RPECap = in.RPE
	}
	sub.Why = whyFlexionSwapped(alt, c.Pattern) + " " + whyChooseWeight(sub.RPECap)
	return sub
}

// alternative returns the best catalog alternative that loads the spine
// neither heavily nor in flexion, preferring one not already in the session.
func (s *sessionAdapter) alternative(c Classification) (Exercise, bool) {
	var fallback *Exercise
	for _, id := range c.Alternatives {
		e, ok := s.cat.Exercise(id)
		if !ok || !swapFits(e.Class) {
			continue
		}
		if !s.used[e.ID] {
			s.used[e.ID] = true
			return e, true
		}
		if fallback == nil {
			fallback = &e
		}
	}
	if fallback != nil {
		return *fallback, true
	}
	return Exercise{}, false
}

// swapFits reports whether an exercise of class c may replace loaded
// flexion: spine-neutral work only, never conditioning or jumps.
func swapFits(c Class) bool {
	return c == SpineNeutralLower || c == CoreEndurance || c == UpperBody
}

func (s *sessionAdapter) dropsOnRed(pt Pattern) bool {
	for _, d := range s.p.RedDropPatterns {
		if pt == d {
			return true
		}
	}
	return false
}
