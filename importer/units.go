package importer

import (
	"fmt"
	"strings"

	"github.com/backload/backload"
)

// weightUnit reads a unit column: kg, kgs, lb, lbs and their long names;
// empty is def.
func weightUnit(s string, def backload.Unit) (backload.Unit, error) {
	switch s {
	case "kg", "kgs":
		return backload.Kilograms, nil
	case "lbs", "lb":
		return backload.Pounds, nil
	case "":
		return def, nil
	}
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "kg", "kgs", "kilogram", "kilograms":
		return backload.Kilograms, nil
	case "lb", "lbs", "pound", "pounds":
		return backload.Pounds, nil
	case "":
		return def, nil
	}
	return "", fmt.Errorf("%s is not a weight unit (kg or lbs)", echo(s))
}

// distanceUnit reads a distance unit and returns meters per unit; empty is
// def.
func distanceUnit(s string, def float64) (float64, error) {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "":
		return def, nil
	case "m", "meter", "meters", "metre", "metres":
		return 1, nil
	case "km", "kms", "kilometer", "kilometers", "kilometre", "kilometres":
		return metersPerKm, nil
	case "mi", "mile", "miles":
		return metersPerMile, nil
	case "ft", "feet", "foot":
		return metersPerFoot, nil
	case "yd", "yds", "yard", "yards":
		return metersPerYard, nil
	}
	return 0, fmt.Errorf("%s is not a distance unit (m, km, mi, ft or yd)", echo(s))
}

// unitInHeader reads the unit in a header such as "Weight (lbs)"; def when
// there is none.
func unitInHeader(h string, def backload.Unit) backload.Unit {
	k := headerKey(h)
	switch {
	case strings.HasSuffix(k, "(kg)") || strings.HasSuffix(k, "(kgs)"):
		return backload.Kilograms
	case strings.HasSuffix(k, "(lb)") || strings.HasSuffix(k, "(lbs)"):
		return backload.Pounds
	}
	return def
}

// distanceInHeader reads meters per unit from a header such as
// "Distance (meters)"; def when it names none.
func distanceInHeader(h string, def float64) float64 {
	k := headerKey(h)
	if i := strings.LastIndexByte(k, '('); i >= 0 && strings.HasSuffix(k, ")") {
		if per, err := distanceUnit(k[i+1:len(k)-1], def); err == nil {
			return per
		}
	}
	return def
}

// defaultDistance is the distance unit of a file that does not say:
// kilometres for kg users, miles for lb users.
func defaultDistance(u backload.Unit) float64 {
	if u == backload.Pounds {
		return metersPerMile
	}
	return metersPerKm
}
