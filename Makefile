# One front for the CMake build. Every target installs what is missing first.
SHELL := /bin/bash
JOBS ?= $(shell nproc)
SHARED ?= ../shared
DEMO_DB ?= demo/diary.db
FUZZ_SECONDS ?= 30

.PHONY: all deps build test unit asan scenarios bench fuzz run demo clean

all: build

deps:
	@scripts/install-deps.sh

build/CMakeCache.txt: | deps
	cmake -S . -B build -DCMAKE_BUILD_TYPE=RelWithDebInfo -DBACKSIGNAL_WERROR=ON

build: deps build/CMakeCache.txt
	cmake --build build -j $(JOBS)

unit: build
	cd build && ctest --output-on-failure -j $(JOBS)

scenarios: build
	@if [ -x $(SHARED)/tools/check-scenarios ]; then \
	  echo "== acceptance scenarios ($(SHARED)/scenarios)"; \
	  $(SHARED)/tools/check-scenarios build/backsignal; \
	else echo "== $(SHARED) not here: acceptance scenarios skipped (the project's own ran in ctest)"; fi

asan: deps
	cmake -S . -B build-asan -DCMAKE_BUILD_TYPE=Debug -DBACKSIGNAL_SANITIZE=ON -DBACKSIGNAL_WERROR=ON
	cmake --build build-asan -j $(JOBS)
	cd build-asan && ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1 \
	  ctest --output-on-failure -j $(JOBS)

test: unit scenarios asan
	@echo "== all tests passed"

bench: deps
	cmake -S . -B build-bench -DCMAKE_BUILD_TYPE=Release -DBACKSIGNAL_BENCH=ON -DBACKSIGNAL_WERROR=ON
	cmake --build build-bench -j $(JOBS)
	build-bench/bench_reading --cli=build-bench/backsignal
	build-bench/bench_early_warning
	bench/http_bench.sh build-bench/backsignal 10
	scripts/pg-test.sh start /tmp/backsignal-pg-bench >/dev/null
	bench/clinician_list.sh build-bench/backsignal build-bench/bench_clinician_setup 10000 \
	  "$$(scripts/pg-test.sh url /tmp/backsignal-pg-bench)"; s=$$?; scripts/pg-test.sh stop /tmp/backsignal-pg-bench; exit $$s

fuzz: deps
	CXX=clang++ cmake -S . -B build-fuzz -DCMAKE_BUILD_TYPE=RelWithDebInfo -DBACKSIGNAL_LIBFUZZER=ON
	cmake --build build-fuzz -j $(JOBS) --target fuzz_diary_json fuzz_diary_csv fuzz_settings_json fuzz_profile_json
	for t in diary_json diary_csv settings_json profile_json; do \
	  mkdir -p build-fuzz/corpus-$$t && \
	  build-fuzz/fuzz_$$t -max_total_time=$(FUZZ_SECONDS) build-fuzz/corpus-$$t fuzz/corpus/$$t || exit 1; \
	done

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
	rm -rf build build-asan build-bench build-fuzz demo
