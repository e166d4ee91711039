package backload_test

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/backload/backload"
)

// TestRedFlagTiers checks every code and tier of domain.md section 4.
func TestRedFlagTiers(t *testing.T) {
	want := map[backload.RedFlag]backload.Urgency{
		"bladder-bowel-change": backload.Urgent,
		"saddle-numbness":      backload.Urgent,
		"leg-weakness":         backload.Urgent,
		"sexual-dysfunction":   backload.Urgent,
		"trauma":               backload.SeeClinician,
		"cancer-history":       backload.SeeClinician,
		"fever":                backload.SeeClinician,
		"weight-loss":          backload.SeeClinician,
		"steroid-use":          backload.SeeClinician,
		"night-pain":           backload.SeeClinician,
	}
	if len(backload.RedFlags) != len(want) {
		t.Fatalf("RedFlags has %d codes, want %d", len(backload.RedFlags), len(want))
	}
	for _, f := range backload.RedFlags {
		if !f.Valid() || f.Tier() != want[f] {
			t.Errorf("%s: Valid %v, Tier %q, want tier %q", f, f.Valid(), f.Tier(), want[f])
		}
		if f.Description() == "" {
			t.Errorf("%s has no description", f)
		}
	}
	if backload.RedFlag("foo").Valid() || backload.RedFlag("foo").Tier() != backload.NoUrgency {
		t.Error("an unknown code must be invalid and have no tier")
	}
}

func TestUrgencyOf(t *testing.T) {
	tests := []struct {
		flags []backload.RedFlag
		want  backload.Urgency
	}{
		{nil, backload.NoUrgency},
		{[]backload.RedFlag{backload.Fever}, backload.SeeClinician},
		{[]backload.RedFlag{backload.NightPain, backload.SaddleNumbness}, backload.Urgent},
		{[]backload.RedFlag{backload.LegWeakness, backload.Trauma}, backload.Urgent},
	}
	for _, tt := range tests {
		if got := backload.UrgencyOf(tt.flags); got != tt.want {
			t.Errorf("UrgencyOf(%v) = %q, want %q", tt.flags, got, tt.want)
		}
	}
}

// TestAdaptRedFlag checks that every red flag stops training advice with the
// right urgency, whatever the pain, and that no message names a diagnosis.
func TestAdaptRedFlag(t *testing.T) {
	p := backload.DefaultPolicy()
	cat := newFakeCatalog()
	for _, f := range backload.RedFlags {
		for _, pain := range []int{0, 5, 9} {
			req := backload.AdaptRequest{
				CheckIn: backload.CheckIn{Pain: pain, RedFlags: []backload.RedFlag{f}},
				Session: []backload.PlannedItem{{Exercise: "Squat (Barbell)", Sets: 5, Reps: 5, Weight: 140}},
			}
			resp, err := backload.Adapt(req, cat, p)
			if err != nil {
				t.Fatal(err)
			}
			if resp.Status != backload.StatusSeeClinician || resp.Urgency != f.Tier() {
				t.Errorf("%s, pain %d: status %q urgency %q, want see-clinician %q",
					f, pain, resp.Status, resp.Urgency, f.Tier())
			}
			out, _ := json.Marshal(resp)
			if !strings.Contains(string(out), `"items":[]`) {
				t.Errorf("%s: items must be an empty list, got %s", f, out)
			}
			all := strings.ToLower(strings.Join(resp.Messages, " "))
			if !strings.Contains(all, f.Description()) {
				t.Errorf("%s: messages do not repeat the symptom: %q", f, all)
			}
			wantWords := "see a doctor or physiotherapist"
			if f.Tier() == backload.Urgent {
				wantWords = "emergency care now"
			}
			if !strings.Contains(all, wantWords) {
				t.Errorf("%s: messages %q, want %q", f, all, wantWords)
			}
			for _, diagnosis := range []string{"cauda equina", "syndrome", "you have"} {
				if strings.Contains(all, diagnosis) {
					t.Errorf("%s: messages name a diagnosis (%q): %q", f, diagnosis, all)
				}
			}
		}
	}
}
