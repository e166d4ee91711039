package importer

import (
	"bytes"
	"fmt"
	"os"
	"strconv"
	"testing"
	"time"

	"github.com/backload/backload/catalog"
)

// benchExercises are the names the generated export uses, as Strong
// writes them.
var benchExercises = []string{
	"Squat (Barbell)", "Deadlift (Barbell)", "Bench Press (Barbell)", "Overhead Press (Barbell)",
	"Bent Over Row (Barbell)", "Lat Pulldown (Cable)", "Leg Press", "Romanian Deadlift (Barbell)",
	"Bicep Curl (Dumbbell)", "Triceps Pushdown (Cable Rope)", "Plank", "Pull Up", "Lunge (Dumbbell)",
	"Seated Cable Row", "Lateral Raise (Dumbbell)", "Hip Thrust (Barbell)", "Leg Curl (Machine)",
	"Incline Bench Press (Dumbbell)", "Face Pull (Cable)", "Back Extension",
}

// strongExport writes a Strong classic export of n sets: sessions of five
// exercises of five sets (one warm-up), with float noise, notes, RPE and a
// Rest Timer row now and then, as real files have.
func strongExport(n int) []byte {
	var b bytes.Buffer
	b.Grow(n * 100)
	b.WriteString("Date,Workout Name,Duration,Exercise Name,Set Order,Weight,Reps,Distance,Seconds,Notes,Workout Notes,RPE\n")
	start := time.Date(2015, 1, 1, 7, 0, 0, 0, time.UTC)
	written := 0
	for s := 0; written < n; s++ {
		date := start.Add(time.Duration(s) * 26 * time.Hour).Format("2006-01-02 15:04:05")
		title := []string{"Push", "Pull", "Legs", "Full Body"}[s%4]
		dur := strconv.Itoa(1+s%2) + "h " + strconv.Itoa(s%60) + "m"
		for e := 0; e < 5 && written < n; e++ {
			name := benchExercises[(s*3+e)%len(benchExercises)]
			for set := 0; set < 5 && written < n; set++ {
				order := strconv.Itoa(set)
				if set == 0 {
					order = "W"
				}
				weight := strconv.FormatFloat(40+float64((s+e*7+set*5)%120)+0.5*float64(set%2), 'f', 1, 64)
				if set == 3 {
					weight = "102.49999999999999"
				}
				notes, wnotes, rpe := "", "", ""
				if set == 1 && e == 0 {
					wnotes = `"Back 2/10, felt fine"`
				}
				if set == 1 && s%7 == 0 {
					notes = `"Belt on"`
				}
				if set >= 2 {
					rpe = []string{"8", "8.5", "9.5"}[set-2]
				}
				fmt.Fprintf(&b, "%s,\"%s\",%s,\"%s\",%s,%s,%d,0,0,%s,%s,%s\n", date, title, dur, name, order, weight, 5+set%4, notes, wnotes, rpe)
				written++
			}
			if s%10 == 0 {
				fmt.Fprintf(&b, "%s,\"%s\",%s,\"%s\",Rest Timer,0,0,0,180,,,\n", date, title, dur, name)
			}
		}
	}
	return b.Bytes()
}

func BenchmarkParseStrong200k(b *testing.B) {
	const sets = 200000
	data := strongExport(sets)
	if path := os.Getenv("BACKLOAD_BENCH_FILE"); path != "" {
		// For comparing with sqlite3 ".import --csv FILE t" on the same file.
		if err := os.WriteFile(path, data, 0o644); err != nil {
			b.Fatal(err)
		}
	}
	opts := Options{Classify: catalog.Default().Classify}
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		res, err := Parse(bytes.NewReader(data), int64(len(data)), opts)
		if err != nil {
			b.Fatal(err)
		}
		if _, n, _, _ := counts(res); n != sets {
			b.Fatalf("%d sets, want %d", n, sets)
		}
	}
	b.ReportMetric(float64(sets)*float64(b.N)/b.Elapsed().Seconds(), "sets/s")
}
