package catalog

import "testing"

func TestNormalizeTolerances(t *testing.T) {
	same := []struct{ name, a, b string }{
		{"case", "SQUAT (BARBELL)", "squat (barbell)"},
		{"word order", "Squat (Barbell)", "Barbell Squat"},
		{"plural", "Barbell Squats", "Barbell Squat"},
		{"plural es", "Bench Presses", "Bench Press"},
		{"plural ies", "Dumbbell Flies", "Dumbbell Fly"},
		{"flye", "Cable Flye", "Cable Fly"},
		{"trailing spaces", "  Deadlift (Barbell)  ", "Deadlift (Barbell)"},
		{"hyphen compound", "Pull-Up", "Pullup"},
		{"spaced compound", "Pull Up", "Pullup"},
		{"chin-ups", "Chin-ups", "chin up"},
		{"apostrophe", "Farmer's Walk", "Farmers Walk"},
		{"curly apostrophe", "Farmer’s Walk", "Farmers Walk"},
		{"abbreviation db", "DB Bench Press", "Bench Press (Dumbbell)"},
		{"abbreviation bb", "BB Row", "Row (Barbell)"},
		{"abbreviation kb", "KB Swing", "Kettlebell Swing"},
		{"abbreviation rdl", "RDL", "Romanian Deadlift"},
		{"misspelling", "Dumbell Curl", "Dumbbell Curl"},
		{"dash separator", "Bench Press - Close Grip (Barbell)", "Close Grip Bench Press Barbell"},
		{"filler words", "Calf Press on the Leg Press", "Leg Press Calf Press"},
		{"hex bar", "Hex Bar Deadlift", "Trap Bar Deadlift"},
		{"stiff-legged", "Stiff-Legged Deadlift", "Stiff Leg Deadlift"},
		{"t-bar", "T-Bar Row", "T Bar Row"},
		{"tbar", "TBar Row", "T Bar Row"},
		{"ez bar", "EZ-Bar Curl", "EZ Bar Curl"},
		{"ezbar", "EZbar Curl", "EZ Bar Curl"},
		{"degree sign", "Leg Press 45°", "45 degree leg press"},
		{"extra commas", "Squat (Barbell, Low Bar)", "Squat Barbell Low Bar"},
		{"body weight", "Squat (Body Weight)", "Squat (Bodyweight)"},
		{"kettle bell", "Kettle Bell Swing", "Kettlebell Swing"},
	}
	for _, tc := range same {
		t.Run(tc.name, func(t *testing.T) {
			if a, b := normalize(tc.a), normalize(tc.b); a != b {
				t.Errorf("normalize(%q) = %q, normalize(%q) = %q; want equal", tc.a, a, tc.b, b)
			}
		})
	}

	different := []struct{ a, b string }{
		{"Deadlift (Barbell)", "Deadlift (Dumbbell)"},
		{"Squat (Barbell)", "Squat (Machine)"},
		{"Leg Press", "Bench Press"},
		{"Press", "Presses (Overhead)"},
	}
	for _, tc := range different {
		if normalize(tc.a) == normalize(tc.b) {
			t.Errorf("normalize(%q) == normalize(%q) = %q; want different", tc.a, tc.b, normalize(tc.a))
		}
	}
}

func TestNormalizeEmpty(t *testing.T) {
	for _, in := range []string{"", "   ", "()", "---", "the of and"} {
		if k := normalize(in); k != "" {
			t.Errorf("normalize(%q) = %q, want empty", in, k)
		}
	}
}

func TestWithoutModifiers(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Paused Squat (Barbell)", "barbell squat"},
		{"Squat (Barbell, Low Bar)", "barbell squat"},
		{"Single Arm Lat Pulldown", "lat pulldown"},
		{"3 sec pause bench", "bench"},
		{"Pause", "pause"}, // nothing would be left: keep the word
	}
	for _, tc := range tests {
		if got := withoutModifiers(normalize(tc.in)); string(got) != tc.want {
			t.Errorf("withoutModifiers(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}
