package importer

import (
	"fmt"
	"strings"
)

// clock reads a time of a set as FitNotes writes it: "1:30", "0:01:30" or
// plain seconds; empty is 0.
func clock(s string, limit int) (int, error) {
	if !strings.Contains(s, ":") {
		return seconds(s, false, limit)
	}
	total := 0
	parts := strings.Split(strings.TrimSpace(s), ":")
	if len(parts) > 3 {
		return 0, errNotClock(s)
	}
	for _, p := range parts {
		n, ok := digits(p)
		if !ok || n > limit {
			return 0, errNotClock(s)
		}
		total = total*60 + n
		if total > limit {
			return 0, fmt.Errorf("%s is more than %d seconds", echo(s), limit)
		}
	}
	return total, nil
}

func errNotClock(s string) error {
	return fmt.Errorf("%s is not a time (H:MM:SS, M:SS or seconds)", echo(s))
}

// workoutDuration reads a Strong workout duration: "1h 3m", "45m", "2h",
// "1h 3m 20s", or plain seconds; empty is 0.
func workoutDuration(s string) (int, error) {
	s = strings.TrimSpace(s)
	if s == "" {
		return 0, nil
	}
	if n, ok := digits(s); ok {
		return n, nil
	}
	total, i, parts := 0, 0, 0
	for i < len(s) {
		for i < len(s) && s[i] == ' ' {
			i++
		}
		if i == len(s) {
			break
		}
		j := i
		for j < len(s) && s[j] >= '0' && s[j] <= '9' {
			j++
		}
		n, ok := digits(s[i:j])
		if !ok {
			return 0, errNotDuration(s)
		}
		k := j
		for k < len(s) && s[k] == ' ' {
			k++
		}
		u := k
		for u < len(s) && (s[u] >= 'a' && s[u] <= 'z' || s[u] >= 'A' && s[u] <= 'Z') {
			u++
		}
		var per int
		switch strings.ToLower(s[k:u]) {
		case "h", "hr", "hrs", "hour", "hours":
			per = 3600
		case "m", "min", "mins", "minute", "minutes":
			per = 60
		case "s", "sec", "secs", "second", "seconds":
			per = 1
		default:
			return 0, errNotDuration(s)
		}
		total += n * per
		if total > maxDurationSec {
			return 0, fmt.Errorf("%s is longer than %d seconds", echo(s), int(maxDurationSec))
		}
		i, parts = u, parts+1
	}
	if parts == 0 {
		return 0, errNotDuration(s)
	}
	return total, nil
}

func errNotDuration(s string) error {
	return fmt.Errorf("%s is not a duration (such as 1h 3m, or seconds)", echo(s))
}
