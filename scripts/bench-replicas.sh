#!/usr/bin/env bash
# Load on loopback through two replicas: two `backload serve` processes on
# one database, each under wrk with a mix of reads (GET /api/v1/today) and
# writes (POST /api/v1/checkins), for PostgreSQL (a throwaway cluster from
# scripts/with-postgres.sh) and for SQLite (one file, two processes).
# Prints throughput, p99 and errors, which must be zero.
set -euo pipefail
cd "$(dirname "$0")/.."
if [ -z "${BACKLOAD_TEST_POSTGRES:-}" ]; then
  exec bash scripts/with-postgres.sh bash "$0" "$@"
fi
secs=${SECS:-10}
sets=${SETS:-200000}
work=$(mktemp -d)
pids=()
trap 'for p in "${pids[@]}"; do kill "$p" 2>/dev/null; done; rm -rf "$work"' EXIT
command -v wrk >/dev/null || { [ "$(id -u)" = 0 ] && apt-get install -y -qq wrk >/dev/null; }
go build -o "$work/backload" ./cmd/backload
go run ./scripts/genstrong -sets "$sets" -o "$work/strong.csv"
freeport() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }

bench() { # name dsn
  local name=$1 dsn=$2
  "$work/backload" import --db "$dsn" --user bench@example.com "$work/strong.csv" >/dev/null
  "$work/backload" checkin --db "$dsn" --user bench@example.com --pain 4 >/dev/null
  export BACKLOAD_TOKEN=$("$work/backload" token --db "$dsn" --user bench@example.com)
  local ports=()
  for _ in 1 2; do
    local port; port=$(freeport)
    "$work/backload" serve --db "$dsn" --addr "127.0.0.1:$port" 2>>"$work/serve.log" &
    pids+=($!); ports+=("$port")
    for _ in $(seq 100); do curl -fsS "http://127.0.0.1:$port/healthz" >/dev/null 2>&1 && break; sleep 0.1; done
  done
  local loads=()
  for port in "${ports[@]}"; do
    wrk -t1 -c32 -d"${secs}s" --latency -s scripts/mixed.lua "http://127.0.0.1:$port" > "$work/wrk-$port.txt" &
    loads+=($!)
  done
  wait "${loads[@]}"
  local total=0 worst="" errs=0
  for port in "${ports[@]}"; do
    local f="$work/wrk-$port.txt" rps p99 bad
    rps=$(awk '/Requests\/sec/ {print $2}' "$f"); p99=$(awk '$1 == "99%" {print $2}' "$f")
    bad=$(awk '/Non-2xx/ {print $NF} /Socket errors/ {gsub(",",""); print $4+$6+$8+$10}' "$f" | awk '{s+=$1} END {print s+0}')
    total=$(awk -v a="$total" -v b="$rps" 'BEGIN {print a + b}'); errs=$((errs + bad))
    echo "  $name replica :$port: $rps req/s, p99 $p99, errors $bad"
  done
  echo "  $name total: $total req/s through 2 replicas, errors $errs"
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; pids=()
  [ "$errs" = 0 ] || { echo "errors under load" >&2; tail -20 "$work/serve.log" >&2; return 1; }
}
echo "wrk -c32 per replica, ${secs}s, 80% GET today / 20% POST check-in, $sets sets imported:"
bench postgres "$BACKLOAD_TEST_POSTGRES"
bench sqlite "$work/bench.db"
