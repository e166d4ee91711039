#!/usr/bin/env bash
# Load test on loopback: wrk at 64 connections against GET /api/v1/today for
# a lifter with 200,000 imported sets, and against GET /healthz in the same
# run. Targets: today at least a third of healthz's throughput, p99 under
# 50 ms.
set -euo pipefail
cd "$(dirname "$0")/.."
sets=${SETS:-200000}
secs=${SECS:-10}
work=$(mktemp -d)
pid=""
trap '[ -n "$pid" ] && kill "$pid" 2>/dev/null; rm -rf "$work"' EXIT

if ! command -v wrk >/dev/null; then
  if [ "$(id -u)" = 0 ]; then (apt-get install -y -qq wrk >/dev/null 2>&1 || { apt-get update -qq && apt-get install -y -qq wrk >/dev/null; }); else echo "wrk is not installed"; exit 1; fi
fi
go build -o "$work/backload" ./cmd/backload
go run ./scripts/genstrong -sets "$sets" -o "$work/strong.csv"
export BACKLOAD_DB="$work/bench.db"
"$work/backload" import --user bench@example.com "$work/strong.csv" >/dev/null
"$work/backload" checkin --user bench@example.com --pain 4 --session-pain 3 >/dev/null
token=$("$work/backload" token --user bench@example.com --name bench)

port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
"$work/backload" serve --addr "127.0.0.1:$port" 2>"$work/serve.log" &
pid=$!
for _ in $(seq 50); do curl -fsS "http://127.0.0.1:$port/healthz" >/dev/null 2>&1 && break; sleep 0.1; done

run() { # path [header]
  wrk -t1 -c64 -d"${secs}s" --latency ${2:+-H "$2"} "http://127.0.0.1:$port$1" > "$work/wrk.txt"
  [ -n "${VERBOSE:-}" ] && cat "$work/wrk.txt" >&2
  rps=$(awk '/Requests\/sec/ {print $2}' "$work/wrk.txt")
  p99=$(awk '$1 == "99%" {print $2}' "$work/wrk.txt")
  errs=$(awk '/Non-2xx|Socket errors/ {print}' "$work/wrk.txt")
  echo "$1: $rps req/s, p99 $p99${errs:+, $errs}"
}
echo "wrk, 64 connections, ${secs}s each, $sets sets imported:"
today=$(run /api/v1/today "Authorization: Bearer $token"); echo "  $today"
health=$(run /healthz); echo "  $health"
awk -v a="$(echo "$today" | awk '{print $2}')" -v b="$(echo "$health" | awk '{print $2}')" \
  'BEGIN { printf "  today / healthz throughput: %.2f (target 0.33 or more)\n", a / b }'
