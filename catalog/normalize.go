package catalog

import (
	"slices"
	"strings"
	"unicode"
)

// A key is a name reduced to what identifies the exercise: lowercase words,
// singular, abbreviations expanded, filler dropped, sorted and without
// repeats. "Squat (Barbell)", "barbell squats" and "BB Squat" share one key.
type key string

// fillers are words that never tell two exercises apart.
var fillers = set("the", "a", "an", "with", "on", "and", "of", "to", "for", "in", "at", "w", "x")

// expansions rewrite abbreviations and spelling variants into the words the
// catalog uses. A value may hold several words.
var expansions = map[string]string{
	"db": "dumbbell", "dbs": "dumbbell", "dumbell": "dumbbell", "dumbells": "dumbbell", "dumbel": "dumbbell",
	"bb": "barbell", "kb": "kettlebell", "kbs": "kettlebell", "bw": "bodyweight",
	"rdl": "romanian deadlift", "rdls": "romanian deadlift", "sldl": "stiff leg deadlift",
	"dl": "deadlift", "dls": "deadlift", "ohp": "overhead press", "ghr": "glute ham raise",
	"bss": "bulgarian split squat", "ssb": "safety bar", "hex": "trap", "trapbar": "trap bar",
	"ez": "ezbar", "flye": "fly", "flyes": "fly", "flies": "fly",
	"lats": "lat", "tbar": "t bar", "oly": "olympic",
	"stiffleg": "stiff leg", "stifflegged": "stiff leg", "legged": "leg",
	"hyper": "hyperextension", "hypers": "hyperextension", "hyperextensions": "hyperextension",
	"pulldowns": "pulldown", "pushdowns": "pushdown",
	"machines": "machine", "cables": "cable", "bands": "band",
	"banded": "band", "calves": "calf", "ext": "extension", "exts": "extension",
	"rfess": "rear foot elevated split squat", "sq": "squat", "sqs": "squat", "ss": "split squat",
	"legpress": "leg press", "benchpress": "bench press", "deads": "deadlift",
}

// compounds join two-word spellings that people also write as one word, so
// "Pull Up", "Pull-Up" and "Pullup" agree.
var compounds = map[[2]string]string{
	{"pull", "up"}: "pullup", {"push", "up"}: "pushup", {"chin", "up"}: "chinup",
	{"sit", "up"}: "situp", {"step", "up"}: "stepup", {"curl", "up"}: "curlup",
	{"body", "weight"}: "bodyweight", {"ez", "bar"}: "ezbar", {"ezbar", "bar"}: "ezbar",
	{"t", "bar"}: "tbar", {"pull", "down"}: "pulldown", {"push", "down"}: "pushdown",
	{"get", "up"}: "getup", {"dead", "lift"}: "deadlift", {"kettle", "bell"}: "kettlebell",
	{"dumb", "bell"}: "dumbbell", {"bar", "bell"}: "barbell", {"hyper", "extension"}: "hyperextension",
	{"wall", "ball"}: "wallball", {"stair", "master"}: "stairmaster", {"skull", "crusher"}: "skullcrusher",
	{"pull", "through"}: "pullthrough", {"pull", "apart"}: "pullapart", {"face", "pull"}: "facepull",
}

// words splits a name into lowercase words: punctuation separates words,
// apostrophes vanish ("Farmer's" is "farmers"), letters and digits stay.
func words(name string) []string {
	var b strings.Builder
	b.Grow(len(name))
	for _, r := range name {
		switch {
		case r == '\'' || r == '’' || r == '`':
			// drop, so possessives stay one word
		case r == '°':
			b.WriteString(" degree ")
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			b.WriteRune(unicode.ToLower(r))
		default:
			b.WriteByte(' ')
		}
	}
	return strings.Fields(b.String())
}

// tokens turns a name into its canonical words, in the order written:
// abbreviations expanded, compounds joined, plurals folded, fillers dropped.
func tokens(name string) []string {
	var expanded []string
	for _, w := range words(name) {
		if e, ok := expansions[w]; ok {
			expanded = append(expanded, strings.Fields(e)...)
			continue
		}
		expanded = append(expanded, w)
	}
	out := make([]string, 0, len(expanded))
	for i := 0; i < len(expanded); i++ {
		w := singular(expanded[i])
		if i+1 < len(expanded) {
			if c, ok := compounds[[2]string{w, singular(expanded[i+1])}]; ok {
				out = append(out, c)
				i++
				continue
			}
		}
		if e, ok := expansions[w]; ok && e != w {
			out = append(out, strings.Fields(e)...)
			continue
		}
		if fillers[w] {
			continue
		}
		out = append(out, w)
	}
	return out
}

// singular folds an English plural to its singular closely enough that both
// sides of a comparison agree. It is not a dictionary: it only has to be
// consistent, since aliases and inputs pass through it alike.
func singular(w string) string {
	switch {
	case len(w) <= 2:
		return w
	case w == "calves":
		return "calf"
	case strings.HasSuffix(w, "ies") && len(w) > 4:
		return w[:len(w)-3] + "y"
	case strings.HasSuffix(w, "sses"), strings.HasSuffix(w, "ches"),
		strings.HasSuffix(w, "shes"), strings.HasSuffix(w, "xes"):
		return w[:len(w)-2]
	case strings.HasSuffix(w, "ss"), strings.HasSuffix(w, "us"), strings.HasSuffix(w, "is"):
		return w
	case strings.HasSuffix(w, "s"):
		return w[:len(w)-1]
	}
	return w
}

// keyOf is the order-free key of a list of tokens.
func keyOf(toks []string) key {
	sorted := slices.Clone(toks)
	slices.Sort(sorted)
	sorted = slices.Compact(sorted)
	return key(strings.Join(sorted, " "))
}

// normalize is the key of a name.
func normalize(name string) key { return keyOf(tokens(name)) }

func set(ws ...string) map[string]bool {
	m := make(map[string]bool, len(ws))
	for _, w := range ws {
		m[w] = true
	}
	return m
}
