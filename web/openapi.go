package web

import (
	"crypto/sha256"
	_ "embed"
	"encoding/hex"
	"net/http"
	"strconv"
	"strings"
)

// openAPIDocument is the OpenAPI 3 description of the JSON API. The tests
// check that it lists exactly the routes of apiRoutes and that the
// handlers' answers match it.
//
//go:embed openapi.json
var openAPIDocument []byte

// openAPIETag names this build's document, so a client can revalidate its
// copy with If-None-Match instead of downloading it again.
var openAPIETag = func() string {
	sum := sha256.Sum256(openAPIDocument)
	return `"` + hex.EncodeToString(sum[:12]) + `"`
}()

// openAPI serves the document. It changes only with the server's version,
// so caches may keep it a few minutes and then revalidate it by its ETag.
func (s *Server) openAPI(w http.ResponseWriter, r *http.Request, c *call) error {
	h := w.Header()
	h.Set("Content-Type", "application/json; charset=utf-8")
	h.Set("Cache-Control", "public, max-age=300")
	h.Set("ETag", openAPIETag)
	if etagMatches(r.Header.Get("If-None-Match"), openAPIETag) {
		w.WriteHeader(http.StatusNotModified)
		return nil
	}
	h.Set("Content-Length", strconv.Itoa(len(openAPIDocument)))
	w.WriteHeader(http.StatusOK)
	w.Write(openAPIDocument) // a failed write is a client gone: nothing to answer
	return nil
}

// etagMatches reports whether an If-None-Match header names etag, weakly
// compared as RFC 9110 asks for GET.
func etagMatches(header, etag string) bool {
	for tag := range strings.SplitSeq(header, ",") {
		tag = strings.TrimSpace(tag)
		if tag == "*" || strings.TrimPrefix(tag, "W/") == etag {
			return true
		}
	}
	return false
}
