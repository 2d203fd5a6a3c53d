#!/usr/bin/env bash
# Reads benchmark: GET list and GET by id against bare Spark routes on the same Jetty that answer
# fixed bodies of the same sizes (the limit a read can reach), capture on, in one run with
# alternating rounds. Prints a Markdown table; BENCHMARKS.md records a run.
# Usage: bench/reads.sh [seconds] [rounds] [users]
set -euo pipefail
cd "$(dirname "$0")/.."

SECONDS_PER_RUN="${1:-10}"
ROUNDS="${2:-5}"
USERS="${3:-10}"
CONNECTIONS=16
THREADS=2

if ! command -v wrk >/dev/null 2>&1; then
  if [ "$(id -u)" = 0 ]; then
    apt-get update -qq && apt-get install -y -qq wrk >/dev/null
  else
    echo "reads.sh needs wrk (apt-get install wrk)" >&2
    exit 1
  fi
fi

[ -n "${SKIP_BUILD:-}" ] || mvn -B -q package -DskipTests >&2

coproc SERVER { java -Xmx512m ${BENCH_JAVA_OPTS:-} -cp 'target/restlab.jar:target/lib/*' bench/ReadsBenchmark.java "$USERS"; }
trap 'echo quit >&"${SERVER[1]:-2}" 2>/dev/null || true; wait "${SERVER_PID:-}" 2>/dev/null || true' EXIT
WORD=
while [ "$WORD" != ports ]; do
  read -r WORD PORT ID LIST_BYTES ONE_BYTES <&"${SERVER[0]}"
done
BASE="http://127.0.0.1:$PORT"

SERVER_JVM=$(pgrep -f 'bench/ReadsBenchmark.java' | head -1)
cpu_ticks() { awk '{print $14 + $15}' "/proc/$SERVER_JVM/stat"; } # user + system, all threads
TICK_US=$((1000000 / $(getconf CLK_TCK)))
rps() { # path -> "requests/s server-CPU-microseconds-per-request"
  local before after out
  before=$(cpu_ticks)
  out=$(wrk -t"$THREADS" -c"$CONNECTIONS" -d"${SECONDS_PER_RUN}s" "$BASE$1")
  after=$(cpu_ticks)
  awk -v ticks=$((after - before)) -v us="$TICK_US" '
    /requests in/ {n = $1} /^Requests\/sec:/ {r = $2} END {printf "%s %.1f", r, ticks * us / n}' <<<"$out"
}
median() { printf '%s\n' "$@" | sort -g | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }

echo "warming up..." >&2
for path in /people/v1/users /bare/list "/people/v1/users/$ID" /bare/one; do
  wrk -t"$THREADS" -c"$CONNECTIONS" -d3s "$BASE$path" >/dev/null
done

LIST=(); BARE_LIST=(); ONE=(); BARE_ONE=()
LIST_CPU=(); BARE_LIST_CPU=(); ONE_CPU=(); BARE_ONE_CPU=()
measure() { # array-name cpu-array-name path
  local result
  result=$(rps "$3")
  eval "$1+=(${result% *}); $2+=(${result#* })"
}
for round in $(seq "$ROUNDS"); do
  if [ $((round % 2)) = 1 ]; then # alternate which side goes first
    measure LIST LIST_CPU /people/v1/users; measure BARE_LIST BARE_LIST_CPU /bare/list
    measure ONE ONE_CPU "/people/v1/users/$ID"; measure BARE_ONE BARE_ONE_CPU /bare/one
  else
    measure BARE_LIST BARE_LIST_CPU /bare/list; measure LIST LIST_CPU /people/v1/users
    measure BARE_ONE BARE_ONE_CPU /bare/one; measure ONE ONE_CPU "/people/v1/users/$ID"
  fi
  echo "round $round: list ${LIST[-1]} (${LIST_CPU[-1]} us) bare ${BARE_LIST[-1]} (${BARE_LIST_CPU[-1]} us)," \
    "by id ${ONE[-1]} (${ONE_CPU[-1]} us) bare ${BARE_ONE[-1]} (${BARE_ONE_CPU[-1]} us)" >&2
done

ratio() { awk -v a="$1" -v b="$2" 'BEGIN {printf "%.3f", a/b}'; }
# The ratio of each round's neighbouring measurements, then their median: on a shared machine
# the load changes between rounds more than between two neighbouring measurements.
LIST_RATIOS=(); ONE_RATIOS=()
for i in "${!LIST[@]}"; do
  LIST_RATIOS+=("$(ratio "${LIST[$i]}" "${BARE_LIST[$i]}")")
  ONE_RATIOS+=("$(ratio "${ONE[$i]}" "${BARE_ONE[$i]}")")
done
L=$(median "${LIST[@]}"); BL=$(median "${BARE_LIST[@]}"); O=$(median "${ONE[@]}"); BO=$(median "${BARE_ONE[@]}")
cat <<TABLE
$USERS users, capture on, wrk -t$THREADS -c$CONNECTIONS, median of $ROUNDS x ${SECONDS_PER_RUN}s (load average at the end: $(cut -d' ' -f1-3 /proc/loadavg))

| requests/s (medians) | API | bare route, same body size | API / bare, median of the rounds' ratios |
| --- | ---: | ---: | ---: |
| GET /people/v1/users ($LIST_BYTES bytes) | $L | $BL | **$(median "${LIST_RATIOS[@]}")** |
| GET /people/v1/users/{id} ($ONE_BYTES bytes) | $O | $BO | **$(median "${ONE_RATIOS[@]}")** |

each round's ratio, list: ${LIST_RATIOS[*]}
each round's ratio, by id: ${ONE_RATIOS[*]}

The server's CPU time per request (user + system, all its threads, from /proc; less swayed by
the machine's load than requests/s, since it counts only what the server itself ran):

| CPU µs per request (medians) | API | bare route | bare / API (the API's speed as a share of the limit) |
| --- | ---: | ---: | ---: |
| GET /people/v1/users | $(median "${LIST_CPU[@]}") | $(median "${BARE_LIST_CPU[@]}") | **$(ratio "$(median "${BARE_LIST_CPU[@]}")" "$(median "${LIST_CPU[@]}")")** |
| GET /people/v1/users/{id} | $(median "${ONE_CPU[@]}") | $(median "${BARE_ONE_CPU[@]}") | **$(ratio "$(median "${BARE_ONE_CPU[@]}")" "$(median "${ONE_CPU[@]}")")** |
TABLE
