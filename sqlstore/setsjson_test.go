package sqlstore

import (
	"encoding/json"
	"math/rand/v2"
	"testing"

	"github.com/backload/backload"
)

func TestAppendSetsMatchesEncodingJSON(t *testing.T) {
	r := rand.New(rand.NewPCG(7, 9))
	notes := []string{"", "grindy", `quote " and \ slash`, "<b>&", "Müde", "line\nbreak", "\x01", "💪"}
	weights := []float64{0, 0.5, 100, 149.99999999999997, 83.91458, 1e-7, 1000, 45.359237}
	for range 2000 {
		sets := make([]backload.Set, r.IntN(6))
		for i := range sets {
			sets[i] = backload.Set{
				Kind:     []backload.SetKind{backload.WarmUp, backload.Working, backload.Drop, backload.Failure}[r.IntN(4)],
				WeightKg: weights[r.IntN(len(weights))], Reps: r.IntN(30), RPE: float64(r.IntN(21)) / 2,
				Seconds: r.IntN(120), DistanceM: weights[r.IntN(len(weights))],
				Unit: []backload.Unit{"", backload.Kilograms, backload.Pounds}[r.IntN(3)], Notes: notes[r.IntN(len(notes))],
			}
		}
		want, _ := json.Marshal(nonNilSets(sets))
		if got := appendSets(nil, nonNilSets(sets)); string(got) != string(want) {
			t.Fatalf("appendSets\n got %s\nwant %s", got, want)
		}
	}
}

func BenchmarkAppendSets(b *testing.B) {
	sets := []backload.Set{{Kind: backload.Working, WeightKg: 100, Reps: 5, RPE: 8.5, Unit: backload.Kilograms}}
	sets = append(sets, sets[0], sets[0], sets[0], sets[0])
	var buf []byte
	for b.Loop() {
		buf = appendSets(buf[:0], sets)
	}
}
