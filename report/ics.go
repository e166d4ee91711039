package report

import (
	"bufio"
	"io"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"
)

// Calendar is an iCalendar file (RFC 5545) of all-day events, the form a
// phone's calendar app subscribes to or imports.
type Calendar struct {
	// ProdID names the product that made the file (PRODID), as
	// "-//Backload//Return plan//EN".
	ProdID string
	// Name is the calendar's display name (X-WR-CALNAME, which most
	// calendar apps read); empty leaves it out.
	Name string
	// Refresh, when set, suggests how often a subscribed calendar should
	// fetch the file again (REFRESH-INTERVAL of RFC 7986 and the older
	// X-PUBLISHED-TTL), whole minutes.
	Refresh time.Duration
	Events  []CalendarEvent
}

// CalendarEvent is one all-day event.
type CalendarEvent struct {
	// UID identifies the event across downloads, so that a calendar
	// refreshing a subscription updates the event instead of adding a
	// second copy. It should be globally unique, as "week-1@backload".
	UID string
	// Stamp is when the event's data was made (DTSTAMP), written in UTC.
	Stamp time.Time
	// Start is the first day, End the day after the last (DTEND is
	// exclusive). Only their dates count.
	Start, End  time.Time
	Summary     string
	Description string
}

// foldOctets is the longest a content line may be, in octets, not counting
// its CRLF (RFC 5545 section 3.1).
const foldOctets = 75

// WriteICS writes cal as an iCalendar file: CRLF line endings, lines
// folded at 75 octets without splitting a UTF-8 character, and text values
// escaped. It returns the first error writing to w.
func WriteICS(w io.Writer, cal Calendar) error {
	bw := bufio.NewWriter(w)
	line := func(name, value string) { writeFolded(bw, name+":"+value) }
	line("BEGIN", "VCALENDAR")
	line("VERSION", "2.0")
	line("PRODID", escapeText(cal.ProdID))
	line("CALSCALE", "GREGORIAN")
	line("METHOD", "PUBLISH")
	if cal.Name != "" {
		line("X-WR-CALNAME", escapeText(cal.Name))
	}
	if m := int64(cal.Refresh / time.Minute); m > 0 {
		d := "PT" + strconv.FormatInt(m, 10) + "M"
		line("REFRESH-INTERVAL;VALUE=DURATION", d)
		line("X-PUBLISHED-TTL", d)
	}
	for _, e := range cal.Events {
		line("BEGIN", "VEVENT")
		line("UID", escapeText(e.UID))
		line("DTSTAMP", e.Stamp.UTC().Format("20060102T150405Z"))
		line("DTSTART;VALUE=DATE", icsDate(e.Start))
		line("DTEND;VALUE=DATE", icsDate(e.End))
		line("SUMMARY", escapeText(e.Summary))
		if e.Description != "" {
			line("DESCRIPTION", escapeText(e.Description))
		}
		// An all-day training note should not mark the lifter busy.
		line("TRANSP", "TRANSPARENT")
		line("END", "VEVENT")
	}
	line("END", "VCALENDAR")
	return bw.Flush()
}

// icsDate writes t's calendar date, read in t's own location, as a DATE
// value.
func icsDate(t time.Time) string { return t.Format("20060102") }

// escapeText escapes a TEXT value (RFC 5545 section 3.3.11): backslash,
// semicolon and comma get a backslash, and line breaks become \n.
func escapeText(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	for i := 0; i < len(s); i++ {
		switch c := s[i]; c {
		case '\\', ';', ',':
			b.WriteByte('\\')
			b.WriteByte(c)
		case '\r':
			if i+1 < len(s) && s[i+1] == '\n' {
				i++
			}
			b.WriteString(`\n`)
		case '\n':
			b.WriteString(`\n`)
		default:
			if c < 0x20 || c == 0x7f {
				continue // other control characters are not allowed in TEXT
			}
			b.WriteByte(c)
		}
	}
	return b.String()
}

// writeFolded writes one content line and its CRLF, breaking it into
// lines of at most 75 octets, each continuation starting with a space. A
// break never falls inside a UTF-8 character, which some calendar apps
// would otherwise show as garbage.
func writeFolded(w *bufio.Writer, s string) {
	limit := foldOctets
	for len(s) > limit {
		cut := limit
		for cut > 0 && !utf8.RuneStart(s[cut]) {
			cut--
		}
		w.WriteString(s[:cut])
		w.WriteString("\r\n ")
		s = s[cut:]
		limit = foldOctets - 1 // the leading space counts
	}
	w.WriteString(s)
	w.WriteString("\r\n")
}
