package web

import (
	"crypto/rand"
	"io"
	"mime/multipart"
	"net/http"
	"runtime"
	"strings"
	"testing"
)

// TestHostileInput sends what an attacker or a broken client might: each
// is answered with a 4xx JSON error that says what is wrong, memory stays
// bounded, and the server stays healthy.
func TestHostileInput(t *testing.T) {
	ts := newTestServer(t)
	a := ts.signUp(t, "a@example.com", "")
	var before runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)

	t.Run("100MBOfRandomBytesAsAnImport", func(t *testing.T) {
		pr, pw := io.Pipe()
		mw := multipart.NewWriter(pw)
		go func() {
			fw, _ := mw.CreateFormFile("file", "random.csv")
			io.CopyN(fw, rand.Reader, 100<<20)
			mw.Close()
			pw.Close()
		}()
		req, _ := http.NewRequest("POST", ts.URL+"/api/v1/imports", pr)
		req.Header.Set("Content-Type", mw.FormDataContentType())
		req.Header.Set("Authorization", "Bearer "+a.token)
		status, body := a.send(req)
		wantError(t, status, body, http.StatusRequestEntityTooLarge, "file")
	})
	t.Run("RandomBytesWithinTheLimit", func(t *testing.T) {
		junk := make([]byte, 1<<20)
		rand.Read(junk)
		status, body := a.upload("/api/v1/imports", "junk.csv", junk, nil)
		if status != 400 && status != 422 {
			t.Errorf("status %d: %s", status, body)
		}
		wantError(t, status, body, status, "")
	})
	t.Run("CSVWithAMillionColumns", func(t *testing.T) {
		header := "Date," + strings.Repeat("x,", 1_000_000) + "Reps\n"
		status, body := a.upload("/api/v1/imports", "wide.csv", []byte(header), nil)
		if status != 400 && status != 422 {
			t.Errorf("status %d: %.200s", status, body)
		}
		wantError(t, status, body, status, "")
	})
	t.Run("DeeplyNestedJSON", func(t *testing.T) {
		nested := strings.Repeat(`{"a":`, 100_000) + "1" + strings.Repeat("}", 100_000)
		for _, path := range []string{"/api/v1/checkins", "/api/v1/sessions", "/api/v1/adapt", "/api/v1/ramp"} {
			status, body := a.do("POST", path, nested)
			if status != 400 && status != 413 {
				t.Errorf("%s: status %d: %.200s", path, status, body)
			}
			wantError(t, status, body, status, "")
		}
	})
	t.Run("InvalidUTF8", func(t *testing.T) {
		for _, body := range []string{"{\"pain\": 3, \"note\": \"\xff\xfe\"}", "\xc3\x28"} {
			status, resp := a.do("POST", "/api/v1/checkins", body)
			if status >= 500 {
				t.Errorf("status %d: %s", status, resp)
			}
		}
		status, resp := a.upload("/api/v1/imports", "bad.csv", []byte("Date,Workout Name,Exercise Name\n\xff\xfe,\xc3\x28,x\n"), nil)
		wantError(t, status, resp, status, "")
		if status < 400 || status >= 500 {
			t.Errorf("import of invalid UTF-8: %d", status)
		}
	})
	t.Run("HugeHeaderAndQuery", func(t *testing.T) {
		status, body := a.do("GET", "/api/v1/classify?name="+strings.Repeat("x", 100_000), nil)
		if status != 400 && status != 414 && status != 431 {
			t.Errorf("status %d: %.200s", status, body)
		}
	})

	var after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&after)
	if grew := int64(after.HeapAlloc) - int64(before.HeapAlloc); grew > 64<<20 {
		t.Errorf("the heap grew by %d MB after hostile input", grew>>20)
	}
	if status, body := a.do("GET", "/healthz", nil); status != 200 {
		t.Errorf("healthz after hostile input: %d %s", status, body)
	}
	if status, _ := a.do("POST", "/api/v1/checkins", `{"pain": 2}`); status != 201 {
		t.Errorf("a normal write after hostile input: %d", status)
	}
}
