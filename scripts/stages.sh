#!/usr/bin/env bash
# Runs make targets one after the other as the stages of a run (`make test` is one), then prints
# how long each took: also when one fails, or on Ctrl-C. A failed stage stops the run there (the
# stages after it are listed as not run) unless KEEP_GOING=1; the exit status is then non-zero.
# Beside each stage's wall-clock time is the CPU time of the processes it waited for (not a
# server it left running in the background): when the machine is shared, CPU/cores is closer to
# what the stage costs on a quiet one. The load average is printed at the start and the end.
# A stage that passed is taken as done when a later stage names it as a prerequisite.
# A stage written NAME& starts NAME in the background at the lowest priority (nice 19), its output
# kept aside, and the run goes on; where NAME comes again, the run waits for it, prints its
# output and takes its result. Its wall time is the wait; its CPU is counted in whichever stage
# was running when it ended.
# So a stage that is mostly CPU (clang-tidy) soaks up what a stage mostly waiting (the browser
# tests) leaves idle, without slowing it: at nice 19 it gets a core only when nothing else wants
# it.
# usage: scripts/stages.sh TARGET... (TARGET& ... TARGET)
set -uo pipefail
cd "$(dirname "$0")/.."

stages=("$@")
walls=()
cpus=()
results=()
passed=()
run_start=$EPOCHREALTIME
load_start=$(cut -d' ' -f1-3 /proc/loadavg)
status=0

# cpu= the CPU seconds, user and system, of every child this shell has waited for so far. (Not
# called as $(...): a subshell's children are not these.)
times_file=$(mktemp)
children_cpu() {
  local shell_times child_times
  times >"$times_file"
  { read -r shell_times; read -r child_times; } <"$times_file"
  # "0m1.250s 0m0.040s": minutes and seconds, user then system.
  cpu=$(awk -v t="$child_times" 'BEGIN {
    n = split(t, part, " "); s = 0
    for (i = 1; i <= n; i++) { split(part[i], ms, "m"); sub("s", "", ms[2]); s += ms[1] * 60 + ms[2] }
    printf "%.1f", s }')
}

seconds_since() { awk -v a="$1" -v b="$EPOCHREALTIME" 'BEGIN { printf "%.1f", b - a }'; }

clock() { awk -v s="$1" 'BEGIN { printf "%d:%04.1f", int(s / 60), s - 60 * int(s / 60) }'; }

report() {
  local i total
  total=$(seconds_since "$run_start")
  echo
  echo "== stages (load average $load_start at the start, $(cut -d' ' -f1-3 /proc/loadavg) at the end; $(nproc) cores)"
  printf '   %-14s %9s %9s  %s\n' stage wall CPU result
  for i in "${!stages[@]}"; do
    if [ -n "${results[$i]:-}" ]; then
      printf '   %-14s %9s %9s  %s\n' "${stages[$i]}" "$(clock "${walls[$i]}")" \
        "$(clock "${cpus[$i]}")" "${results[$i]}"
    elif [ "$i" = "${current:-}" ]; then
      printf '   %-14s %9s %9s  %s\n' "${stages[$i]}" "$(clock "$(seconds_since "$start")")" - interrupted
    else
      printf '   %-14s %9s %9s  %s\n' "${stages[$i]}" - - "not run"
    fi
  done
  printf '   %-14s %9s\n' total "$(clock "$total")"
  rm -f "$times_file"
}
declare -A background=() background_log=()
stop_background() {
  local name
  for name in "${!background[@]}"; do kill -- "-${background[$name]}" 2>/dev/null; done
}
trap 'stop_background; report' EXIT
trap 'exit 130' INT TERM

for i in "${!stages[@]}"; do
  stage=${stages[$i]}
  echo "== stage $stage"
  current=$i
  start=$EPOCHREALTIME
  children_cpu
  cpu_before=$cpu
  if [[ $stage == *'&' ]]; then
    name=${stage%&}
    background_log[$name]=$(mktemp)
    # Its own process group (set -m), so that an interrupted run stops all of it.
    set -m
    nice -n 19 make --no-print-directory "${passed[@]}" "$name" >"${background_log[$name]}" 2>&1 &
    background[$name]=$!
    set +m
    echo "   (in the background, nice 19, until stage $name)"
    rc=0
  elif [ -n "${background[$stage]:-}" ]; then
    echo "   (started in the background earlier: waiting for it)"
    wait "${background[$stage]}"
    rc=$?
    cat "${background_log[$stage]}"
    rm -f "${background_log[$stage]}"
    unset "background[$stage]"
  else
    # A stage that passed is not made again as a later one's prerequisite (make -o).
    make --no-print-directory "${passed[@]}" "$stage"
    rc=$?
  fi
  walls[$i]=$(seconds_since "$start")
  children_cpu
  cpus[$i]=$(awk -v a="$cpu_before" -v b="$cpu" 'BEGIN { printf "%.1f", b - a }')
  if [ $rc -eq 0 ] && [[ $stage == *'&' ]]; then
    results[$i]=started
  elif [ $rc -eq 0 ]; then
    results[$i]=passed
    passed+=(-o "$stage")
  else
    results[$i]="FAILED ($rc)"
    status=1
    [ "${KEEP_GOING:-0}" = 1 ] || break
  fi
done
exit $status
