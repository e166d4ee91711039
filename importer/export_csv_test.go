package importer

import (
	"bytes"
	"encoding/csv"
	"strings"
	"testing"
)

func TestWriteCSV(t *testing.T) {
	sessions, _ := goldenSessions()
	sessions[0].Exercises[0].Sets[0].Notes = "=HYPERLINK(\"x\")"
	var buf bytes.Buffer
	if err := WriteCSV(&buf, sessions); err != nil {
		t.Fatal(err)
	}
	rows, err := csv.NewReader(&buf).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if got := strings.Join(rows[0], ","); got != "date,time,title,exercise,catalog_id,class,set,kind,weight_kg,weight,unit,reps,rpe,seconds,distance_m,notes" {
		t.Errorf("header %s", got)
	}
	if len(rows) != 1+7 {
		t.Fatalf("%d rows, want a header and one per set (7)", len(rows))
	}
	for i, want := range []string{
		// The first session is written in its own zone (CET).
		"2026-01-13,07:53:00,Legs <heavy> & core,Squat (Barbell),barbell-back-squat,spinal-heavy,1,warmup,60,60,kg,5,,0,0,'=HYPERLINK(\"x\")",
		"2026-01-13,07:53:00,Legs <heavy> & core,Squat (Barbell),barbell-back-squat,spinal-heavy,2,working,100,100,kg,5,8.5,0,0,",
		"2026-01-15,18:00:00,Pull,Deadlift (Barbell),barbell-deadlift,spinal-heavy,1,working,142.882,315,lb,3,9.5,0,0,",
		"2026-01-15,18:00:00,Pull,Rowing Machine,,other,1,working,0,0,kg,0,,600,2500,",
	} {
		row := []int{1, 2, 5, 7}[i]
		if got := strings.Join(rows[row], ","); got != want {
			t.Errorf("row %d:\n got %s\nwant %s", row, got, want)
		}
	}
}
