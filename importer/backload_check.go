package importer

import (
	"fmt"
	"strings"
	"time"

	"github.com/backload/backload"
)

// session reads and checks one session of a backload export.
func (p *jsonParser) session(path string) error {
	var s backload.Session
	if err := p.dec.Decode(&s); err != nil {
		return p.syntax(path, err)
	}
	if err := p.checkSession(path, &s); err != nil {
		return err
	}
	s.ID = 0 // ids belong to the database that wrote the file
	if s.Source == "" {
		s.Source = string(FormatBackload)
	}
	if s.Exercises == nil {
		s.Exercises = []backload.ExerciseLog{}
	}
	p.b.sessions = append(p.b.sessions, s)
	return nil
}

func (p *jsonParser) checkSession(path string, s *backload.Session) error {
	if s.StartedAt.IsZero() {
		return backload.FieldErrorf(path+".started_at", "is missing")
	}
	if y := s.StartedAt.UTC().Year(); y < minYear || y > maxYear {
		return backload.FieldErrorf(path+".started_at", "year %d is not plausible", y)
	}
	if s.DurationSec < 0 || s.DurationSec > maxDurationSec {
		return backload.FieldErrorf(path+".duration_s", "%d is outside 0 to %d", s.DurationSec, int(maxDurationSec))
	}
	if err := textLimit(path+".title", s.Title); err != nil {
		return err
	}
	if err := textLimit(path+".notes", s.Notes); err != nil {
		return err
	}
	for i := range s.Exercises {
		e := &s.Exercises[i]
		ep := fmt.Sprintf("%s.exercises[%d]", path, i)
		if strings.TrimSpace(e.Input) == "" {
			return backload.FieldErrorf(ep+".input", "%s", errEmptyName)
		}
		if err := textLimit(ep+".input", e.Input); err != nil {
			return err
		}
		if err := textLimit(ep+".notes", e.Notes); err != nil {
			return err
		}
		switch {
		case e.Class == "":
			c := p.b.class(e.Input)
			e.Class = c.class
			if e.ExerciseID == "" {
				e.ExerciseID = c.id
			}
		case !e.Class.Valid():
			return backload.FieldErrorf(ep+".class", "%s is not a class", echo(string(e.Class)))
		}
		if e.Sets == nil {
			e.Sets = []backload.Set{}
		}
		for j := range e.Sets {
			if err := p.checkSet(fmt.Sprintf("%s.sets[%d]", ep, j), &e.Sets[j]); err != nil {
				return err
			}
		}
	}
	return nil
}

func (p *jsonParser) checkSet(path string, s *backload.Set) error {
	switch {
	case !s.Kind.Valid():
		return backload.FieldErrorf(path+".kind", "%s is not a set kind (warmup, working, drop or failure)", echo(string(s.Kind)))
	case s.WeightKg < 0 || s.WeightKg > p.lim.maxKg:
		return backload.FieldErrorf(path+".weight_kg", "%g is outside 0 to %g", s.WeightKg, p.lim.maxKg)
	case s.Reps < 0 || s.Reps > maxReps:
		return backload.FieldErrorf(path+".reps", "%d is outside 0 to %d", s.Reps, maxReps)
	case s.RPE < 0 || s.RPE > maxRPE:
		return backload.FieldErrorf(path+".rpe", "%g is outside 0 to 10", s.RPE)
	case s.Seconds < 0 || s.Seconds > p.lim.maxSeconds:
		return backload.FieldErrorf(path+".seconds", "%d is outside 0 to %d", s.Seconds, p.lim.maxSeconds)
	case s.DistanceM < 0 || s.DistanceM > maxDistanceM:
		return backload.FieldErrorf(path+".distance_m", "%g is outside 0 to %g", s.DistanceM, maxDistanceM)
	case s.Unit != "" && !s.Unit.Valid():
		return backload.FieldErrorf(path+".unit", "%s is not a unit (kg or lb)", echo(string(s.Unit)))
	}
	return textLimit(path+".notes", s.Notes)
}

// checkin reads and checks one daily check-in of a backload export.
func (p *jsonParser) checkin(path string) error {
	var c backload.DailyCheckIn
	if err := p.dec.Decode(&c); err != nil {
		return p.syntax(path, err)
	}
	d, err := time.Parse(time.DateOnly, c.Date)
	switch {
	case err != nil || d.Format(time.DateOnly) != c.Date:
		return backload.FieldErrorf(path+".date", "%s is not a date (YYYY-MM-DD)", echo(c.Date))
	case d.Year() < minYear || d.Year() > maxYear:
		return backload.FieldErrorf(path+".date", "year %d is not plausible", d.Year())
	case p.dates[c.Date]:
		return backload.FieldErrorf(path+".date", "%s has a check-in already: one a day", c.Date)
	case c.Pain < 0 || c.Pain > 10:
		return backload.FieldErrorf(path+".pain", "%d is outside 0 to 10", c.Pain)
	case c.SessionPain < 0 || c.SessionPain > 10:
		return backload.FieldErrorf(path+".session_pain", "%d is outside 0 to 10", c.SessionPain)
	case c.MorningChange < -10 || c.MorningChange > 10:
		return backload.FieldErrorf(path+".morning_change", "%d is outside -10 to 10", c.MorningChange)
	case c.Trend != "" && !c.Trend.Valid():
		return backload.FieldErrorf(path+".trend", "%s is not a trend (rising, flat or falling)", echo(string(c.Trend)))
	}
	for i, f := range c.RedFlags {
		if !f.Valid() {
			return backload.FieldErrorf(fmt.Sprintf("%s.red_flags[%d]", path, i), "%s is not a red flag (%s)", echo(string(f)), backload.RedFlagCodes())
		}
	}
	if err := textLimit(path+".note", c.Note); err != nil {
		return err
	}
	if c.RedFlags == nil {
		c.RedFlags = []backload.RedFlag{}
	}
	p.dates[c.Date] = true
	p.checkins = append(p.checkins, c)
	return nil
}

// textLimit rejects a text longer than a CSV field may be.
func textLimit(path, s string) error {
	if len(s) > maxFieldLen {
		return backload.FieldErrorf(path, "longer than %d KiB", maxFieldLen>>10)
	}
	return nil
}
