package report

import (
	"encoding/xml"
	"fmt"
	"io"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/backload/backload"
)

// physioInput is the fixed history of the golden report: the eight weeks
// around a flare of fixture_test.go, with notes, a red flag and the return
// plan that runs at the end.
func physioInput(t *testing.T) PhysioInput {
	rows, checkins, r := flareHistory()
	for i := range checkins {
		switch checkins[i].Date {
		case "2026-03-24":
			checkins[i].Note = "Bent to pick up a box, felt it go; sitting hurts <most>."
		case "2026-04-01":
			checkins[i].RedFlags = []backload.RedFlag{backload.NightPain}
			checkins[i].Note = "Woke at 3am with pain, eased by morning."
		case "2026-04-02":
			checkins[i].RedFlags = []backload.RedFlag{backload.NightPain, backload.LegWeakness}
		}
	}
	plan := backload.RampResponse{}
	for i, kg := range []float64{72, 84, 96, 108, 120} {
		plan.Weeks = append(plan.Weeks, backload.RampWeek{Week: i + 1, Starts: day(t, "2026-03-30").AddDate(0, 0, 7*i).Format("2006-01-02"),
			Lifts: []backload.RampedLift{{Input: "Squat (Barbell)", Exercise: "squat-barbell", Class: backload.SpinalHeavy, Weight: kg, Sets: 3, Reps: 5}}})
	}
	return PhysioInput{
		Email: "lifter@example.com", Range: r, Today: r.To, Unit: backload.Kilograms,
		Rows: rows, CheckIns: checkins, Plan: &plan, PlanUnit: backload.Kilograms,
		Notes: []Note{
			{Day: day(t, "2026-03-18"), About: "Lower", Text: "Deadlifts felt heavy, stopped at 3 sets."},
			{Day: day(t, "2026-04-10"), About: "Squat (Barbell) in Lower", Text: "No pain at 60%."},
			{Day: day(t, "2026-05-10"), About: "Lower", Text: "after the period: left out"},
		},
	}
}

// goldenPhysio are the golden reports: the fixed history, the same in
// pounds with a back link, and an account with nothing in it.
func goldenPhysio(t *testing.T) map[string][]byte {
	p := backload.DefaultPolicy()
	out := map[string][]byte{}
	render := func(name string, in PhysioInput, back string) {
		html, err := BuildPhysioReport(in, p).HTML(back)
		if err != nil {
			t.Fatal(err)
		}
		out[name] = html
	}
	render("physio-flare.html", physioInput(t), "")
	lb := physioInput(t)
	lb.Unit, lb.Plan = backload.Pounds, nil
	render("physio-lb.html", lb, "/progress?from=2026-03-02&to=2026-04-26")
	render("physio-empty.html", PhysioInput{Email: "new@example.com", Range: span(t, "2026-03-02", "2026-04-26"), Today: day(t, "2026-04-26")}, "")
	return out
}

// TestPhysioGolden compares the rendered reports with testdata; run go
// test ./report/ -run Physio -update to rewrite them after a deliberate
// change, and print one from a browser to check it still fits two pages.
func TestPhysioGolden(t *testing.T) {
	for name, html := range goldenPhysio(t) {
		t.Run(name, func(t *testing.T) { golden(t, name, string(html)) })
	}
}

// TestPhysioPage checks what the page promises whatever its data: well
// formed, print CSS for A4, no script, no style attribute, nothing loaded
// from elsewhere, and a style sheet that matches its CSP hash.
func TestPhysioPage(t *testing.T) {
	for name, page := range goldenPhysio(t) {
		s := string(page)
		for _, want := range []string{"@page { size: A4;", "@media print", "<svg", "lifter's notes"} {
			if !strings.Contains(s, want) {
				t.Errorf("%s: no %q", name, want)
			}
		}
		for _, bad := range []string{"<script", " style=", "<nav", "<link", "<img", "http://", "https://", "src="} {
			if strings.Contains(strings.ReplaceAll(s, `xmlns="http://www.w3.org/2000/svg"`, ""), bad) {
				t.Errorf("%s: has %q", name, bad)
			}
		}
		m := regexp.MustCompile(`(?s)<style>(.*?)</style>`).FindStringSubmatch(s)
		if m == nil || m[1] != physioCSS {
			t.Errorf("%s: the inline style sheet is not the CSS the hash %s is of", name, PhysioStyleHash())
		}
		// Void elements aside, the page is XML-well-formed: unclosed
		// elements would mean a broken template.
		body := s[strings.Index(s, "<body>") : strings.Index(s, "</body>")+len("</body>")]
		body = strings.ReplaceAll(body, "<br>", "<br/>")
		d := xml.NewDecoder(strings.NewReader(body))
		d.Entity = xml.HTMLEntity
		for {
			_, err := d.Token()
			if err == io.EOF {
				break
			}
			if err != nil {
				t.Errorf("%s: %v", name, err)
				break
			}
		}
	}
}

func TestPhysioReport(t *testing.T) {
	in := physioInput(t)
	rep := BuildPhysioReport(in, backload.DefaultPolicy())
	if len(rep.Flares) != 1 {
		t.Fatalf("%d flares, want 1: %+v", len(rep.Flares), rep.Flares)
	}
	f := rep.Flares[0]
	want := fmt.Sprintf("began %s first red %s settled %s peak %d on %s", "2026-03-23", "2026-03-24", "2026-03-30", 7, "2026-03-25")
	got := fmt.Sprintf("began %s first red %s settled %s peak %d on %s", f.Began.Format(time.DateOnly), f.FirstRed.Format(time.DateOnly),
		f.Settled.Format(time.DateOnly), f.PeakPain, f.PeakDay.Format(time.DateOnly))
	if got != want {
		t.Errorf("flare: %s\nwant   %s", got, want)
	}
	// Good mornings never came back, so the lifter is not back yet; since
	// the return began the squat reached 108 of its 120 kg.
	if !f.Back.IsZero() || len(f.Lifts) != 3 || f.Lifts[0].Name != "Squat (Barbell)" || f.Lifts[0].BeforeKg != 120 || f.Lifts[0].BestSinceKg != 108 {
		t.Errorf("lifts %+v back %v", f.Lifts, f.Back)
	}
	// The week of the flare against the 4 weeks before it, three of them
	// logged: no deadlift or good morning, more leg press.
	if f.BeforeSpinalKg != 3750 || f.DuringSpinalKg != 2500 || f.BeforeVolumeKg != 7200 || f.DuringVolumeKg != 9500 {
		t.Errorf("load before %v/%v during %v/%v", f.BeforeSpinalKg, f.BeforeVolumeKg, f.DuringSpinalKg, f.DuringVolumeKg)
	}
	if len(rep.RedFlags) != 2 || rep.RedFlags[0].Flag != backload.LegWeakness || len(rep.RedFlags[1].Days) != 2 || rep.Pain.RedFlagDays != 2 {
		t.Errorf("red flags %+v", rep.RedFlags)
	}
	if len(rep.Notes) != 4 || rep.Notes[0].About != "Lower" || rep.NotesCut {
		t.Errorf("notes %+v", rep.Notes)
	}
	if len(rep.Weeks) != 8 || rep.WeeksPerRow != 1 || len(rep.Adherence) != 5 || rep.Adherence[0].Done != 1 {
		t.Errorf("weeks %d per %d adherence %+v", len(rep.Weeks), rep.WeeksPerRow, rep.Adherence)
	}
	if rep.BeforeLabel != "Best in the 28 days before the flare of 23 Mar 2026" || len(rep.Lifts) != 4 {
		t.Errorf("lifts %q %+v", rep.BeforeLabel, rep.Lifts)
	}
}

// TestPhysioLong checks that ten years still fit: the weekly table in at
// most 13 rows of blocks, the notes cut to the latest that fit.
func TestPhysioLong(t *testing.T) {
	rows, checkins, r := history(40000)
	for i := range checkins {
		if i%50 == 0 {
			checkins[i].Note = fmt.Sprintf("note %d %s", i, strings.Repeat("long ", 200))
		}
	}
	rep := BuildPhysioReport(PhysioInput{Email: "x@example.com", Range: r, Today: r.To, Rows: rows, CheckIns: checkins}, backload.DefaultPolicy())
	if len(rep.Weeks) > physioTableRows || rep.WeeksPerRow < 2 {
		t.Errorf("%d table rows of %d weeks", len(rep.Weeks), rep.WeeksPerRow)
	}
	if len(rep.Notes) != physioNotesRunes/physioNoteRunes || !rep.NotesCut || len([]rune(rep.Notes[0].Text)) != physioNoteRunes {
		t.Errorf("%d notes, cut %v", len(rep.Notes), rep.NotesCut)
	}
	if _, err := rep.HTML(""); err != nil {
		t.Fatal(err)
	}
}

// checkIns makes check-ins from pains, one a day from start; -1 skips a
// day.
func checkIns(t *testing.T, start string, pains ...int) []backload.DailyCheckIn {
	var out []backload.DailyCheckIn
	for i, p := range pains {
		if p >= 0 {
			out = append(out, backload.DailyCheckIn{Date: day(t, start).AddDate(0, 0, i).Format("2006-01-02"), CheckIn: backload.CheckIn{Pain: p}})
		}
	}
	return out
}

func TestFlareEpisodes(t *testing.T) {
	p := backload.DefaultPolicy()
	squat := func(date string, kg float64) ExerciseRow {
		return lift(t, date, backload.SpinalHeavy, "squat-barbell", "Squat (Barbell)", kg*15, kg*15, kg, 0)
	}
	tests := []struct {
		name     string
		checkins []backload.DailyCheckIn
		rows     []ExerciseRow
		r        Range
		want     []string
	}{
		{name: "calm", checkins: checkIns(t, "2026-01-01", 1, 2, 1, 3, 2), r: span(t, "2026-01-01", "2026-01-31")},
		{
			// Red on the 3rd, calm from the 5th: settled on the 7th; squat
			// back at 100 kg on the 21st, week 3 of the return.
			name:     "back",
			checkins: checkIns(t, "2026-01-01", 1, 3, 7, 6, 4, 2, 2, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1),
			rows:     []ExerciseRow{squat("2025-12-20", 100), squat("2026-01-10", 60), squat("2026-01-14", 80), squat("2026-01-21", 100)},
			r:        span(t, "2026-01-01", "2026-01-31"),
			want:     []string{"began 2026-01-02 red 2026-01-03 peak 7 settled 2026-01-07 week 3 [green green] back 2026-01-21 (3)"},
		},
		{
			// The flare began before the range: it is still reported.
			name:     "from before",
			checkins: checkIns(t, "2026-01-01", 8, 4, 3, 2, -1, -1, 2),
			r:        span(t, "2026-01-05", "2026-01-12"),
			want:     []string{"began 2026-01-01 red 2026-01-01 peak 8 settled 2026-01-04 week 2 [green] back - (0)"},
		},
		{
			name:     "not settled",
			checkins: checkIns(t, "2026-01-01", 2, 6, 7, 4, 6),
			r:        span(t, "2026-01-01", "2026-01-05"),
			want:     []string{"began 2026-01-02 red 2026-01-02 peak 7 settled - week 0 [] back - (0)"},
		},
		{
			// Two flares over four months: the first's red day leaves the
			// 84-day memory, then a new one begins. Without check-ins
			// between them, the first return is known only to week 1.
			name: "two",
			checkins: append(checkIns(t, "2026-01-01", 7, 2, 2, 2),
				checkIns(t, "2026-04-20", 2, 8, 2, 2, 2)...),
			r: span(t, "2026-01-01", "2026-04-30"),
			want: []string{
				"began 2026-01-01 red 2026-01-01 peak 7 settled 2026-01-04 week 1 [] back - (0)",
				"began 2026-04-21 red 2026-04-21 peak 8 settled 2026-04-24 week 1 [] back - (0)",
			},
		},
	}
	// A single red day during the return steps the ramp back but is no new
	// flare; when the first red day leaves the memory, Flare reads that
	// later red day as a flare of its own, which must not count twice.
	phantom := make([]int, 135)
	for i := range phantom {
		phantom[i] = 1
	}
	phantom[0], phantom[45] = 7, 7
	tests = append(tests, struct {
		name     string
		checkins []backload.DailyCheckIn
		rows     []ExerciseRow
		r        Range
		want     []string
	}{name: "phantom", checkins: checkIns(t, "2026-01-01", phantom...), r: span(t, "2026-01-01", "2026-05-15"),
		want: []string{"began 2026-01-01 red 2026-01-01 peak 7 settled 2026-01-04 week 12 [green green green green green green red green green green green] back - (0)"}})
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := flareEpisodes(tt.checkins, tt.rows, tt.r, tt.r.To, p)
			if len(got) != len(tt.want) {
				t.Fatalf("%d episodes, want %d: %+v", len(got), len(tt.want), got)
			}
			for i, f := range got {
				d := func(t time.Time) string {
					if t.IsZero() {
						return "-"
					}
					return t.Format(time.DateOnly)
				}
				s := fmt.Sprintf("began %s red %s peak %d settled %s week %d %v back %s (%d)", d(f.Began), d(f.FirstRed), f.PeakPain,
					d(f.Settled), f.Week, f.Responses, d(f.Back), f.BackWeek)
				if s != tt.want[i] {
					t.Errorf("episode %d:\n got %s\nwant %s", i, s, tt.want[i])
				}
			}
		})
	}
}

// TestPhysioRecentFlare checks that "now" starts at a recent flare, and
// that only the latest flares are told in detail.
func TestPhysioRecentFlare(t *testing.T) {
	p := backload.DefaultPolicy()
	squat := func(date string, kg float64) ExerciseRow {
		return lift(t, date, backload.SpinalHeavy, "squat-barbell", "Squat (Barbell)", kg*15, kg*15, kg, kg*1.17)
	}
	in := PhysioInput{Email: "x@example.com", Range: span(t, "2026-01-01", "2026-10-31"), Today: day(t, "2026-10-31"),
		Rows: []ExerciseRow{squat("2026-10-10", 140), squat("2026-10-29", 80)}}
	// Three flares, each long after the last one's red day.
	for _, start := range []string{"2026-01-05", "2026-05-01", "2026-10-20"} {
		in.CheckIns = append(in.CheckIns, checkIns(t, start, 8, 1, 1, 1)...)
	}
	rep := BuildPhysioReport(in, p)
	if len(rep.Flares) != 2 || len(rep.EarlierFlares) != 1 || rep.EarlierFlares[0].Began != day(t, "2026-01-05") {
		t.Fatalf("flares %+v earlier %+v", rep.Flares, rep.EarlierFlares)
	}
	if len(rep.Lifts) != 1 || rep.Lifts[0].BeforeTopKg != 140 || rep.Lifts[0].NowTopKg != 80 || rep.NowLabel != "Best since then, to 31 Oct 2026" {
		t.Errorf("lifts %+v, %q", rep.Lifts, rep.NowLabel)
	}
	html, err := rep.HTML("")
	if err != nil || !strings.Contains(string(html), "Earlier flare-ups in this period: began 5 Jan 2026") ||
		!strings.Contains(string(html), "3 under way in this period (1 earlier listed below)") {
		t.Errorf("%v\n%s", err, html)
	}
}
