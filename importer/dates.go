package importer

import (
	"fmt"
	"strings"
	"time"
)

// The date layouts each format is known to write. Every one is tried with
// time.ParseInLocation, which fails fast: an unknown format is an error,
// never a hang.
var (
	strongLayouts = []string{
		"2006-01-02 15:04:05",
		"2006-01-02 15:04",
		"2006-01-02 3:04:05 PM", // iOS 17 and later in 12-hour locales
		"2006-01-02 3:04 PM",
		"2006-01-02T15:04:05",
		time.RFC3339,
	}
	hevyLayouts = []string{
		"2 Jan 2006, 15:04", // until 2025: "15 Sep 2025, 07:48"
		"Jan 2, 2006, 3:04 PM",
		"2 Jan 2006, 15:04:05",
		"Jan 2, 2006, 3:04:05 PM",
		"2 Jan 2006, 3:04 PM",
		"Jan 2, 2006, 15:04",
		"2006-01-02 15:04:05",
		"2006-01-02T15:04:05",
		time.RFC3339,
	}
	fitNotesLayouts = []string{"2006-01-02"}
)

// Years outside these bounds are typos (and beyond 9999 cannot be written
// back as RFC 3339).
const (
	minYear = 1900
	maxYear = 2200
)

// dateCache parses dates, remembering the last one: every row of a workout
// repeats its date.
type dateCache struct {
	layouts []string
	loc     *time.Location
	last    string
	t       time.Time
}

// parse reads s in one of the layouts, in c.loc unless s has a zone.
func (c *dateCache) parse(s string) (time.Time, error) {
	if s == c.last && s != "" {
		return c.t, nil
	}
	t, err := parseDate(s, c.layouts, c.loc)
	if err != nil {
		return time.Time{}, err
	}
	c.last, c.t = s, t
	return t, nil
}

var unicodeSpaces = strings.NewReplacer("\u202f", " ", "\u00a0", " ")

func parseDate(s string, layouts []string, loc *time.Location) (time.Time, error) {
	n := strings.TrimSpace(s)
	// Unicode spaces before AM/PM (U+202F on recent iPhones) and lower-case
	// am/pm; month names are matched without regard to case.
	n = unicodeSpaces.Replace(n)
	n = strings.ToUpper(n)
	if n == "" {
		return time.Time{}, fmt.Errorf("the date is empty")
	}
	for _, l := range layouts {
		t, err := time.ParseInLocation(l, n, loc)
		if err != nil {
			continue
		}
		if y := t.Year(); y < minYear || y > maxYear {
			return time.Time{}, fmt.Errorf("%s is not a plausible date (year %d)", echo(s), y)
		}
		return t, nil
	}
	return time.Time{}, fmt.Errorf("%s is a date in no known format (expected like %s)", echo(s), example(layouts))
}

// example writes the first layout as a reader sees it.
func example(layouts []string) string {
	ref := time.Date(2025, 9, 15, 7, 48, 0, 0, time.UTC)
	return ref.Format(layouts[0])
}
