package main

import (
	"fmt"
	"io"
	"os"
)

// maxRequestBytes bounds a JSON request read from a file or standard input.
const maxRequestBytes = 1 << 20

// readRequest reads the request body from path, or standard input when path
// is empty or "-". It fails with a usage error naming the file.
func readRequest(e *env, path string) ([]byte, error) {
	r := e.in
	name := "standard input"
	if path != "" && path != "-" {
		f, err := os.Open(path)
		if err != nil {
			return nil, usagef("--in: %v", err)
		}
		defer f.Close()
		r, name = f, path
	}
	data, err := io.ReadAll(io.LimitReader(r, maxRequestBytes+1))
	if err != nil {
		return nil, fmt.Errorf("reading %s: %w", name, err)
	}
	if len(data) > maxRequestBytes {
		return nil, usagef("%s: request is larger than %d bytes", name, maxRequestBytes)
	}
	return data, nil
}
