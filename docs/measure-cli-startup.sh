#!/usr/bin/env bash
# Measures the start-up of the command line: `bin/sembridge info` on the sample model against
# what it cannot avoid, `java -version` (a bare JVM start) plus the command's own work (the time
# from main() to exit, which the CLI prints with -Dsembridge.timing.main=true). The goal is a
# launcher within 2x of that sum: one JVM, no second JVM for a version check, class data sharing.
# Prints each run, the medians, the ratio, and the load average before and after (the machine may
# be shared: wall times grow with load, process CPU times hardly do, so both are shown).
# Usage: docs/measure-cli-startup.sh [runs]     (default 5; builds first when sources changed)
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
runs=${1:-5}
model="$root/sample-models/splade-tiny-en"
# shellcheck source=../bin/lib/jdk.sh
source "$root/bin/lib/jdk.sh"
sembridge_find_jdk
load_before=$(cut -d' ' -f1-3 /proc/loadavg)
# Untimed warm-up: builds when needed, makes the class-data archive, fills the file cache.
"$root/bin/sembridge" info --model "$model" >/dev/null
"$JAVA_HOME/bin/java" -version 2>/dev/null

now_ms() { date +%s%3N; }
median() { printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2}'; }
versions=() launchers=() mains=() errs=$(mktemp)
trap 'rm -f "$errs"' EXIT
for i in $(seq "$runs"); do
  start=$(now_ms); "$JAVA_HOME/bin/java" -version 2>/dev/null; version=$(( $(now_ms) - start ))
  start=$(now_ms)
  SEMBRIDGE_JAVA_OPTS="${SEMBRIDGE_JAVA_OPTS:-} -Dsembridge.timing.main=true" \
    "$root/bin/sembridge" info --model "$model" >/dev/null 2>"$errs"
  launcher=$(( $(now_ms) - start ))
  main=$(sed -n 's/^sembridge: main took \([0-9][0-9]*\) ms$/\1/p' "$errs")
  [ -n "$main" ] || { echo "error: run $i printed no main timing; stderr was:" >&2; cat "$errs" >&2; exit 1; }
  other=$(grep -v -c '^sembridge: main took' "$errs" || true)
  echo "run $i: java -version ${version} ms, info's own work (main to exit) ${main} ms," \
       "bin/sembridge info ${launcher} ms, other stderr lines ${other}"
  versions+=("$version") mains+=("$main") launchers+=("$launcher")
done
v=$(median "${versions[@]}") m=$(median "${mains[@]}") l=$(median "${launchers[@]}")
echo "median of $runs runs: java -version $v ms + info's own work $m ms = $((v + m)) ms;" \
     "bin/sembridge info $l ms; ratio $(awk -v l="$l" -v s="$((v + m))" 'BEGIN {printf "%.2f", l / s}') (goal <= 2)"
echo "load average (1, 5, 15 min): before $load_before, after $(cut -d' ' -f1-3 /proc/loadavg); $(nproc) cores"
echo "stderr of a plain 'bin/sembridge info' run: $("$root/bin/sembridge" info --model "$model" 2>&1 >/dev/null | wc -c) bytes"
