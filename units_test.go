package backload_test

import (
	"math"
	"testing"

	"github.com/backload/backload"
)

func TestRoundDown(t *testing.T) {
	tests := []struct {
		w, step, want float64
	}{
		{98, 2.5, 97.5},
		{84, 2.5, 82.5},
		{100, 2.5, 100},
		{94.5, 5, 90},
		{189, 5, 185},
		{61.5, 1.25, 61.25},
		{71.75, 1.25, 71.25},
		{100.1, 2, 100},
		{59.4, 2, 58},
		{0.3, 0.1, 0.3}, // 0.3/0.1 is 2.9999999999999996 in floating point
		{0.7, 0.1, 0.7},
		{2.4, 2.5, 0},
		{0, 2.5, 0},
		{-5, 2.5, 0},
		{math.NaN(), 2.5, 0},
		{12.3, 0, 12.3},
	}
	for _, tt := range tests {
		got := backload.RoundDown(tt.w, tt.step)
		if got != tt.want {
			t.Errorf("RoundDown(%v, %v) = %v, want %v", tt.w, tt.step, got, tt.want)
		}
	}
}

// TestRoundDownNeverUp checks many weights and steps: the result is a
// multiple of the step, at most the weight, and less than a step below it.
func TestRoundDownNeverUp(t *testing.T) {
	for _, step := range []float64{0.25, 0.5, 1, 1.25, 2, 2.5, 5, 10} {
		for w := 0.0; w <= 500; w += 0.37 {
			for _, frac := range []float64{0.5, 0.55, 0.6, 0.7, 0.8, 1} {
				capped := w * frac
				got := backload.RoundDown(capped, step)
				if got > capped+1e-9 || got < capped-step-1e-9 {
					t.Fatalf("RoundDown(%v, %v) = %v", capped, step, got)
				}
				if n := got / step; math.Abs(n-math.Round(n)) > 1e-6 {
					t.Fatalf("RoundDown(%v, %v) = %v is not a multiple of the step", capped, step, got)
				}
			}
		}
	}
}
