#!/usr/bin/env bash
# Browser tests of the web app: Debian's Chromium driven by playwright-core
# (no browser download), against a real `backload serve` on a throwaway
# database. Installs chromium with apt-get and the test packages with npm
# when missing. Under CI=true it fails when it cannot; otherwise it warns
# and skips. Screenshots of every page go to screenshots/ for review.
set -uo pipefail
cd "$(dirname "$0")/.."

skip() {
  if [ "${CI:-}" = true ]; then echo "browser-test: FAILED: $1" >&2; exit 1; fi
  echo "browser-test: WARNING: $1; skipping the browser tests" >&2; exit 0
}

chromium=${CHROMIUM:-/usr/bin/chromium}
if [ ! -x "$chromium" ]; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    echo "browser-test: installing chromium with apt-get" >&2
    (apt-get install -y -qq chromium >/dev/null 2>&1 || { apt-get update -qq >/dev/null && apt-get install -y -qq chromium >/dev/null; }) \
      || skip "chromium could not be installed"
  fi
  [ -x "$chromium" ] || skip "no Chromium at $chromium (install Debian's chromium package)"
fi
command -v node >/dev/null || skip "node is not installed"
if [ ! -d tests/browser/node_modules/playwright-core ] || [ ! -d tests/browser/node_modules/axe-core ]; then
  (cd tests/browser && npm ci --silent --no-audit --no-fund >/dev/null 2>&1) || skip "npm ci failed in tests/browser"
fi

work=$(mktemp -d)
pid=""
trap '[ -n "$pid" ] && kill "$pid" 2>/dev/null; wait 2>/dev/null; rm -rf "$work"' EXIT
go build -o "$work/backload" ./cmd/backload || exit 1
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
"$work/backload" serve --db "$work/browser.db" --addr "127.0.0.1:$port" 2>"$work/serve.log" &
pid=$!
for _ in $(seq 100); do curl -fsS "http://127.0.0.1:$port/healthz" >/dev/null 2>&1 && break; sleep 0.1; done
curl -fsS "http://127.0.0.1:$port/healthz" >/dev/null || { cat "$work/serve.log" >&2; exit 1; }

rm -rf screenshots && mkdir -p screenshots
export BASE_URL="http://127.0.0.1:$port" SCREENSHOT_DIR="$PWD/screenshots" CHROMIUM="$chromium"
(cd tests/browser && node --test --test-concurrency=1 --test-reporter=spec .)
status=$?
[ $status -eq 0 ] || { echo "--- server log"; tail -50 "$work/serve.log"; } >&2
exit $status
