package report

import (
	"html"
	"html/template"
	"strings"
)

// table builds the HTML table that stands in for a chart: a caption,
// column headers and one row per week, with the week as the row header so
// a screen reader announces it with each figure. Every cell is escaped.
type table struct {
	b strings.Builder
}

func newTable(caption string, headers ...string) *table {
	t := &table{}
	t.b.WriteString(`<table class="report-table">` + "\n<caption>")
	t.b.WriteString(html.EscapeString(caption))
	t.b.WriteString("</caption>\n<thead><tr>")
	for _, h := range headers {
		t.b.WriteString(`<th scope="col">` + html.EscapeString(h) + "</th>")
	}
	t.b.WriteString("</tr></thead>\n<tbody>\n")
	return t
}

// row adds a row whose first cell heads it.
func (t *table) row(head string, cells ...string) {
	t.b.WriteString(`<tr><th scope="row">` + html.EscapeString(head) + "</th>")
	for _, c := range cells {
		t.b.WriteString("<td>" + html.EscapeString(c) + "</td>")
	}
	t.b.WriteString("</tr>\n")
}

func (t *table) html() template.HTML {
	t.b.WriteString("</tbody>\n</table>\n")
	return template.HTML(t.b.String()) // every text in it was escaped
}
