#!/usr/bin/env bash
# The clinician's list over many people, through the HTTP API of a running server, on SQLite and
# (when a PostgreSQL URL is given) on PostgreSQL: median and worst of 7 requests.
# usage: bench/clinician_list.sh BINARY SETUP_BINARY [PEOPLE] [POSTGRES_URL]
set -euo pipefail
bin=${1:?backsignal}
setup=${2:?bench_clinician_setup}
people=${3:-10000}
pg=${4:-}
tmp=$(mktemp -d)
pid=
trap '[ -n "$pid" ] && kill $pid 2>/dev/null; wait 2>/dev/null; rm -rf "$tmp"' EXIT

run() {
  local db=$1 label=$2
  "$setup" "$db" "$people" 90
  "$bin" --db "$db" serve --accounts --listen 127.0.0.1:0 >"$tmp/out" 2>&1 &
  pid=$!
  local port=
  for _ in $(seq 100); do
    port=$(grep -o 'Open http://127.0.0.1:[0-9]*' "$tmp/out" | grep -o '[0-9]*$' || true)
    [ -n "$port" ] && break
    sleep 0.1
  done
  local url="http://127.0.0.1:$port"
  curl -s -c "$tmp/jar" -H 'Content-Type: application/json' \
    -d '{"username":"dr.bench","password":"bench password"}' "$url/api/v1/auth/signin" >/dev/null
  local times=()
  for _ in 1 2 3 4 5 6 7; do
    times+=("$(curl -s -b "$tmp/jar" -o "$tmp/list.json" -w '%{time_total}' "$url/api/v1/clinician/people")")
  done
  local n
  n=$(python3 -c "import json; print(len(json.load(open('$tmp/list.json'))['people']))")
  printf '%s\n' "${times[@]}" | sort -n | awk -v label="$label" -v n="$n" -v bytes="$(stat -c %s "$tmp/list.json")" \
    '{t[NR]=$1} END {printf "== clinician list, %s: %d people, %d KB JSON: median %.0f ms, worst %.0f ms (goal <= 1000 ms)\n", label, n, bytes/1024, t[4]*1000, t[NR]*1000}'
  if [ "$label" = SQLite ]; then node "$(dirname "$0")/people_page.mjs" "$url" dr.bench 'bench password'; fi
  kill "$pid"; wait "$pid" 2>/dev/null || true; pid=
}

run "$tmp/list.db" "SQLite"
if [ -n "$pg" ]; then run "$pg" "PostgreSQL"; fi
