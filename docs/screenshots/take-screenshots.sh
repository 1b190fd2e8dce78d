#!/usr/bin/env bash
# Takes the README's screenshots from the real workbench under a virtual X server: the workbench
# starts on the bundled sample models in a fresh workspace, makes the Korean demo runs, walks its
# pages (DemoScreenshots) and writes one PNG per shot into docs/screenshots/, then exits.
# Needs: xvfb, fonts-noto-cjk for Korean/Chinese glyphs, and GTK for a real window:
#   apt-get install -y xvfb fonts-noto-cjk libgtk-3-0 libgl1 libxtst6 libxxf86vm1
# Usage: docs/screenshots/take-screenshots.sh [--language=xx]
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
display=:97
workspace=$(mktemp -d /tmp/sembridge-screenshots.XXXXXX)
Xvfb "$display" -screen 0 1400x900x24 >/dev/null 2>&1 &
xvfb=$!
trap 'kill $xvfb 2>/dev/null || true; rm -rf "$workspace"' EXIT
for _ in $(seq 50); do [ -S /tmp/.X11-unix/X${display#:} ] && break; sleep 0.2; done
DISPLAY=$display timeout 900 "$root/bin/workbench" --workspace="$workspace" \
  --screenshots="$root/docs/screenshots" "$@" 2>&1 | tee /tmp/sembridge-screenshots.log | grep -E "Screenshot|ERROR" || true
ls -l "$root"/docs/screenshots/*.png
