#!/usr/bin/env bash
# Measures how long a first start takes to have the demo runs ready, as the app logs it:
# "Sample models, workspace runs and demo runs ready N ms after JVM start" (the splash goes then).
# Each run starts bin/workbench on a fresh, empty workspace under a virtual X server, so both demo
# runs are made from the bundled sample models; prints each figure and the load average.
# Needs: xvfb and GTK3 (apt-get install -y xvfb libgtk-3-0 libgl1 libxtst6 libxxf86vm1).
# Usage: docs/measure-demo-runs.sh [runs]     (default 1)
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
runs=${1:-1}
command -v Xvfb >/dev/null || { echo "error: Xvfb not found; install xvfb" >&2; exit 2; }
display=:95
Xvfb "$display" -screen 0 1400x900x24 >/dev/null 2>&1 &
xvfb=$!
trap 'kill $xvfb 2>/dev/null || true' EXIT
for _ in $(seq 50); do [ -S /tmp/.X11-unix/X${display#:} ] && break; sleep 0.2; done
export DISPLAY=$display
export SEMBRIDGE_JAVA_OPTS="${SEMBRIDGE_JAVA_OPTS:-} -Dorg.slf4j.simpleLogger.log.org.sembridge.app.WorkbenchApp=info"
for i in $(seq "$runs"); do
  workspace=$(mktemp -d)
  log=$(mktemp)
  "$root/bin/workbench" --workspace="$workspace" >"$log" 2>&1 &
  app=$!
  for _ in $(seq 1800); do
    grep -q "demo runs ready" "$log" && break
    kill -0 "$app" 2>/dev/null || break
    sleep 0.5
  done
  kill "$app" 2>/dev/null || true
  wait "$app" 2>/dev/null || true
  echo "run $i: $(grep -h -m 1 -o 'demo runs ready.*' "$log" || echo 'no figure (see '"$log"')'); load $(cut -d' ' -f1-3 /proc/loadavg)"
  rm -rf "$workspace"
done
