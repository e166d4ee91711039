package web

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"maps"
	"mime/multipart"
	"net/http"
	"net/http/httptest"
	"net/url"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"

	"github.com/getkin/kin-openapi/openapi3"
	"github.com/getkin/kin-openapi/openapi3filter"
	"github.com/getkin/kin-openapi/routers"
	"github.com/getkin/kin-openapi/routers/gorillamux"

	"github.com/backload/backload/auth"
	"github.com/backload/backload/catalog"
	"github.com/backload/backload/sqlstore"
)

var openAPIState struct {
	once   sync.Once
	doc    *openapi3.T
	router routers.Router
	err    error
}

// openAPISpec returns the embedded document, loaded and validated once.
func openAPISpec(t testing.TB) (*openapi3.T, routers.Router) {
	t.Helper()
	st := &openAPIState
	st.once.Do(func() {
		loader := openapi3.NewLoader()
		st.doc, st.err = loader.LoadFromData(openAPIDocument)
		if st.err == nil {
			st.err = st.doc.Validate(loader.Context)
		}
		if st.err == nil {
			st.router, st.err = gorillamux.NewRouter(st.doc)
		}
	})
	if st.err != nil {
		t.Fatalf("openapi.json: %v", st.err)
	}
	return st.doc, st.router
}

// checkResponse fails the test unless the response (status, headers and
// body) is one the document describes for the operation: method and path
// template as in apiRoutes, such as "GET", "/api/v1/sessions/{id}". A
// status the operation does not list fails, as does a body where the
// document says there is none.
func checkResponse(t testing.TB, method, pathTemplate string, status int, header http.Header, body []byte) {
	t.Helper()
	doc, _ := openAPISpec(t)
	item := doc.Paths.Value(pathTemplate)
	if item == nil || item.GetOperation(method) == nil {
		t.Fatalf("%s %s is not in openapi.json", method, pathTemplate)
	}
	route := &routers.Route{Spec: doc, Path: pathTemplate, PathItem: item, Method: method, Operation: item.GetOperation(method)}
	checkOpenAPIRoute(t, route, status, header, body)
}

// checkExchange is checkResponse for a request as it was sent, with a
// concrete path such as /api/v1/sessions/12: the document's router finds
// the operation.
func checkExchange(t testing.TB, req *http.Request, status int, header http.Header, body []byte) {
	t.Helper()
	_, router := openAPISpec(t)
	r := &http.Request{Method: req.Method, URL: &url.URL{Path: req.URL.Path}, Header: http.Header{}}
	route, _, err := router.FindRoute(r)
	if err != nil {
		t.Fatalf("%s %s: no operation in openapi.json: %v", req.Method, req.URL.Path, err)
	}
	checkOpenAPIRoute(t, route, status, header, body)
}

// checkOpenAPIRequest fails the test unless the document accepts a request
// the server accepted: its parameters and body match the operation.
func checkOpenAPIRequest(t testing.TB, req *http.Request, body []byte) {
	t.Helper()
	_, router := openAPISpec(t)
	r := req.Clone(context.Background())
	r.Body = io.NopCloser(bytes.NewReader(body))
	route, params, err := router.FindRoute(r)
	if err != nil {
		t.Fatalf("%s %s: no operation in openapi.json: %v", req.Method, req.URL.Path, err)
	}
	input := &openapi3filter.RequestValidationInput{
		Request: r, PathParams: params, Route: route,
		Options: &openapi3filter.Options{AuthenticationFunc: openapi3filter.NoopAuthenticationFunc, MultiError: true},
	}
	if err := openapi3filter.ValidateRequest(context.Background(), input); err != nil {
		t.Fatalf("%s %s: the server accepted a request openapi.json rejects: %v\nbody: %s",
			req.Method, req.URL, err, openAPIClip(body))
	}
}

func checkOpenAPIRoute(t testing.TB, route *routers.Route, status int, header http.Header, body []byte) {
	t.Helper()
	what := route.Method + " " + route.Path + " " + strconv.Itoa(status)
	resp := route.Operation.Responses.Status(status)
	if resp == nil || resp.Value == nil {
		t.Fatalf("%s: openapi.json does not list this status; body %s", what, openAPIClip(body))
	}
	if len(resp.Value.Content) == 0 {
		if len(body) > 0 {
			t.Fatalf("%s: openapi.json says no body, got %s", what, openAPIClip(body))
		}
	} else if len(body) == 0 && status != http.StatusNotModified {
		t.Fatalf("%s: openapi.json describes a body, got none", what)
	}
	input := &openapi3filter.ResponseValidationInput{
		RequestValidationInput: &openapi3filter.RequestValidationInput{
			Request: &http.Request{Method: route.Method, URL: &url.URL{Path: route.Path}, Header: http.Header{}},
			Route:   route,
		},
		Status:  status,
		Header:  header,
		Options: &openapi3filter.Options{IncludeResponseStatus: true, MultiError: true},
	}
	input.SetBodyBytes(body)
	if err := openapi3filter.ValidateResponse(context.Background(), input); err != nil {
		t.Fatalf("%s: the response does not match openapi.json: %v\nbody: %s", what, err, openAPIClip(body))
	}
}

func openAPIClip(b []byte) string {
	if len(b) > 2000 {
		return string(b[:2000]) + "..."
	}
	return string(b)
}

// openAPIPattern writes a Go mux pattern's path the way OpenAPI does:
// {name...} is {name}, and a trailing {$} goes.
func openAPIPattern(p string) string {
	p = strings.TrimSuffix(p, "{$}")
	return strings.ReplaceAll(p, "...}", "}")
}

func TestOpenAPIDocument(t *testing.T) {
	doc, _ := openAPISpec(t)
	if !strings.HasPrefix(doc.OpenAPI, "3.") {
		t.Errorf("openapi = %q, want 3.x", doc.OpenAPI)
	}
	for _, name := range []string{"bearerAuth", "cookieAuth"} {
		if doc.Components.SecuritySchemes[name] == nil {
			t.Errorf("no security scheme %s", name)
		}
	}
	if c := doc.Components.SecuritySchemes["cookieAuth"]; c != nil && c.Value.Name != sessionCookie {
		t.Errorf("cookieAuth names cookie %q, want %q", c.Value.Name, sessionCookie)
	}
	// Every schema is used, so none is left over from a removed route.
	for name := range doc.Components.Schemas {
		if !bytes.Contains(openAPIDocument, []byte(`"#/components/schemas/`+name+`"`)) {
			t.Errorf("schema %s is not used", name)
		}
	}
}

// TestOpenAPIRoutes checks that the document lists exactly the registered
// routes, and that each operation says what its access level and method
// imply: who may call it and which errors it can answer.
func TestOpenAPIRoutes(t *testing.T) {
	doc, _ := openAPISpec(t)
	registered := map[string]route{}
	for _, rt := range (&Server{}).apiRoutes() {
		if rt.pattern == "/metrics" {
			continue
		}
		registered[rt.method+" "+openAPIPattern(rt.pattern)] = rt
	}
	documented := map[string]*openapi3.Operation{}
	for path, item := range doc.Paths.Map() {
		for method, op := range item.Operations() {
			documented[method+" "+path] = op
		}
	}
	for _, key := range slices.Sorted(maps.Keys(registered)) {
		if documented[key] == nil {
			t.Errorf("route %s is not in openapi.json", key)
		}
	}
	for _, key := range slices.Sorted(maps.Keys(documented)) {
		if _, ok := registered[key]; !ok {
			t.Errorf("openapi.json documents %s, which is not a route", key)
		}
	}
	if doc.Paths.Value("/metrics") != nil {
		t.Error("openapi.json documents /metrics, which is not part of the API")
	}

	for _, key := range slices.Sorted(maps.Keys(registered)) {
		rt, op := registered[key], documented[key]
		if op == nil {
			continue
		}
		has := func(status int) bool { return op.Responses.Status(status) != nil }
		want := func(status int, why string) {
			if !has(status) {
				t.Errorf("%s: no %d response (%s)", key, status, why)
			}
		}
		success := false
		for code := range op.Responses.Map() {
			success = success || strings.HasPrefix(code, "2")
		}
		if !success {
			t.Errorf("%s: no 2xx response", key)
		}
		switch rt.access {
		case public:
			optional := op.Security != nil && slices.ContainsFunc(*op.Security, func(r openapi3.SecurityRequirement) bool { return len(r) == 0 })
			if op.Security == nil || (len(*op.Security) > 0 && !optional) {
				t.Errorf("%s is public: give it security [] (or an optional requirement {})", key)
			}
		default:
			if op.Security != nil && (len(*op.Security) == 0 || slices.ContainsFunc(*op.Security, func(r openapi3.SecurityRequirement) bool { return len(r) == 0 })) {
				t.Errorf("%s needs an account, but openapi.json makes authentication optional", key)
			}
			want(http.StatusUnauthorized, "it needs an account")
		}
		if rt.access == coachOf {
			want(http.StatusNotFound, "a lifter the coach does not coach")
		}
		switch rt.method {
		case "POST", "PUT", "PATCH", "DELETE":
			want(http.StatusForbidden, "cross-origin protection")
		}
		if op.RequestBody != nil && op.RequestBody.Value.Content.Get("application/json") != nil {
			want(http.StatusBadRequest, "a malformed body")
			want(http.StatusRequestEntityTooLarge, "the body size limit")
		}
		// Every {name} of the path is a declared path parameter.
		item := doc.Paths.Value(openAPIPattern(rt.pattern))
		params := append(slices.Clone(item.Parameters), op.Parameters...)
		for _, name := range openAPIPathNames(rt.pattern) {
			if !slices.ContainsFunc(params, func(p *openapi3.ParameterRef) bool {
				return p.Value.In == "path" && p.Value.Name == name
			}) {
				t.Errorf("%s: path parameter %s is not declared", key, name)
			}
			if name == "id" {
				want(http.StatusNotFound, "an id that is not the user's")
			}
		}
	}
}

func openAPIPathNames(pattern string) []string {
	var names []string
	for seg := range strings.SplitSeq(pattern, "/") {
		if strings.HasPrefix(seg, "{") && strings.HasSuffix(seg, "}") && seg != "{$}" {
			names = append(names, strings.TrimSuffix(strings.Trim(seg, "{}"), "..."))
		}
	}
	return names
}

// openAPIConcretePath fills a template's parameters with numbers.
func openAPIConcretePath(template string) string {
	var out []string
	for seg := range strings.SplitSeq(template, "/") {
		if strings.HasPrefix(seg, "{") {
			seg = "7"
		}
		out = append(out, seg)
	}
	return strings.Join(out, "/")
}

// TestOpenAPIRouter checks that the document's router finds every route
// from a concrete path, so checkExchange names the right operation.
func TestOpenAPIRouter(t *testing.T) {
	_, router := openAPISpec(t)
	for _, rt := range (&Server{}).apiRoutes() {
		if rt.pattern == "/metrics" {
			continue
		}
		req := &http.Request{Method: rt.method, URL: &url.URL{Path: openAPIConcretePath(rt.pattern)}, Header: http.Header{}}
		route, _, err := router.FindRoute(req)
		if err != nil {
			t.Errorf("%s %s: %v", rt.method, req.URL.Path, err)
			continue
		}
		if route.Path != openAPIPattern(rt.pattern) || route.Method != rt.method {
			t.Errorf("%s %s found %s %s", rt.method, req.URL.Path, route.Method, route.Path)
		}
	}
}

func TestOpenAPIServed(t *testing.T) {
	srv := New(Config{})
	req := httptest.NewRequest("GET", "/api/v1/openapi.json", nil)
	rec := httptest.NewRecorder()
	srv.ServeHTTP(rec, req)
	if rec.Code != http.StatusOK {
		t.Fatalf("status %d: %s", rec.Code, rec.Body)
	}
	if ct := rec.Header().Get("Content-Type"); !strings.HasPrefix(ct, "application/json") {
		t.Errorf("Content-Type %q", ct)
	}
	if cc := rec.Header().Get("Cache-Control"); cc == "" || strings.Contains(cc, "no-store") {
		t.Errorf("Cache-Control %q: the document may be cached", cc)
	}
	if !bytes.Equal(rec.Body.Bytes(), openAPIDocument) {
		t.Error("the body is not the embedded document")
	}
	checkResponse(t, "GET", "/api/v1/openapi.json", rec.Code, rec.Header(), rec.Body.Bytes())

	etag := rec.Header().Get("ETag")
	if etag == "" {
		t.Fatal("no ETag")
	}
	req = httptest.NewRequest("GET", "/api/v1/openapi.json", nil)
	req.Header.Set("If-None-Match", `"other", W/`+etag)
	rec = httptest.NewRecorder()
	srv.ServeHTTP(rec, req)
	if rec.Code != http.StatusNotModified || rec.Body.Len() != 0 {
		t.Fatalf("If-None-Match with the ETag: status %d, %d bytes", rec.Code, rec.Body.Len())
	}
	checkResponse(t, "GET", "/api/v1/openapi.json", rec.Code, rec.Header(), rec.Body.Bytes())
}

// TestOpenAPIErrors checks the answers every route gives before its
// handler runs: 401 without credentials and 403 for a forged cross-origin
// request, against the document.
func TestOpenAPIErrors(t *testing.T) {
	checkOpenAPIGuards(t, New(Config{}), nil)
}

// checkOpenAPIGuards sends every route a request without credentials and
// a forged cross-origin one, wants 401 and 403, and checks the answers
// against the document. It notes the answers in seen, when given.
func checkOpenAPIGuards(t *testing.T, srv http.Handler, seen map[string]map[int]bool) {
	t.Helper()
	for _, rt := range (&Server{}).apiRoutes() {
		if rt.pattern == "/metrics" {
			continue
		}
		path := openAPIConcretePath(rt.pattern)
		try := func(want int, header ...string) {
			t.Helper()
			req := httptest.NewRequest(rt.method, path, strings.NewReader("{}"))
			req.Header.Set("Content-Type", "application/json")
			for i := 0; i+1 < len(header); i += 2 {
				req.Header.Set(header[i], header[i+1])
			}
			rec := httptest.NewRecorder()
			srv.ServeHTTP(rec, req)
			if rec.Code != want {
				t.Errorf("%s %s %v: status %d, want %d: %s", rt.method, path, header, rec.Code, want, rec.Body)
				return
			}
			checkExchange(t, req, rec.Code, rec.Header(), rec.Body.Bytes())
			if seen != nil {
				key := rt.method + " " + openAPIPattern(rt.pattern)
				if seen[key] == nil {
					seen[key] = map[int]bool{}
				}
				seen[key][want] = true
			}
		}
		if rt.access != public {
			try(http.StatusUnauthorized)
		}
		if rt.method != "GET" {
			try(http.StatusForbidden, "Sec-Fetch-Site", "cross-site", "Origin", "https://evil.example")
		}
	}
}

// openAPIClient calls the server as one user and checks every answer
// against the document.
type openAPIClient struct {
	t      *testing.T
	srv    http.Handler
	token  string
	cookie *http.Cookie
	seen   map[string]map[int]bool
}

func (c *openAPIClient) as(token string) *openAPIClient {
	cp := *c
	cp.token, cp.cookie = token, nil
	return &cp
}

// do sends body (nil, a string or []byte sent as is, or a value sent as
// JSON) to the path template, with its {names} filled from args and any
// ?query kept, and wants the status. It returns the answer's body.
func (c *openAPIClient) do(method, template string, body any, want int, args ...any) []byte {
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
	template, query, _ := strings.Cut(template, "?")
	target := openAPIFill(template, args...)
	if query != "" {
		target += "?" + query
	}
	req := httptest.NewRequest(method, target, r)
	if body != nil {
		req.Header.Set("Content-Type", "application/json")
	}
	return c.send(req, template, want)
}

func (c *openAPIClient) send(req *http.Request, template string, want int) []byte {
	c.t.Helper()
	if c.token != "" {
		req.Header.Set("Authorization", "Bearer "+c.token)
	}
	if c.cookie != nil {
		req.AddCookie(c.cookie)
	}
	var sent []byte
	if req.Body != nil {
		var err error
		if sent, err = io.ReadAll(req.Body); err != nil {
			c.t.Fatal(err)
		}
		req.Body = io.NopCloser(bytes.NewReader(sent))
	}
	rec := httptest.NewRecorder()
	c.srv.ServeHTTP(rec, req)
	if rec.Code != want {
		c.t.Fatalf("%s %s: status %d, want %d: %s", req.Method, req.URL, rec.Code, want, rec.Body)
	}
	if want < 300 {
		checkOpenAPIRequest(c.t, req, sent)
	}
	checkResponse(c.t, req.Method, template, rec.Code, rec.Header(), rec.Body.Bytes())
	key := req.Method + " " + template
	if c.seen[key] == nil {
		c.seen[key] = map[int]bool{}
	}
	c.seen[key][rec.Code] = true
	for _, ck := range rec.Result().Cookies() {
		if ck.Name == sessionCookie {
			c.cookie = ck
		}
	}
	return rec.Body.Bytes()
}

// openAPIFill replaces the template's {names}, in order, with args.
func openAPIFill(template string, args ...any) string {
	segs := strings.Split(template, "/")
	for i, seg := range segs {
		if strings.HasPrefix(seg, "{") && len(args) > 0 {
			segs[i], args = fmt.Sprint(args[0]), args[1:]
		}
	}
	return strings.Join(segs, "/")
}

func openAPIDecode[T any](t *testing.T, data []byte) T {
	t.Helper()
	var v T
	if err := json.Unmarshal(data, &v); err != nil {
		t.Fatalf("%v: %s", err, data)
	}
	return v
}

func openAPIMultipart(t *testing.T, fields map[string]string, file []byte) (string, []byte) {
	t.Helper()
	var buf bytes.Buffer
	w := multipart.NewWriter(&buf)
	for _, k := range slices.Sorted(maps.Keys(fields)) {
		w.WriteField(k, fields[k])
	}
	if file != nil {
		fw, err := w.CreateFormFile("file", "export.json")
		if err != nil {
			t.Fatal(err)
		}
		fw.Write(file)
	}
	w.Close()
	return w.FormDataContentType(), buf.Bytes()
}

// TestOpenAPIConformance calls every documented operation on a real
// database, for its success and its documented failures, and checks each
// answer against the document.
func TestOpenAPIConformance(t *testing.T) {
	ctx := context.Background()
	db, err := sqlstore.Open(ctx, filepath.Join(t.TempDir(), "openapi.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	srv := New(Config{
		DB: db, Catalog: catalog.Default(),
		Passwords:    auth.Params{MemoryKiB: 64, Time: 1, Threads: 1},
		MaxBodyBytes: 64 << 10, MaxUploadBytes: 256 << 10,
		LoginFailuresPerAccount: 3, LoginFailuresPerAddress: 1000,
	})
	anon := &openAPIClient{t: t, srv: srv, seen: map[string]map[int]bool{}}
	const password = "correct horse battery"

	anon.do("GET", "/healthz", nil, 200)
	anon.do("GET", "/api/v1/openapi.json", nil, 200)

	// Accounts.
	lifterUser := openAPIDecode[map[string]any](t, anon.do("POST", "/api/v1/signup",
		map[string]string{"email": "lifter@example.com", "password": password}, 201))
	lifterID := int64(lifterUser["id"].(float64))
	anon.do("POST", "/api/v1/signup", map[string]string{"email": "lifter@example.com", "password": password}, 409)
	anon.do("POST", "/api/v1/signup", map[string]string{"email": "short@example.com", "password": "short"}, 400)
	anon.do("POST", "/api/v1/signup", map[string]any{"email": "x@example.com", "password": password, "extra": 1}, 400)
	anon.do("POST", "/api/v1/signup", strings.Repeat(" ", 65<<10), 413)
	anon.do("POST", "/api/v1/signup", map[string]string{"email": "coach@example.com", "password": password, "role": "coach"}, 201)
	anon.do("POST", "/api/v1/signup", map[string]string{"email": "coach2@example.com", "password": password, "role": "coach"}, 201)

	for range 3 {
		anon.do("POST", "/api/v1/login", map[string]string{"email": "nobody@example.com", "password": "wrong password"}, 401)
	}
	anon.do("POST", "/api/v1/login", map[string]string{"email": "nobody@example.com", "password": "wrong password"}, 429)
	anon.do("POST", "/api/v1/login", "not json", 400)

	browser := anon.as("")
	browser.do("POST", "/api/v1/login", map[string]string{"email": "lifter@example.com", "password": password}, 200)
	browser.do("GET", "/api/v1/account", nil, 200)
	browser.do("POST", "/api/v1/tokens", map[string]string{"name": "from the browser"}, 201)
	browser.do("POST", "/api/v1/logout", nil, 204)
	browser.do("GET", "/api/v1/account", nil, 401)

	anon.do("POST", "/api/v1/tokens", map[string]string{}, 401)
	anon.do("POST", "/api/v1/tokens", map[string]string{"email": "lifter@example.com", "password": password, "name": strings.Repeat("n", 101)}, 400)
	lifterToken := openAPIDecode[map[string]any](t, anon.do("POST", "/api/v1/tokens",
		map[string]string{"email": "lifter@example.com", "password": password}, 201))["token"].(string)
	coachToken := openAPIDecode[map[string]any](t, anon.do("POST", "/api/v1/tokens",
		map[string]string{"email": "coach@example.com", "password": password}, 201))["token"].(string)
	coach2Token := openAPIDecode[map[string]any](t, anon.do("POST", "/api/v1/tokens",
		map[string]string{"email": "coach2@example.com", "password": password}, 201))["token"].(string)
	lifter, coach, coach2 := anon.as(lifterToken), anon.as(coachToken), anon.as(coach2Token)

	extra := openAPIDecode[map[string]any](t, lifter.do("POST", "/api/v1/tokens", map[string]string{"name": "spare"}, 201))
	lifter.do("GET", "/api/v1/tokens", nil, 200)
	lifter.do("DELETE", "/api/v1/tokens/{id}", nil, 204, int64(extra["id"].(float64)))
	lifter.do("DELETE", "/api/v1/tokens/{id}", nil, 404, int64(extra["id"].(float64)))
	anon.do("GET", "/api/v1/tokens", nil, 401)

	lifter.do("GET", "/api/v1/account", nil, 200)
	lifter.do("PATCH", "/api/v1/account", map[string]any{"time_zone": "Europe/Berlin", "plate_step": 1.25}, 200)
	lifter.do("PATCH", "/api/v1/account", map[string]any{"units": "stone"}, 400)

	// Sessions and check-ins.
	session := map[string]any{
		"started_at": "2026-03-10T07:30:00Z", "title": "Lower A",
		"exercises": []any{
			map[string]any{"input": "Back Squat", "sets": []any{
				map[string]any{"kind": "warmup", "weight_kg": 60, "reps": 5},
				map[string]any{"kind": "working", "weight_kg": 100, "reps": 5, "rpe": 8},
			}},
			map[string]any{"input": "Dead bug", "sets": []any{map[string]any{"kind": "working", "reps": 10}}},
		},
	}
	created := openAPIDecode[map[string]any](t, lifter.do("POST", "/api/v1/sessions", session, 201))
	sessionID := int64(created["id"].(float64))
	lifter.do("POST", "/api/v1/sessions", session, 409)
	lifter.do("POST", "/api/v1/sessions", map[string]any{"title": "no start"}, 400)
	lifter.do("POST", "/api/v1/sessions", strings.Repeat(" ", 65<<10), 413)
	other := maps.Clone(session)
	other["started_at"], other["title"] = "2026-03-12T07:30:00Z", "Lower B"
	otherID := int64(openAPIDecode[map[string]any](t, lifter.do("POST", "/api/v1/sessions", other, 201))["id"].(float64))

	lifter.do("GET", "/api/v1/sessions", nil, 200)
	lifter.do("GET", "/api/v1/sessions?from=2026-03-01&to=2026-03-31", nil, 200)
	lifter.do("GET", "/api/v1/sessions?from=March", nil, 400)
	lifter.do("GET", "/api/v1/sessions/{id}", nil, 200, sessionID)
	lifter.do("GET", "/api/v1/sessions/{id}", nil, 404, 999999)
	session["notes"] = "felt good"
	lifter.do("PUT", "/api/v1/sessions/{id}", session, 200, sessionID)
	lifter.do("PUT", "/api/v1/sessions/{id}", session, 404, 999999)
	lifter.do("PUT", "/api/v1/sessions/{id}", map[string]any{"started_at": "yesterday"}, 400, sessionID)
	lifter.do("PUT", "/api/v1/sessions/{id}", session, 409, otherID) // the same start and title as sessionID
	lifter.do("DELETE", "/api/v1/sessions/{id}", nil, 204, otherID)
	lifter.do("DELETE", "/api/v1/sessions/{id}", nil, 404, otherID)

	lifter.do("GET", "/api/v1/today", nil, 400) // no check-in yet
	lifter.do("POST", "/api/v1/checkins", map[string]any{"pain": 3, "session_pain": 2, "morning_change": 0}, 201)
	lifter.do("POST", "/api/v1/checkins", map[string]any{"date": "2026-03-09", "pain": 5, "red_flags": []string{"night-pain"}, "note": "stiff"}, 201)
	lifter.do("POST", "/api/v1/checkins", map[string]any{"pain": 11}, 400)
	lifter.do("GET", "/api/v1/checkins", nil, 200)
	lifter.do("GET", "/api/v1/checkins?from=2026-03-01&to=2026-12-31", nil, 200)
	lifter.do("GET", "/api/v1/checkins?to=2026-13-01", nil, 400)
	lifter.do("GET", "/api/v1/today", nil, 200)
	lifter.do("GET", "/api/v1/today?workout=Lower%20A", nil, 200)
	lifter.do("GET", "/api/v1/today?workout=Nothing", nil, 404)
	lifter.do("GET", "/api/v1/progress", nil, 200)
	lifter.do("GET", "/api/v1/progress?range=all", nil, 200)
	lifter.do("GET", "/api/v1/progress?from=2026-03-01&to=2026-03-31", nil, 200) // the red-flag check-in: a flare
	lifter.do("GET", "/api/v1/progress?range=5y", nil, 400)
	lifter.do("GET", "/api/v1/progress?from=2026-03-31&to=2026-03-01", nil, 400)

	// Export and import.
	export := lifter.do("GET", "/api/v1/export", nil, 200)
	ct, form := openAPIMultipart(t, map[string]string{"format": "backload"}, export)
	importReq := func(ct string, body []byte) *http.Request {
		req := httptest.NewRequest("POST", "/api/v1/imports", bytes.NewReader(body))
		req.Header.Set("Content-Type", ct)
		return req
	}
	lifter.send(importReq(ct, form), "/api/v1/imports", 200)
	named := importReq(ct, form)
	named.URL.RawQuery = "progress=conformance-1"
	lifter.send(named, "/api/v1/imports", 200)
	lifter.do("GET", "/api/v1/imports/progress/{key}", nil, 200, "conformance-1")
	lifter.do("GET", "/api/v1/imports/progress/{key}", nil, 404, "never-named")
	lifter.do("GET", "/api/v1/imports/progress/{key}", nil, 400, "short")
	ct, form = openAPIMultipart(t, map[string]string{"format": "strong", "unit": "lb"}, []byte("not,a,strong,export\n1,2\n"))
	lifter.send(importReq(ct, form), "/api/v1/imports", 422)
	ct, form = openAPIMultipart(t, map[string]string{"format": "excel"}, export)
	lifter.send(importReq(ct, form), "/api/v1/imports", 400)
	ct, form = openAPIMultipart(t, nil, nil)
	lifter.send(importReq(ct, form), "/api/v1/imports", 400)
	lifter.send(importReq("application/json", export), "/api/v1/imports", 400)
	ct, form = openAPIMultipart(t, nil, bytes.Repeat([]byte("x"), 300<<10))
	lifter.send(importReq(ct, form), "/api/v1/imports", 413)

	// The rules, without an account.
	anon.do("POST", "/api/v1/adapt", map[string]any{
		"checkin": map[string]any{"pain": 4, "trend": "rising"},
		"session": []any{map[string]any{"exercise": "deadlift", "sets": 3, "reps": 5, "weight": 140}, map[string]any{"exercise": "plank", "seconds": 30}},
	}, 200)
	anon.do("POST", "/api/v1/adapt", map[string]any{"checkin": map[string]any{"pain": 2, "red_flags": []string{"saddle-numbness"}}}, 200)
	anon.do("POST", "/api/v1/adapt", map[string]any{"checkin": map[string]any{"pain": 9}, "units": "lb"}, 200)
	anon.do("POST", "/api/v1/adapt", map[string]any{"checkin": map[string]any{}}, 400)
	anon.do("POST", "/api/v1/adapt", `{"checkin":{"pain":1}} {}`, 400)
	anon.do("POST", "/api/v1/adapt", strings.Repeat(" ", 65<<10), 413)
	anon.do("POST", "/api/v1/ramp", map[string]any{
		"lifts":     []any{map[string]any{"exercise": "back squat", "from": 60, "to": 120, "sets": 5, "reps": 5}, map[string]any{"exercise": "bench press", "to": 80}},
		"responses": []string{"green", "amber"},
	}, 200)
	anon.do("POST", "/api/v1/ramp", map[string]any{"start": "2026-03-16", "lifts": []any{map[string]any{"exercise": "deadlift", "to": 150}}}, 200)
	anon.do("POST", "/api/v1/ramp", map[string]any{"lifts": []any{}}, 400)
	anon.do("GET", "/api/v1/classify?name=Barbell%20Back%20Squat", nil, 200)
	anon.do("GET", "/api/v1/classify?name=zercher%20good%20morning%20thing", nil, 200)
	anon.do("GET", "/api/v1/classify", nil, 400)
	anon.do("GET", "/api/v1/exercises", nil, 200)
	for _, class := range []string{"spinal-heavy", "loaded-flexion", "spine-neutral-lower", "core-endurance", "upper-body", "other"} {
		anon.do("GET", "/api/v1/exercises?class="+class, nil, 200)
	}
	anon.do("GET", "/api/v1/exercises?class=heavy", nil, 400)

	// Coaching.
	inv := openAPIDecode[map[string]any](t, lifter.do("POST", "/api/v1/invites", map[string]string{"note": "for Sam"}, 201))
	inviteID, inviteToken := int64(inv["id"].(float64)), inv["token"].(string)
	lifter.do("POST", "/api/v1/invites", map[string]string{"note": strings.Repeat("n", 201)}, 400)
	lifter.do("POST", "/api/v1/invites/accept", map[string]string{"token": inviteToken}, 403) // not a coach
	coach.do("POST", "/api/v1/invites/accept", map[string]string{"token": "inv_nothing"}, 404)
	coach.do("POST", "/api/v1/invites/accept", map[string]string{}, 400)
	coach.do("POST", "/api/v1/invites/accept", map[string]string{"token": inviteToken}, 200)
	coach2.do("POST", "/api/v1/invites/accept", map[string]string{"token": inviteToken}, 409)
	own := openAPIDecode[map[string]any](t, coach.do("POST", "/api/v1/invites", map[string]string{}, 201))
	coach.do("POST", "/api/v1/invites/accept", map[string]string{"token": own["token"].(string)}, 400)
	lifter.do("GET", "/api/v1/invites", nil, 200)
	coach.do("GET", "/api/v1/lifters", nil, 200)
	lifter.do("GET", "/api/v1/lifters", nil, 200)

	coach.do("GET", "/api/v1/lifters/{lifter}/sessions", nil, 200, lifterID)
	coach.do("GET", "/api/v1/lifters/{lifter}/sessions?from=2026-03-31&to=2026-03-01", nil, 400, lifterID)
	coach2.do("GET", "/api/v1/lifters/{lifter}/sessions", nil, 404, lifterID)
	plan := maps.Clone(session)
	plan["started_at"], plan["title"] = "2026-03-20T07:30:00Z", "Coach plan"
	planned := openAPIDecode[map[string]any](t, coach.do("POST", "/api/v1/lifters/{lifter}/sessions", plan, 201, lifterID))
	coach.do("POST", "/api/v1/lifters/{lifter}/sessions", plan, 409, lifterID)
	coach.do("POST", "/api/v1/lifters/{lifter}/sessions", map[string]any{}, 400, lifterID)
	coach.do("POST", "/api/v1/lifters/{lifter}/sessions", strings.Repeat(" ", 65<<10), 413, lifterID)
	coach2.do("POST", "/api/v1/lifters/{lifter}/sessions", plan, 404, lifterID)
	coach.do("GET", "/api/v1/lifters/{lifter}/sessions/{id}", nil, 200, lifterID, int64(planned["id"].(float64)))
	coach.do("GET", "/api/v1/lifters/{lifter}/sessions/{id}", nil, 404, lifterID, 999999)
	coach.do("GET", "/api/v1/lifters/{lifter}/checkins", nil, 200, lifterID)
	coach.do("GET", "/api/v1/lifters/{lifter}/checkins?from=1st", nil, 400, lifterID)
	coach2.do("GET", "/api/v1/lifters/{lifter}/checkins", nil, 404, lifterID)
	coach.do("GET", "/api/v1/lifters/{lifter}/today", nil, 200, lifterID)
	coach.do("GET", "/api/v1/lifters/{lifter}/today?workout=Nothing", nil, 404, lifterID)
	coach.do("GET", "/api/v1/lifters/{lifter}/progress?range=1y", nil, 200, lifterID)
	coach.do("GET", "/api/v1/lifters/{lifter}/progress?range=forever", nil, 400, lifterID)
	coach2.do("GET", "/api/v1/lifters/{lifter}/progress", nil, 404, lifterID)
	coach.do("GET", "/api/v1/today", nil, 400) // the coach has no check-in
	lifter.do("DELETE", "/api/v1/invites/{id}", nil, 204, inviteID)
	lifter.do("DELETE", "/api/v1/invites/{id}", nil, 404, inviteID)
	coach.do("GET", "/api/v1/lifters/{lifter}/today", nil, 404, lifterID)
	coach.do("POST", "/api/v1/invites/accept", map[string]string{"token": inviteToken}, 404)

	big := strings.Repeat(" ", 65<<10)
	for _, tmpl := range []string{"/api/v1/checkins", "/api/v1/invites", "/api/v1/invites/accept", "/api/v1/account/password"} {
		lifter.do("POST", tmpl, big, 413)
	}
	lifter.do("PUT", "/api/v1/sessions/{id}", big, 413, sessionID)
	lifter.do("DELETE", "/api/v1/account", big, 413)
	for _, tmpl := range []string{"/api/v1/login", "/api/v1/tokens", "/api/v1/ramp"} {
		anon.do("POST", tmpl, big, 413)
	}

	// A coached lifter without a check-in has no plan for today.
	anon.do("POST", "/api/v1/signup", map[string]string{"email": "new@example.com", "password": password}, 201)
	newcomer := anon.as(openAPIDecode[map[string]any](t, anon.do("POST", "/api/v1/tokens",
		map[string]string{"email": "new@example.com", "password": password}, 201))["token"].(string))
	newID := int64(openAPIDecode[map[string]any](t, newcomer.do("GET", "/api/v1/account", nil, 200))["id"].(float64))
	inv = openAPIDecode[map[string]any](t, newcomer.do("POST", "/api/v1/invites", map[string]string{}, 201))
	coach.do("POST", "/api/v1/invites/accept", map[string]string{"token": inv["token"].(string)}, 200)
	coach.do("GET", "/api/v1/lifters/{lifter}/today", nil, 400, newID)

	// Password and deletion last: they end what came before.
	lifter.do("POST", "/api/v1/account/password", map[string]string{"current": "not it at all", "new": "another long password"}, 400)
	lifter.do("POST", "/api/v1/account/password", map[string]string{"current": password, "new": "short"}, 400)
	lifter.do("POST", "/api/v1/account/password", map[string]string{"current": password, "new": "another long password"}, 204)
	lifter.do("DELETE", "/api/v1/account", map[string]string{"password": password}, 400)
	lifter.do("DELETE", "/api/v1/account", map[string]string{"password": "another long password"}, 204)
	lifter.do("GET", "/api/v1/account", nil, 401)
	coach2.do("PATCH", "/api/v1/account", strings.Repeat(" ", 65<<10), 413)
	for range 3 {
		coach2.do("DELETE", "/api/v1/account", map[string]string{"password": "wrong wrong wrong"}, 400)
	}
	coach2.do("DELETE", "/api/v1/account", map[string]string{"password": "wrong wrong wrong"}, 429)
	coach2.do("POST", "/api/v1/account/password", map[string]string{"current": password, "new": "another long password"}, 429)
	anon.do("POST", "/api/v1/tokens", map[string]string{"email": "coach2@example.com", "password": password}, 429)

	checkOpenAPIGuards(t, srv, anon.seen)
	db.Close()
	anon.do("GET", "/healthz", nil, 503)

	// Every operation was called, answered with success at least once, and
	// gave every answer the document lists for it.
	doc, _ := openAPISpec(t)
	var untested []string
	for path, item := range doc.Paths.Map() {
		for method, op := range item.Operations() {
			key := method + " " + path
			ok := false
			for status := range anon.seen[key] {
				ok = ok || status < 300
			}
			if !ok {
				t.Errorf("%s was not called successfully", key)
			}
			for code := range op.Responses.Map() {
				status, _ := strconv.Atoi(code)
				// 500 cannot be provoked from outside; 304 is TestOpenAPIServed's.
				if !anon.seen[key][status] && status != 500 && status != http.StatusNotModified {
					untested = append(untested, key+" "+code)
				}
			}
		}
	}
	slices.Sort(untested)
	if len(untested) > 0 {
		t.Errorf("documented answers no test here gets (exercise them, or drop them from openapi.json): %s",
			strings.Join(untested, ", "))
	}
}
