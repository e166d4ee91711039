package catalog

import (
	"strings"

	"github.com/backload/backload"
)

// modifiers are words that vary how an exercise is done without changing
// how it loads the back: "Paused Squat (Barbell, Low Bar)" is still a barbell
// squat. They are dropped only when the full name matched nothing.
var modifiers = set(
	"pause", "paused", "tempo", "deficit", "wide", "close", "narrow", "grip", "stance",
	"low", "high", "hold", "neutral", "pronated", "supinated", "underhand", "overhand",
	"alternating", "alternate", "single", "one", "arm", "heavy", "light", "speed", "dynamic",
	"competition", "comp", "touch", "go", "count", "sec", "second", "slow", "eccentric",
	"negative", "partial", "beltless", "belted", "raw", "chain", "variation", "variant",
	"style", "standard", "regular", "normal", "classic", "strict", "conventional", "rope",
	"handle", "attachment", "left", "right", "each", "per", "kg", "lb", "rep", "set",
	"top", "backoff", "working", "warmup", "amrap", "myo", "drop", "bar",
)

// withoutModifiers drops modifier words, digits and single letters from a
// key. The result keeps the key's sorted order.
func withoutModifiers(k key) key {
	ws := strings.Fields(string(k))
	kept := ws[:0:0]
	for _, w := range ws {
		if modifiers[w] || len(w) == 1 || isNumber(w) || isPlanLabel(w) {
			continue
		}
		kept = append(kept, w)
	}
	if len(kept) == 0 {
		return k
	}
	return key(strings.Join(kept, " "))
}

// isPlanLabel reports a coach's programme label such as "a1" or "b2".
func isPlanLabel(w string) bool {
	return len(w) >= 2 && w[0] >= 'a' && w[0] <= 'h' && isNumber(w[1:])
}

func isNumber(w string) bool {
	for _, r := range w {
		if r < '0' || r > '9' {
			return false
		}
	}
	return w != ""
}

// Classify returns what Backload knows about a name as a user logged it. It
// never fails: a name that matches no alias, even after its modifier words
// are dropped, is classified by rules over its words and marked inferred; a
// name with nothing recognisable is class other.
func (c *Catalog) Classify(name string) backload.Classification {
	trimmed := strings.TrimSpace(name)
	k := normalize(trimmed)
	if i, ok := c.match(k); ok {
		e := c.exercises[i]
		return backload.Classification{
			Input:        name,
			ExerciseID:   e.ID,
			Name:         e.Name,
			Class:        e.Class,
			Source:       backload.FromCatalog,
			Alternatives: nonNil(e.Alternatives),
			Pattern:      e.Pattern,
			Equipment:    e.Equipment,
			Measure:      e.Measure,
		}
	}
	g := infer(tokens(trimmed))
	alts := []string{}
	if g.class.LoadsSpine() {
		alts = c.defaultAlternatives(g.pattern)
	}
	return backload.Classification{
		Input:        name,
		Name:         trimmed,
		Class:        g.class,
		Source:       backload.Inferred,
		Alternatives: alts,
		Pattern:      g.pattern,
		Equipment:    g.equipment,
		Measure:      g.measure,
	}
}

// match looks the key up by its full words, then without modifiers against
// exact aliases, then against aliases that lost their modifiers too.
func (c *Catalog) match(k key) (int, bool) {
	if k == "" {
		return 0, false
	}
	if i, ok := c.exact[k]; ok {
		return i, true
	}
	lk := withoutModifiers(k)
	if i, ok := c.exact[lk]; ok {
		return i, true
	}
	i, ok := c.loose[lk]
	return i, ok
}

func nonNil(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}
