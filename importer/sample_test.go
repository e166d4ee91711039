package importer

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/backload/backload"
	"github.com/backload/backload/catalog"
)

// The real Strong export in the shared samples (not part of the project:
// its licence keeps it outside). The test is skipped without it.
const realStrongSample = "../../shared/data/samples/strong-classic-kg.csv"

func TestRealStrongSample(t *testing.T) {
	data, err := os.ReadFile(realStrongSample)
	if err != nil {
		t.Skip("no sample:", err)
	}
	res := mustParse(t, string(data), Options{})
	sessions, sets, warmups, volume := counts(res)
	t.Logf("%s: %d sessions, %d sets, %d warm-ups, %.1f kg working volume, %d skipped", res.Layout, sessions, sets, warmups, volume, len(res.Skipped))
	if sets != 2078 {
		t.Errorf("sets = %d, want 2078 (every data row)", sets)
	}
	if res.Layout != "strong classic (comma, no unit column)" {
		t.Errorf("layout = %q", res.Layout)
	}
}

// TestWithTheCatalog imports every fixture with the real catalog matcher.
func TestWithTheCatalog(t *testing.T) {
	opts := Options{Classify: catalog.Default().Classify}
	files, _ := filepath.Glob(filepath.Join("testdata", "*.csv"))
	for _, f := range files {
		res := mustParseFile(t, filepath.Base(f), opts)
		for _, s := range res.Sessions {
			for _, e := range s.Exercises {
				if !e.Class.Valid() {
					t.Errorf("%s: %q has class %q", f, e.Input, e.Class)
				}
				if e.Input == "Squat (Barbell)" && e.Class != backload.SpinalHeavy {
					t.Errorf("%s: %q classified %q %q", f, e.Input, e.ExerciseID, e.Class)
				}
			}
		}
	}
}
