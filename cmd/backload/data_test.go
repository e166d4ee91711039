package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// cli runs commands against one database, as a user at a terminal would.
type cli struct {
	t   *testing.T
	env map[string]string
}

func newCLI(t *testing.T) *cli {
	dir := t.TempDir()
	return &cli{t: t, env: map[string]string{"HOME": dir, "BACKLOAD_DB": filepath.Join(dir, "backload.db"), "TZ": "UTC"}}
}

// ok runs a command that must succeed and returns its standard output.
func (c *cli) ok(args ...string) string {
	c.t.Helper()
	code, out, stderr := runWithEnv(c.t, c.env, "", args...)
	if code != exitOK {
		c.t.Fatalf("backload %s: exit %d: %s", strings.Join(args, " "), code, stderr)
	}
	return out
}

// fails runs a command that must fail with exit code 2 and a one-line
// message containing want.
func (c *cli) fails(want string, args ...string) {
	c.t.Helper()
	code, out, stderr := runWithEnv(c.t, c.env, "", args...)
	if code != exitUsage || !strings.Contains(stderr, want) || strings.Count(stderr, "\n") != 1 || out != "" {
		c.t.Errorf("backload %s: exit %d, stdout %q, stderr %q; want exit 2 and one line naming %q", strings.Join(args, " "), code, out, stderr, want)
	}
}

func TestLogCheckInToday(t *testing.T) {
	c := newCLI(t)
	c.ok("log", "--title", "Lower", "--at", "2026-11-20 07:00", "Squat (Barbell)", "w1x5@60", "5x5@140", "Good Morning (Barbell)", "3x8@60", "Leg Press", "3x10@200")
	hist := c.ok("history")
	if !strings.Contains(hist, "Lower") || !strings.Contains(hist, "5 x 5 @ 140 kg") {
		t.Errorf("history:\n%s", hist)
	}
	c.fails("--pain: must be between 0 and 10, got 11", "checkin", "--pain", "11")
	c.fails("--red-flag: unknown code", "checkin", "--pain", "3", "--red-flag", "headache")
	c.fails("--pain is required", "checkin")
	c.fails("--date: must be a date written YYYY-MM-DD", "checkin", "--pain", "3", "--date", "yesterday")
	c.ok("checkin", "--pain", "6", "--session-pain", "4", "--morning-change", "1")

	var today struct {
		Status, Zone string
		Items        []struct {
			Input, Exercise, Action string
			Weight                  float64
			Sets                    int
		}
		Messages []string
	}
	if err := json.Unmarshal([]byte(c.ok("today", "--json")), &today); err != nil {
		t.Fatal(err)
	}
	if today.Status != "train" || today.Zone != "red" {
		t.Fatalf("today %+v", today)
	}
	squat, gm, press := today.Items[0], today.Items[1], today.Items[2]
	if squat.Action != "reduce" || squat.Weight > 84 || squat.Sets > 3 {
		t.Errorf("squat %+v", squat)
	}
	if gm.Action != "substitute" {
		t.Errorf("good morning %+v", gm)
	}
	if press.Action != "keep" || press.Weight != 200 {
		t.Errorf("leg press %+v", press)
	}

	c.ok("checkin", "--pain", "2", "--red-flag", "saddle-numbness")
	if err := json.Unmarshal([]byte(c.ok("today", "--json")), &today); err != nil {
		t.Fatal(err)
	}
	if today.Status != "see-clinician" || len(today.Items) != 0 {
		t.Errorf("with a red flag: %+v", today)
	}
}

func TestTodayNeedsACheckIn(t *testing.T) {
	c := newCLI(t)
	c.fails("no check-in yet", "today")
}

func TestExportImportRoundTrip(t *testing.T) {
	c := newCLI(t)
	c.ok("log", "--at", "2026-11-01 07:00", "Squat (Barbell)", "5x5@100", "rpe8", "Plank", "3x45s")
	c.ok("log", "--at", "2026-11-03 18:30", "--unit", "lb", "Bench Press (Barbell)", "3x8@185")
	c.ok("checkin", "--pain", "3", "--date", "2026-11-02", "--note", "stiff after driving")
	first := c.ok("export")

	file := filepath.Join(t.TempDir(), "export.json")
	if err := os.WriteFile(file, []byte(first), 0o600); err != nil {
		t.Fatal(err)
	}
	fresh := newCLI(t)
	sum := fresh.ok("import", file, "--format", "backload")
	if !strings.Contains(sum, "Added 2 sessions and 11 sets and 1 check-ins") {
		t.Errorf("summary: %s", sum)
	}
	if again := fresh.ok("export"); again != first {
		t.Errorf("export after re-import differs:\n%s\n---\n%s", first, again)
	}
	if sum := fresh.ok("import", file); !strings.Contains(sum, "Added 0 sessions and 0 sets") {
		t.Errorf("second import: %s", sum)
	}
	csv := c.ok("export", "--format", "csv")
	if lines := strings.Count(csv, "\n"); lines != 12 {
		t.Errorf("CSV has %d lines, want a header and 11 sets:\n%s", lines, csv)
	}
}

func TestImportErrorsLeaveTheDatabaseAlone(t *testing.T) {
	c := newCLI(t)
	c.ok("log", "--at", "2026-11-01 07:00", "Squat (Barbell)", "5x5@100")
	before := c.ok("export")
	dir := t.TempDir()
	bad := filepath.Join(dir, "bad.csv")
	os.WriteFile(bad, []byte("Date,Workout Name,Duration,Exercise Name,Set Order,Weight,Reps,Distance,Seconds,Notes,Workout Notes,RPE\n"+
		"2026-01-01 10:00:00,\"A\",1h,\"Squat (Barbell)\",1,100,5,0,0,,,\n"+
		"2026-01-01 10:00:00,\"A\",1h,\"Squat (Barbell)\",2,abc,5,0,0,,,\n"), 0o600)
	c.fails("line 3", "import", bad)
	c.fails("no such file", "import", filepath.Join(dir, "missing.csv"))
	c.fails("--unit: want kg or lb", "import", bad, "--unit", "stone")
	c.fails("--format", "import", bad, "--format", "excel")
	if after := c.ok("export"); after != before {
		t.Error("a failed import changed the database")
	}
}

func TestBackupRestore(t *testing.T) {
	c := newCLI(t)
	c.ok("log", "--at", "2026-11-01 07:00", "Squat (Barbell)", "5x5@100")
	want := c.ok("export")
	backup := filepath.Join(t.TempDir(), "backup.db")
	c.ok("backup", backup)
	c.fails("already exists", "backup", backup)

	other := newCLI(t)
	other.ok("restore", backup)
	if got := other.ok("export"); got != want {
		t.Errorf("restored export differs")
	}
	c.fails("already holds data", "restore", backup)
	c.ok("restore", "--force", backup)
}

func TestRampFromHistoryWithoutFlare(t *testing.T) {
	c := newCLI(t)
	c.ok("log", "Squat (Barbell)", "5x5@100")
	c.ok("checkin", "--pain", "1")
	if out := c.ok("ramp", "--from-history"); !strings.Contains(out, "No flare-up") {
		t.Errorf("ramp --from-history: %s", out)
	}
}

func TestMigrateAndCopy(t *testing.T) {
	c := newCLI(t)
	c.ok("log", "--at", "2026-11-01 07:00", "Squat (Barbell)", "5x5@100")
	c.ok("checkin", "--pain", "3", "--date", "2026-11-02")
	if out := c.ok("migrate"); !strings.Contains(out, "schema version") {
		t.Errorf("migrate: %s", out)
	}
	to := filepath.Join(t.TempDir(), "copy.db")
	out := c.ok("copy", "--from", c.env["BACKLOAD_DB"], "--to", "sqlite:"+to)
	if !strings.Contains(out, "every account's export matches") {
		t.Errorf("copy: %s", out)
	}
	copied := &cli{t: t, env: map[string]string{"HOME": c.env["HOME"], "BACKLOAD_DB": to, "TZ": "UTC"}}
	if a, b := c.ok("export"), copied.ok("export"); a != b {
		t.Errorf("exports differ after copy")
	}
	c.fails("already holds accounts", "copy", "--from", c.env["BACKLOAD_DB"], "--to", to)
	c.fails("give both --from and --to", "copy", "--from", to)
}
