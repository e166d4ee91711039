package web

import (
	"crypto/sha256"
	"embed"
	"encoding/hex"
	"io/fs"
	"mime"
	"net/http"
	"path"
	"strings"
)

//go:embed templates static
var assetsFS embed.FS

// staticFiles serves the embedded static files at URLs that carry a hash of
// their content ("/static/app.3f2a1b9c.css"), so they can be cached
// forever: a changed file gets a new URL.
type staticFiles struct {
	byURL map[string]staticFile
	urls  map[string]string // file name -> hashed URL
}

type staticFile struct {
	body  []byte
	ctype string
}

func loadStatic() (*staticFiles, error) {
	sf := &staticFiles{byURL: map[string]staticFile{}, urls: map[string]string{}}
	err := fs.WalkDir(assetsFS, "static", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || strings.HasSuffix(p, ".md") || strings.HasSuffix(p, "LICENSE") {
			return err
		}
		body, err := fs.ReadFile(assetsFS, p)
		if err != nil {
			return err
		}
		sum := sha256.Sum256(body)
		name := strings.TrimPrefix(p, "static/")
		ext := path.Ext(name)
		url := "/static/" + strings.TrimSuffix(name, ext) + "." + hex.EncodeToString(sum[:4]) + ext
		ctype := mime.TypeByExtension(ext)
		if ctype == "" {
			ctype = "application/octet-stream"
		}
		sf.byURL[url] = staticFile{body: body, ctype: ctype}
		sf.urls[name] = url
		return nil
	})
	return sf, err
}

// url returns the hashed URL of a static file; it panics on an unknown
// name, which the template check at start-up turns into a failed start.
func (sf *staticFiles) url(name string) string {
	u, ok := sf.urls[name]
	if !ok {
		panic("web: no static file " + name)
	}
	return u
}

func (sf *staticFiles) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	f, ok := sf.byURL[r.URL.Path]
	if !ok {
		http.NotFound(w, r)
		return
	}
	w.Header().Set("Content-Type", f.ctype)
	w.Header().Set("Cache-Control", "public, max-age=31536000, immutable")
	w.Write(f.body)
}
