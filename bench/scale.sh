#!/usr/bin/env bash
# Scale benchmark: the same requests against a durable RestLab holding 100 users and one holding
# 100,000, in one run with alternating rounds after a warm-up: GET by id, GET ?name=, POST+DELETE
# pairs (POST and DELETE at a constant size: POSTs alone, thousands a second, would soon make the
# 100-user store a large one) and GET list. Also the time to load 100,000 users at start:
# in the benchmark's JVM, and `restlab --headless` started on each data folder until it serves.
# Prints Markdown; BENCHMARKS.md records a run. Usage: bench/scale.sh [seconds] [rounds]
set -euo pipefail
cd "$(dirname "$0")/.."

SECONDS_PER_RUN="${1:-5}"
ROUNDS="${2:-3}"
CONNECTIONS=16
THREADS=2
WORK="$PWD/target/bench-scale" # on the project's disk: fsync must cost what it costs

if ! command -v wrk >/dev/null 2>&1; then
  if [ "$(id -u)" = 0 ]; then apt-get update -qq && apt-get install -y -qq wrk >/dev/null
  else echo "scale.sh needs wrk (apt-get install wrk)" >&2; exit 1; fi
fi
[ -n "${SKIP_BUILD:-}" ] || mvn -B -q package -DskipTests >&2
rm -rf "$WORK"; mkdir -p "$WORK"

coproc SERVER { java -Xmx1g -cp 'target/restlab.jar:target/lib/*' bench/ScaleBenchmark.java "$WORK"; }
trap 'echo quit >&"${SERVER[1]:-2}" 2>/dev/null || true; wait "${SERVER_PID:-}" 2>/dev/null || true' EXIT
WORD=
while [ "$WORD" != ready ]; do
  read -r WORD SMALL LARGE SMALL_ID LARGE_ID SMALL_MS LARGE_MS <&"${SERVER[0]}"
done

cat >"$WORK/post-delete.lua" <<'LUA'
-- Each connection's thread POSTs a user, then DELETEs the user its last 201 named.
local made = {}
wrk.headers["Content-Type"] = "application/json"
request = function()
  if #made > 0 then
    return wrk.format("DELETE", table.remove(made), {}, nil)
  end
  return wrk.format("POST", "/people/v1/users", nil, '{"name": "Ada", "email": "ada@example.com"}')
end
response = function(status, headers, body)
  if status == 201 and headers["Location"] then
    table.insert(made, headers["Location"])
  end
end
LUA

rps() { # port path [lua] -> requests/s
  wrk -t"$THREADS" -c"$CONNECTIONS" -d"${SECONDS_PER_RUN}s" --timeout 60s ${3:+-s "$3"} "http://127.0.0.1:$1$2" \
    | awk '/^Requests\/sec:/ {print $2}'
}
median() { printf '%s\n' "$@" | sort -g | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN {printf "%.3f", a/b}'; }

TESTS=(byid name postdelete list)
declare -A LABEL=([byid]="GET /people/v1/users/{id}" [name]="GET /people/v1/users?name=user57"
  [postdelete]="POST then DELETE of that user"
  [list]="GET /people/v1/users (the whole list)")
target() { # test size -> "path [lua]"
  local id=$SMALL_ID; [ "$2" = large ] && id=$LARGE_ID
  case $1 in
    byid) echo "/people/v1/users/$id" ;;
    name) echo "/people/v1/users?name=user57" ;;
    postdelete) echo "/people/v1/users $WORK/post-delete.lua" ;;
    list) echo "/people/v1/users" ;;
  esac
}
declare -A RESULTS RATIOS
echo "warming up..." >&2 # the first round must not measure the compilers
for test in byid name postdelete; do
  for port in "$SMALL" "$LARGE"; do
    # shellcheck disable=SC2046
    SECONDS_PER_RUN=3 rps "$port" $(target "$test" "$([ "$port" = "$SMALL" ] && echo small || echo large)") >/dev/null
  done
done
for test in "${TESTS[@]}"; do
  for round in $(seq "$ROUNDS"); do
    order="small large"; [ $((round % 2)) = 0 ] && order="large small"
    declare -A THIS=()
    for size in $order; do
      port=$SMALL; [ "$size" = large ] && port=$LARGE
      # shellcheck disable=SC2046
      THIS[$size]=$(rps "$port" $(target "$test" "$size"))
      RESULTS[$test,$size]="${RESULTS[$test,$size]:-} ${THIS[$size]}"
    done
    RATIOS[$test]="${RATIOS[$test]:-} $(ratio "${THIS[large]}" "${THIS[small]}")"
    echo "$test round $round: 100 users ${THIS[small]}, 100,000 users ${THIS[large]} req/s" >&2
  done
done
echo stats >&"${SERVER[1]}"
STATS=
while [ "${STATS%% *}" != stats ]; do read -r STATS <&"${SERVER[0]}"; done
echo quit >&"${SERVER[1]}"; wait "$SERVER_PID" 2>/dev/null || true

# Start-up: restlab --headless on each folder (the users the run left), until it says it serves.
start_ms() { # data-dir -> milliseconds from exec to " * Running on"
  local t0 out
  out="$WORK/start.out"; : >"$out"
  t0=$(date +%s%N)
  java -jar target/restlab.jar --headless --port 0 --data-dir "$1" >"$out" 2>&1 &
  local pid=$!
  for _ in $(seq 600); do grep -q ' \* Running on' "$out" && break; sleep 0.05; done
  echo $(( ($(date +%s%N) - t0) / 1000000 ))
  kill "$pid"; wait "$pid" 2>/dev/null || true
}
START_SMALL=(); START_LARGE=()
for _ in 1 2 3; do
  START_SMALL+=("$(start_ms "$WORK/small")"); START_LARGE+=("$(start_ms "$WORK/large")")
done

echo "wrk -t$THREADS -c$CONNECTIONS, ${SECONDS_PER_RUN}s per measurement, $ROUNDS alternating rounds, durable stores, capture on"
echo "(load average at the end: $(cut -d' ' -f1-3 /proc/loadavg))"
echo
echo "| requests/s (medians) | 100 users | 100,000 users | 100,000 / 100, median of the rounds' ratios |"
echo "| --- | ---: | ---: | ---: |"
for test in "${TESTS[@]}"; do
  # shellcheck disable=SC2086
  echo "| ${LABEL[$test]} | $(median ${RESULTS[$test,small]}) | $(median ${RESULTS[$test,large]}) | **$(median ${RATIOS[$test]})** |"
done
echo
echo "each round's ratio: $(for t in "${TESTS[@]}"; do printf '%s:%s; ' "$t" "${RATIOS[$t]}"; done)"
echo
echo "after the run: ${STATS#stats }"
echo
echo "| loading users.db at start | 100 users | 100,000 users |"
echo "| --- | ---: | ---: |"
echo "| SqliteUserStore.open in the benchmark's JVM (the first, cold), ms wall / ms CPU of the opening thread | $SMALL_MS | $LARGE_MS |"
echo "| restlab --headless until it serves, ms (3 starts each) | ${START_SMALL[*]} | ${START_LARGE[*]} |"
