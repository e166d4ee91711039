#!/usr/bin/env bash
# Runs every fuzz target of the module for FUZZTIME each (default 30s).
# A target fails when the fuzzer finds a failing input (it then writes it
# under testdata/fuzz, to keep). Go's fuzzing engine sometimes ends a short
# run with "context deadline exceeded" and no failing input: that is the
# engine stopping at its deadline, not a finding, so the target is run once
# more and such an ending is reported but not counted as a failure.
set -uo pipefail
cd "$(dirname "$0")/.."
fuzztime=${FUZZTIME:-30s}
failed=0
for pkg in $(go list ./...); do
  for target in $(go test -list '^Fuzz' "$pkg" | grep '^Fuzz'); do
    for attempt in 1 2; do
      echo "== $pkg $target ($fuzztime)"
      out=$(go test -run='^$' -fuzz="^${target}\$" -fuzztime="$fuzztime" "$pkg" 2>&1)
      status=$?
      echo "$out" | tail -3
      if [ $status -eq 0 ]; then break; fi
      if echo "$out" | grep -q "Failing input written to"; then
        echo "$out"; failed=1; break
      fi
      if echo "$out" | grep -q "context deadline exceeded" && [ $attempt -eq 1 ]; then
        echo "fuzz: $target stopped at the deadline without a finding; running it again"
        continue
      fi
      if echo "$out" | grep -q "context deadline exceeded"; then
        echo "fuzz: $target stopped at the deadline again, without a finding: not a failure"
        break
      fi
      echo "$out"; failed=1; break
    done
  done
done
exit $failed
