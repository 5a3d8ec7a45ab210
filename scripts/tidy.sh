#!/usr/bin/env bash
# clang-tidy (.clang-tidy) over every non-test source of src/, in C++2b mode, with the compile
# commands of a clang build. Any warning fails. usage: scripts/tidy.sh BUILD_DIR
set -euo pipefail
build=${1:?usage: scripts/tidy.sh BUILD_DIR (a clang build with compile_commands.json)}
cd "$(dirname "$0")/.."
[ -f "$build/compile_commands.json" ] || { echo "tidy: no $build/compile_commands.json" >&2; exit 2; }
files=$(find src -name '*.cc' ! -name '*_test.cc' | sort)
echo "== clang-tidy on $(echo "$files" | wc -l) files"
# -std=c++2b: clang 14's name for C++23 (the build's own flag when the build is clang's).
echo "$files" | xargs -P "$(nproc)" -n 4 clang-tidy -p "$build" --quiet --extra-arg=-std=c++2b \
  2> >(grep -v "warnings generated" >&2)
echo "== clang-tidy: no warnings"
