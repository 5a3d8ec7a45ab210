#!/usr/bin/env bash
# A private PostgreSQL server for the tests: its own data directory and Unix socket in DIR, no
# TCP port, started and stopped by the test run (ctest's `postgres` fixture).
#   scripts/pg-test.sh start DIR   # initdb (once) and start; prints the connection URL
#   scripts/pg-test.sh url DIR     # prints the connection URL
#   scripts/pg-test.sh stop DIR    # stops it and removes DIR
set -euo pipefail
action=${1:?start, url or stop}
dir=${2:?a directory}
port=54329
bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)
if [ -z "$bin" ]; then
  echo "pg-test: no PostgreSQL server installed (scripts/install-deps.sh installs it)" >&2
  exit 1
fi
# initdb refuses to run as root: run the server as the postgres user then.
as=()
if [ "$(id -u)" -eq 0 ]; then as=(runuser -u postgres --); fi
url="postgresql:///postgres?host=$dir&port=$port&user=postgres"

case "$action" in
  start)
    if [ -f "$dir/data/postmaster.pid" ]; then "$0" stop "$dir"; fi
    rm -rf "$dir"
    mkdir -p "$dir"
    if [ ${#as[@]} -gt 0 ]; then chown postgres "$dir"; fi
    "${as[@]}" "$bin/initdb" -D "$dir/data" -U postgres -A trust -E UTF8 --no-sync >"$dir/initdb.log" 2>&1 ||
      { cat "$dir/initdb.log" >&2; exit 1; }
    "${as[@]}" "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 30 \
      -o "-k $dir -p $port -c listen_addresses='' -c fsync=off -c max_connections=200" start >/dev/null ||
      { cat "$dir/server.log" >&2; exit 1; }
    echo "$url"
    ;;
  url)
    echo "$url"
    ;;
  stop)
    if [ -f "$dir/data/postmaster.pid" ]; then
      "${as[@]}" "$bin/pg_ctl" -D "$dir/data" -m fast -w stop >/dev/null || true
    fi
    rm -rf "$dir"
    ;;
  *)
    echo "pg-test: unknown action $action" >&2
    exit 1
    ;;
esac
