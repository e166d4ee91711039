# Backload: `make test` is the whole suite (CI runs exactly this with CI=true).
GO ?= go
PKGS := ./...

.PHONY: test fmt-check vet unit fuzz-ci browser bench fuzz soak build clean

test: fmt-check vet unit fuzz-ci browser

fmt-check:
	@out=$$(gofmt -l . ); if [ -n "$$out" ]; then echo "gofmt would change:"; echo "$$out"; exit 1; fi

vet:
	$(GO) vet $(PKGS)

# The unit tests run beside a throwaway PostgreSQL cluster, so that every
# store test runs on PostgreSQL as well as SQLite (see the script). The
# crash tests (Test*Killed*) kill real processes, which are this test
# binary: they run without the race detector, which slows those processes
# fivefold and has nothing to find in a process killed mid-write.
CRASH_TESTS := Killed
unit:
	bash scripts/with-postgres.sh bash -c '$(GO) test -race -count=1 -skip "$(CRASH_TESTS)" $(PKGS) && $(GO) test -count=1 -run "$(CRASH_TESTS)" ./cmd/backload'


# The web app in Debian's Chromium (installed with apt-get when missing),
# driven by playwright-core; screenshots of every page go to screenshots/.
browser:
	bash scripts/browser-test.sh

# Benchmarks print figures; they assert nothing about speed.
bench:
	$(GO) test -run='^$$' -bench=. -benchmem $(PKGS)
	bash scripts/bench-import.sh
	bash scripts/bench-server.sh
	bash scripts/bench-replicas.sh

# Every fuzz target for a few seconds each, so CI keeps finding what a
# parser change breaks; `make fuzz FUZZTIME=5m` searches for longer.
FUZZ_CI_TIME ?= 4s
fuzz-ci:
	@$(MAKE) --no-print-directory fuzz FUZZTIME=$(FUZZ_CI_TIME)

# Run every fuzz target for FUZZTIME each (default 30s).
FUZZTIME ?= 30s
fuzz:
	FUZZTIME=$(FUZZTIME) bash scripts/fuzz.sh

# The long runs: 32 writers for 60 s through two replicas on PostgreSQL,
# and the server killed mid-write 20 times.
SOAK_SECONDS ?= 60
soak:
	BACKLOAD_SOAK_SECONDS=$(SOAK_SECONDS) bash scripts/with-postgres.sh $(GO) test -count=1 -v -run 'TestConcurrentWriters|TestTwoReplicas' ./web
	bash scripts/with-postgres.sh $(GO) test -count=1 -v -run '$(CRASH_TESTS)' ./cmd/backload

build:
	CGO_ENABLED=0 $(GO) build -o bin/backload ./cmd/backload

clean:
	rm -rf bin
