package catalog

import (
	"github.com/backload/backload"
)

// guess is what the rules infer from a name's words.
type guess struct {
	class     backload.Class
	pattern   backload.Pattern
	equipment string
	measure   backload.Measure
}

// words is a name's tokens as a set, with the questions the rules ask.
type wordSet map[string]bool

func (w wordSet) any(ws ...string) bool {
	for _, x := range ws {
		if w[x] {
			return true
		}
	}
	return false
}

func (w wordSet) all(ws ...string) bool {
	for _, x := range ws {
		if !w[x] {
			return false
		}
	}
	return true
}

// equipmentOf reads the equipment from the words; "" when none is named.
func equipmentOf(w wordSet) string {
	switch {
	case w["smith"]:
		return "smith-machine"
	case w.all("trap", "bar"):
		return "trap-bar"
	case w.any("barbell", "olympic", "cambered", "axle") || w.all("safety", "bar"):
		return "barbell"
	case w["ezbar"]:
		return "ez-bar"
	case w["dumbbell"]:
		return "dumbbell"
	case w["kettlebell"]:
		return "kettlebell"
	case w["cable"]:
		return "cable"
	case w["band"]:
		return "band"
	case w.any("machine", "lever", "selectorized") || w.all("plate", "loaded") || w.all("hammer", "strength"):
		return "machine"
	case w["sled"] || w["prowler"]:
		return "sled"
	case w.any("bodyweight", "air", "prisoner", "unweighted"):
		return "bodyweight"
	case w.any("weighted", "plate", "landmine", "sandbag", "medicine", "med", "vest"):
		return "other"
	}
	return ""
}

// infer classifies a name that matched no catalog alias. The rules run from
// the most specific to the least; the first that fits decides. They follow
// domain.md section 2: the equipment word is a strong signal, so a barbell
// squat and a goblet squat land in different classes.
func infer(toks []string) guess {
	w := make(wordSet, len(toks))
	for _, t := range toks {
		w[t] = true
	}
	eq := equipmentOf(w)
	heavyBar := eq == "barbell" || eq == "trap-bar" || eq == "smith-machine"
	light := eq == "dumbbell" || eq == "kettlebell" || eq == "band" || eq == "bodyweight" || eq == "machine" || eq == "cable"
	loaded := eq != "" && eq != "bodyweight"
	g := func(c backload.Class, p backload.Pattern) guess {
		return guess{class: c, pattern: p, equipment: eq, measure: backload.Reps}
	}
	held := func(c backload.Class, p backload.Pattern, m backload.Measure) guess {
		gg := g(c, p)
		gg.measure = m
		return gg
	}

	switch {
	// Mobility and stretching load nothing.
	case w.any("stretch", "stretching", "mobility", "yoga", "foam", "pilates", "massage") || w.all("cat", "camel"):
		return held(backload.Other, backload.Mobility, backload.Duration)

	// Carries: heavy bilateral ones load the spine like a deadlift held; a
	// one-sided or overhead carry is trunk endurance.
	case w.any("suitcase", "waiter", "waiters") || w.all("overhead", "carry"):
		return held(backload.CoreEndurance, backload.Carry, backload.Duration)
	case w.any("farmer", "farmers", "yoke", "keg", "atlas", "tire", "tyre", "frame") ||
		(w.any("carry", "walk") && w.any("zercher", "sandbag", "trap")):
		return g(backload.SpinalHeavy, backload.Carry)

	// Trunk flexion with load, or full sit-ups, load the flexed spine.
	case w["jefferson"] && !w["deadlift"] || w.all("good", "morning") || w.any("goodmorning"):
		return g(backload.LoadedFlexion, backload.Hinge)
	case w.any("situp", "vup", "jackknife") || w.all("v", "up") || w.all("toe", "bar") ||
		w.all("russian", "twist") || w.all("side", "bend"):
		return g(backload.LoadedFlexion, backload.Trunk)
	case w.any("twist", "rotation", "windmill") && loaded && !w.any("external", "internal", "cuff"):
		// Turning or side-bending the trunk against a machine, cable or
		// bell loads the spine out of neutral, as flexion does.
		return g(backload.LoadedFlexion, backload.Trunk)
	case w["crunch"]:
		if loaded {
			return g(backload.LoadedFlexion, backload.Trunk)
		}
		return g(backload.CoreEndurance, backload.Trunk)
	case w.any("hyperextension", "superman") || w.all("back", "extension") || w.all("back", "raise"):
		if w["reverse"] || !loaded || eq == "bodyweight" {
			return g(backload.SpineNeutralLower, backload.Hinge)
		}
		return g(backload.LoadedFlexion, backload.Hinge)

	// Low-load trunk endurance.
	case w.any("plank", "pallof", "hollow", "curlup", "rollout", "getup", "copenhagen", "deadbug", "birddog") ||
		w.all("bird", "dog") || w.all("dead", "bug") || w.all("ab", "wheel") || w.all("side", "bridge") ||
		w.all("bear", "crawl") || w.all("stir", "pot") || (w.all("leg", "raise") || w.all("knee", "raise")) && !w.any("calf", "tibialis") ||
		w.all("l", "sit") || w.any("antirotation", "fallout", "woodchop", "woodchopper", "chop", "dragon") || w.all("anti", "rotation") ||
		w.all("flutter", "kick") || w.all("wood", "chop"):
		return held(backload.CoreEndurance, backload.Trunk, holdIf(w.any("plank", "hollow", "hold", "bridge", "sit")))

	// Heavy barbell lifts, and the lifts that mean a barbell when no
	// equipment is named.
	case heavyBar && w.any("squat", "deadlift", "clean", "snatch", "jerk", "thruster", "lunge", "split", "stepup", "hack", "romanian", "pull"):
		return g(backload.SpinalHeavy, heavyPattern(w))
	case heavyBar && w["row"] && !supportedRow(w):
		return g(backload.SpinalHeavy, backload.HorizontalPull)
	case eq == "" && w.any("clean", "snatch", "jerk", "thruster", "zercher", "pendlay", "yates") ||
		eq == "" && w.all("rack", "pull") || eq == "" && w.all("block", "pull") || eq == "" && w.all("high", "pull"):
		return g(backload.SpinalHeavy, heavyPattern(w))
	case eq == "" && w["deadlift"] && !w.any("single", "one", "leg"):
		return g(backload.SpinalHeavy, backload.Hinge)
	case eq == "" && w["squat"] && !neutralSquat(w):
		return g(backload.SpinalHeavy, backload.Squat)
	case (eq == "" || eq == "dumbbell" || eq == "other") && w.all("bent", "row") && !w.any("one", "single", "1") && !supportedRow(w):
		return g(backload.SpinalHeavy, backload.HorizontalPull)
	case (eq == "" || eq == "other") && w["tbar"] && w["row"] && !supportedRow(w):
		return g(backload.SpinalHeavy, backload.HorizontalPull)

	// Jumps.
	case w.any("jump", "hop", "bound", "plyo", "plyometric", "skater", "burpee", "depth") && !w.all("jump", "rope"):
		return g(backload.Other, backload.Plyometric)
	// Lower body with the trunk supported or lightly loaded.
	case w.any("squat", "lunge", "split", "stepup", "pistol", "sissy", "cossack", "thrust", "bridge", "calf",
		"abductor", "adductor", "abduction", "adduction", "nordic", "frog", "pullthrough", "swing", "deadlift", "romanian", "glute", "hamstring") ||
		w.all("leg", "press") || w.all("leg", "extension") || w.all("leg", "curl") || w.all("wall", "sit") ||
		w.all("hip", "extension") || w.all("donkey", "kick"):
		return g(backload.SpineNeutralLower, lowerPattern(w))
	case (light || eq == "") && w.any("clean", "snatch"):
		return g(backload.SpineNeutralLower, backload.Hinge)

	// Conditioning, after the lower-body rules so a walking lunge stays a
	// lunge.
	case w.any("run", "running", "jog", "jogging", "sprint", "treadmill", "cycling", "cycle", "bike", "biking",
		"rowing", "rower", "erg", "ergometer", "elliptical", "swim", "swimming", "walk", "walking", "hike",
		"hiking", "stair", "stairmaster", "skipping", "aerobic", "aerobics", "hiit", "ruck", "rucking", "spin", "ski", "rope", "battle"):
		return held(backload.Other, backload.Cardio, backload.Duration)

	// Upper body.
	case w.any("bench", "pushup", "dip", "fly", "crossover", "pulldown", "pullup", "chinup", "facepull", "curl",
		"skullcrusher", "pushdown", "shrug", "pullover", "pullapart", "arnold", "military", "tricep", "bicep",
		"delt", "deltoid", "pec", "lateral", "row", "press", "raise", "kickback", "wrist", "muscle", "chest", "shoulder", "lat",
		"overhead", "trap", "forearm", "arm", "grip", "pulley", "triceps", "biceps"):
		return g(backload.UpperBody, upperPattern(w))
	}
	return g(backload.Other, "")
}

func holdIf(b bool) backload.Measure {
	if b {
		return backload.Hold
	}
	return backload.Reps
}

// supportedRow reports a row where a bench, pad or seat carries the trunk.
func supportedRow(w wordSet) bool {
	return w.any("chest", "supported", "seated", "seal", "incline", "inverted", "upright", "meadow", "meadows", "prone", "bench")
}

// neutralSquat reports a squat that, without named equipment, is not a bar
// on the back: bodyweight, goblet, machine and split stance squats.
func neutralSquat(w wordSet) bool {
	return w.any("air", "sissy", "pistol", "cossack", "wall", "prisoner", "goblet", "split", "bulgarian", "belt",
		"hack", "frog", "pendulum", "jump", "landmine", "sumo", "plie", "squat-jump", "shrimp", "skater", "hindu")
}

func heavyPattern(w wordSet) backload.Pattern {
	switch {
	case w.any("deadlift", "romanian") || w["pull"] && !w["high"]:
		return backload.Hinge
	case w.any("clean", "snatch", "jerk", "thruster"):
		return backload.FullBody
	case w.any("lunge", "split", "stepup"):
		return backload.Lunge
	case w["squat"] || w["hack"]:
		return backload.Squat
	case w["row"]:
		return backload.HorizontalPull
	}
	return backload.Hinge
}

func lowerPattern(w wordSet) backload.Pattern {
	switch {
	case w.any("lunge", "split", "stepup", "pistol", "cossack"):
		return backload.Lunge
	case w.any("squat", "sissy") || w.all("leg", "press") || w.all("wall", "sit"):
		return backload.Squat
	case w.any("thrust", "bridge", "frog", "pullthrough", "swing", "deadlift", "romanian", "nordic") || w.all("hip", "extension"):
		return backload.Hinge
	}
	return backload.Isolation
}

func upperPattern(w wordSet) backload.Pattern {
	switch {
	case w.any("pulldown", "pullup", "chinup", "muscle"):
		return backload.VerticalPull
	case w["row"] || w["facepull"]:
		return backload.HorizontalPull
	case w.any("overhead", "military", "shoulder", "arnold") && (w["press"] || !w.any("raise", "extension", "fly")):
		return backload.VerticalPush
	case w.any("bench", "pushup", "dip", "press"):
		return backload.HorizontalPush
	}
	return backload.Isolation
}

// fallbackAlternatives are spine-neutral exercises of each movement role,
// offered for an inferred heavy or flexion exercise that has no catalog
// entry of its own.
var fallbackAlternatives = map[backload.Pattern][]string{
	backload.Squat:          {"leg-press", "goblet-squat", "belt-squat"},
	backload.Lunge:          {"dumbbell-split-squat", "dumbbell-step-up", "leg-press"},
	backload.Hinge:          {"barbell-hip-thrust", "cable-pull-through", "dumbbell-romanian-deadlift"},
	backload.HorizontalPull: {"chest-supported-dumbbell-row", "seated-cable-row", "machine-row"},
	backload.FullBody:       {"kettlebell-swing", "barbell-hip-thrust", "goblet-squat"},
	backload.Carry:          {"suitcase-carry"},
	backload.Trunk:          {"dead-bug", "pallof-press", "mcgill-curl-up"},
	backload.VerticalPush:   {"seated-dumbbell-shoulder-press"},
}

// defaultAlternatives returns the fallback alternatives for a pattern that
// exist in the catalog; a hinge stands in for an unknown pattern.
func (c *Catalog) defaultAlternatives(p backload.Pattern) []string {
	ids, ok := fallbackAlternatives[p]
	if !ok {
		ids = fallbackAlternatives[backload.Hinge]
	}
	out := []string{}
	for _, id := range ids {
		if _, ok := c.byID[id]; ok {
			out = append(out, id)
		}
	}
	return out
}
