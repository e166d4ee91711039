package sqlstore

import (
	"encoding/json"
	"math"
	"strconv"

	"github.com/backload/backload"
)

// appendSets writes sets exactly as encoding/json would, without its
// reflection: a large import writes 200,000 sets, and this was a tenth of
// its time. TestAppendSetsMatchesEncodingJSON holds the two together.
func appendSets(b []byte, sets []backload.Set) []byte {
	b = append(b, '[')
	for i, s := range sets {
		if i > 0 {
			b = append(b, ',')
		}
		b = append(b, `{"kind":`...)
		b = appendString(b, string(s.Kind))
		b = append(b, `,"weight_kg":`...)
		b = appendFloat(b, s.WeightKg)
		b = append(b, `,"reps":`...)
		b = strconv.AppendInt(b, int64(s.Reps), 10)
		b = append(b, `,"rpe":`...)
		b = appendFloat(b, s.RPE)
		b = append(b, `,"seconds":`...)
		b = strconv.AppendInt(b, int64(s.Seconds), 10)
		b = append(b, `,"distance_m":`...)
		b = appendFloat(b, s.DistanceM)
		if s.Unit != "" {
			b = append(b, `,"unit":`...)
			b = appendString(b, string(s.Unit))
		}
		if s.Notes != "" {
			b = append(b, `,"notes":`...)
			b = appendString(b, s.Notes)
		}
		b = append(b, '}')
	}
	return append(b, ']')
}

// appendFloat formats like encoding/json: the shortest form, with an
// exponent only for very small or very large magnitudes.
func appendFloat(b []byte, f float64) []byte {
	if math.IsNaN(f) || math.IsInf(f, 0) {
		return append(b, '0') // never stored: the importers refuse them
	}
	abs := math.Abs(f)
	if abs != 0 && (abs < 1e-6 || abs >= 1e21) {
		out, _ := json.Marshal(f)
		return append(b, out...)
	}
	return strconv.AppendFloat(b, f, 'f', -1, 64)
}

// appendString writes a JSON string; text that needs escaping goes through
// encoding/json so the rules stay its own.
func appendString(b []byte, s string) []byte {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c < 0x20 || c == '"' || c == '\\' || c == '<' || c == '>' || c == '&' || c >= 0x80 {
			out, _ := json.Marshal(s)
			return append(b, out...)
		}
	}
	b = append(b, '"')
	b = append(b, s...)
	return append(b, '"')
}
