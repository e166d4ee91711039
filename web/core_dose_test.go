package web

import (
	"slices"
	"testing"
	"time"
)

func TestCoreDose(t *testing.T) {
	pyramid := []int{6, 4, 2}
	for _, tt := range []struct {
		name   string
		week   int
		growth int
		want   []int
	}{
		{"week 1 is the policy pyramid", 1, 4, []int{6, 4, 2}},
		{"week 0 counts as week 1", 0, 4, []int{6, 4, 2}},
		{"negative week counts as week 1", -3, 4, []int{6, 4, 2}},
		{"week 2 adds one hold to the first round", 2, 4, []int{7, 4, 2}},
		{"week 5 fills the first round", 5, 4, []int{10, 4, 2}},
		{"week 6 moves on to the second round", 6, 4, []int{10, 5, 2}},
		{"week 9 fills the second round", 9, 4, []int{10, 8, 2}},
		{"week 13 reaches the cap", 13, 4, []int{10, 8, 6}},
		{"past the cap the dose stays", 60, 4, []int{10, 8, 6}},
		{"no growth keeps the pyramid", 8, 0, []int{6, 4, 2}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			got := coreDose(pyramid, tt.week, tt.growth)
			if !slices.Equal(got, tt.want) {
				t.Errorf("coreDose(%v, %d, %d) = %v, want %v", pyramid, tt.week, tt.growth, got, tt.want)
			}
			for i := 1; i < len(got); i++ {
				if got[i] > got[i-1] {
					t.Errorf("%v is not a descending pyramid", got)
				}
			}
		})
	}
	t.Run("DoesNotChangeThePolicy", func(t *testing.T) {
		p := []int{6, 4, 2}
		coreDose(p, 7, 4)
		if !slices.Equal(p, []int{6, 4, 2}) {
			t.Errorf("policy pyramid changed to %v", p)
		}
	})
	t.Run("EmptyPyramid", func(t *testing.T) {
		if got := coreDose(nil, 5, 4); len(got) != 0 {
			t.Errorf("got %v", got)
		}
	})
}

func TestCorePracticeWeek(t *testing.T) {
	day := func(s string) time.Time {
		d, err := time.Parse(time.DateTime, s)
		if err != nil {
			t.Fatal(err)
		}
		return d
	}
	// Wednesday 18 November 2026, in the week of Monday 16 November.
	now := day("2026-11-18 12:00:00")
	for _, tt := range []struct {
		name   string
		starts []string
		loc    string
		want   int
	}{
		{"no sessions: week 1", nil, "UTC", 1},
		{"only this week: still week 1", []string{"2026-11-16 07:00:00", "2026-11-18 07:00:00"}, "UTC", 1},
		{"one earlier week", []string{"2026-11-10 07:00:00"}, "UTC", 2},
		{"two sessions in one earlier week count once", []string{"2026-11-09 07:00:00", "2026-11-15 20:00:00"}, "UTC", 2},
		{"skipped weeks do not count", []string{"2026-10-01 07:00:00", "2026-11-02 07:00:00", "2026-11-17 07:00:00"}, "UTC", 3},
		{"across a year boundary", []string{"2025-12-30 07:00:00", "2026-01-02 07:00:00"}, "UTC", 2},
		{"a later week (clock skew) does not count", []string{"2026-11-25 07:00:00"}, "UTC", 1},
		// Sunday 23:30 UTC is already Monday in Auckland: this week there.
		{"weeks follow the lifter's time zone", []string{"2026-11-15 23:30:00"}, "Pacific/Auckland", 1},
		{"the same moment in UTC is last week", []string{"2026-11-15 23:30:00"}, "UTC", 2},
	} {
		t.Run(tt.name, func(t *testing.T) {
			loc, err := time.LoadLocation(tt.loc)
			if err != nil {
				t.Skip(err)
			}
			var starts []time.Time
			for _, s := range tt.starts {
				starts = append(starts, day(s))
			}
			if got := corePracticeWeek(starts, now, loc); got != tt.want {
				t.Errorf("corePracticeWeek = %d, want %d", got, tt.want)
			}
		})
	}
}
