#!/usr/bin/env bash
# Window under load: opens the real window under Xvfb and measures how late the FX thread runs a
# tiny task posted every 10 ms, with no traffic, under a GET load and under a POST load (which
# also makes the users table follow). Usage: bench/window-load.sh [seconds-per-phase] [users]
# With users > 0, that many users are put in the store before the POST load and the table loads them.
# RESTLAB_CP=cp measures another build (its restlab.jar:lib/* class path), e.g. the one before a change.
# Needs Xvfb (apt-get install -y xvfb libgtk-3-0); installs it when run as root.
set -euo pipefail
cd "$(dirname "$0")/.."

if ! command -v Xvfb >/dev/null 2>&1; then
  if [ "$(id -u)" = 0 ]; then
    apt-get update -qq && apt-get install -y -qq xvfb libgtk-3-0 >/dev/null
  else
    echo "window-load.sh needs Xvfb (apt-get install xvfb libgtk-3-0)" >&2
    exit 1
  fi
fi
[ -n "${SKIP_BUILD:-}" ] || mvn -B -q package -DskipTests >&2

DISPLAY_NUM=${DISPLAY_NUM:-:94}
Xvfb "$DISPLAY_NUM" -screen 0 1280x800x24 >/dev/null 2>&1 &
XVFB=$!
trap 'kill $XVFB 2>/dev/null || true' EXIT
DISPLAY=$DISPLAY_NUM java -Xmx1g -cp "${RESTLAB_CP:-target/restlab.jar:target/lib/*}" bench/WindowLoadBenchmark.java "${1:-10}" "${2:-0}" 2>"${WINDOW_LOAD_LOG:-/dev/null}"
