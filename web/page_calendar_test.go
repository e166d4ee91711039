package web

import (
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/backload/backload"
)

// icsLines checks the framing of an iCalendar file (CRLF endings, lines
// of at most 75 octets, BEGIN and END in pairs) and returns its unfolded
// lines.
func icsLines(t *testing.T, body string) []string {
	t.Helper()
	if !strings.HasSuffix(body, "\r\n") {
		t.Fatal("does not end with CRLF")
	}
	var lines, stack []string
	for _, l := range strings.Split(strings.TrimSuffix(body, "\r\n"), "\r\n") {
		if len(l) > 75 || strings.ContainsAny(l, "\r\n") {
			t.Errorf("bad line %q", l)
		}
		if strings.HasPrefix(l, " ") && len(lines) > 0 {
			lines[len(lines)-1] += l[1:]
			continue
		}
		lines = append(lines, l)
	}
	for _, l := range lines {
		if v, ok := strings.CutPrefix(l, "BEGIN:"); ok {
			stack = append(stack, v)
		} else if v, ok := strings.CutPrefix(l, "END:"); ok {
			if len(stack) == 0 || stack[len(stack)-1] != v {
				t.Fatalf("END:%s closes %v", v, stack)
			}
			stack = stack[:len(stack)-1]
		}
	}
	if len(stack) > 0 || len(lines) == 0 || lines[0] != "BEGIN:VCALENDAR" {
		t.Fatalf("not a closed VCALENDAR: %v", stack)
	}
	return lines
}

func TestCalendar(t *testing.T) {
	ts := newTestServer(t)
	c := ts.signUp(t, "cal@example.com", backload.Lifter)
	anon := ts.anonymous(t)
	get := func(token string) (int, string) {
		status, body := anon.do("GET", "/calendar.ics?token="+url.QueryEscape(token), nil)
		return status, string(body)
	}

	// Before any flare: a valid calendar without events.
	status, body := get(c.token)
	if status != 200 || strings.Contains(body, "BEGIN:VEVENT") {
		t.Fatalf("no flare: %d %s", status, body)
	}
	icsLines(t, body)

	reportHistory(c)
	status, body = get(c.token)
	if status != 200 {
		t.Fatalf("%d %s", status, body)
	}
	if ct := anon.header.Get("Content-Type"); ct != "text/calendar; charset=utf-8" {
		t.Errorf("content type %q", ct)
	}
	if cc := anon.header.Get("Cache-Control"); !strings.Contains(cc, "no-store") {
		t.Errorf("cache control %q", cc)
	}
	lines := icsLines(t, body)
	events, summary := 0, ""
	for _, l := range lines {
		if l == "BEGIN:VEVENT" {
			events++
		}
		if s, ok := strings.CutPrefix(l, "SUMMARY:"); ok && summary == "" {
			summary = s
		}
	}
	start := localToday(c.user).AddDate(0, 0, -7).Format("20060102")
	if events < 4 || !strings.HasPrefix(summary, "Return week 1: Squat (Barbell) ") ||
		!strings.Contains(body, "DTSTART;VALUE=DATE:"+start+"\r\n") || !strings.Contains(body, "PRODID:") {
		t.Errorf("%d events, first %q, want week 1 from %s:\n%s", events, summary, start, body)
	}

	// Refused without saying whose the token might be.
	for _, bad := range []string{"", "bl_not-a-token", c.token + "x"} {
		status, body := get(bad)
		if status != http.StatusUnauthorized || strings.Contains(body, "cal@example.com") || strings.Contains(body, "BEGIN:") {
			t.Errorf("token %q: %d %s", bad, status, body)
		}
	}
	// The session cookie or bearer header of a signed-in user is no
	// substitute: the URL's token is the credential.
	if status, _ := c.do("GET", "/calendar.ics", nil); status != http.StatusUnauthorized {
		t.Errorf("without ?token=: %d", status)
	}
}
