package importer

import (
	"errors"
	"fmt"
	"math"
	"strconv"
	"strings"

	"github.com/backload/backload"
)

// Conversions, by definition, and sanity bounds on logged values. The
// weight and seconds bounds come from backload.Policy; these only keep
// nonsense (and integer overflow) out.
const (
	kgPerLb        = 0.45359237
	metersPerKm    = 1000
	metersPerMile  = 1609.344
	metersPerFoot  = 0.3048
	metersPerYard  = 0.9144
	maxReps        = 100000
	maxDistanceM   = 1e6  // 1,000 km in one set
	maxDurationSec = 1e8  // a workout left running for years is still not this
	maxRPE         = 10.0 // RPE is 0 (not recorded) to 10
)

// limits are the bounds a parser checks values against.
type limits struct {
	maxKg      float64
	maxSeconds int
}

func newLimits() limits {
	p := backload.DefaultPolicy()
	return limits{maxKg: p.AbsurdWeightKg, maxSeconds: p.MaxSeconds}
}

// number reads a decimal number. With comma, one decimal comma is read as a
// point (semicolon-separated exports from comma-decimal locales).
func number(s string, comma bool) (float64, error) {
	t := strings.TrimSpace(s)
	if comma {
		if i := strings.IndexByte(t, ','); i >= 0 && !strings.ContainsAny(t[i+1:], ",.") && !strings.Contains(t[:i], ".") {
			t = t[:i] + "." + t[i+1:]
		}
	}
	f, err := strconv.ParseFloat(t, 64)
	if err != nil || math.IsNaN(f) || math.IsInf(f, 0) {
		return 0, fmt.Errorf("%s is not a number", echo(s))
	}
	return f, nil
}

// weightKg reads a weight written in unit u and returns kilograms. Float
// noise in the written weight is removed by rounding it to 0.01 of its own
// unit (149.99999999999997 lb is 150 lb); pounds are then converted at full
// precision (150 lb is 68.0388555 kg), so the kilograms are exact for what
// was entered and re-export is stable. Empty is 0 (bodyweight); 0 stays 0.
func weightKg(s string, u backload.Unit, comma bool, lim limits) (float64, error) {
	if s == "" {
		return 0, nil
	}
	v, err := number(s, comma)
	if err != nil {
		return 0, err
	}
	if v < 0 {
		return 0, fmt.Errorf("%s is negative", echo(s))
	}
	per := 1.0
	if u == backload.Pounds {
		per = kgPerLb
	}
	kg := math.Round(v*100) / 100 * per
	if kg > lim.maxKg {
		return 0, fmt.Errorf("%g %s is more than %g kg: is the unit right?", v, u, lim.maxKg)
	}
	if kg == 0 {
		kg = 0 // never -0
	}
	return kg, nil
}

// wholeNumber reads a count such as reps: "10" and "10.0" are 10; empty is 0.
// A fraction is an error.
func wholeNumber(s string, comma bool, limit int) (int, error) {
	return count(s, comma, limit, "", false)
}

// count reads a non-negative number up to limit, the common case of plain
// digits without allocating. A fraction is rounded when round is set, else
// an error; unit names what the limit is in, for the message.
func count(s string, comma bool, limit int, unit string, round bool) (int, error) {
	if n, ok := digits(s); ok && n <= limit {
		return n, nil
	}
	if s == "" {
		return 0, nil
	}
	v, err := number(s, comma)
	switch {
	case err != nil:
		return 0, err
	case v < 0:
		return 0, fmt.Errorf("%s is negative", echo(s))
	case !round && v != math.Trunc(v):
		return 0, fmt.Errorf("%s is not a whole number", echo(s))
	case v > float64(limit):
		return 0, fmt.Errorf("%s%s is more than %d", echo(s), unit, limit)
	}
	return int(math.Round(v)), nil
}

// digits reads a short run of ASCII digits without allocating.
func digits(s string) (int, bool) {
	if s == "" || len(s) > 9 {
		return 0, false
	}
	n := 0
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c < '0' || c > '9' {
			return 0, false
		}
		n = n*10 + int(c-'0')
	}
	return n, true
}

// rpe reads a rating of perceived exertion, 0 to 10 with halves kept;
// empty is 0 (not recorded).
func rpe(s string, comma bool) (float64, error) {
	if s == "" {
		return 0, nil
	}
	v, err := number(s, comma)
	if err != nil {
		return 0, err
	}
	if v < 0 || v > maxRPE {
		return 0, fmt.Errorf("%s is outside 0 to 10", echo(s))
	}
	if v == 0 {
		v = 0
	}
	return v, nil
}

// seconds reads a duration in seconds, rounded to whole seconds; empty is 0.
func seconds(s string, comma bool, limit int) (int, error) {
	return count(s, comma, limit, " seconds", true)
}

// distanceM reads a distance written in units of per meters; empty is 0.
// Meters are rounded to the millimetre to drop float noise.
func distanceM(s string, per float64, comma bool) (float64, error) {
	if s == "" || s == "0" {
		return 0, nil
	}
	v, err := number(s, comma)
	switch {
	case err != nil:
		return 0, err
	case v < 0:
		return 0, fmt.Errorf("%s is negative", echo(s))
	case v*per > maxDistanceM:
		return 0, fmt.Errorf("%s is more than %g km", echo(s), maxDistanceM/1000)
	}
	m := math.Round(v*per*1000) / 1000
	if m == 0 {
		m = 0
	}
	return m, nil
}

var errEmptyName = errors.New("the exercise name is empty")
