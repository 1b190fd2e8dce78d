#!/usr/bin/env bash
# Takes the README's screenshots from the real workbench under a virtual X server.
# Needs: xvfb, imagemagick (import), fonts-noto-cjk for Korean/Chinese glyphs
#   apt-get install -y xvfb imagemagick fonts-noto-cjk libgtk-3-0 libgl1 libxtst6 libxxf86vm1
# Usage: docs/screenshots/take-screenshots.sh [seconds-to-wait-for-loading]
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
wait_seconds=${1:-40}
display=:97
Xvfb "$display" -screen 0 1400x900x24 >/dev/null 2>&1 &
xvfb=$!
trap 'kill $workbench $xvfb 2>/dev/null || true' EXIT
for _ in $(seq 50); do [ -S /tmp/.X11-unix/X${display#:} ] && break; sleep 0.2; done
DISPLAY=$display "$root/bin/workbench" >/tmp/sembridge-screenshots.log 2>&1 &
workbench=$!
sleep "$wait_seconds"
DISPLAY=$display import -window root -crop 1320x850+40+25 +repage "$root/docs/screenshots/models.png"
echo "wrote $root/docs/screenshots/models.png"
