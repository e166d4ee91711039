package main

import (
	"fmt"
	"io"
	"os"
	"strings"
	"sync"
	"time"
)

// isTerminal reports whether w is a terminal, where a progress bar helps;
// in a pipe or a log file it would only add noise.
func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	if !ok {
		return false
	}
	info, err := f.Stat()
	return err == nil && info.Mode()&os.ModeCharDevice != 0
}

// progressBar draws "label  42% [########            ] 6.3/15.0 MB" on one
// line, at most ten times a second.
type progressBar struct {
	w     io.Writer
	label string
	mu    sync.Mutex
	last  time.Time
	drawn bool
}

func (p *progressBar) update(done, total int64) {
	p.mu.Lock()
	defer p.mu.Unlock()
	if now := time.Now(); now.Sub(p.last) < 100*time.Millisecond && done != total {
		return
	} else {
		p.last = now
	}
	const width = 30
	if total <= 0 {
		fmt.Fprintf(p.w, "\r%s  %.1f MB", p.label, float64(done)/1e6)
	} else {
		frac := min(float64(done)/float64(total), 1)
		n := int(frac * width)
		fmt.Fprintf(p.w, "\r%s %3.0f%% [%s%s] %.1f/%.1f MB", p.label, frac*100,
			strings.Repeat("#", n), strings.Repeat(" ", width-n), float64(done)/1e6, float64(total)/1e6)
	}
	p.drawn = true
}

// done ends the bar's line.
func (p *progressBar) done() {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.drawn {
		fmt.Fprintln(p.w)
	}
}
