package web

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"mime/multipart"
	"net/http"
	"net/http/cookiejar"
	"net/http/httptest"
	"net/url"
	"path/filepath"
	"strings"
	"testing"

	"github.com/backload/backload"
	"github.com/backload/backload/auth"
	"github.com/backload/backload/catalog"
	"github.com/backload/backload/sqlstore"
)

// cheapPasswords keeps argon2 fast in tests; the real cost is checked in
// package auth.
var cheapPasswords = auth.Params{MemoryKiB: 64, Time: 1, Threads: 1}

// testServer is a server on a fresh SQLite database, reached over real
// HTTP on loopback.
type testServer struct {
	*httptest.Server
	srv *Server
	db  *sqlstore.DB
}

func newTestServer(t *testing.T) *testServer {
	t.Helper()
	db, err := sqlstore.Open(context.Background(), filepath.Join(t.TempDir(), "web.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	srv := New(Config{DB: db, Catalog: catalog.Default(), Passwords: cheapPasswords})
	ts := httptest.NewServer(srv)
	t.Cleanup(ts.Close)
	return &testServer{Server: ts, srv: srv, db: db}
}

// client is one API user: a cookie jar for cookie log-ins and, once it has
// one, a bearer token.
type client struct {
	t     *testing.T
	ts    *testServer
	http  *http.Client
	token string
	user  backload.User
	// header is the last response's header (redirects are not followed,
	// so a page's Location can be checked).
	header http.Header
}

func (ts *testServer) anonymous(t *testing.T) *client {
	jar, _ := cookiejar.New(nil)
	return &client{t: t, ts: ts, http: &http.Client{Jar: jar, CheckRedirect: func(*http.Request, []*http.Request) error {
		return http.ErrUseLastResponse
	}}}
}

// signUp creates an account and gives the client an API token for it.
func (ts *testServer) signUp(t *testing.T, email string, role backload.Role) *client {
	t.Helper()
	c := ts.anonymous(t)
	status, body := c.do("POST", "/api/v1/signup", map[string]any{"email": email, "password": "correct horse battery", "role": role})
	if status != http.StatusCreated {
		t.Fatalf("signup %s: %d %s", email, status, body)
	}
	json.Unmarshal(body, &c.user)
	status, body = c.do("POST", "/api/v1/tokens", map[string]any{"email": email, "password": "correct horse battery", "name": "test"})
	if status != http.StatusCreated {
		t.Fatalf("token for %s: %d %s", email, status, body)
	}
	var tok struct{ Token string }
	json.Unmarshal(body, &tok)
	c.token = tok.Token
	return c
}

// do sends a request with a JSON body (a string is sent as it is) and
// returns the status and body.
func (c *client) do(method, path string, body any, header ...string) (int, []byte) {
	c.t.Helper()
	var r io.Reader
	switch b := body.(type) {
	case nil:
	case string:
		r = strings.NewReader(b)
	case []byte:
		r = bytes.NewReader(b)
	default:
		data, err := json.Marshal(b)
		if err != nil {
			c.t.Fatal(err)
		}
		r = bytes.NewReader(data)
	}
	req, err := http.NewRequest(method, c.ts.URL+path, r)
	if err != nil {
		c.t.Fatal(err)
	}
	if body != nil {
		req.Header.Set("Content-Type", "application/json")
	}
	if c.token != "" {
		req.Header.Set("Authorization", "Bearer "+c.token)
	}
	for i := 0; i+1 < len(header); i += 2 {
		req.Header.Set(header[i], header[i+1])
	}
	return c.send(req)
}

func (c *client) send(req *http.Request) (int, []byte) {
	c.t.Helper()
	resp, err := c.http.Do(req)
	if err != nil {
		c.t.Fatal(err)
	}
	defer resp.Body.Close()
	c.header = resp.Header
	data, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, data
}

// postForm posts form values the way a browser's form does, with the
// client's cookies and, when it has one, its token.
func (c *client) postForm(path string, form url.Values) (int, string) {
	c.t.Helper()
	req, err := http.NewRequest("POST", c.ts.URL+path, strings.NewReader(form.Encode()))
	if err != nil {
		c.t.Fatal(err)
	}
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	if c.token != "" {
		req.Header.Set("Authorization", "Bearer "+c.token)
	}
	status, body := c.send(req)
	return status, string(body)
}

// getPage fetches a page, with extra header name/value pairs.
func (c *client) getPage(path string, header ...string) (int, string) {
	c.t.Helper()
	status, body := c.do("GET", path, nil, header...)
	return status, string(body)
}

// upload posts a file as multipart form data.
func (c *client) upload(path, name string, content []byte, fields map[string]string) (int, []byte) {
	c.t.Helper()
	var buf bytes.Buffer
	mw := multipart.NewWriter(&buf)
	for k, v := range fields {
		mw.WriteField(k, v)
	}
	fw, _ := mw.CreateFormFile("file", name)
	fw.Write(content)
	mw.Close()
	req, _ := http.NewRequest("POST", c.ts.URL+path, &buf)
	req.Header.Set("Content-Type", mw.FormDataContentType())
	if c.token != "" {
		req.Header.Set("Authorization", "Bearer "+c.token)
	}
	return c.send(req)
}

// wantError checks an error response: the status, the JSON shape, and
// the field it names.
func wantError(t *testing.T, status int, body []byte, wantStatus int, field string) {
	t.Helper()
	var e errorBody
	if err := json.Unmarshal(body, &e); err != nil || e.Error.Code == "" || e.Error.Message == "" {
		t.Errorf("status %d body %s: not a JSON error", status, body)
		return
	}
	if status != wantStatus {
		t.Errorf("status %d (%s), want %d", status, body, wantStatus)
	}
	if field != "" && e.Error.Field != field {
		t.Errorf("field %q (%s), want %q", e.Error.Field, e.Error.Message, field)
	}
}

const sampleSession = `{"started_at": "2026-11-20T07:00:00Z", "title": "%s", "notes": "",
	"exercises": [{"input": "Squat (Barbell)", "sets": [
		{"kind": "warmup", "weight_kg": 60, "reps": 5},
		{"kind": "working", "weight_kg": 140, "reps": 5, "rpe": 8.5},
		{"kind": "working", "weight_kg": 140, "reps": 5}]},
	{"input": "Leg Press", "sets": [{"kind": "working", "weight_kg": 200, "reps": 10}]}]}`

func httptestRequest(t *testing.T, method, url string) *http.Request {
	t.Helper()
	req, err := http.NewRequest(method, url, nil)
	if err != nil {
		t.Fatal(err)
	}
	return req
}

func mustURL(t *testing.T, raw string) *url.URL {
	t.Helper()
	u, err := url.Parse(raw)
	if err != nil {
		t.Fatal(err)
	}
	return u
}
