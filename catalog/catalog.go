// Package catalog is Backload's curated exercise catalog and its name
// matcher. The exercises are embedded JSON under data/, one file per class,
// written and reviewed by this project. Any name a user logs is matched to
// a catalog exercise through an alias index, or, when nothing matches, given
// a class by rules over its words and equipment and marked inferred.
package catalog

import (
	"bytes"
	"embed"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"path"
	"slices"
	"strings"
	"sync"

	"github.com/backload/backload"
)

//go:embed data/*.json
var dataFS embed.FS

// Catalog holds the exercises and the indexes that match names to them. It
// is safe for concurrent use; it never changes after Load.
type Catalog struct {
	exercises []backload.Exercise
	byID      map[string]int
	// exact maps the key of every alias to its exercise.
	exact map[key]int
	// loose maps alias keys without modifier words (paused, wide, single
	// arm, ...) to an exercise, where that is unambiguous.
	loose map[key]int
}

var (
	defaultOnce    sync.Once
	defaultCatalog *Catalog
)

// Default returns the embedded catalog. It panics if the embedded data is
// malformed, which the package tests rule out before a release.
func Default() *Catalog {
	defaultOnce.Do(func() {
		c, err := Load(dataFS)
		if err != nil {
			panic("catalog: embedded data: " + err.Error())
		}
		defaultCatalog = c
	})
	return defaultCatalog
}

// Load reads every data/*.json file of fsys and builds a catalog. It returns
// an error naming the file and the exercise when the data is malformed: an
// unknown class, a duplicate id or alias, a missing field, an alternative
// that does not exist or is not spine-neutral.
func Load(fsys fs.FS) (*Catalog, error) {
	files, err := fs.Glob(fsys, "data/*.json")
	if err != nil {
		return nil, err
	}
	if len(files) == 0 {
		return nil, fmt.Errorf("no data/*.json files")
	}
	var all []backload.Exercise
	for _, f := range files {
		raw, err := fs.ReadFile(fsys, f)
		if err != nil {
			return nil, err
		}
		var list []backload.Exercise
		dec := json.NewDecoder(bytes.NewReader(raw))
		dec.DisallowUnknownFields()
		if err := dec.Decode(&list); err != nil {
			return nil, fmt.Errorf("%s: %w", f, err)
		}
		fileClass := backload.Class(strings.TrimSuffix(path.Base(f), ".json"))
		for _, e := range list {
			if e.Class != fileClass {
				return nil, fmt.Errorf("%s: %s: class %q does not match the file", f, e.ID, e.Class)
			}
			if e.Measure == "" {
				e.Measure = backload.Reps
			}
			all = append(all, e)
		}
	}
	return build(all)
}

// build indexes the exercises and checks them against each other. It
// reports every problem it finds, not only the first, so a data file can be
// fixed in one pass.
func build(list []backload.Exercise) (*Catalog, error) {
	c := &Catalog{
		exercises: list,
		byID:      make(map[string]int, len(list)),
		exact:     make(map[key]int, len(list)*6),
		loose:     make(map[key]int, len(list)*6),
	}
	var errs []error
	for i, e := range list {
		if err := validate(e); err != nil {
			errs = append(errs, fmt.Errorf("%s: %w", e.ID, err))
		}
		if _, dup := c.byID[e.ID]; dup {
			errs = append(errs, fmt.Errorf("%s: duplicate id", e.ID))
		}
		c.byID[e.ID] = i
	}
	ambiguous := map[key]bool{}
	for i, e := range list {
		for _, name := range c.names(e) {
			k := normalize(name)
			if k == "" {
				errs = append(errs, fmt.Errorf("%s: alias %q has no words", e.ID, name))
				continue
			}
			if j, dup := c.exact[k]; dup && j != i {
				errs = append(errs, fmt.Errorf("%s: alias %q is also an alias of %s", e.ID, name, list[j].ID))
				continue
			}
			c.exact[k] = i
			lk := withoutModifiers(k)
			if strings.Count(string(lk), " ") == 0 {
				// One word left is too broad to stand for this
				// exercise: "Rope Crunch" must not claim every crunch.
				continue
			}
			if j, dup := c.loose[lk]; dup && j != i && list[j].Class != e.Class {
				ambiguous[lk] = true
			}
			if _, dup := c.loose[lk]; !dup {
				c.loose[lk] = i
			}
		}
	}
	for lk := range ambiguous {
		delete(c.loose, lk)
	}
	for _, e := range list {
		for _, alt := range e.Alternatives {
			j, ok := c.byID[alt]
			switch {
			case !ok:
				errs = append(errs, fmt.Errorf("%s: alternative %q is not in the catalog", e.ID, alt))
			case list[j].Class.LoadsSpine():
				errs = append(errs, fmt.Errorf("%s: alternative %q is %s, not spine-neutral", e.ID, alt, list[j].Class))
			}
		}
	}
	if len(errs) > 0 {
		return nil, errors.Join(errs...)
	}
	return c, nil
}

// names are the display name and every alias of e.
func (c *Catalog) names(e backload.Exercise) []string {
	return append([]string{e.Name}, e.Aliases...)
}

// Exercise returns the exercise with the slug id, and false when there is
// none.
func (c *Catalog) Exercise(id string) (backload.Exercise, bool) {
	i, ok := c.byID[id]
	if !ok {
		return backload.Exercise{}, false
	}
	return c.exercises[i], true
}

// Exercises returns every exercise of class, or all of them when class is
// empty, ordered by class and then name.
func (c *Catalog) Exercises(class backload.Class) []backload.Exercise {
	var out []backload.Exercise
	for _, e := range c.exercises {
		if class == "" || e.Class == class {
			out = append(out, e)
		}
	}
	slices.SortFunc(out, func(a, b backload.Exercise) int {
		if d := slices.Index(backload.Classes, a.Class) - slices.Index(backload.Classes, b.Class); d != 0 {
			return d
		}
		return strings.Compare(a.Name, b.Name)
	})
	return out
}

// Len is the number of exercises.
func (c *Catalog) Len() int { return len(c.exercises) }

var _ backload.Catalog = (*Catalog)(nil)
