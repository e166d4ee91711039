// Package backload holds the domain of Backload: exercises and how they load
// the lower back, training sessions, daily back check-ins, and the rules that
// adapt a session during a flare-up and plan the return to previous loads.
//
// The package is plain Go with no I/O. Storage, HTTP, the command line and
// the importers depend on it; it depends on none of them. Every threshold the
// rules use lives in Policy, with its default and its source.
package backload
