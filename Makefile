# One front for the CMake build. Every target installs what is missing first.
SHELL := /bin/bash
JOBS ?= $(shell nproc)
SHARED ?= ../shared
DEMO_DB ?= demo/diary.db
FUZZ_SECONDS ?= 30
# The workout importers, one target a format, run within the budget of an upload: 256 MB of
# memory and 5 s an input at most (docs/security.md, "The import budget"). AddressSanitizer's
# quarantine of freed memory (256 MB unless told) would fill that bound alone: 32 MB here.
WORKOUT_FUZZ_TARGETS = workouts_apple workouts_gpx workouts_tcx workouts_health_connect \
  workouts_google_fit workouts_strava workouts_zip
WORKOUT_FUZZ_FLAGS = -rss_limit_mb=256 -timeout=5
WORKOUT_FUZZ_ASAN = quarantine_size_mb=32
FUZZ_TARGETS = diary_json diary_csv settings_json profile_json checkin_json auth_json writers \
  reminders_json $(WORKOUT_FUZZ_TARGETS)

.PHONY: web-lint all deps build test check unit ctest asan asan-build tsan tsan-build lint format \
  format-check tidy scenarios bench fuzz run demo clean deb package

all: build

deps:
	@scripts/install-deps.sh

build/CMakeCache.txt: | deps
	cmake -S . -B build -DCMAKE_BUILD_TYPE=RelWithDebInfo -DBACKSIGNAL_WERROR=ON

build: deps build/CMakeCache.txt
	cmake --build build -j $(JOBS)

# The test tiers are ctest labels, one a test: fast, postgres, browser, slow (CMakeLists.txt,
# "Tests", says which test is where and the rule for a new one).
CTEST = ctest --output-on-failure -j $(JOBS)
# `make ctest TIERS=postgres` (a regular expression over the labels): the tiers to run; every
# test when unset.
TIERS ?=
TIER_FILTER = $(if $(TIERS),-L '$(TIERS)')

# The fast tier: the build, then the unit and scenario tests that need no PostgreSQL, browser or
# sanitizer, then the shared acceptance scenarios. Under 3 minutes after a build on 2 cores.
check: build
	cd build && $(CTEST) -L '^fast$$'
	$(shared_scenarios)

# The fast tier's ctest part alone.
unit: build
	cd build && $(CTEST) -L '^fast$$'

# The plain build's whole ctest suite, every tier (or TIERS).
ctest: build
	cd build && $(CTEST) $(TIER_FILTER)

define shared_scenarios
	@if [ -x $(SHARED)/tools/check-scenarios ]; then \
	  echo "== acceptance scenarios ($(SHARED)/scenarios)"; \
	  out=$$($(SHARED)/tools/check-scenarios build/backsignal); s=$$?; echo "$$out"; \
	  if [ $$s -ne 0 ]; then exit $$s; fi; \
	  if echo "$$out" | grep -q "skipped"; then echo "scenarios were skipped"; exit 1; fi; \
	else echo "== $(SHARED) not here: acceptance scenarios skipped (the project's own ran in ctest)"; fi
endef

scenarios: build
	$(shared_scenarios)

# clang, with AddressSanitizer and UBSan: the whole ctest suite. Being clang's, this build is
# also the one that compiles core/expected.h's stand-in.
build-asan/CMakeCache.txt: | deps
	CXX=clang++ cmake -S . -B build-asan -DCMAKE_BUILD_TYPE=Debug -DBACKSIGNAL_SANITIZE=ON -DBACKSIGNAL_WERROR=ON

asan-build: deps build-asan/CMakeCache.txt
	cmake --build build-asan -j $(JOBS)

asan: asan-build
	cd build-asan && ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1 $(CTEST) $(TIER_FILTER)

# ThreadSanitizer: every unit test its build holds (the store, group commit, service, readings
# cache and push ones: CMakeLists.txt, UNIT_TEST_SOURCES; a gtest case is "SuiteTest.Case"), and
# the server under the API, security and multi-process tests (a race aborts the server, failing
# its test).
TSAN_TESTS = ^[A-Z][A-Za-z]*Test[./]|postgres_|^api$$|^security$$|multi_process|crash_kill9|push_
build-tsan/CMakeCache.txt: | deps
	CXX=clang++ cmake -S . -B build-tsan -DCMAKE_BUILD_TYPE=RelWithDebInfo -DBACKSIGNAL_TSAN=ON -DBACKSIGNAL_WERROR=ON

tsan-build: deps build-tsan/CMakeCache.txt
	cmake --build build-tsan -j $(JOBS) --target unit_tests backsignal

tsan: tsan-build
	cd build-tsan && TSAN_OPTIONS="halt_on_error=1 abort_on_error=1 second_deadlock_stack=1" \
	  $(CTEST) -R '$(TSAN_TESTS)'

format:
	scripts/format.sh fix

format-check: deps
	scripts/format.sh check

# clang-tidy needs a clang build's compile commands, one a source (not a unity batch's), and the
# generated headers, not the objects: build-tidy is configured, never compiled. Since tidy parses
# each source on its own, a source that does not include what it uses fails here.
# TIDY_FILES=changed: only the files changed since main (every file when a header changed).
build-tidy/CMakeCache.txt: | deps
	CXX=clang++ cmake -S . -B build-tidy -DCMAKE_BUILD_TYPE=Debug -DBACKSIGNAL_UNITY_BUILD=OFF >/dev/null

tidy: build-tidy/CMakeCache.txt
	cmake --build build-tidy --target generated_sources
	scripts/tidy.sh build-tidy $(TIDY_FILES)

# The page's JavaScript: ESLint and Prettier from npm (web/package.json).
web-lint: deps
	cd web && npm run -s lint

lint: format-check tidy web-lint

# The Debian package of this build, and its test (contents, Depends, the unit; `make deb` makes
# the release one).
package: build
	rm -rf build/package && cd build && cpack -G DEB -B package >/dev/null
	python3 tests/package_test.py build/package/backsignal_*.deb

# Everything, as CI runs it (.ci/run), stage by stage; the time of each is printed at the end,
# also when one fails (which stops the run: KEEP_GOING=1 runs the rest anyway). clang-tidy, all
# CPU, runs in the background at nice 19 beside the plain ctest suite, which leaves half of the
# machine idle while the browser tests wait on Chromium (`tidy&`, scripts/stages.sh); the run
# waits for it after the package.
TEST_STAGES = deps format-check web-lint build tidy& ctest scenarios package tidy asan-build \
  asan tsan-build tsan
test:
	@scripts/stages.sh $(foreach s,$(TEST_STAGES),'$(s)')

bench: deps
	cmake -S . -B build-bench -DCMAKE_BUILD_TYPE=Release -DBACKSIGNAL_BENCH=ON -DBACKSIGNAL_WERROR=ON
	cmake --build build-bench -j $(JOBS)
	build-bench/bench_reading --cli=build-bench/backsignal
	build-bench/bench_early_warning
	bench/http_bench.sh build-bench/backsignal 10
	node bench/morning_checkin.mjs build-bench/backsignal 5
	python3 bench/workouts_bench.py build-bench/backsignal 200
	scripts/pg-test.sh start /tmp/backsignal-pg-bench >/dev/null
	bench/clinician_list.sh build-bench/backsignal build-bench/bench_clinician_setup 10000 \
	  "$$(scripts/pg-test.sh url /tmp/backsignal-pg-bench)"; s=$$?; scripts/pg-test.sh stop /tmp/backsignal-pg-bench; exit $$s

fuzz: deps
	CXX=clang++ cmake -S . -B build-fuzz -DCMAKE_BUILD_TYPE=RelWithDebInfo -DBACKSIGNAL_LIBFUZZER=ON
	cmake --build build-fuzz -j $(JOBS) --target $(addprefix fuzz_,$(FUZZ_TARGETS))
	for t in $(FUZZ_TARGETS); do \
	  case " $(WORKOUT_FUZZ_TARGETS) " in \
	    *" $$t "*) flags="$(WORKOUT_FUZZ_FLAGS)"; asan="$(WORKOUT_FUZZ_ASAN)";; *) flags=""; asan="";; esac; \
	  mkdir -p build-fuzz/corpus-$$t && \
	  ASAN_OPTIONS="$${ASAN_OPTIONS:+$$ASAN_OPTIONS:}$$asan" build-fuzz/fuzz_$$t -max_total_time=$(FUZZ_SECONDS) $$flags \
	    build-fuzz/corpus-$$t fuzz/corpus/$$t || exit 1; \
	done

# A Debian package of a release build: build-deb/backsignal_VERSION_ARCH.deb (docs/operations.md).
deb: deps
	cmake -S . -B build-deb -DCMAKE_BUILD_TYPE=Release -DCMAKE_INSTALL_PREFIX=/usr -DBACKSIGNAL_WERROR=ON
	cmake --build build-deb -j $(JOBS) --target backsignal man
	cd build-deb && cpack -G DEB
	@ls build-deb/*.deb

LISTEN ?= 127.0.0.1:8080

# The web app on your own diary (the embedded SQLite default, ~/.local/share/backsignal/), with
# accounts: the first run prints a one-time link that creates the first account, which takes the
# local diary (the one the command line writes) and is the administrator.
run: build
	build/backsignal serve --accounts --listen $(LISTEN)

# A sample diary's reading in the terminal, then the web app on that sample.
demo: build
	@scripts/demo.sh build/backsignal $(DEMO_DB)
	build/backsignal --db $(DEMO_DB) serve --listen $(LISTEN)

clean:
	rm -rf build build-asan build-tsan build-tidy build-bench build-fuzz build-clang build-deb demo
