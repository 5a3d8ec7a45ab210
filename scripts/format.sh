#!/usr/bin/env bash
# clang-format (.clang-format: Google, 100 columns) over every C++ file of the tree.
# usage: scripts/format.sh check   (fails listing the files that differ)
#        scripts/format.sh fix     (formats them in place)
set -euo pipefail
cd "$(dirname "$0")/.."
mode=${1:-check}
mapfile -t files < <(git ls-files '*.cc' '*.h' 2>/dev/null || find src include tests bench fuzz -name '*.cc' -o -name '*.h')
if [ "$mode" = fix ]; then
  clang-format -i "${files[@]}"
  exit 0
fi
bad=()
for f in "${files[@]}"; do
  if ! clang-format --dry-run -Werror "$f" >/dev/null 2>&1; then bad+=("$f"); fi
done
if [ ${#bad[@]} -gt 0 ]; then
  printf 'not formatted (make format fixes them):\n'; printf '  %s\n' "${bad[@]}"
  exit 1
fi
echo "== format: ${#files[@]} files as .clang-format says"
