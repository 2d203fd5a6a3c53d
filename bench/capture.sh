#!/usr/bin/env bash
# Capture benchmark: requests per second against the same server with the wire capture off and
# on, in one run, alternating rounds so that both sides see the same machine state. Writes the
# result table to stdout; BENCHMARKS.md records a run. Usage: bench/capture.sh [seconds] [rounds]
set -euo pipefail
cd "$(dirname "$0")/.."

SECONDS_PER_RUN="${1:-10}"
ROUNDS="${2:-5}"
CONNECTIONS=32
THREADS=2
TARGET=/people/v1/users

if ! command -v wrk >/dev/null 2>&1; then
  if [ "$(id -u)" = 0 ]; then
    apt-get update -qq && apt-get install -y -qq wrk >/dev/null
  else
    echo "capture.sh needs wrk (apt-get install wrk)" >&2
    exit 1
  fi
fi

mvn -B -q package -DskipTests >&2

coproc SERVER { java -Xmx512m ${BENCH_JAVA_OPTS:-} -cp 'target/restlab.jar:target/lib/*' bench/CaptureBenchmark.java ${BENCH_CAPACITY:-}; }
trap 'echo quit >&"${SERVER[1]:-2}" 2>/dev/null || true; wait "${SERVER_PID:-}" 2>/dev/null || true' EXIT
WORD=
while [ "$WORD" != ports ]; do # skip anything the JVM prints first (e.g. a JFR notice)
  read -r WORD OFF_PORT ON_PORT <&"${SERVER[0]}"
done

# A few users so that the listing is a real JSON body.
for name in Ada Grace Linus; do
  curl -s -o /dev/null -H 'Content-Type: application/json' \
    -d "{\"name\": \"$name\", \"email\": \"$name@example.com\"}" "http://127.0.0.1:$OFF_PORT$TARGET"
done

rps() { # port -> requests per second
  wrk -t"$THREADS" -c"$CONNECTIONS" -d"${SECONDS_PER_RUN}s" "http://127.0.0.1:$1$TARGET" \
    | awk '/^Requests\/sec:/ {print $2}'
}

echo "warming up both sides..." >&2
wrk -t"$THREADS" -c"$CONNECTIONS" -d5s "http://127.0.0.1:$OFF_PORT$TARGET" >/dev/null
wrk -t"$THREADS" -c"$CONNECTIONS" -d5s "http://127.0.0.1:$ON_PORT$TARGET" >/dev/null

OFF=()
ON=()
for round in $(seq "$ROUNDS"); do
  if [ $((round % 2)) = 1 ]; then # alternate which side goes first
    OFF+=("$(rps "$OFF_PORT")")
    ON+=("$(rps "$ON_PORT")")
  else
    ON+=("$(rps "$ON_PORT")")
    OFF+=("$(rps "$OFF_PORT")")
  fi
  echo "round $round: off ${OFF[-1]} req/s, on ${ON[-1]} req/s" >&2
done

echo stats >&"${SERVER[1]}"
STATS=
while [ "${STATS%% *}" != stats ]; do
  read -r STATS <&"${SERVER[0]}"
done

median() { printf '%s\n' "$@" | sort -g | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }
OFF_MEDIAN=$(median "${OFF[@]}")
ON_MEDIAN=$(median "${ON[@]}")
RATIO=$(awk -v on="$ON_MEDIAN" -v off="$OFF_MEDIAN" 'BEGIN {printf "%.3f", on/off}')

cat <<TABLE
| | capture off | capture on |
| --- | ---: | ---: |
| requests/s, median of $ROUNDS x ${SECONDS_PER_RUN}s (GET $TARGET, wrk -t$THREADS -c$CONNECTIONS) | $OFF_MEDIAN | $ON_MEDIAN |
| every round | ${OFF[*]} | ${ON[*]} |

on / off = **$RATIO**

after the run: ${STATS#stats }
TABLE
