package main

import (
	"encoding/json"
	"strings"
	"testing"
)

func TestAdaptCommand(t *testing.T) {
	req := `{"units": "kg", "plate_step": 2.5,
	 "checkin": {"pain": 6, "session_pain": 4, "morning_change": 1, "trend": "rising", "red_flags": []},
	 "session": [{"exercise": "Squat (Barbell)", "sets": 5, "reps": 5, "weight": 140},
	             {"exercise": "Plank", "sets": 3, "seconds": 30}]}`
	code, out, stderr := runCLI(t, req, "adapt", "--json")
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	var resp struct {
		Status, Zone, Urgency string
		Items                 []map[string]any
		Messages              []string
	}
	if err := json.Unmarshal([]byte(out), &resp); err != nil {
		t.Fatal(err)
	}
	if resp.Status != "train" || resp.Zone != "red" || len(resp.Items) < 3 || len(resp.Messages) == 0 {
		t.Errorf("response %+v", resp)
	}
	squat := resp.Items[0]
	if squat["exercise"] != "barbell-back-squat" || squat["action"] != "reduce" || squat["weight"].(float64) > 84 {
		t.Errorf("squat %v", squat)
	}
	for _, key := range []string{"input", "exercise", "name", "class", "action", "sets", "reps", "weight", "seconds", "rpe_cap", "replaces", "planned", "why"} {
		if _, ok := squat[key]; !ok {
			t.Errorf("item lacks %q", key)
		}
	}
}

func TestAdaptCommandText(t *testing.T) {
	code, out, _ := runCLI(t, `{"checkin": {"pain": 1}, "session": [{"exercise": "Deadlift (Barbell)", "sets": 3, "reps": 5, "weight": 180}]}`, "adapt")
	if code != exitOK || !strings.Contains(out, "KEEP") || !strings.Contains(out, "180 kg") {
		t.Errorf("exit %d, output:\n%s", code, out)
	}
}

func TestRulesBadInput(t *testing.T) {
	tests := []struct {
		cmd, in, want string
	}{
		{"adapt", `{"checkin": {"pain": 11}, "session": []}`, "checkin.pain: must be between 0 and 10, got 11"},
		{"adapt", `{"checkin": {}, "session": []}`, "checkin.pain"},
		{"adapt", `{"session": []}`, "checkin"},
		{"adapt", `{"checkin": {"pain": 3, "red_flags": ["headache"]}, "session": []}`, "checkin.red_flags[0]"},
		{"adapt", `{"units": "stone", "checkin": {"pain": 3}, "session": []}`, "units"},
		{"adapt", `{"checkin": {"pain": 3}, "session": [{"exercise": "Squat", "sets": 3, "reps": 5, "weight": 5000}]}`, "session[0].weight"},
		{"adapt", `{"checkin": {"pain": 3}, "session": [{"exercise": "Squat", "weight": -5}]}`, "session[0].weight"},
		{"adapt", `{"checkin": `, "JSON"},
		{"adapt", ``, "JSON"},
		{"ramp", `{"lifts": []}`, "lifts"},
		{"ramp", `{"lifts": [{"exercise": "Deadlift (Barbell)", "from": 100, "to": 80}]}`, "lifts[0].to"},
		{"ramp", `{"start": "23/11/2026", "lifts": [{"exercise": "Deadlift (Barbell)", "from": 80, "to": 160}]}`, "start"},
		{"ramp", `{"lifts": [{"exercise": "Deadlift (Barbell)", "from": 80, "to": 160}], "responses": ["yellow"]}`, "responses[0]"},
		{"ramp", `[1, 2, 3]`, "must be an object"},
	}
	for _, tc := range tests {
		t.Run(tc.want, func(t *testing.T) {
			code, out, stderr := runCLI(t, tc.in, tc.cmd)
			if code != exitUsage {
				t.Errorf("exit %d, want 2", code)
			}
			if out != "" {
				t.Errorf("stdout %q, want nothing", out)
			}
			if !strings.Contains(stderr, tc.want) || strings.Count(stderr, "\n") != 1 {
				t.Errorf("stderr %q, want one line naming %q", stderr, tc.want)
			}
		})
	}
}

func TestRampCommand(t *testing.T) {
	req := `{"units": "kg", "plate_step": 2.5, "start": "2026-11-23",
	 "lifts": [{"exercise": "Deadlift (Barbell)", "from": 80, "to": 160, "sets": 3, "reps": 5}],
	 "responses": ["green", "amber"]}`
	code, out, stderr := runCLI(t, req, "ramp", "--json")
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	var resp struct {
		Weeks []struct {
			Week   int
			Starts string
			Lifts  []struct {
				Input, Exercise, Class string
				Weight                 float64
				Sets, Reps             int
			}
			Why string
		}
	}
	if err := json.Unmarshal([]byte(out), &resp); err != nil {
		t.Fatal(err)
	}
	if len(resp.Weeks) < 5 {
		t.Fatalf("%d weeks, want at least 5 (60%% to 100%% in 10%% steps)", len(resp.Weeks))
	}
	first, last := resp.Weeks[0], resp.Weeks[len(resp.Weeks)-1]
	if first.Starts != "2026-11-23" || first.Lifts[0].Weight != 80 || first.Lifts[0].Class != "spinal-heavy" {
		t.Errorf("week 1: %+v", first)
	}
	if last.Lifts[0].Weight != 160 || last.Lifts[0].Sets != 3 {
		t.Errorf("last week: %+v", last)
	}
	// Week 2 follows a green week 1 (a step up); week 3 repeats it (amber).
	if w2, w3 := resp.Weeks[1].Lifts[0].Weight, resp.Weeks[2].Lifts[0].Weight; w2 <= 80 || w3 != w2 {
		t.Errorf("week 2 %v, week 3 %v; want a step then a repeat", w2, w3)
	}
}
