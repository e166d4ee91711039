package catalog

import (
	"testing"

	"github.com/backload/backload"
)

// TestInfer covers the rule classifier on its own, without the alias index:
// names a catalog would not hold, and the equipment word deciding the class.
func TestInfer(t *testing.T) {
	tests := []struct {
		name    string
		class   backload.Class
		pattern backload.Pattern
	}{
		// A barbell with a squat, deadlift, clean or row loads the spine.
		{"Anderson Squat (Barbell)", backload.SpinalHeavy, backload.Squat},
		{"Pin Squat", backload.SpinalHeavy, backload.Squat},
		{"Safety Bar Box Squat", backload.SpinalHeavy, backload.Squat},
		{"Snatch Grip Deadlift from Blocks", backload.SpinalHeavy, backload.Hinge},
		{"Hang Power Clean", backload.SpinalHeavy, backload.FullBody},
		{"Muscle Snatch (Barbell)", backload.SpinalHeavy, backload.FullBody},
		{"Smith Machine Squat Jumps", backload.SpinalHeavy, backload.Squat},
		{"Bent Over Row - Wide (Barbell)", backload.SpinalHeavy, backload.HorizontalPull},
		{"Kroc Row (Dumbbell)", backload.UpperBody, backload.HorizontalPull},
		{"Reverse Lunge (Barbell)", backload.SpinalHeavy, backload.Lunge},
		{"Trap Bar Carry", backload.SpinalHeavy, backload.Carry},
		{"Heavy Farmer's Hold", backload.SpinalHeavy, backload.Carry},
		{"Block Pull", backload.SpinalHeavy, backload.Hinge},
		{"Two Arm Bent Over Row (Dumbbell)", backload.SpinalHeavy, backload.HorizontalPull},

		// Loaded flexion.
		{"Kneeling Cable Crunch with Rope", backload.LoadedFlexion, backload.Trunk},
		{"Weighted Decline Crunch", backload.LoadedFlexion, backload.Trunk},
		{"GHD Sit-Up", backload.LoadedFlexion, backload.Trunk},
		{"Seated Good Morning (Safety Bar)", backload.LoadedFlexion, backload.Hinge},
		{"Side Bend (Dumbbell)", backload.LoadedFlexion, backload.Trunk},
		{"Back Extension (Weighted)", backload.LoadedFlexion, backload.Hinge},
		{"Torso Rotation (Machine)", backload.LoadedFlexion, backload.Trunk},
		{"Kettlebell Windmill", backload.LoadedFlexion, backload.Trunk},

		// Spine-neutral lower body: the equipment word changes the class.
		{"Deadlift (Dumbbell)", backload.SpineNeutralLower, backload.Hinge},
		{"Squat (Machine)", backload.SpineNeutralLower, backload.Squat},
		{"Sumo Squat (Kettlebell)", backload.SpineNeutralLower, backload.Squat},
		{"Shrimp Squat", backload.SpineNeutralLower, backload.Squat},
		{"Curtsy Lunge (Dumbbell)", backload.SpineNeutralLower, backload.Lunge},
		{"Frog Pump", backload.SpineNeutralLower, backload.Hinge},
		{"Single Leg Deadlift", backload.SpineNeutralLower, backload.Hinge},
		{"B-Stance Hip Thrust (Barbell)", backload.SpineNeutralLower, backload.Hinge},
		{"Donkey Calf Raise", backload.SpineNeutralLower, backload.Isolation},
		{"Back Extension", backload.SpineNeutralLower, backload.Hinge},
		{"Reverse Hyper (Machine)", backload.SpineNeutralLower, backload.Hinge},
		{"Kettlebell Snatch", backload.SpineNeutralLower, backload.Hinge},

		// Core endurance.
		{"RKC Plank", backload.CoreEndurance, backload.Trunk},
		{"Bird-Dog Row", backload.CoreEndurance, backload.Trunk},
		{"Crunch", backload.CoreEndurance, backload.Trunk},
		{"Half Kneeling Pallof Press (Band)", backload.CoreEndurance, backload.Trunk},
		{"Suitcase March", backload.CoreEndurance, backload.Carry},
		{"Hanging Leg Raises", backload.CoreEndurance, backload.Trunk},
		{"Cable Woodchopper", backload.CoreEndurance, backload.Trunk},
		{"Dragon Flag", backload.CoreEndurance, backload.Trunk},
		{"Single Leg Calf Raise (Dumbbell)", backload.SpineNeutralLower, backload.Isolation},
		{"leg ext", backload.SpineNeutralLower, backload.Isolation},

		// Upper body.
		{"Larsen Press (Barbell)", backload.UpperBody, backload.HorizontalPush},
		{"Spoto Bench Press", backload.UpperBody, backload.HorizontalPush},
		{"Pendulum Row (Machine)", backload.UpperBody, backload.HorizontalPull},
		{"Helms Row (Dumbbell)", backload.UpperBody, backload.HorizontalPull},
		{"Weighted Chin-Ups", backload.UpperBody, backload.VerticalPull},
		{"Guillotine Press", backload.UpperBody, backload.HorizontalPush},
		{"Overhead Smith Seated", backload.UpperBody, backload.VerticalPush},

		// Other.
		{"Assault Bike Sprints", backload.Other, backload.Cardio},
		{"Lateral Bounds", backload.Other, backload.Plyometric},
		{"Seated Hip Flexor Stretch", backload.Other, backload.Mobility},
		{"Zumba", backload.Other, ""},
		{"", backload.Other, ""},
		{"???", backload.Other, ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			g := infer(tokens(tc.name))
			if g.class != tc.class || g.pattern != tc.pattern {
				t.Errorf("infer(%q) = %s/%s, want %s/%s", tc.name, g.class, g.pattern, tc.class, tc.pattern)
			}
		})
	}
}
