// Package report turns stored training history and check-ins into the
// measures of domain.md section 8 and issue 7, and draws them as
// server-rendered SVG charts.
//
// The measures are pure functions over plain rows: the store aggregates
// each exercise of each session into one ExerciseRow (its summary was
// worked out when the sets were written), and the functions here make a
// single pass over those rows into dense, pre-sized arrays. Ten years of
// history is about 40,000 rows, so every measure is O(rows + days) and
// allocates only its output.
//
// Days are calendar days. A time.Time passed in stands for the lifter's
// local date; the functions read its year, month and day and ignore the
// clock, so midnight UTC (how the store writes days) is the cheap and
// recommended form. Weeks start on Monday.
//
// The charts are SVG strings built by hand rather than with a JavaScript
// library: they render on the server, need no script (so they work on a
// closed network, under a strict Content-Security-Policy and in print), and
// each comes with a plain-text summary and an HTML table as its text
// alternative.
package report
