package main

import (
	"bytes"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"
)

// flareLog gives the CLI's account a flare and a return, dated from today:
// squats before the flare, a red day ten days ago, three calm days, and a
// lighter session with a note during the return.
func flareLog(c *cli) {
	c.t.Helper()
	ago := func(days int) string { return time.Now().UTC().AddDate(0, 0, -days).Format(time.DateOnly) }
	c.ok("log", "--title", "Legs", "--at", ago(20)+" 07:00", "Squat (Barbell)", "3x5@140", "Leg Press", "3x10@200")
	c.ok("checkin", "--date", ago(10), "--pain", "7", "--note", "Lifted a suitcase; sharp pain")
	for d := 9; d >= 7; d-- {
		c.ok("checkin", "--date", ago(d), "--pain", "1")
	}
	c.ok("log", "--title", "Legs", "--at", ago(2)+" 07:00", "--notes", "Easy, no pain", "Squat (Barbell)", "3x5@90", "Leg Press", "3x10@200")
	c.ok("checkin", "--pain", "1", "--red-flag", "night-pain")
}

func TestReportCommand(t *testing.T) {
	c := newCLI(t)
	flareLog(c)
	dir := t.TempDir()
	from := time.Now().UTC().AddDate(0, 0, -27).Format(time.DateOnly)
	html := filepath.Join(dir, "report.html")
	c.ok("report", "--from", from, "-o", html)
	data, err := os.ReadFile(html)
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"@page { size: A4;", "me@localhost", "Flare-up from", "Lifted a suitcase; sharp pain",
		"Easy, no pain", "Constant pain that is worse at night", "Squat (Barbell) 140 kg before, best since 90 kg", "<svg"} {
		if !bytes.Contains(data, []byte(want)) {
			t.Errorf("report.html lacks %q", want)
		}
	}
	if bytes.Contains(data, []byte("<script")) || bytes.Contains(data, []byte("Back to progress")) {
		t.Error("the saved report has a script or a link back to the web app")
	}

	c.fails("-o is required", "report")
	c.fails("must end in .html or .pdf", "report", "-o", filepath.Join(dir, "report.txt"))
	c.fails("--from: must be a date", "report", "--from", "last week", "-o", html)
	c.fails("is before --from", "report", "--from", "2026-03-02", "--to", "2026-03-01", "-o", html)

	// Without Chromium, a PDF is refused with what to do instead.
	c.env["CHROMIUM"] = filepath.Join(dir, "no-chromium")
	c.fails("install it (apt-get install chromium) or write the report as .html", "report", "-o", filepath.Join(dir, "report.pdf"))
	delete(c.env, "CHROMIUM")

	t.Run("pdf", func(t *testing.T) {
		// Skipped without Chromium even under CI=true: make test's browser
		// step, which installs it, runs after the unit tests.
		if _, err := os.Stat(defaultChromium); err != nil {
			t.Skipf("no Chromium at %s: the PDF subtest needs it", defaultChromium)
		}
		pdf := filepath.Join(dir, "report.pdf")
		c.ok("report", "--from", from, "-o", pdf)
		data, err := os.ReadFile(pdf)
		if err != nil || !bytes.HasPrefix(data, []byte("%PDF-")) {
			t.Fatalf("not a PDF: %v %.20q", err, data)
		}
		// The report fits two A4 pages: count the page objects.
		pages := len(regexp.MustCompile(`/Type\s*/Page[^s]`).FindAll(data, -1))
		t.Logf("report.pdf: %d bytes, %d pages", len(data), pages)
		if pages > 2 {
			t.Errorf("%d pages, want one or two", pages)
		}
	})
}

func TestRampICS(t *testing.T) {
	c := newCLI(t)
	c.ok("checkin", "--pain", "1", "--date", time.Now().UTC().AddDate(0, 0, -30).Format(time.DateOnly))
	code, out, stderr := runWithEnv(t, c.env, "", "ramp", "--from-history", "--ics")
	if code != exitOK || !strings.HasPrefix(out, "BEGIN:VCALENDAR\r\n") || strings.Contains(out, "VEVENT") || !strings.Contains(stderr, "No flare-up") {
		t.Errorf("without a flare: %d %q %q", code, out, stderr)
	}
	flareLog(c)
	out = c.ok("ramp", "--from-history", "--ics")
	start := time.Now().UTC().AddDate(0, 0, -7).Format("20060102")
	for _, want := range []string{"\r\nSUMMARY:Return week 1: Squat (Barbell) ", "\r\nDTSTART;VALUE=DATE:" + start + "\r\n",
		"\r\nUID:backload-u1-return-", "END:VCALENDAR\r\n"} {
		if !strings.Contains(out, want) {
			t.Errorf("ramp --ics lacks %q:\n%s", want, out)
		}
	}
	for i, l := range strings.Split(out, "\r\n") {
		if len(l) > 75 || strings.Contains(l, "\n") {
			t.Errorf("line %d: %q", i+1, l)
		}
	}

	req := `{"units": "lb", "start": "2026-11-23", "lifts": [{"exercise": "Deadlift (Barbell)", "from": 135, "to": 315, "sets": 3, "reps": 5}]}`
	code, out, stderr = runCLI(t, req, "ramp", "--ics")
	if code != exitOK || strings.Count(out, "BEGIN:VEVENT") < 5 || !strings.Contains(out, "DTSTART;VALUE=DATE:20261123\r\n") ||
		!strings.Contains(out, " lb ") || !strings.Contains(out, "UID:backload-plan-return-2026-11-23-week-1@backload") {
		t.Errorf("ramp --ics from a request: %d %s %s", code, out, stderr)
	}
	if code, _, stderr := runCLI(t, req, "ramp", "--ics", "--json"); code != exitUsage || !strings.Contains(stderr, "not both") {
		t.Errorf("--ics --json: %d %s", code, stderr)
	}
}
