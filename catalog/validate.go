package catalog

import (
	"errors"
	"fmt"
	"regexp"
	"slices"

	"github.com/backload/backload"
)

var slugPattern = regexp.MustCompile(`^[a-z0-9]+(-[a-z0-9]+)*$`)

// validate checks one exercise on its own; build checks how exercises relate.
func validate(e backload.Exercise) error {
	switch {
	case !slugPattern.MatchString(e.ID):
		return fmt.Errorf("id %q is not a slug (lowercase words joined by -)", e.ID)
	case e.Name == "":
		return errors.New("name is empty")
	case !e.Class.Valid():
		return fmt.Errorf("unknown class %q", e.Class)
	case !slices.Contains(backload.Equipment, e.Equipment):
		return fmt.Errorf("unknown equipment %q", e.Equipment)
	case !e.Pattern.Valid():
		return fmt.Errorf("unknown pattern %q", e.Pattern)
	case e.Measure != backload.Reps && e.Measure != backload.Hold && e.Measure != backload.Duration:
		return fmt.Errorf("unknown measure %q", e.Measure)
	case len(e.Muscles) == 0:
		return errors.New("no muscles")
	case len(e.Instructions) == 0:
		return errors.New("no instructions")
	case len(e.Aliases) == 0:
		return errors.New("no aliases")
	case e.Class.LoadsSpine() && len(e.Alternatives) == 0:
		return fmt.Errorf("a %s exercise needs at least one spine-neutral alternative", e.Class)
	case !e.Class.LoadsSpine() && len(e.Alternatives) > 0:
		return fmt.Errorf("only spinal-heavy and loaded-flexion exercises list alternatives")
	}
	return nil
}
