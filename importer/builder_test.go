package importer

import (
	"bytes"
	"encoding/csv"
	"fmt"
	"math"
	"strconv"
	"strings"
	"testing"

	"github.com/backload/backload"
)

// TestGroupingMatchesNaive checks the builder (its fast paths and set
// slabs) against a plain grouping of the rows, on a file long enough to
// fill several slabs and with supersets (exercises that alternate).
func TestGroupingMatchesNaive(t *testing.T) {
	var b bytes.Buffer
	b.Write(strongExport(3 * slabSize))
	for s := 0; s < 300; s++ { // supersets: A B A B C A
		for i, name := range []string{"Curl", "Dip", "Curl", "Dip", "Plank", "Curl"} {
			fmt.Fprintf(&b, "2030-01-%02d 08:%02d:00,Superset,1h,%s,%d,%d.5,%d,0,0,,,\n", 1+s%28, s/28, name, i, s%200, i+1)
		}
	}
	data := b.Bytes()
	res := mustParse(t, string(data), Options{})

	type key struct{ date, title, name string }
	want := map[key][]string{}
	rows, err := csv.NewReader(bytes.NewReader(data)).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range rows[1:] {
		if r[4] == "Rest Timer" {
			continue
		}
		k := key{r[0], r[1], r[3]}
		w, err := strconv.ParseFloat(r[5], 64)
		if err != nil {
			t.Fatal(err)
		}
		want[k] = append(want[k], fmt.Sprint(math.Round(w*100)/100)+"x"+r[6])
	}
	got := map[key][]string{}
	total := 0
	for _, s := range res.Sessions {
		for _, e := range s.Exercises {
			k := key{s.StartedAt.Format("2006-01-02 15:04:05"), s.Title, e.Input}
			if _, dup := got[k]; dup {
				t.Fatalf("%v appears twice in its session", k)
			}
			for _, x := range e.Sets {
				got[k] = append(got[k], fmt.Sprint(x.WeightKg)+"x"+fmt.Sprint(x.Reps))
				total++
			}
		}
	}
	if len(got) != len(want) {
		t.Fatalf("%d exercise logs, want %d", len(got), len(want))
	}
	for k, w := range want {
		if g := got[k]; strings.Join(g, " ") != strings.Join(w, " ") {
			t.Fatalf("%v: sets %v, want %v", k, g, w)
		}
	}
	// The slices handed out are capped: appending to one never overwrites
	// the next exercise's sets.
	ex := res.Sessions[0].Exercises
	next := ex[1].Sets[0]
	_ = append(ex[0].Sets, backload.Set{Kind: backload.Working, WeightKg: 999})
	if ex[1].Sets[0] != next {
		t.Error("appending to one exercise's sets overwrote another's")
	}
}
