#!/usr/bin/env bash
# Takes the README's screenshots from the real workbench under a virtual X server: the workbench
# starts on the bundled sample models in a fresh workspace, makes the Korean demo runs, walks its
# pages (DemoScreenshots) and writes one PNG per shot into docs/screenshots/, then exits.
# Each shot is also checked by LayoutAudit: cut, overlapping or off-window text is logged as
# "Layout of <shot>: ...". The workbench bundles its fonts (Noto subsets), so no font package is
# needed; to see what a bare machine shows, run with FONTCONFIG_FILE naming a config that lists
# only /usr/share/fonts/truetype/dejavu.
# Needs: xvfb and GTK for a real window:
#   apt-get install -y xvfb libgtk-3-0 libgl1 libxtst6 libxxf86vm1
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
  --screenshots="$root/docs/screenshots" "$@" 2>&1 | tee /tmp/sembridge-screenshots.log | grep -E "Screenshot|Layout|ERROR" || true
ls -l "$root"/docs/screenshots/*.png
