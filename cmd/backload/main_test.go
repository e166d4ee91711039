package main

import (
	"context"
	"os"
	"testing"
)

// TestMain lets tests run this test binary as the backload command itself
// (see runBinary), so crash tests can kill a real process.
func TestMain(m *testing.M) {
	if os.Getenv("BACKLOAD_TEST_AS_MAIN") == "1" {
		os.Exit(run(context.Background(), os.Args[1:], stdio{in: os.Stdin, out: os.Stdout, err: os.Stderr}, os.Getenv))
	}
	os.Exit(m.Run())
}
