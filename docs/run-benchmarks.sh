#!/usr/bin/env bash
# Runs every `bin/sembridge bench ...` command in one go and regenerates the figures of
# docs/benchmarks.md from their JSON output (between the GENERATED FIGURES markers); every
# benchmark figure in the README and docs/ comes from this script. Not part of the tests.
#
# Each command's JSON goes to docs/benchmarks/<name>.json with `uptime` before and after it in
# docs/benchmarks/<name>.uptime; the machine description to docs/benchmarks/machine.txt. On a
# shared machine the absolute figures move with the load; the ratios against references measured
# in the same run are the point, so every table states the load averages it ran at.
#
# OpenBLAS: an inherited OPENBLAS_CORETYPE (some images set Haswell) forces OpenBLAS's kernel
# choice; the script unsets it so that the engine's own choice applies (docs/benchmarks.md), and
# says so in machine.txt. KEEP_OPENBLAS_CORETYPE=1 keeps it.
#
# Settings (environment): INIT_ARGS (default: --scale both --targets 8000 --skip-similarity-only),
# ENCODE_ARGS (default: none), SEARCH_ARGS (default: none), PROJECT_ARGS (default: --points 2000),
# ONLY (space-separated subset of: init encode search project), RENDER_ONLY=1 (only rewrite
# docs/benchmarks.md from the JSON files already in docs/benchmarks/).
# Usage: docs/run-benchmarks.sh
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
out="$root/docs/benchmarks"
mkdir -p "$out"
command -v python3 >/dev/null || { echo "error: python3 is needed to write the tables" >&2; exit 2; }

if [ -n "${RENDER_ONLY:-}" ]; then
  python3 "$root/docs/tools/render_benchmarks.py" "$out" "$root/docs/benchmarks.md"
  exit 0
fi

if [ -n "${OPENBLAS_CORETYPE:-}" ] && [ -z "${KEEP_OPENBLAS_CORETYPE:-}" ]; then
  inherited_coretype=$OPENBLAS_CORETYPE
  unset OPENBLAS_CORETYPE
fi

{
  echo "date: $(date -u '+%Y-%m-%d %H:%M UTC')"
  echo "cpu: $(grep -m 1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//') ($(nproc) cores seen)"
  echo "memory: $(awk '/MemTotal/ {printf "%.1f GiB", $2 / 1048576}' /proc/meminfo)"
  echo "kernel: $(uname -sr)"
  echo "avx512: $(grep -m 1 -o -w 'avx512f' /proc/cpuinfo || echo no)"
  if [ -n "${inherited_coretype:-}" ]; then
    echo "OPENBLAS_CORETYPE: inherited $inherited_coretype, unset for the run"
  else
    echo "OPENBLAS_CORETYPE: ${OPENBLAS_CORETYPE:-not set}"
  fi
  echo "commit: $(git -C "$root" rev-parse --short HEAD 2>/dev/null || echo unknown)"
} > "$out/machine.txt"
cat "$out/machine.txt"

run_bench() {
  local name=$1; shift
  if [ -n "${ONLY:-}" ] && [[ " $ONLY " != *" $name "* ]]; then
    return
  fi
  echo "== bench $name $* ($(uptime))" >&2
  uptime > "$out/$name.uptime"
  local start=$SECONDS
  "$root/bin/sembridge" bench "$name" "$@" --json > "$out/$name.json.tmp" 2> "$out/$name.log" \
    || { echo "error: bench $name failed; see $out/$name.log" >&2; tail -5 "$out/$name.log" >&2; exit 1; }
  mv "$out/$name.json.tmp" "$out/$name.json"
  uptime >> "$out/$name.uptime"
  echo "wall_seconds: $((SECONDS - start))" >> "$out/$name.uptime"
  echo "   done in $((SECONDS - start)) s ($(uptime))" >&2
}

# shellcheck disable=SC2086
run_bench init ${INIT_ARGS:---scale both --targets 8000 --skip-similarity-only}
# shellcheck disable=SC2086
run_bench encode ${ENCODE_ARGS:-}
# shellcheck disable=SC2086
run_bench search ${SEARCH_ARGS:-}
# shellcheck disable=SC2086
run_bench project ${PROJECT_ARGS:---points 2000}

python3 "$root/docs/tools/render_benchmarks.py" "$out" "$root/docs/benchmarks.md"
echo "wrote $root/docs/benchmarks.md" >&2
