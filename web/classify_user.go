package web

import (
	"context"
	"log/slog"
	"strings"

	"github.com/backload/backload"
	"github.com/backload/backload/catalog"
	"github.com/backload/backload/sqlstore"
)

// classifierFor returns how names are classified for the user: their own
// corrections first (class, catalog exercise, marked FromUser), then the
// catalog. It reads the corrections once, so one classifier serves a whole
// import. When they cannot be read it logs why and uses the catalog alone:
// a name then keeps its catalog class, which the user can correct again.
func (s *Server) classifierFor(ctx context.Context, userID int64) func(string) backload.Classification {
	overrides, err := s.db.Overrides(ctx, userID)
	if err != nil {
		s.log.Error("reading class corrections", slog.Int64("user", userID), slog.Any("err", err))
		return s.cat.Classify
	}
	if len(overrides) == 0 {
		return s.cat.Classify
	}
	return s.classifyWithOverrides(overrides)
}

// classifyWithOverrides classifies names for a user whose corrections are
// already read.
func (s *Server) classifyWithOverrides(overrides map[string]sqlstore.Override) func(string) backload.Classification {
	return func(name string) backload.Classification {
		c := s.cat.Classify(name)
		if o, ok := overrides[catalog.NameKey(name)]; ok {
			return s.applyOverride(c, o)
		}
		return c
	}
}

// applyOverride turns the catalog's reading of a name into the user's.
// The stored entries of the name take exactly o's class and exercise id
// (see sqlstore.DB.SaveOverride), and so does the classification.
func (s *Server) applyOverride(c backload.Classification, o sqlstore.Override) backload.Classification {
	c.Source = backload.FromUser
	if e, ok := s.cat.Exercise(o.ExerciseID); ok {
		c.ExerciseID, c.Name, c.Class = e.ID, e.Name, e.Class
		c.Pattern, c.Equipment, c.Measure = e.Pattern, e.Equipment, e.Measure
		c.Alternatives = append([]string{}, e.Alternatives...)
		return c
	}
	c.ExerciseID, c.Name = "", strings.TrimSpace(c.Input)
	if c.Class != o.Class {
		c.Class = o.Class
		if o.Class.LoadsSpine() && len(c.Alternatives) == 0 {
			c.Alternatives = s.alternativesLike(o.Class, c.Pattern)
		}
	}
	return c
}

// alternativesLike are the spine-neutral alternatives the catalog gives an
// exercise of the class and movement pattern (of the class alone when no
// exercise has the pattern), so a name the user says loads the spine can
// still be swapped on a flare day.
func (s *Server) alternativesLike(class backload.Class, p backload.Pattern) []string {
	var fallback []string
	for _, e := range s.cat.Exercises(class) {
		if len(e.Alternatives) == 0 {
			continue
		}
		if e.Pattern == p {
			return append([]string{}, e.Alternatives...)
		}
		if fallback == nil {
			fallback = e.Alternatives
		}
	}
	return append([]string{}, fallback...)
}

// userCatalog is the catalog as one user sees it: their corrections over
// the catalog's classes. It is what today's plan is worked out with.
type userCatalog struct {
	classify func(string) backload.Classification
	cat      *catalog.Catalog
}

func (u userCatalog) Classify(name string) backload.Classification { return u.classify(name) }

func (u userCatalog) Exercise(id string) (backload.Exercise, bool) { return u.cat.Exercise(id) }

// catalogFor is the user's view of the catalog.
func (s *Server) catalogFor(ctx context.Context, userID int64) backload.Catalog {
	return userCatalog{classify: s.classifierFor(ctx, userID), cat: s.cat}
}
