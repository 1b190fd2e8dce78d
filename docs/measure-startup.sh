#!/usr/bin/env bash
# Measures the workbench's startup as the app itself logs it: "First window shown N ms after JVM
# start (process CPU M ms; ...)", over several runs of bin/workbench --exit-after-shown under a
# virtual X server; prints each run and the medians. Wall time depends on how busy the machine
# is; process CPU time (all threads) hardly does, so both are shown. Not part of the tests.
# Needs: xvfb and GTK3 (apt-get install -y xvfb libgtk-3-0 libgl1 libxtst6 libxxf86vm1).
# Usage: docs/measure-startup.sh [runs]     (default 3; builds first when sources changed)
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
runs=${1:-3}
command -v Xvfb >/dev/null || { echo "error: Xvfb not found; install xvfb" >&2; exit 2; }
display=:96
Xvfb "$display" -screen 0 1400x900x24 >/dev/null 2>&1 &
xvfb=$!
workspace=$(mktemp -d)
trap 'kill $xvfb 2>/dev/null || true; rm -rf "$workspace"' EXIT
for _ in $(seq 50); do [ -S /tmp/.X11-unix/X${display#:} ] && break; sleep 0.2; done
export DISPLAY=$display
export SEMBRIDGE_JAVA_OPTS="${SEMBRIDGE_JAVA_OPTS:-} -Dorg.slf4j.simpleLogger.log.org.sembridge.app.WorkbenchApp=info"
# Untimed warm-up: builds when needed and fills the file cache.
"$root/bin/workbench" --workspace="$workspace" --exit-after-shown >/dev/null 2>&1 || true
walls=() cpus=()
for i in $(seq "$runs"); do
  line=$("$root/bin/workbench" --workspace="$workspace" --exit-after-shown 2>&1 | grep -m 1 "First window shown" || true)
  wall=$(sed -n 's/.*shown \([0-9][0-9]*\) ms after JVM start.*/\1/p' <<<"$line")
  cpu=$(sed -n 's/.*process CPU \([0-9-][0-9]*\) ms.*/\1/p' <<<"$line")
  [ -n "$wall" ] || { echo "error: run $i printed no startup figure" >&2; exit 1; }
  echo "run $i: first window ${wall} ms after JVM start, process CPU ${cpu} ms"
  walls+=("$wall") cpus+=("$cpu")
done
median() { printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2}'; }
echo "median of $runs runs: first window $(median "${walls[@]}") ms after JVM start, process CPU $(median "${cpus[@]}") ms (load average: $(cut -d' ' -f1 /proc/loadavg))"
