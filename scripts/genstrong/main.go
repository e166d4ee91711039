// Command genstrong writes a synthetic Strong export (classic comma layout)
// of a given number of sets, for benchmarks: a few years of four-exercise
// sessions with warm-ups, float noise in weights, notes and RPE.
package main

import (
	"bufio"
	"flag"
	"fmt"
	"math/rand/v2"
	"os"
	"time"
)

func main() {
	sets := flag.Int("sets", 200_000, "how many sets to write")
	out := flag.String("o", "", "output file (default standard output)")
	flag.Parse()
	f := os.Stdout
	if *out != "" {
		var err error
		if f, err = os.Create(*out); err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(1)
		}
		defer f.Close()
	}
	w := bufio.NewWriter(f)
	defer w.Flush()
	names := []string{"Squat (Barbell)", "Bench Press (Barbell)", "Deadlift (Barbell)", "Lat Pulldown (Cable)",
		"Leg Press", "Plank", "Bent Over Row (Barbell)", "Overhead Press (Barbell)", "Hip Thrust (Barbell)", "Bicep Curl (Dumbbell)"}
	weights := []string{"60.0", "80.5", "100.0", "149.99999999999997", "42.5", "0.0"}
	r := rand.New(rand.NewPCG(1, 2))
	fmt.Fprintln(w, "Date,Workout Name,Duration,Exercise Name,Set Order,Weight,Reps,Distance,Seconds,Notes,Workout Notes,RPE")
	day := time.Date(2016, 1, 1, 7, 0, 0, 0, time.UTC)
	for n := 0; n < *sets; day = day.Add(26 * time.Hour) {
		title := []string{"Push", "Pull", "Legs", "Full Body"}[r.IntN(4)]
		for _, i := range r.Perm(len(names))[:4] {
			for s := 1; s <= 5 && n < *sets; s++ {
				order := fmt.Sprint(s)
				if s == 1 {
					order = "W"
				}
				rpe := ""
				if s == 5 {
					rpe = "8.5"
				}
				fmt.Fprintf(w, "%s,\"%s\",1h 3m,\"%s\",%s,%s,%d.0,0,0,\"\",\"\",%s\n",
					day.Format("2006-01-02 15:04:05"), title, names[i], order, weights[r.IntN(len(weights))], 3+r.IntN(8), rpe)
				n++
			}
		}
	}
}
