#!/usr/bin/env bash
# Measures the desktop app image (target/dist/RestLab): its size, and the time from starting its
# launcher to the window shown, under Xvfb, in four variants taken in turn within each round, so
# that a busy machine slows all of them alike and the ratios hold:
#   shipped       the image as built: the JDK's classes in the CDS archive that jlink made, and the
#                 launcher's -XX:+UseSerialGC -XX:TieredStopAtLevel=1
#   jvm-defaults  a copy of the image whose launcher leaves those two options out (G1, C1 + C2)
#   no-cds        shipped with -Xshare:off: what the CDS archive buys
#   appcds        shipped with -XX:SharedArchiveFile, an AppCDS archive of everything loaded up to
#                 the window (JavaFX, RichTextFX, Jetty, ...), trained here once: what AppCDS buys
# "Window shown" is the line the app prints on the stage's WINDOW_SHOWN event when started with
# -Drestlab.startupMarker=true (passed in JAVA_TOOL_OPTIONS, as a user could too).
# Usage: bench/startup.sh [rounds]   Needs Xvfb and libgtk-3-0 (apt-get install xvfb libgtk-3-0).
set -euo pipefail
cd "$(dirname "$0")/.."
rounds=${1:-7}
image=target/dist/RestLab
[[ -x "$image/bin/RestLab" ]] || mvn -B -q -Pdist clean package -DskipTests
launcher="$(cd "$image" && pwd -P)/bin/RestLab"

work=$(mktemp -d)
xvfb=""
cleanup() { [[ -z "$xvfb" ]] || kill "$xvfb" 2>/dev/null || true; rm -rf "$work"; }
trap cleanup EXIT
if [[ -z "${DISPLAY:-}" ]]; then
  Xvfb :97 -screen 0 1280x800x24 -nolisten tcp >/dev/null 2>&1 &
  xvfb=$!
  export DISPLAY=:97
  for _ in $(seq 50); do [[ -e /tmp/.X11-unix/X97 ]] && break; sleep 0.1; done
fi

# Starts $launcher with the given JVM options; prints "wall cpu": the milliseconds until the
# window was shown, and the CPU milliseconds (user + system, all threads) the process had used by
# then, which a busy machine inflates less; then stops it (SIGTERM, SIGKILL after 10 s).
launch_to_window() {
  local options=$1 started line ms="" cpu=""
  started=$(date +%s%N)
  coproc APP { exec env JAVA_TOOL_OPTIONS="-Drestlab.startupMarker=true $options" \
      "$launcher" --port 0 --in-memory 2>/dev/null; }
  local pid=$APP_PID
  while IFS= read -r -t 60 -u "${APP[0]}" line; do
    if [[ "$line" == "restlab: window shown" ]]; then
      ms=$(( ($(date +%s%N) - started) / 1000000 ))
      cpu=$(awk -v hz="$(getconf CLK_TCK)" '{sub(/^.*\) /, ""); print ($12 + $13) * 1000 / hz}' "/proc/$pid/stat")
      break
    fi
  done
  kill "$pid" 2>/dev/null || true
  for _ in $(seq 100); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
  kill -9 "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
  [[ -n "$ms" ]] || { echo "bench: the window was not shown with options '$options'" >&2; exit 1; }
  echo "$ms $cpu"
}

median() { tr ' ' '\n' | grep . | sort -n | awk '{v[NR]=$1} END {print (NR%2) ? v[(NR+1)/2] : (v[NR/2]+v[NR/2+1])/2}'; }

# The jvm-defaults copy: the same image, its launcher's configuration without the two options.
cp -a "$image" "$work/defaults"
sed -i -e '/^java-options=-XX:+UseSerialGC$/d' -e '/^java-options=-XX:TieredStopAtLevel=1$/d' \
  "$work/defaults/lib/app/RestLab.cfg"
shipped_launcher=$launcher

echo "Training the AppCDS archive (one start of the window, archived at exit) ..." >&2
launch_to_window "-XX:ArchiveClassesAtExit=$work/app.jsa" >/dev/null
[[ -s "$work/app.jsa" ]] || { echo "bench: no AppCDS archive was written" >&2; exit 1; }
launch_to_window "" >/dev/null # once more, so that JavaFX's native libraries are unpacked already

variants=(shipped jvm-defaults no-cds appcds)
declare -A wall cpu options=([shipped]="" [jvm-defaults]="" [no-cds]="-Xshare:off"
                             [appcds]="-XX:SharedArchiveFile=$work/app.jsa")
for round in $(seq "$rounds"); do
  report="round $round (wall/cpu ms):"
  for variant in "${variants[@]}"; do
    launcher=$shipped_launcher
    [[ "$variant" != jvm-defaults ]] || launcher="$work/defaults/bin/RestLab"
    read -r w c < <(launch_to_window "${options[$variant]}") && [[ -n "$w" ]] || exit 1
    wall[$variant]+=" $w"
    cpu[$variant]+=" $c"
    report+=" $variant $w/$c"
  done
  echo "$report" >&2
done

mib() { du -sb "$1" | awk '{printf "%.1f", $1 / 1048576}'; }
echo
echo "$(date -u +'%d %b %Y'), $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg), $rounds rounds"
echo
echo "| | size (MiB) |"
echo "| --- | ---: |"
echo "| the image, target/dist/RestLab | $(mib "$image") |"
echo "| lib/runtime (jlinked JDK + JavaFX) | $(mib "$image/lib/runtime") |"
echo "| of which lib/modules (the class files, zipped) | $(mib "$image/lib/runtime/lib/modules") |"
echo "| of which lib/server/libjvm.so | $(mib "$image/lib/runtime/lib/server/libjvm.so") |"
echo "| of which lib/server/classes.jsa (CDS archive of JDK classes) | $(mib "$image/lib/runtime/lib/server/classes.jsa") |"
echo "| lib/app (restlab.jar and the libraries) | $(mib "$image/lib/app") |"
echo "| the AppCDS archive (not shipped) | $(mib "$work/app.jsa") |"
echo
echo "| launch to window shown | median wall ms | / shipped | median CPU ms | / shipped | every run, wall ms |"
echo "| --- | ---: | ---: | ---: | ---: | --- |"
ratio() { awk -v a="$1" -v b="$2" 'BEGIN {printf "%.2f", a / b}'; }
shipped_wall=$(median <<<"${wall[shipped]}")
shipped_cpu=$(median <<<"${cpu[shipped]}")
for variant in "${variants[@]}"; do
  w=$(median <<<"${wall[$variant]}")
  c=$(median <<<"${cpu[$variant]}")
  echo "| $variant | $w | $(ratio "$w" "$shipped_wall") | $c | $(ratio "$c" "$shipped_cpu") |${wall[$variant]} |"
done
