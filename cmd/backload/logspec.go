package main

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"

	"github.com/backload/backload"
)

// setSpec reads the quick set notation of 'backload log':
//
//	5x5@100     5 sets of 5 at 100 (the user's units)
//	3x8         3 sets of 8 without added weight
//	3x30s       3 holds of 30 seconds
//	w2x5@60     warm-up sets
//	1x5@225lb   a unit after the weight overrides the default
var setSpec = regexp.MustCompile(`^(?i)(w)?(\d{1,3})x(\d{1,4})(s)?(?:@(\d{1,4}(?:\.\d{1,3})?)(kg|lb|lbs)?)?$`)

var rpeSpec = regexp.MustCompile(`^(?i)rpe(\d{1,2}(?:\.5)?)$`)

// parseLogArgs turns 'backload log' arguments into exercises: each name is
// followed by one or more set specs and optionally an RPE ("rpe8") for the
// spec before it.
func parseLogArgs(args []string, unit backload.Unit, classify func(string) backload.Classification) ([]backload.ExerciseLog, error) {
	var out []backload.ExerciseLog
	p := backload.DefaultPolicy()
	for i, a := range args {
		if m := rpeSpec.FindStringSubmatch(a); m != nil {
			if len(out) == 0 || len(out[len(out)-1].Sets) == 0 {
				return nil, usagef("argument %d (%q): an RPE must follow a set spec", i+1, a)
			}
			rpe, _ := strconv.ParseFloat(m[1], 64)
			if rpe < 1 || rpe > 10 {
				return nil, usagef("argument %d (%q): RPE must be between 1 and 10", i+1, a)
			}
			sets := out[len(out)-1].Sets
			for j := range sets {
				if sets[j].RPE == 0 {
					sets[j].RPE = rpe
				}
			}
			continue
		}
		m := setSpec.FindStringSubmatch(a)
		if m == nil {
			if looksLikeSpec(a) {
				return nil, usagef("argument %d (%q) is not a set spec: write SETSxREPS@WEIGHT (5x5@100), SETSxREPS (3x8) or SETSxSECONDSs (3x30s)", i+1, a)
			}
			c := classify(a)
			out = append(out, backload.ExerciseLog{Input: a, ExerciseID: c.ExerciseID, Class: c.Class})
			continue
		}
		if len(out) == 0 {
			return nil, usagef("argument %d (%q): name the exercise before its sets", i+1, a)
		}
		sets, _ := strconv.Atoi(m[2])
		n, _ := strconv.Atoi(m[3])
		if sets < 1 || sets > p.MaxSets {
			return nil, usagef("argument %d (%q): sets must be between 1 and %d", i+1, a, p.MaxSets)
		}
		x := backload.Set{Kind: backload.Working, Unit: unit}
		if m[1] != "" {
			x.Kind = backload.WarmUp
		}
		if m[4] != "" {
			x.Seconds = n
		} else {
			x.Reps = n
		}
		if m[5] != "" {
			w, _ := strconv.ParseFloat(m[5], 64)
			if u := strings.ToLower(m[6]); u != "" {
				x.Unit = backload.Unit(strings.TrimSuffix(u, "s"))
			}
			if w > x.Unit.MaxWeight(p) {
				return nil, usagef("argument %d (%q): weight must be at most %s %s", i+1, a, trimFloat(x.Unit.MaxWeight(p)), x.Unit)
			}
			x.WeightKg = backload.ToKg(w, x.Unit)
		}
		e := &out[len(out)-1]
		for range sets {
			e.Sets = append(e.Sets, x)
		}
	}
	if len(out) == 0 {
		return nil, usagef("nothing to log: give an exercise and its sets, e.g. \"Squat (Barbell)\" 5x5@100")
	}
	for _, e := range out {
		if len(e.Sets) == 0 {
			return nil, usagef("%q has no sets: follow it with a set spec such as 3x8@60", e.Input)
		}
	}
	return out, nil
}

// looksLikeSpec tells a mistyped spec ("5x5@", "5*5") from an exercise name.
func looksLikeSpec(a string) bool {
	return a != "" && (a[0] >= '0' && a[0] <= '9' || strings.ContainsAny(a, "@")) && !strings.Contains(a, " ")
}

// describeSets writes an exercise's sets compactly, grouping repeats.
func describeSets(sets []backload.Set, unit backload.Unit) string {
	var parts []string
	for i := 0; i < len(sets); {
		j := i
		for j < len(sets) && sets[j] == sets[i] {
			j++
		}
		x := sets[i]
		s := fmt.Sprintf("%d x %d", j-i, x.Reps)
		if x.Seconds > 0 {
			s = fmt.Sprintf("%d x %ds", j-i, x.Seconds)
		}
		if x.WeightKg > 0 {
			u := x.Unit
			if u == "" {
				u = unit
			}
			s += fmt.Sprintf(" @ %s %s", trimFloat(backload.FromKg(x.WeightKg, u)), u)
		}
		if x.Kind != backload.Working {
			s += " (" + string(x.Kind) + ")"
		}
		parts = append(parts, s)
		i = j
	}
	return strings.Join(parts, ", ")
}
