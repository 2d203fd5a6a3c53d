#!/usr/bin/env bash
# Durable writes against their ceiling. First measures how long the disk under the data folder
# takes to make a write durable (fsync of an append, fdatasync of an overwrite, and whole SQLite
# commits of 1 and 16 rows, WAL and synchronous=FULL as RestLab's store runs them). With 16
# connections a group commit holds at most 16 writes, so durable POSTs cannot pass
# 16 / (one 16-row commit): that is the ceiling. Then loads RestLab's API durable (users.db in
# the data folder) and in memory, each in its own JVM with the capture on, with the same
# wrk -t2 -c16 POST load in alternating rounds, and reads the durable store's own counters to
# tell how many writes each commit held. Prints Markdown; BENCHMARKS.md records a run.
#
# Usage: bench/durable.sh [seconds] [rounds]
#   DATA_DIR=path     the folder whose disk is measured (default target/bench-durable, on the
#                     project's disk, not a tmpfs: fsync must cost what it costs)
#   BEFORE_CP=cp      also loads an older build (its restlab.jar:lib/* class path), durable, in
#                     the same rounds, so that before and after share a run
#   ALSO_CP=cp        and one more build, e.g. a step between before and after
set -euo pipefail
cd "$(dirname "$0")/.."

SECONDS_PER_RUN="${1:-10}"
ROUNDS="${2:-3}"
CONNECTIONS=16
THREADS=2
WORK="${DATA_DIR:-$PWD/target/bench-durable}"
CP='target/restlab.jar:target/lib/*'

if ! command -v wrk >/dev/null 2>&1; then
  if [ "$(id -u)" = 0 ]; then apt-get update -qq && apt-get install -y -qq wrk >/dev/null
  else echo "durable.sh needs wrk (apt-get install wrk)" >&2; exit 1; fi
fi
[ -n "${SKIP_BUILD:-}" ] || mvn -B -q package -DskipTests >&2
rm -rf "$WORK"; mkdir -p "$WORK"

echo "probing the disk under $WORK..." >&2
read -r _ APPEND_MS OVERWRITE_MS COMMIT1_MS COMMIT16_MS < <(java -cp "$CP" bench/DurableBenchmark.java probe "$WORK/probe")

# Each server reads its commands from a FIFO and writes its answers to a file.
NAMES=(); PIDS=()
start() { # name class-path data-dir|memory
  local n=${#NAMES[@]}
  mkfifo "$WORK/in-$n"
  java -Xmx512m -cp "$2" bench/DurableBenchmark.java serve "$3" <"$WORK/in-$n" >"$WORK/out-$n" 2>"$WORK/err-$n" &
  PIDS+=($!)
  exec {fd}>"$WORK/in-$n"
  eval "IN_$n=$fd"
  NAMES+=("$1")
}
cleanup() {
  for n in "${!PIDS[@]}"; do
    eval "echo quit >&\$IN_$n" 2>/dev/null || true
    wait "${PIDS[$n]}" 2>/dev/null || true
  done
}
trap cleanup EXIT
start "durable" "$CP" "$WORK/durable"
start "in memory" "$CP" memory
if [ -n "${BEFORE_CP:-}" ]; then start "durable, before" "$BEFORE_CP" "$WORK/before"; fi
if [ -n "${ALSO_CP:-}" ]; then start "durable, ALSO_CP" "$ALSO_CP" "$WORK/also"; fi
PORTS=()
for n in "${!NAMES[@]}"; do
  for _ in $(seq 600); do grep -q '^ready' "$WORK/out-$n" && break; sleep 0.1; done
  PORTS+=("$(awk '/^ready/ {print $2}' "$WORK/out-$n")")
done
ask() { # server-number command answer-word -> the answer's words after the first
  local before
  before=$(grep -c "^$3" "$WORK/out-$1" || true)
  eval "echo $2 >&\$IN_$1"
  for _ in $(seq 600); do [ "$(grep -c "^$3" "$WORK/out-$1" || true)" -gt "$before" ] && break; sleep 0.05; done
  grep "^$3" "$WORK/out-$1" | tail -1 | cut -s -d' ' -f2-
}
stats() { ask "$1" stats stats; } # server-number -> "commits writes"


cat >"$WORK/post.lua" <<'LUA'
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.body = '{"name": "Ada", "email": "ada@example.com"}'
LUA
rps() { # port seconds -> requests/s
  local out
  out=$(wrk -t"$THREADS" -c"$CONNECTIONS" -d"$2s" -s "$WORK/post.lua" "http://127.0.0.1:$1/people/v1/users")
  if grep -q 'Non-2xx' <<<"$out"; then echo "  $(grep 'Non-2xx' <<<"$out") from port $1" >&2; fi
  awk '/^Requests\/sec:/ {print $2}' <<<"$out"
}
median() { printf '%s\n' "$@" | sort -g | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }

echo "warming up..." >&2
for n in "${!NAMES[@]}"; do rps "${PORTS[$n]}" 8 >/dev/null; done
declare -A RPS GROUP RATIOS COMMIT_MS
BOUND=
LOAD_START=$(cut -d' ' -f1 /proc/loadavg)
for round in $(seq "$ROUNDS"); do
  order=("${!NAMES[@]}")
  [ $((round % 2)) = 0 ] && order=($(printf '%s\n' "${!NAMES[@]}" | tac))
  declare -A THIS=()
  for n in "${order[@]}"; do
    ask "$n" clear cleared >/dev/null # every round starts from an empty store
    read -r c0 w0 t0 < <(stats "$n")
    r=$(rps "${PORTS[$n]}" "$SECONDS_PER_RUN")
    read -r c1 w1 t1 < <(stats "$n")
    # writes per commit; ms in COMMIT per commit; ms of wall time per commit (COMMIT and the rest)
    g=$(awk -v c=$((c1 - c0)) -v w=$((w1 - w0)) -v t=$((t1 - t0)) -v s="$SECONDS_PER_RUN" '
      BEGIN {if (c > 0) printf "%.1f / %.2f / %.2f", w / c, t / c / 1e6, s * 1000 / c; else print "-"}')
    RPS[$n]="${RPS[$n]:-} $r"; GROUP[$n]="${GROUP[$n]:-}; $g"; THIS[$n]=$r
    COMMIT_MS[$n]=$(awk -v c=$((c1 - c0)) -v t=$((t1 - t0)) 'BEGIN {if (c > 0) printf "%.3f", t / c / 1e6; else print 0}')
    echo "round $round: ${NAMES[$n]} $r POST/s, $g (writes / ms in COMMIT / ms per commit)" >&2
  done
  for n in "${!NAMES[@]}"; do # each round's ratios, durable against each of the others
    [ "$n" = 0 ] || RATIOS[$n]="${RATIOS[$n]:-} $(awk -v a="${THIS[0]}" -v b="${THIS[$n]}" 'BEGIN {printf "%.2f", a / b}')"
  done
  # The best durable / in memory this round's disk allowed: every writer's cycle at least its
  # in-memory round trip (connections / in-memory rate) plus one COMMIT as long as this round's.
  BOUND="${BOUND:-} $(awk -v c="$CONNECTIONS" -v m="${THIS[1]}" -v ms="${COMMIT_MS[0]}" 'BEGIN {printf "%.2f", 1 / (1 + m * ms / 1000 / c)}')"
done
LOAD_END=$(cut -d' ' -f1-3 /proc/loadavg)

CEILING=$(awk -v c="$CONNECTIONS" -v ms="$COMMIT16_MS" 'BEGIN {printf "%.0f", c * 1000 / ms}')
# shellcheck disable=SC2086
DURABLE=$(median ${RPS[0]}); MEMORY=$(median ${RPS[1]})
echo "wrk -t$THREADS -c$CONNECTIONS POST, ${SECONDS_PER_RUN}s per measurement, medians of $ROUNDS alternating rounds"
echo "(load average: $LOAD_START at the start, $LOAD_END at the end)"
echo
echo "| the disk under the data folder, median of 300 | ms |"
echo "| --- | ---: |"
echo "| 4 KiB append + fsync | $APPEND_MS |"
echo "| 4 KiB overwrite + fdatasync | $OVERWRITE_MS |"
echo "| SQLite commit of 1 row (WAL, synchronous=FULL) | $COMMIT1_MS |"
echo "| SQLite commit of 16 rows | $COMMIT16_MS |"
echo
echo "| POST/s | median | each round | each round: writes per commit / ms in COMMIT / ms of wall time per commit |"
echo "| --- | ---: | --- | --- |"
for n in "${!NAMES[@]}"; do
  # shellcheck disable=SC2086
  echo "| ${NAMES[$n]} | $(median ${RPS[$n]}) | ${RPS[$n]# } | $([ "$n" = 1 ] && echo - || echo "${GROUP[$n]#; }") |"
done
echo
echo "| ratio | |"
echo "| --- | ---: |"
echo "| ceiling: $CONNECTIONS writers / one 16-row commit | $CEILING POST/s |"
echo "| durable / ceiling | $(awk -v a="$DURABLE" -v b="$CEILING" 'BEGIN {printf "%.2f", a / b}') |"
# shellcheck disable=SC2086
echo "| durable / in memory, median of the rounds' ratios (each round: ${RATIOS[1]# }) | **$(median ${RATIOS[1]})** |"
echo "| ceiling / in memory | $(awk -v a="$CEILING" -v b="$MEMORY" 'BEGIN {printf "%.2f", a / b}') |"
# A writer cannot send its next POST before its answer: each one's cycle is at least its round
# trip (as in memory: connections / in-memory rate) plus one commit. With every group holding all
# 16 writers that gives the best durable / in memory this disk and this machine allow.
echo "| round-trip ceiling: $CONNECTIONS / ($CONNECTIONS / in memory + one 16-row commit) | $(awk -v c="$CONNECTIONS" -v m="$MEMORY" -v ms="$COMMIT16_MS" 'BEGIN {printf "%.0f", c / (c / m + ms / 1000)}') POST/s |"
echo "| round-trip ceiling / in memory (the best durable / in memory possible here) | $(awk -v c="$CONNECTIONS" -v m="$MEMORY" -v ms="$COMMIT16_MS" 'BEGIN {printf "%.2f", 1 / (1 + m * ms / 1000 / c)}') |"
# shellcheck disable=SC2086
echo "| the same bound from each round's own COMMIT time (each round: ${BOUND# }) | $(median $BOUND) |"
echo "| durable / round-trip ceiling | $(awk -v d="$DURABLE" -v c="$CONNECTIONS" -v m="$MEMORY" -v ms="$COMMIT16_MS" 'BEGIN {printf "%.2f", d * (c / m + ms / 1000) / c}') |"
for n in "${!NAMES[@]}"; do
  [ "$n" -ge 2 ] || continue
  # shellcheck disable=SC2086
  echo "| durable / ${NAMES[$n]}, median of the rounds' ratios (each round: ${RATIOS[$n]# }) | $(median ${RATIOS[$n]}) |"
done
