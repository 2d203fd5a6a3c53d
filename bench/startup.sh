#!/usr/bin/env bash
# Launch to window shown, for the desktop app image (target/dist/RestLab) and, on the same runtime
# with the same launcher options, three windows that are not RestLab: an empty JavaFX window
# (bench/EmptyWindow.java), the same with RestLab's theme and three controls (ThreeControlsWindow),
# and RestLab's first view with none of RestLab's code (FirstViewFloor), started in turn in the same
# rounds: on a busy machine all slow alike, so the ratios are the figures that hold. RestLab / empty
# is the whole cost; floor / empty is what JavaFX needs to show the first view's controls at all;
# RestLab / floor is what RestLab's own code adds to that.
# Each start reports wall time (launch to the window's WINDOW_SHOWN) and CPU time (user + system,
# all threads, by then). The first round is reported apart: where the image's runtime keeps a
# class-data archive in the user's cache folder (-XX:+AutoCreateSharedArchive, JDK 19+), the first
# start writes it (at exit) and the next ones use it. The starts get a HOME of their own, so the
# first start is a first start and the user's own cache is not touched. RestLab starts as a
# double-click starts it, with no arguments: users kept on disk in its default folder, here in that
# HOME (XDG_DATA_HOME: Java's home folder follows the account, not $HOME), serving on port 5001
# (its server starts after the first frame, so a port in use does not change the figure).
#
# Usage: [IMAGE=dir] bench/startup.sh [rounds] [label=image ...]
#   IMAGE         the app image measured as "restlab" (target/dist/RestLab unless given)
#   rounds        7 unless given; the median is taken over rounds 2..n
#   label=image   more app images measured in the same rounds, each beside its own three windows that are not RestLab
#                 (e.g. before=/tmp/old/RestLab jdk17=/tmp/jdk17/RestLab)
# Needs Xvfb (it starts one on :97 when DISPLAY is unset), javac, and target/lib (mvn package).
set -euo pipefail
cd "$(dirname "$0")/.."
rounds=${1:-7}
shift || true
(( rounds >= 2 )) || { echo "bench: at least 2 rounds (the first is reported apart)" >&2; exit 1; }
image_dir=${IMAGE:-target/dist/RestLab}
[[ -n "${IMAGE:-}" || -x "$image_dir/bin/RestLab" ]] || mvn -B -q -Pdist package -DskipTests
[[ -x "$image_dir/bin/RestLab" ]] || { echo "bench: $image_dir/bin/RestLab is not an app image's launcher" >&2; exit 1; }

declare -A image
labels=(restlab)
image[restlab]=$image_dir
for extra in "$@"; do
  [[ "$extra" == *=* ]] || { echo "bench: '$extra' is not label=image" >&2; exit 1; }
  label=${extra%%=*}
  [[ -x "${extra#*=}/bin/RestLab" ]] || { echo "bench: ${extra#*=}/bin/RestLab is not an app image's launcher" >&2; exit 1; }
  labels+=("$label")
  image[$label]=${extra#*=}
done

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
mkdir -p "$work/home"

# The windows that are not RestLab, compiled for Java 17 against the jars the image's modules and
# class path came from.
for program in EmptyWindow ThreeControlsWindow FirstViewFloor; do
  mkdir -p "$work/$program"
  javac --release 17 -cp "$(ls target/lib/*.jar | tr '\n' ':')" -d "$work/$program" "bench/$program.java" bench/WindowShown.java
done
jar --create --file "$work/empty-window.jar" -C "$work/EmptyWindow" .
jar --create --file "$work/three-controls.jar" -C "$work/ThreeControlsWindow" .
jar --create --file "$work/first-view-floor.jar" -C "$work/FirstViewFloor" .

# Per image, three twins whose launchers start the windows that are not RestLab: the same runtime and
# the same java-options (a class-data archive of their own name), only the class path and main class
# differ. The two with RestLab's theme keep the image's jars (the floor for RestLab's FXML and style sheet).
declare -A launcher
twin() { # label variant jar main-class keep-jars
  local twin="$work/$1-$2/RestLab"
  mkdir -p "$(dirname "$twin")"
  cp -a "${image[$1]}" "$twin"
  [[ "$5" == keep ]] || rm -f "$twin"/lib/app/*.jar
  cp "$work/$3" "$twin/lib/app/"
  local cfg="$twin/lib/app/RestLab.cfg"
  [[ "$5" == keep ]] || sed -i '/^app\.classpath=/d' "$cfg"
  sed -i -e "s/^app\.mainclass=.*/app.mainclass=$4\napp.classpath=\$APPDIR\/$3/" \
    -e "s/restlab\.jsa/${3%.jar}.jsa/g" "$cfg"
  launcher[$1-$2]="$twin/bin/RestLab"
}
for label in "${labels[@]}"; do
  launcher[$label]="$(cd "${image[$label]}" && pwd -P)/bin/RestLab"
  twin "$label" empty empty-window.jar EmptyWindow drop
  twin "$label" three three-controls.jar ThreeControlsWindow keep
  twin "$label" floor first-view-floor.jar FirstViewFloor keep
  # Each image's archives are written to its own cache folder (the launcher names one path per user).
done

# Starts a launcher; prints "wall cpu": the milliseconds until the window was shown, and the CPU
# milliseconds the process had used by then; then stops it (SIGTERM, so that an archive is written
# at exit, as when a user closes the window; SIGKILL after 20 s), after `linger` seconds: a first
# start is let finish the work it begins after its first frame, which the JVM (JDK 25) can crash on
# when it writes the archive at exit meanwhile. It runs in the bench's folder, where a crash report
# would go.
launch_to_window() {
  local run=$1 home=$2 linger=$3 started line ms="" cpu=""
  started=$(date +%s%N)
  coproc APP { cd "$work" && exec env HOME="$home" XDG_DATA_HOME="$home/data" \
      JAVA_TOOL_OPTIONS="-Drestlab.startupMarker=true" "$run" 2>/dev/null; }
  local pid=$APP_PID
  while IFS= read -r -t 60 -u "${APP[0]}" line; do
    if [[ "$line" == "restlab: window shown" ]]; then
      ms=$(( ($(date +%s%N) - started) / 1000000 ))
      cpu=$(awk -v hz="$(getconf CLK_TCK)" '{sub(/^.*\) /, ""); print ($12 + $13) * 1000 / hz}' "/proc/$pid/stat")
      break
    fi
  done
  sleep "$linger"
  kill "$pid" 2>/dev/null || true
  for _ in $(seq 200); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
  kill -9 "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
  [[ -n "$ms" ]] || { echo "bench: the window of $run was not shown" >&2; exit 1; }
  echo "$ms $cpu"
}

median() { tr ' ' '\n' | grep . | sort -n | awk '{v[NR]=$1} END {print (NR%2) ? v[(NR+1)/2] : (v[NR/2]+v[NR/2+1])/2}'; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN {printf "%.2f", a / b}'; }
# A table row: variant a over variant b, first start (wall / CPU) and the medians of the later rounds.
ratio_row() {
  local fa fca fb fcb
  read -r fa fca <<<"${first[$1]}"; read -r fb fcb <<<"${first[$2]}"
  echo "| $3 | $(ratio "$fa" "$fb") / $(ratio "$fca" "$fcb") | $(ratio "$(median <<<"${wall[$1]}")" "$(median <<<"${wall[$2]}")")" \
       "| $(ratio "$(median <<<"${cpu[$1]}")" "$(median <<<"${cpu[$2]}")") | |"
}

variants=()
declare -A image_of # the image a variant was made from, whose HOME it starts in
for label in "${labels[@]}"; do
  for variant in "$label" "$label-empty" "$label-three" "$label-floor"; do
    variants+=("$variant")
    image_of[$variant]=$label
  done
  mkdir -p "$work/home/$label" # one HOME per image: each image's first start writes its own archives
done
load_before=$(cut -d' ' -f1-3 /proc/loadavg)
declare -A first wall cpu
for round in $(seq "$rounds"); do
  report="round $round (wall/cpu ms):"
  for variant in "${variants[@]}"; do
    read -r w c < <(launch_to_window "${launcher[$variant]}" "$work/home/${image_of[$variant]}" "$(( round == 1 ? 3 : 0 ))") && [[ -n "$w" ]] || exit 1
    if (( round == 1 )); then
      first[$variant]="$w $c"
    else
      wall[$variant]+=" $w"
      cpu[$variant]+=" $c"
    fi
    report+=" $variant $w/$c"
  done
  echo "$report" >&2
done
load_after=$(cut -d' ' -f1-3 /proc/loadavg)

echo
echo "$(date -u +'%d %b %Y %H:%M UTC'), $(nproc) cores, load average $load_before before and $load_after after, $rounds rounds"
for label in "${labels[@]}"; do
  release="${image[$label]}/lib/runtime/release"
  version=$(sed -n 's/^JAVA_VERSION="\(.*\)"$/\1/p' "$release")
  options=$(sed -n 's/^java-options=//p' "${image[$label]}/lib/app/RestLab.cfg" | grep -v '^-Djpackage' | tr '\n' ' ')
  archive=$(find "$work/home/$label" -name restlab.jsa -printf '%s' 2>/dev/null | awk '{printf "%.1f MiB", $1 / 1048576}')
  echo
  echo "$label: ${image[$label]}, runtime Java $version, $(du -sm "${image[$label]}" | cut -f1) MiB;" \
       "launcher options: ${options:-none}; class-data archive written: ${archive:-none}"
  echo
  echo "| launch to window shown | first start wall / CPU ms | median of rounds 2-$rounds wall ms | CPU ms | every run after the first, wall ms |"
  echo "| --- | ---: | ---: | ---: | --- |"
  for variant in "$label" "$label-empty" "$label-three" "$label-floor"; do
    read -r fw fc <<<"${first[$variant]}"
    echo "| $variant | $fw / $fc | $(median <<<"${wall[$variant]}") | $(median <<<"${cpu[$variant]}") |${wall[$variant]} |"
  done
  ratio_row "$label" "$label-empty" "$label / empty window"
  ratio_row "$label-three" "$label-empty" "three controls / empty window"
  ratio_row "$label-floor" "$label-empty" "first view's floor / empty window"
  ratio_row "$label" "$label-floor" "$label / first view's floor"
done
