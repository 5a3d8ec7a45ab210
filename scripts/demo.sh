#!/usr/bin/env bash
# `make run`: a newcomer's first look. Loads the sample diary into a demo database (never your
# own), prints its reading, and shows the commands to start your own diary.
# usage: scripts/demo.sh BINARY DEMO_DB
set -euo pipefail
bin=${1:-build/backsignal}
db=${2:-demo/diary.db}
here=$(cd "$(dirname "$0")/.." && pwd)

mkdir -p "$(dirname "$db")"
rm -f "$db" "$db-wal" "$db-shm"
"$bin" --db "$db" import "$here/examples/sample-diary.json" >/dev/null
echo "== backsignal: the reading of a sample diary (five weeks of swimming and rowing)"
echo
"$bin" --db "$db" read
cat <<TXT

== Your own diary (kept in \${XDG_DATA_HOME:-~/.local/share}/backsignal/diary.db)
  $bin morning 3 --stiffness 4                 on waking
  $bin session --minutes 40 --start 3 --end 4  after a session (add --sharp for sharp or catching pain)
  $bin after 3                                 about an hour after it
  $bin context --sitting 7 --prolonged         what else loaded your back today
  $bin read                                    the pattern over one to two weeks
  $bin --help                                  everything else

The sample stays in $db: try  $bin --db $db read --json
TXT
