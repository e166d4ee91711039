package web

import (
	"bytes"
	"mime/multipart"
	"net/http"
	"strings"
	"testing"

	"github.com/backload/backload"
)

// importPost uploads a file through the import form, as the page's script
// does when partial is set.
func importPost(c *client, name, content string, fields map[string]string, partial bool) (int, string) {
	c.t.Helper()
	var buf bytes.Buffer
	mw := multipart.NewWriter(&buf)
	for k, v := range fields {
		mw.WriteField(k, v)
	}
	fw, _ := mw.CreateFormFile("file", name)
	fw.Write([]byte(content))
	mw.Close()
	req, _ := http.NewRequest("POST", c.ts.URL+"/import", &buf)
	req.Header.Set("Content-Type", mw.FormDataContentType())
	req.Header.Set("Authorization", "Bearer "+c.token)
	if partial {
		req.Header.Set("X-Requested-With", importPartialHeader)
	}
	status, body := c.send(req)
	return status, string(body)
}

// importCSV has a warm-up, a working set, a rest timer row and an
// exercise the catalog does not know.
const importCSV = strongCSV +
	"2026-01-12 10:00:00,\"Upper\",1h,\"Zercher Wobble Press\",1,40,8,0,0,,,\n"

func TestImportPage(t *testing.T) {
	ts := newTestServer(t)
	a := ts.signUp(t, "a@example.com", backload.Lifter)
	a.do("PATCH", "/api/v1/account", `{"units": "lb"}`)
	status, body := a.getPage("/import")
	settingsWant(t, "import page", status, body, 200, `data-testid="import-form"`, `data-testid="import-file"`, `enctype="multipart/form-data"`,
		`accept=".csv,.json`, `data-testid="import-progress"`, `data-testid="import-submit"`, "Up to 64 MB", `<option value="lb" selected>`,
		`/static/import`, "Strong", "Hevy", "FitNotes")
	if status, _ := ts.anonymous(t).do("GET", "/import", nil); status != http.StatusSeeOther {
		t.Errorf("anonymous: %d", status)
	}
}

func TestImportSummary(t *testing.T) {
	ts := newTestServer(t)
	a := ts.signUp(t, "a@example.com", backload.Lifter)
	status, body := importPost(a, "strong.csv", importCSV, map[string]string{"format": "auto", "unit": "kg"}, false)
	settingsWant(t, "import", status, body, 200, `data-testid="import-summary"`, "Imported 2 new sessions", "3 in the file, 1 of them warm-ups",
		"3 added, 0 already stored", "2026-01-10 to 2026-01-12", `href="/exercises?q=Zercher%20Wobble%20Press"`,
		"1 row skipped", "Line 4:", "<html")
	if strings.Contains(body, `data-testid="import-form"`) {
		t.Error("the summary page shows the form again")
	}
	// The script's request gets the result alone; a second import adds
	// nothing.
	status, body = importPost(a, "strong.csv", importCSV, nil, true)
	settingsWant(t, "partial", status, body, 200, `data-testid="import-summary"`, "Nothing new", "0 added, 3 already stored")
	if strings.Contains(body, "<html") || strings.Contains(body, "<main") {
		t.Errorf("partial has the layout:\n%s", body)
	}
}

func TestImportProblems(t *testing.T) {
	ts := newTestServer(t)
	a := ts.signUp(t, "a@example.com", backload.Lifter)
	bad := strings.Replace(strongCSV, ",100,5,", ",abc,5,", 1)
	status, body := importPost(a, "bad.csv", bad, map[string]string{"format": "strong"}, false)
	settingsWant(t, "bad row", status, body, 422, `data-testid="import-error"`, `role="alert"`, "line 3, column Weight",
		"Nothing was imported", `data-testid="import-form"`, `<option value="strong" selected>`)
	status, body = importPost(a, "bad.csv", bad, nil, true)
	settingsWant(t, "bad row, partial", status, body, 422, `data-testid="import-error"`, "line 3, column Weight")
	if strings.Contains(body, "<main") {
		t.Error("partial error has the layout")
	}
	status, body = importPost(a, "x.csv", strongCSV, map[string]string{"unit": "stone"}, false)
	settingsWant(t, "unit", status, body, 400, `data-testid="import-error"`, "Unit", `aria-describedby="import-problem"`)

	ts.srv.cfg.MaxUploadBytes = 200
	status, body = importPost(a, "big.csv", strongCSV+strings.Repeat("\n", 400), nil, false)
	settingsWant(t, "too large", status, body, http.StatusRequestEntityTooLarge, `data-testid="import-error"`, "larger than")
	if _, sessions := a.do("GET", "/api/v1/sessions", nil); strings.Contains(string(sessions), "Squat") {
		t.Error("a failed import stored sessions")
	}
}
