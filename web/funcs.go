package web

import (
	"encoding/json"
	"html/template"
	"strconv"
	"strings"
	"time"

	"github.com/backload/backload"
)

// templateFuncs are the helpers every page template may call.
func (s *Server) templateFuncs() template.FuncMap {
	return template.FuncMap{
		"asset": func(string) string { return "" }, // replaced by loadTemplates
		// weight writes kilograms in the user's units: "82.5 kg", "185 lb".
		"weight": func(kg float64, u backload.Unit) string {
			if u == "" {
				u = backload.Kilograms
			}
			return num(backload.FromKg(kg, u)) + " " + string(u)
		},
		// inUnits writes a weight already in the user's units.
		"inUnits": func(w float64, u backload.Unit) string {
			if u == "" {
				u = backload.Kilograms
			}
			return num(w) + " " + string(u)
		},
		"num":        num,
		"classLabel": func(c backload.Class) string { return c.Label() },
		"date": func(t time.Time, u backload.User) string {
			return t.In(u.Location()).Format("Mon 2 Jan 2006")
		},
		"datetime": func(t time.Time, u backload.User) string {
			return t.In(u.Location()).Format("Mon 2 Jan 2006, 15:04")
		},
		"upper": strings.ToUpper,
		"title": func(s string) string {
			if s == "" {
				return s
			}
			return strings.ToUpper(s[:1]) + s[1:]
		},
		// json embeds a value for a page script, in a <script
		// type="application/json"> block; html/template escapes it.
		"json": func(v any) (string, error) {
			b, err := json.Marshal(v)
			return string(b), err
		},
		"seq": func(n int) []int {
			out := make([]int, n)
			for i := range out {
				out[i] = i
			}
			return out
		},
		"add": func(a, b int) int { return a + b },
		"eq2": func(a, b any) bool { return a == b },
	}
}

// num writes a number the way people write weights: 82.5, 100, 0.25.
func num(f float64) string {
	return strconv.FormatFloat(f, 'f', -1, 64)
}
