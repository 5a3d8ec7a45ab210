#!/usr/bin/env bash
# HTTP figures for `make bench`: durable check-ins on loopback at 64 connections (throughput,
# p50/p99 latency), the page's JS+CSS weight gzipped, and the server's resident memory idle.
# usage: bench/http_bench.sh BINARY [SECONDS]
set -euo pipefail
bin=${1:-build/backsignal}
secs=${2:-10}
here=$(cd "$(dirname "$0")" && pwd)
tmp=$(mktemp -d)
trap 'kill $pid 2>/dev/null || true; wait $pid 2>/dev/null || true; rm -rf "$tmp"' EXIT

"$bin" --db "$tmp/bench.db" serve --listen 127.0.0.1:0 >"$tmp/out" 2>&1 &
pid=$!
for _ in $(seq 50); do
  port=$(grep -o 'http://127.0.0.1:[0-9]*' "$tmp/out" | grep -o '[0-9]*$' || true)
  [ -n "$port" ] && break
  sleep 0.1
done
url="http://127.0.0.1:$port"
sleep 0.5
echo "== server resident memory, idle: $(awk '/VmRSS/ {printf "%.1f MB", $2/1024}' /proc/$pid/status) (goal <= 20 MB)"

js_css=0
# Every JS and CSS file the page loads: the service worker's list of assets.
assets=$(curl -s "$url/sw.js" | sed -n "s/^const ASSETS = \[\(.*\)\];/\1/p" | tr -d "' " | tr ',' '\n' | grep -E '\.(js|css)$')
for a in $assets; do
  n=$(curl -s -H 'Accept-Encoding: gzip' -o /dev/null -w '%{size_download}' "$url$a")
  js_css=$((js_css + n))
done
html=$(curl -s -H 'Accept-Encoding: gzip' -o /dev/null -w '%{size_download}' "$url/")
echo "== page weight, JS+CSS gzipped: $((js_css / 1024)) KB ($js_css bytes in $(echo "$assets" | wc -l) files; goal <= 100 KB); HTML $html bytes"

echo "== durable check-ins (PUT morning, fsync'd group commit), 64 connections, ${secs}s"
wrk -t 2 -c 64 -d "${secs}s" --latency -s "$here/checkin.lua" "$url" | tee "$tmp/wrk-checkins" | sed 's/^/   /'
echo "== server resident memory after the load: $(awk '/VmRSS/ {printf "%.1f MB", $2/1024}' /proc/$pid/status)"
# /metrics after the load: the requests it counted against the ones wrk made.
made=$(awk '/requests in/ {print $1}' "$tmp/wrk-checkins")
counted=$(curl -s "$url/metrics" | awk -F' ' '/^backsignal_http_requests_total\{method="PUT",route="\/api\/v1\/days\/\{date\}\/morning"/ {n += $2} END {print n + 0}')
batches=$(curl -s "$url/metrics" | awk '/^backsignal_commit_batch_writes_(sum|count)/ {print $2}' | paste -sd/ -)
echo "== /metrics after the load: $counted PUT morning requests counted, wrk made $made (the difference: requests in flight when wrk stopped); writes/commits $batches"
kill $pid; wait $pid 2>/dev/null || true

# The reading over HTTP of a one-year diary: what the page asks for on every visit.
"$(dirname "$bin")/bench_diary" 365 > "$tmp/year.json"
"$bin" --db "$tmp/year.db" import "$tmp/year.json" >/dev/null
"$bin" --db "$tmp/year.db" serve --listen 127.0.0.1:0 >"$tmp/out2" 2>&1 &
pid=$!
port=""
for _ in $(seq 50); do
  port=$(grep -o 'http://127.0.0.1:[0-9]*' "$tmp/out2" | grep -o '[0-9]*$' || true)
  [ -n "$port" ] && break
  sleep 0.1
done
url="http://127.0.0.1:$port"
curl -s -o /dev/null "$url/api/v1/reading"
echo "== the reading of a one-year diary over HTTP, 16 connections, 5s (goal >= 5,000/s)"
wrk -t 2 -c 16 -d 5s --latency "$url/api/v1/reading" | grep -E 'Requests/sec|50%|99%' | sed 's/^/   /'
echo "== server resident memory after the load: $(awk '/VmRSS/ {printf "%.1f MB", $2/1024}' /proc/$pid/status); peak $(awk '/VmHWM/ {printf "%.1f MB", $2/1024}' /proc/$pid/status)"
