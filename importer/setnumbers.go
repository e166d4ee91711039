package importer

import "github.com/backload/backload"

// setNumbers are the columns of a set's numbers in one layout; -1 where the
// layout has none.
type setNumbers struct{ weight, reps, rpe, secs, dist, distUnit int }

// readSetNumbers fills a set's weight (in set.Unit), reps, RPE, seconds and
// distance from a record, and names the column of the first bad value.
// perDist is metres per distance unit when the record does not say.
func (t *table) readSetNumbers(rec []string, c setNumbers, set *backload.Set, comma bool, lim limits, perDist float64) error {
	var err error
	if set.WeightKg, err = weightKg(rec[c.weight], set.Unit, comma, lim); err != nil {
		return t.valueErr(c.weight, t.header[c.weight], err)
	}
	if set.Reps, err = wholeNumber(rec[c.reps], comma, maxReps); err != nil {
		return t.valueErr(c.reps, t.header[c.reps], err)
	}
	if c.rpe >= 0 {
		if set.RPE, err = rpe(rec[c.rpe], comma); err != nil {
			return t.valueErr(c.rpe, t.header[c.rpe], err)
		}
	}
	if c.secs >= 0 {
		if set.Seconds, err = seconds(rec[c.secs], comma, lim.maxSeconds); err != nil {
			return t.valueErr(c.secs, t.header[c.secs], err)
		}
	}
	if c.dist >= 0 {
		per := perDist
		if c.distUnit >= 0 {
			if per, err = distanceUnit(rec[c.distUnit], perDist); err != nil {
				return t.valueErr(c.distUnit, t.header[c.distUnit], err)
			}
		}
		if set.DistanceM, err = distanceM(rec[c.dist], per, comma); err != nil {
			return t.valueErr(c.dist, t.header[c.dist], err)
		}
	}
	return nil
}
