#!/usr/bin/env bash
# clang-tidy (.clang-tidy) over the non-test sources of src/, in C++2b mode, with the compile
# commands of a clang build (configured is enough: tidy reads the sources, not the objects).
# Any warning fails. One file a clang-tidy, as many at once as there are cores.
#   scripts/tidy.sh BUILD_DIR           every file
#   scripts/tidy.sh BUILD_DIR changed   the files changed since main (committed or not); all of
#                                       them when a header changed, which any file may include
set -euo pipefail
build=${1:?usage: scripts/tidy.sh BUILD_DIR [changed] (a clang build with compile_commands.json)}
which=${2:-all}
cd "$(dirname "$0")/.."
[ -f "$build/compile_commands.json" ] || { echo "tidy: no $build/compile_commands.json" >&2; exit 2; }
all=$(find src -name '*.cc' ! -name '*_test.cc' | sort)
files=$all
if [ "$which" = changed ]; then
  base=$(git merge-base HEAD main)
  changed=$( (git diff --name-only "$base" -- src include; git ls-files --others --exclude-standard src include) | sort -u)
  if echo "$changed" | grep -q '\.h$'; then
    echo "== a header changed: every file"
  else
    files=$(comm -12 <(echo "$all") <(echo "$changed"))
  fi
elif [ "$which" != all ]; then
  echo "tidy: all or changed, not $which" >&2
  exit 2
fi
if [ -z "$files" ]; then
  echo "== clang-tidy: no source changed since main"
  exit 0
fi
echo "== clang-tidy on $(echo "$files" | wc -l) files"
# -std=c++2b: clang 14's name for C++23 (the build's own flag when the build is clang's).
echo "$files" | xargs -P "$(nproc)" -n 1 clang-tidy -p "$build" --quiet --extra-arg=-std=c++2b \
  2> >(grep -v "warnings generated" >&2)
echo "== clang-tidy: no warnings"
