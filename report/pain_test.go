package report

import (
	"testing"

	"github.com/backload/backload"
)

func checkin(date string, pain, sessionPain, morning int, flags ...backload.RedFlag) backload.DailyCheckIn {
	return backload.DailyCheckIn{Date: date, CheckIn: backload.CheckIn{Pain: pain, SessionPain: sessionPain,
		MorningChange: morning, RedFlags: flags}}
}

func TestDailyPain(t *testing.T) {
	p := backload.DefaultPolicy()
	type want struct {
		date    string
		pain    int
		avg7    float64
		n       int
		morning int
		zone    backload.Zone
	}
	tests := []struct {
		name     string
		r        Range
		checkins []backload.DailyCheckIn
		want     []want
	}{
		{
			name: "TrailingWeekAverage",
			r:    span(t, "2026-03-03", "2026-03-10"),
			checkins: []backload.DailyCheckIn{
				checkin("2026-03-08", 1, 0, 0),
				checkin("2026-03-01", 6, 0, 0), // before the range: in the first averages only
				checkin("2026-03-03", 4, 0, 2),
				checkin("2026-03-04", 2, 0, 0),
				checkin("2026-03-07", 3, 6, 0),
				checkin("2026-03-10", 0, 0, -1),
				checkin("2026-3-09", 9, 0, 0),  // malformed: skipped
				checkin("2026-03-11", 9, 0, 0), // after the range
			},
			want: []want{
				// 1 to 3 March: 6 and 4.
				{"2026-03-03", 4, 5, 2, 2, backload.Amber}, // pain 4 and 2 points worse: amber
				// 26 Feb to 4 March: 6, 4, 2.
				{"2026-03-04", 2, 4, 3, 0, backload.Green},
				// 1 to 7 March: 6, 4, 2, 3 = 15 / 4.
				{"2026-03-07", 3, 3.75, 4, 0, backload.Red}, // session pain 6: red
				// 2 to 8 March: 4, 2, 3, 1 = 10 / 4.
				{"2026-03-08", 1, 2.5, 4, 0, backload.Green},
				// 4 to 10 March: 2, 3, 1, 0 = 6 / 4.
				{"2026-03-10", 0, 1.5, 4, -1, backload.Green},
			},
		},
		{
			name: "LaterDuplicateWins",
			r:    span(t, "2026-03-02", "2026-03-03"),
			checkins: []backload.DailyCheckIn{
				checkin("2026-03-02", 6, 0, 0),
				checkin("2026-03-03", 2, 0, 0),
				checkin("2026-03-02", 4, 0, 0),
			},
			want: []want{
				{"2026-03-02", 4, 4, 1, 0, backload.Amber},
				{"2026-03-03", 2, 3, 2, 0, backload.Green},
			},
		},
		{
			name:     "NoCheckIns",
			r:        span(t, "2026-03-02", "2026-03-03"),
			checkins: nil,
			want:     []want{},
		},
		{
			name:     "EmptyRange",
			r:        span(t, "2026-03-03", "2026-03-02"),
			checkins: []backload.DailyCheckIn{checkin("2026-03-02", 6, 0, 0)},
			want:     []want{},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := DailyPain(tt.checkins, tt.r, p)
			if got == nil || len(got) != len(tt.want) {
				t.Fatalf("got %d days %+v, want %d", len(got), got, len(tt.want))
			}
			for i, w := range tt.want {
				g := got[i]
				if !g.Day.Equal(day(t, w.date)) || g.Pain != w.pain || !near(g.Avg7, w.avg7) || g.CheckIns7 != w.n ||
					g.MorningChange != w.morning || g.Zone != w.zone {
					t.Errorf("day %d:\n got %s pain %d avg %v (%d) morning %d %s\nwant %s pain %d avg %v (%d) morning %d %s", i,
						g.Day.Format("2006-01-02"), g.Pain, g.Avg7, g.CheckIns7, g.MorningChange, g.Zone,
						w.date, w.pain, w.avg7, w.n, w.morning, w.zone)
				}
			}
		})
	}
}

func TestSummarizePain(t *testing.T) {
	p := backload.DefaultPolicy()
	days := DailyPain([]backload.DailyCheckIn{
		checkin("2026-03-02", 4, 0, 2),
		checkin("2026-03-03", 7, 0, 3, backload.NightPain),
		checkin("2026-03-04", 1, 0, -2),
		checkin("2026-03-05", 1, 0, 0),
	}, span(t, "2026-03-02", "2026-03-05"), p)
	got := SummarizePain(days)
	want := PainSummary{CheckIns: 4, Green: 2, Amber: 1, Red: 1, WorseMornings: 2, RedFlagDays: 1,
		FirstAvg7: 4, LastAvg7: 13.0 / 4}
	if got != want {
		t.Errorf("got %+v\nwant %+v", got, want)
	}
	if got := SummarizePain(nil); got != (PainSummary{}) {
		t.Errorf("empty: %+v", got)
	}
}
