#!/usr/bin/env bash
# Times `backload import` of a 200,000-set Strong export against
# `sqlite3 db ".import --csv FILE t"` on the same file, and reports the
# import's peak memory. The target: within 2x sqlite3, under 300 MB.
set -euo pipefail
cd "$(dirname "$0")/.."
sets=${SETS:-200000}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

if ! command -v sqlite3 >/dev/null; then
  if [ "$(id -u)" = 0 ]; then apt-get install -y -qq sqlite3 >/dev/null; else echo "sqlite3 is not installed"; exit 1; fi
fi
go build -o "$work/backload" ./cmd/backload
go run ./scripts/genstrong -sets "$sets" -o "$work/strong.csv"
echo "file: $sets sets, $(du -h "$work/strong.csv" | cut -f1)"

best() { sort -n | head -1; }
sq=$(for i in 1 2 3; do rm -f "$work/sq.db"
  /usr/bin/time -f "%e" sqlite3 "$work/sq.db" ".import --csv $work/strong.csv t" 2>&1 >/dev/null | tail -1; done | best)
bl=""; rss=""
for i in 1 2 3; do
  rm -f "$work"/bl.db*
  out=$( { /usr/bin/time -f "%e %M" "$work/backload" import --db "$work/bl.db" "$work/strong.csv" >/dev/null; } 2>&1 | tail -1)
  bl="$bl${bl:+$'\n'}${out% *}"; rss="$rss${rss:+$'\n'}${out#* }"
done
bl=$(echo "$bl" | best); rss=$(echo "$rss" | sort -n | tail -1)
echo "sqlite3 .import:  ${sq} s"
echo "backload import:  ${bl} s, peak memory $((rss / 1024)) MB"
awk -v a="$bl" -v b="$sq" 'BEGIN { printf "ratio:            %.2fx (target 2x or less)\n", a / b }'
