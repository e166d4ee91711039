package report

import (
	"strings"
	"testing"

	"github.com/backload/backload"
)

func TestSpikes(t *testing.T) {
	p := backload.DefaultPolicy() // SpikeRatio 1.5
	d0 := dayOf(day(t, "2026-01-05"))
	// at is a row on day d0+i with spinal working volume kg.
	at := func(i int, c backload.Class, kg float64) ExerciseRow {
		return ExerciseRow{Day: dayTime(d0 + i), Class: c, ExerciseID: "x", Input: "x", VolumeKg: kg + 50, WorkingVolumeKg: kg}
	}
	daysFrom := func(i, j int) Range { return Range{From: dayTime(d0 + i), To: dayTime(d0 + j)} }
	var rising []ExerciseRow
	for i := range 28 {
		rising = append(rising, at(i, backload.SpinalHeavy, 100))
	}
	for i := 28; i < 32; i++ {
		// Loaded flexion counts too; spine-neutral work does not.
		rising = append(rising, at(i, backload.SpinalHeavy, 200), at(i, backload.LoadedFlexion, 100),
			at(i, backload.SpineNeutralLower, 5000))
	}
	type spike struct {
		day                     int
		acute, chronic, ratio10 float64
	}
	tests := []struct {
		name string
		rows []ExerciseRow
		r    Range
		want []spike
	}{
		{
			name: "RisingLoad",
			// 100 kg a day for four weeks, then 300 kg a day.
			// Day 28: 6×100+300 = 900 over (27×100+300)/4 = 750: 1.2.
			// Day 29: 5×100+600 = 1100 over (26×100+600)/4 = 800: 1.375.
			// Day 30: 4×100+900 = 1300 over (25×100+900)/4 = 850: 1.53.
			// Day 31: 3×100+1200 = 1500 over (24×100+1200)/4 = 900: 1.67.
			rows: rising,
			r:    daysFrom(28, 31),
			want: []spike{{30, 1300, 850, 1300.0 / 850}, {31, 1500, 900, 1500.0 / 900}},
		},
		{
			name: "ExactlyTheRatioIsNoSpike",
			// Day 27: 1500 over (2500+1500)/4 = 1000, exactly 1.5: no spike.
			// Day 28: day 0 has left the 28 days: 1500 over 1500/4 = 375.
			rows: []ExerciseRow{at(0, backload.SpinalHeavy, 2500), at(27, backload.SpinalHeavy, 1500)},
			r:    daysFrom(20, 28),
			want: []spike{{28, 1500, 375, 4}},
		},
		{
			name: "FirstWeeksOfALogAreNoSpike",
			// Day 10 alone would be 7×300 over 11×300/4: 2.5. But the load
			// before the log began is unknown, not zero.
			rows: []ExerciseRow{at(0, backload.SpinalHeavy, 300), at(4, backload.SpinalHeavy, 300), at(10, backload.SpinalHeavy, 2000)},
			r:    daysFrom(0, 26),
			want: nil,
		},
		{
			name: "HistoryStartsWithAnyClass",
			// Upper-body work from day 0 starts the log, so a first squat
			// session on day 27 is a jump from nothing.
			rows: []ExerciseRow{at(0, backload.UpperBody, 1000), at(27, backload.SpinalHeavy, 1000)},
			r:    daysFrom(27, 27),
			want: []spike{{27, 1000, 250, 4}},
		},
		{
			name: "NoLoadNoSpike",
			rows: []ExerciseRow{at(0, backload.UpperBody, 1000)},
			r:    daysFrom(0, 60),
			want: nil,
		},
		{
			name: "EmptyRange",
			rows: rising,
			r:    daysFrom(31, 28),
			want: nil,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := Spikes(tt.rows, tt.r, p)
			if got.Days == nil || len(got.Days) != len(tt.want) {
				t.Fatalf("got %d spikes %+v, want %d", len(got.Days), got.Days, len(tt.want))
			}
			for i, w := range tt.want {
				g := got.Days[i]
				if dayOf(g.Day) != d0+w.day || g.AcuteKg != w.acute || g.ChronicWeeklyKg != w.chronic || !near(g.Ratio, w.ratio10) {
					t.Errorf("spike %d: got day %d %+v, want %+v", i, dayOf(g.Day)-d0, g, w)
				}
			}
			if (got.Message == "") != (len(tt.want) == 0) {
				t.Errorf("message %q for %d spikes", got.Message, len(tt.want))
			}
		})
	}
}

// TestSpikeMessage checks the warning is a prompt to check the ramp and
// never reads as a prediction.
func TestSpikeMessage(t *testing.T) {
	p := backload.DefaultPolicy()
	d0 := dayOf(day(t, "2026-01-05"))
	rows := []ExerciseRow{
		{Day: dayTime(d0), Class: backload.SpinalHeavy, WorkingVolumeKg: 2500},
		{Day: dayTime(d0 + 27), Class: backload.SpinalHeavy, WorkingVolumeKg: 1500},
	}
	w := Spikes(rows, Range{From: dayTime(d0 + 27), To: dayTime(d0 + 29)}, p)
	// Days 28 and 29: 1500 over 375, a ratio of 4.
	want := "Your spinal load rose quickly on 2 days in this period. In the 7 days to 3 Feb 2026 it was 4.0 times " +
		"your weekly average over the 28 days to that date (this note appears above 1.5 times). " +
		"It is worth checking your return ramp or training plan for a jump in heavy lifting. " +
		"This is a prompt to look, not a prediction of injury: the acute:chronic workload ratio does not predict injury " +
		"(Lolli et al. 2019; Impellizzeri et al. 2021)."
	if w.Message != want {
		t.Errorf("message\n got %q\nwant %q", w.Message, want)
	}
	for _, bad := range []string{"risk", "will", "likely", "danger"} {
		if strings.Contains(strings.ToLower(w.Message), bad) {
			t.Errorf("message says %q: %s", bad, w.Message)
		}
	}
}

func TestSpikeMessageNamesTheHighest(t *testing.T) {
	days := []Spike{
		{Day: day(t, "2026-03-02"), Ratio: 1.6},
		{Day: day(t, "2026-03-03"), Ratio: 2.25},
		{Day: day(t, "2026-03-04"), Ratio: 1.75},
	}
	got := spikeMessage(days, backload.DefaultPolicy())
	want := "Your spinal load rose quickly on 3 days in this period. In the 7 days to 4 Mar 2026 it was 1.8 times " +
		"your weekly average over the 28 days to that date; the highest was 2.2 times, in the 7 days to 3 Mar 2026 " +
		"(this note appears above 1.5 times). "
	if !strings.HasPrefix(got, want) {
		t.Errorf("got  %q\nwant %q…", got, want)
	}
	if got := spikeMessage(days[:1], backload.DefaultPolicy()); !strings.HasPrefix(got, "Your spinal load rose quickly on one day") {
		t.Errorf("one day: %q", got)
	}
}
