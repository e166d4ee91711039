package main

import (
	"bytes"
	"context"
	"flag"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"time"

	"github.com/backload/backload"
	"github.com/backload/backload/catalog"
	physio "github.com/backload/backload/report"
	"github.com/backload/backload/web"
)

// defaultChromium is where Debian and Ubuntu's chromium package puts the
// browser; $CHROMIUM overrides it.
const defaultChromium = "/usr/bin/chromium"

// reportDefaultDays is the period when --from is left out: twelve weeks, as
// on the progress page.
const reportDefaultDays = 84

// pdfTimeout bounds the browser: a report prints in a second or two, and a
// browser that hangs should not hang the command.
const pdfTimeout = 2 * time.Minute

func init() {
	register(&command{
		name:    "report",
		summary: "Write the one- or two-page report for your physiotherapist (HTML or PDF)",
		help: `Writes the printable report of the web app's /report page: pain trend,
flare-ups and how they were handled, spinal load and total volume, key lifts,
core endurance, red flags and your notes over the period, with the charts as
SVG.

The output's extension chooses the format:
  .html  the page itself, written directly; open it in any browser
  .pdf   printed to A4 by headless Chromium's print-to-PDF, which must be
         installed (` + defaultChromium + `, or the path in $CHROMIUM; on Debian
         or Ubuntu: apt-get install chromium). Without it, write .html and
         print that from a browser.

Example:
  backload report --from 2026-09-01 --to 2026-11-30 -o report.pdf`,
		flags: func(fs *flag.FlagSet, e *env) func(context.Context, []string) error {
			data := addDataFlags(fs)
			from := fs.String("from", "", "first day, `YYYY-MM-DD` (default 12 weeks before --to)")
			to := fs.String("to", "", "last day, `YYYY-MM-DD` (default today)")
			out := fs.String("o", "", "the report `FILE`, ending in .html or .pdf (required)")
			return func(ctx context.Context, args []string) error {
				if len(args) > 0 {
					return usagef("unexpected argument %q", args[0])
				}
				ext := strings.ToLower(filepath.Ext(*out))
				switch {
				case *out == "":
					return usagef("-o is required: a file ending in .html or .pdf")
				case ext != ".html" && ext != ".htm" && ext != ".pdf":
					return usagef("-o: the file must end in .html or .pdf, got %q", *out)
				}
				db, u, err := data.open(ctx, e)
				if err != nil {
					return err
				}
				defer db.Close()
				today := userToday(u, time.Now())
				rng, err := reportRange(*from, *to, today)
				if err != nil {
					return err
				}
				p := backload.DefaultPolicy()
				in, err := web.LoadPhysio(ctx, db, catalog.Default(), u, rng, today, p)
				if err != nil {
					return err
				}
				page, err := physio.BuildPhysioReport(in, p).HTML("")
				if err != nil {
					return err
				}
				if ext == ".pdf" {
					err = writePDF(ctx, e, *out, page)
				} else {
					err = writeFileAtomic(*out, func(w io.Writer) error { _, err := w.Write(page); return err })
				}
				if err != nil {
					return err
				}
				fmt.Fprintf(e.err, "Wrote the report for %s, %s to %s, to %s.\n", u.Email,
					rng.From.Format(time.DateOnly), rng.To.Format(time.DateOnly), absPath(*out))
				return nil
			}
		},
	})
}

// reportRange reads --from and --to; either may be left out.
func reportRange(from, to string, today time.Time) (physio.Range, error) {
	r := physio.Range{To: today}
	if to != "" {
		d, err := backload.ParseDay("--to", to)
		if err != nil {
			return r, err
		}
		r.To = d
	}
	r.From = r.To.AddDate(0, 0, -(reportDefaultDays - 1))
	if from != "" {
		d, err := backload.ParseDay("--from", from)
		if err != nil {
			return r, err
		}
		r.From = d
	}
	if r.To.Before(r.From) {
		return r, usagef("--to (%s) is before --from (%s)", r.To.Format(time.DateOnly), r.From.Format(time.DateOnly))
	}
	return r, nil
}

// writePDF prints page to out with headless Chromium, from a throwaway
// directory that also holds the browser's profile, so that a Chromium the
// user has open is neither touched nor in the way.
func writePDF(ctx context.Context, e *env, out string, page []byte) error {
	chromium := e.getenv("CHROMIUM")
	if chromium == "" {
		chromium = defaultChromium
	}
	if _, err := os.Stat(chromium); err != nil {
		return usagef("writing a PDF needs Chromium at %s, which is not installed: install it (apt-get install chromium) or write the report as .html and print it from a browser", chromium)
	}
	dir, err := os.MkdirTemp("", "backload-report-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(dir)
	src, pdf := filepath.Join(dir, "report.html"), filepath.Join(dir, "report.pdf")
	if err := os.WriteFile(src, page, 0o600); err != nil {
		return err
	}
	ctx, cancel := context.WithTimeout(ctx, pdfTimeout)
	defer cancel()
	cmd := exec.CommandContext(ctx, chromium, "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
		"--disable-background-networking", "--disable-component-update", "--disable-sync",
		"--user-data-dir="+filepath.Join(dir, "profile"),
		"--print-to-pdf="+pdf, "--no-pdf-header-footer", "file://"+src)
	var stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = io.Discard, &stderr
	runErr := cmd.Run()
	data, err := os.ReadFile(pdf)
	if runErr != nil || err != nil || !bytes.HasPrefix(data, []byte("%PDF-")) {
		return fmt.Errorf("chromium could not print the report (%v): %s", runErr, lastLine(stderr.String()))
	}
	return writeFileAtomic(out, func(w io.Writer) error { _, err := w.Write(data); return err })
}

// lastLine is the last non-empty line of a browser's noisy error output.
func lastLine(s string) string {
	lines := strings.Split(strings.TrimSpace(s), "\n")
	return strings.TrimSpace(lines[len(lines)-1])
}
