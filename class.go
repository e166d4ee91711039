package backload

import "strings"

// Class says how an exercise loads the lower back. Every exercise has exactly
// one. The classes are ranked by the evidence on lumbar loading; see
// shared/docs/domain.md section 2.
type Class string

// The six classes, by their stable slugs.
const (
	SpinalHeavy       Class = "spinal-heavy"
	LoadedFlexion     Class = "loaded-flexion"
	SpineNeutralLower Class = "spine-neutral-lower"
	CoreEndurance     Class = "core-endurance"
	UpperBody         Class = "upper-body"
	Other             Class = "other"
)

// Classes lists every class, from the heaviest load on the back to the least
// specific.
var Classes = []Class{SpinalHeavy, LoadedFlexion, SpineNeutralLower, CoreEndurance, UpperBody, Other}

// Valid reports whether c is one of the six classes.
func (c Class) Valid() bool {
	for _, k := range Classes {
		if c == k {
			return true
		}
	}
	return false
}

// LoadsSpine reports whether the class is one whose load counts as spinal
// load: the heavy spinal lifts and loaded flexion.
func (c Class) LoadsSpine() bool { return c == SpinalHeavy || c == LoadedFlexion }

// Label is the class in words for people.
func (c Class) Label() string {
	switch c {
	case SpinalHeavy:
		return "Heavy spinal loading"
	case LoadedFlexion:
		return "Loaded flexion"
	case SpineNeutralLower:
		return "Spine-neutral lower body"
	case CoreEndurance:
		return "Core endurance"
	case UpperBody:
		return "Upper body"
	case Other:
		return "Other"
	}
	return string(c)
}

// ParseClass reads a class slug. It returns an EINVALID error naming the
// accepted slugs when s is not one.
func ParseClass(s string) (Class, error) {
	c := Class(strings.ToLower(strings.TrimSpace(s)))
	if c.Valid() {
		return c, nil
	}
	names := make([]string, len(Classes))
	for i, k := range Classes {
		names[i] = string(k)
	}
	return "", Errorf(EINVALID, "unknown class %q (want one of %s)", s, strings.Join(names, ", "))
}

// String returns the slug.
func (c Class) String() string { return string(c) }
