package catalog

import (
	"testing"

	"github.com/backload/backload"
)

// FuzzClassify checks that any name is classified, into a known class and
// source, without a panic, and that a catalog match names a real exercise.
func FuzzClassify(f *testing.F) {
	for _, s := range []string{"Squat (Barbell)", "DB RDL", "A1. Back Squat", "", "💪", "\xff\xfe", "Squat (Barbell, Low Bar)", "x x x x"} {
		f.Add(s)
	}
	c := Default()
	f.Fuzz(func(t *testing.T, name string) {
		got := c.Classify(name)
		if !got.Class.Valid() {
			t.Fatalf("%q: class %q", name, got.Class)
		}
		switch got.Source {
		case backload.FromCatalog:
			if _, ok := c.Exercise(got.ExerciseID); !ok {
				t.Fatalf("%q: matched unknown exercise %q", name, got.ExerciseID)
			}
		case backload.Inferred:
			if got.ExerciseID != "" {
				t.Fatalf("%q: inferred with an exercise id", name)
			}
		default:
			t.Fatalf("%q: source %q", name, got.Source)
		}
		if got.Alternatives == nil {
			t.Fatalf("%q: nil alternatives", name)
		}
	})
}
