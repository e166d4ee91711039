package backload_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/backload/backload"
)

// TestZone covers every row of the zone table of domain.md section 3, each
// condition on its own and at its edges, and that any one condition is
// enough for the worse zone.
func TestZone(t *testing.T) {
	p := backload.DefaultPolicy()
	type checkIn = backload.CheckIn
	tests := []struct {
		name string
		c    checkIn
		want backload.Zone
	}{
		{"green: nothing at all", checkIn{}, backload.Green},
		{"green: pain 2, session 3, morning same", checkIn{Pain: 2, SessionPain: 3}, backload.Green},
		{"green: morning better", checkIn{Pain: 1, MorningChange: -3}, backload.Green},
		{"green: flat trend", checkIn{Pain: 1, Trend: backload.Flat}, backload.Green},
		{"green: falling trend", checkIn{Pain: 2, Trend: backload.Falling}, backload.Green},

		{"amber: pain 3", checkIn{Pain: 3}, backload.Amber},
		{"amber: pain 4", checkIn{Pain: 4}, backload.Amber},
		{"amber: pain 5", checkIn{Pain: 5}, backload.Amber},
		{"amber: session pain 4", checkIn{SessionPain: 4}, backload.Amber},
		{"amber: session pain 5", checkIn{SessionPain: 5}, backload.Amber},
		{"amber: morning worse by 1", checkIn{MorningChange: 1}, backload.Amber},
		{"amber: morning worse by 2", checkIn{MorningChange: 2}, backload.Amber},
		{"amber: rising trend", checkIn{Trend: backload.Rising}, backload.Amber},
		{"amber: all amber answers", checkIn{Pain: 5, SessionPain: 5, MorningChange: 2, Trend: backload.Rising}, backload.Amber},

		{"red: pain 6", checkIn{Pain: 6}, backload.Red},
		{"red: pain 10", checkIn{Pain: 10}, backload.Red},
		{"red: session pain 6", checkIn{SessionPain: 6}, backload.Red},
		{"red: session pain 10", checkIn{SessionPain: 10}, backload.Red},
		{"red: morning worse by 3", checkIn{MorningChange: 3}, backload.Red},
		{"red: morning worse by 10", checkIn{MorningChange: 10}, backload.Red},
		{"red: green pain, red morning", checkIn{Pain: 1, MorningChange: 3}, backload.Red},
		{"red: amber pain, red session", checkIn{Pain: 4, SessionPain: 7, Trend: backload.Rising}, backload.Red},
		{"red: rising trend does not soften red", checkIn{Pain: 7, Trend: backload.Falling}, backload.Red},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := tt.c.Zone(p); got != tt.want {
				t.Errorf("Zone(%+v) = %s, want %s", tt.c, got, tt.want)
			}
		})
	}
}

// TestZoneReasons checks that the reasons name the answers that set the
// zone, and only those.
func TestZoneReasons(t *testing.T) {
	p := backload.DefaultPolicy()
	c := backload.CheckIn{Pain: 4, SessionPain: 6, MorningChange: 3, Trend: backload.Rising}
	got := strings.Join(c.Reasons(p), "|")
	for _, want := range []string{"6/10 during your last session", "3 points worse"} {
		if !strings.Contains(got, want) {
			t.Errorf("Reasons = %q, want it to mention %q", got, want)
		}
	}
	if strings.Contains(got, "4/10") || strings.Contains(got, "creeping") {
		t.Errorf("Reasons = %q, want only the red reasons", got)
	}
	if r := (backload.CheckIn{}).Reasons(p); len(r) != 1 {
		t.Errorf("green Reasons = %q, want one sentence", r)
	}
}

// TestZoneEveryCombination checks the table against a direct reading of it
// for every combination of answers.
func TestZoneEveryCombination(t *testing.T) {
	p := backload.DefaultPolicy()
	for pain := 0; pain <= 10; pain++ {
		for session := 0; session <= 10; session++ {
			for morning := -10; morning <= 10; morning++ {
				for _, trend := range []backload.Trend{"", backload.Flat, backload.Rising, backload.Falling} {
					c := backload.CheckIn{Pain: pain, SessionPain: session, MorningChange: morning, Trend: trend}
					want := backload.Green
					if pain >= 3 || session >= 4 || morning >= 1 || trend == backload.Rising {
						want = backload.Amber
					}
					if pain >= 6 || session > 5 || morning >= 3 {
						want = backload.Red
					}
					if got := c.Zone(p); got != want {
						t.Fatalf("Zone(%+v) = %s, want %s", c, got, want)
					}
				}
			}
		}
	}
}

func TestRecoveryDay(t *testing.T) {
	p := backload.DefaultPolicy()
	for pain := 0; pain <= 10; pain++ {
		want := pain >= 8
		if got := (backload.CheckIn{Pain: pain}).RecoveryDay(p); got != want {
			t.Errorf("RecoveryDay(pain %d) = %v, want %v", pain, got, want)
		}
	}
}

func ExampleCheckIn_Zone() {
	p := backload.DefaultPolicy()
	c := backload.CheckIn{Pain: 2, SessionPain: 3, MorningChange: 2}
	fmt.Println(c.Zone(p), c.Reasons(p))
	// Output: amber [the morning after your last session your back was 2 points worse]
}
