package backload

// recoveryDay is the day of domain.md section 3 when pain reaches
// p.RecoveryPain: no loaded lifts. Planned walking, mobility and unweighted
// core work stay; everything else is dropped; then an easy walk, gentle core
// work and a mobility item are added when the session lacks them.
func (s *sessionAdapter) recoveryDay() []AdaptedItem {
	items := make([]AdaptedItem, 0, len(s.req.Session)+s.p.MinCoreItems+2)
	hasWalk, hasMobility := false, false
	for i, in := range s.req.Session {
		c := s.classes[i]
		it := plannedItem(in, c)
		switch {
		case c.ExerciseID != "" && c.ExerciseID == s.p.RecoveryWalk:
			hasWalk = true
			it.Why = whyWalkKept()
		case c.Class == Other && c.Pattern == Mobility:
			hasMobility = true
			it.Why = whyMobility()
		case c.Class == CoreEndurance && in.Weight == 0:
			it.Why = whyGentleCoreKept()
		default:
			drop(&it)
			it.Why = s.whyRecoveryDropped()
		}
		items = append(items, it)
	}
	if !hasWalk {
		if e, ok := s.cat.Exercise(s.p.RecoveryWalk); ok {
			it := addedItem(e)
			it.Sets, it.Seconds = 1, s.p.RecoveryWalkSeconds
			it.Why = whyWalkAdded(s.p.RecoveryWalkSeconds)
			items = append(items, it)
		}
	}
	items = append(items, s.addCore(items, s.p.RecoveryCore, true)...)
	if !hasMobility {
		for _, id := range s.p.RecoveryMobility {
			e, ok := s.cat.Exercise(id)
			if !ok {
				continue
			}
			it := addedItem(e)
			it.Sets, it.Seconds = s.p.MobilitySets, s.p.MobilitySeconds
			it.Why = whyMobility()
			items = append(items, it)
			break
		}
	}
	return items
}

// addCore returns core-endurance items from set, in order, until items and
// the additions together hold p.MinCoreItems core items, skipping exercises
// already in the session and slugs the catalog lacks or classes otherwise.
func (s *sessionAdapter) addCore(items []AdaptedItem, set []string, gentle bool) []AdaptedItem {
	count := 0
	present := map[string]bool{}
	for _, it := range items {
		if it.Sets == 0 {
			continue
		}
		if it.Exercise != "" {
			present[it.Exercise] = true
		}
		if it.Class == CoreEndurance {
			count++
		}
	}
	var added []AdaptedItem
	for _, id := range set {
		if count >= s.p.MinCoreItems {
			break
		}
		if present[id] {
			continue
		}
		e, ok := s.cat.Exercise(id)
		if !ok || e.Class != CoreEndurance {
			continue
		}
		it := addedItem(e)
		s.coreDose(&it)
		it.Why = whyCoreAdded(gentle) + " " + s.whyCoreDose()
		added = append(added, it)
		present[id] = true
		count++
	}
	return added
}

// addedItem is a catalog exercise the rules add, before its dose.
func addedItem(e Exercise) AdaptedItem {
	return AdaptedItem{Exercise: e.ID, Name: e.Name, Class: e.Class, Action: ActionAdd}
}

// coreDose sets the short-hold pyramid of domain.md section 7: one set per
// round, the first round's hold count as reps, each hold CoreHoldSeconds.
func (s *sessionAdapter) coreDose(it *AdaptedItem) {
	it.Sets = len(s.p.CorePyramid)
	it.Reps = s.p.CorePyramid[0]
	it.Seconds = s.p.CoreHoldSeconds
	it.Weight = 0
	it.RPECap = 0
}
