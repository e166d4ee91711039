package report

import (
	"bytes"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/backload/backload"
)

// icsLine is one unfolded content line: its name with parameters, and its
// value.
type icsLine struct{ name, value string }

// parseICS checks the framing rules of RFC 5545 that calendar apps are
// strict about (CRLF endings, lines of at most 75 octets, folds that do not
// split a UTF-8 character, BEGIN and END in matching pairs) and returns the
// unfolded lines.
func parseICS(t *testing.T, data []byte) []icsLine {
	t.Helper()
	s := string(data)
	if !strings.HasSuffix(s, "\r\n") {
		t.Fatal("the file does not end with CRLF")
	}
	raw := strings.Split(strings.TrimSuffix(s, "\r\n"), "\r\n")
	var unfolded []string
	for i, l := range raw {
		if strings.ContainsAny(l, "\r\n") {
			t.Errorf("line %d has a bare CR or LF: %q", i+1, l)
		}
		if len(l) > foldOctets {
			t.Errorf("line %d is %d octets, over 75: %q", i+1, len(l), l)
		}
		if !utf8.ValidString(l) {
			t.Errorf("line %d splits a UTF-8 character: %q", i+1, l)
		}
		if strings.HasPrefix(l, " ") {
			if len(unfolded) == 0 {
				t.Fatal("the file starts with a continuation line")
			}
			unfolded[len(unfolded)-1] += l[1:]
			continue
		}
		unfolded = append(unfolded, l)
	}
	var out []icsLine
	var stack []string
	for _, l := range unfolded {
		name, value, ok := strings.Cut(l, ":")
		if !ok {
			t.Fatalf("line without a colon: %q", l)
		}
		switch name {
		case "BEGIN":
			stack = append(stack, value)
		case "END":
			if len(stack) == 0 || stack[len(stack)-1] != value {
				t.Fatalf("END:%s does not close %v", value, stack)
			}
			stack = stack[:len(stack)-1]
		}
		out = append(out, icsLine{name, value})
	}
	if len(stack) != 0 {
		t.Fatalf("unclosed components %v", stack)
	}
	if len(out) == 0 || out[0] != (icsLine{"BEGIN", "VCALENDAR"}) || out[len(out)-1] != (icsLine{"END", "VCALENDAR"}) {
		t.Fatal("not a VCALENDAR")
	}
	return out
}

// unescapeText reverses escapeText.
func unescapeText(s string) string {
	r := strings.NewReplacer(`\\`, `\`, `\;`, `;`, `\,`, `,`, `\n`, "\n", `\N`, "\n")
	return r.Replace(s)
}

func TestEscapeText(t *testing.T) {
	for in, want := range map[string]string{
		"plain":          "plain",
		"a, b; c\\d":     `a\, b\; c\\d`,
		"one\ntwo\r\nx":  `one\ntwo\nx`,
		"bell\x07 gone":  "bell gone",
		"café 100 kg":    "café 100 kg",
		`already \n lit`: `already \\n lit`,
	} {
		if got := escapeText(in); got != want {
			t.Errorf("escapeText(%q) = %q, want %q", in, got, want)
		}
		if got := unescapeText(escapeText(in)); !strings.ContainsRune(in, 7) && !strings.Contains(in, "\r") && got != in {
			t.Errorf("round trip of %q gave %q", in, got)
		}
	}
}

func TestFolding(t *testing.T) {
	long := strings.Repeat("é", 100) + strings.Repeat("x", 80) // 2-octet runes, then ASCII
	var buf bytes.Buffer
	err := WriteICS(&buf, Calendar{ProdID: "-//Test//EN", Events: []CalendarEvent{{
		UID: "1@test", Start: time.Date(2026, 3, 2, 0, 0, 0, 0, time.UTC), End: time.Date(2026, 3, 9, 0, 0, 0, 0, time.UTC),
		Summary: long, Description: "line one\nline two, with; marks",
	}}})
	if err != nil {
		t.Fatal(err)
	}
	lines := parseICS(t, buf.Bytes())
	got := map[string]string{}
	for _, l := range lines {
		got[l.name] = l.value
	}
	if unescapeText(got["SUMMARY"]) != long {
		t.Errorf("summary did not survive folding: %q", got["SUMMARY"])
	}
	if unescapeText(got["DESCRIPTION"]) != "line one\nline two, with; marks" {
		t.Errorf("description %q", got["DESCRIPTION"])
	}
	if got["DTSTART;VALUE=DATE"] != "20260302" || got["DTEND;VALUE=DATE"] != "20260309" || got["DTSTAMP"] != "00010101T000000Z" {
		t.Errorf("dates %v", got)
	}
	if strings.Count(buf.String(), "\r\n ") < 3 {
		t.Errorf("expected the summary folded over several lines:\n%s", buf.String())
	}
}

// rampPlan is a two-lift return of five weeks starting on a Wednesday.
func rampPlan(t *testing.T) backload.RampResponse {
	t.Helper()
	weeks := []backload.RampWeek{}
	for i, f := range []float64{0.6, 0.7, 0.8, 0.9, 1} {
		weeks = append(weeks, backload.RampWeek{Week: i + 1, Starts: time.Date(2026, 3, 25+7*i, 0, 0, 0, 0, time.UTC).Format("2006-01-02"),
			Why: "Week reason, with a comma; and a semicolon.",
			Lifts: []backload.RampedLift{
				{Input: "Squat (Barbell)", Exercise: "squat-barbell", Class: backload.SpinalHeavy, Weight: 120 * f, Sets: 2 + i/2, Reps: 5},
				{Input: "Plank", Exercise: "front-plank", Class: backload.CoreEndurance, Sets: 3, Reps: 1},
			}})
	}
	return backload.RampResponse{Weeks: weeks}
}

func TestRampCalendar(t *testing.T) {
	stamp := time.Date(2026, 3, 25, 8, 30, 0, 0, time.FixedZone("CET", 3600))
	cal, err := RampCalendar(rampPlan(t), backload.Kilograms, "u42", stamp)
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := WriteICS(&buf, cal); err != nil {
		t.Fatal(err)
	}
	lines := parseICS(t, buf.Bytes())
	var events []map[string]string
	var cur map[string]string
	for _, l := range lines {
		switch {
		case l == icsLine{"BEGIN", "VEVENT"}:
			cur = map[string]string{}
		case l == icsLine{"END", "VEVENT"}:
			events = append(events, cur)
			cur = nil
		case cur != nil:
			cur[l.name] = l.value
		}
	}
	if len(events) != 5 {
		t.Fatalf("%d events, want 5", len(events))
	}
	first, last := events[0], events[4]
	want := map[string]string{
		"UID":                "backload-u42-return-2026-03-25-week-1@backload",
		"DTSTAMP":            "20260325T073000Z",
		"DTSTART;VALUE=DATE": "20260325",
		"DTEND;VALUE=DATE":   "20260401",
		"SUMMARY":            `Return week 1: Squat (Barbell) 72 kg 2x5\, Plank 3x1`,
		"TRANSP":             "TRANSPARENT",
	}
	for k, v := range want {
		if first[k] != v {
			t.Errorf("week 1 %s = %q, want %q", k, first[k], v)
		}
	}
	desc := unescapeText(first["DESCRIPTION"])
	for _, part := range []string{"Squat (Barbell): 2 sets of 5 at 72 kg\n", "Plank: 3 sets of 1\n", "Week reason, with a comma; and a semicolon.", "green moves up a step"} {
		if !strings.Contains(desc, part) {
			t.Errorf("week 1 description lacks %q:\n%s", part, desc)
		}
	}
	if !strings.Contains(unescapeText(last["DESCRIPTION"]), "last week of the return") || last["DTSTART;VALUE=DATE"] != "20260422" {
		t.Errorf("last week %v", last)
	}
	for _, want := range []string{"PRODID:-//Backload//Return plan//EN\r\n", "VERSION:2.0\r\n", "REFRESH-INTERVAL;VALUE=DURATION:PT360M\r\n"} {
		if !strings.Contains(buf.String(), want) {
			t.Errorf("no %q", want)
		}
	}

	lb, _ := RampCalendar(rampPlan(t), backload.Pounds, "u42", stamp)
	if !strings.Contains(lb.Events[0].Summary, "72 lb") {
		t.Errorf("pounds: %q", lb.Events[0].Summary)
	}
	empty, err := RampCalendar(backload.RampResponse{}, "", "u42", stamp)
	buf.Reset()
	WriteICS(&buf, empty)
	if err != nil || len(parseICS(t, buf.Bytes())) != 9 {
		t.Errorf("an empty plan should give an empty calendar: %v\n%s", err, buf.String())
	}
	undated := rampPlan(t)
	undated.Weeks[2].Starts = ""
	if _, err := RampCalendar(undated, "", "u42", stamp); backload.ErrorCode(err) != backload.EINVALID {
		t.Errorf("a week without a start: %v", err)
	}
}
