package report

import (
	"testing"

	"github.com/backload/backload"
)

// BenchmarkTenYears runs each measure over ten years of history: 40,000
// exercise rows (about four sessions a week) and about 2,900 check-ins,
// all weeks from first to last.
func BenchmarkTenYears(b *testing.B) {
	rows, checkins, r := history(40000)
	p := backload.DefaultPolicy()
	lifts := MainLifts(rows, 3)
	b.Run("Weekly", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			Weekly(rows, r)
		}
	})
	b.Run("Core", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			Core(rows, r, p)
		}
	})
	b.Run("Spikes", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			Spikes(rows, r, p)
		}
	})
	b.Run("E1RM", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			E1RM(rows, lifts, r)
		}
	})
	b.Run("DailyPain", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			DailyPain(checkins, r, p)
		}
	})
	b.Run("AllWeeklyMeasures", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			Weekly(rows, r)
			Core(rows, r, p)
			Spikes(rows, r, p)
			E1RM(rows, lifts, r)
			DailyPain(checkins, r, p)
		}
	})
	b.Run("AllCharts", func(b *testing.B) {
		weeks, pain, core, e1rm := Weekly(rows, r), DailyPain(checkins, r, p), Core(rows, r, p), E1RM(rows, lifts, r)
		b.ReportAllocs()
		for b.Loop() {
			SpinalLoadChart(weeks, pain, Options{})
			VolumeChart(weeks, Options{})
			E1RMChart(e1rm, r, Options{})
			CoreChart(core, Options{})
		}
	})
}

// TestMeasuresAllocateOnlyOutput checks that no measure allocates per row:
// over the same ten years, 40 times the rows cost the same allocations.
func TestMeasuresAllocateOnlyOutput(t *testing.T) {
	rows, _, r := history(40000)
	few := rows[:1000]
	p := backload.DefaultPolicy()
	lifts := []string{"squat-barbell", "Plank", "bench-press-barbell"}
	flare := r.From.AddDate(0, 0, 60)
	measures := map[string]func(rows []ExerciseRow){
		"Weekly":        func(rows []ExerciseRow) { Weekly(rows, r) },
		"Core":          func(rows []ExerciseRow) { Core(rows, r, p) },
		"E1RM":          func(rows []ExerciseRow) { E1RM(rows, lifts, r) },
		"PreFlareVsNow": func(rows []ExerciseRow) { PreFlareVsNow(rows, lifts, flare, r.To, p) },
		// A range without spikes: the list of spike days is output.
		"Spikes": func(rows []ExerciseRow) { Spikes(rows, Range{From: r.From, To: r.From.AddDate(0, 0, 20)}, p) },
	}
	for name, f := range measures {
		a := testing.AllocsPerRun(5, func() { f(few) })
		b := testing.AllocsPerRun(5, func() { f(rows) })
		if a != b {
			t.Errorf("%s: %v allocations for 1,000 rows, %v for 40,000", name, a, b)
		}
	}
}
