#!/usr/bin/env bash
# Measures how close the first time estimate of each long `init` stage comes to the time the stage
# took: runs `bin/sembridge -v init` of the sample SPLADE model to each given target tokenizer with
# the sample bridge (fresh bridge cache each time) and prints, per stage, the line the engine logs
# when a stage with an estimate finishes ("took N s; first estimate M s (R x the time taken)", or
# "took N s, before it had an estimate" for a stage shorter than the 5 s floor), with the load
# average before and after each run.
# Usage: docs/measure-estimates.sh [tokenizer folder...]
#        (default: the full-size tokenizers .ci/run fetches into .cache/real-tokenizers)
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
if [ "$#" -eq 0 ]; then
  set -- "$root"/.cache/real-tokenizers/*/
  [ -d "$1" ] || { echo "error: no tokenizer folder given and none in .cache/real-tokenizers (run .ci/run once)" >&2; exit 2; }
fi
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
for tokenizer in "$@"; do
  echo "== $tokenizer $(date -u +%FT%TZ) load $(cut -d' ' -f1-3 /proc/loadavg)"
  rm -rf "$scratch/run" "$scratch/cache"
  if ! "$root/bin/sembridge" -v init --source "$root/sample-models/splade-tiny-en" --target-tokenizer "$tokenizer" \
      --bridge "$root/sample-models/bridge-tiny-multi" --method sembridge --alpha 4 \
      --out "$scratch/run" --cache "$scratch/cache" > /dev/null 2> "$scratch/log"; then
    echo "init failed:"; tail -5 "$scratch/log"; exit 1
  fi
  grep -o -E '[^]]*: took [0-9.]+ s(; first estimate .*|, before it had an estimate)' "$scratch/log" | sed 's/^ *[A-Za-z]* - /   /; s/^ */   /'
  echo "   end $(date -u +%T) load $(cut -d' ' -f1-3 /proc/loadavg)"
done
