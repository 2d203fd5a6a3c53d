#!/usr/bin/env bash
# Peers benchmark: RestLab (durable and --in-memory), the handout's Flask program and json-server
# 0.17 under the same wrk load in one run: GET list, GET by id and POST, each peer with the same
# few users first. Prints a Markdown table with the ratios; BENCHMARKS.md records a run.
#
# Usage: bench/peers.sh [seconds-per-measurement] [rounds]
#   BEFORE_JAR=path/to/restlab.jar  also measures that build (durable and --in-memory), e.g. the
#                                   commit before a change, so that before and after share a run
#   RESTLAB_JAR=path                the build to measure (default: target/restlab.jar, built here)
#
# Loopback only. Installs wrk, python3-flask (Debian) and json-server 0.17 (npm, into target/)
# when run as root; a peer that cannot be installed is skipped, and the table says so.
set -euo pipefail
cd "$(dirname "$0")/.."

SECONDS_PER_RUN="${1:-10}"
ROUNDS="${2:-1}"
CONNECTIONS=16
THREADS=2
USERS=10
BASE_PORT="${PEERS_BASE_PORT:-5261}"
WORK="$PWD/target/bench-peers" # on the project's disk, not a tmpfs: fsync must cost what it costs
RESTLAB_JAR="${RESTLAB_JAR:-target/restlab.jar}"

root() { [ "$(id -u)" = 0 ]; }
say() { echo "$*" >&2; }

if ! command -v wrk >/dev/null 2>&1; then
  if root; then apt-get update -qq && apt-get install -y -qq wrk >/dev/null; else say "peers.sh needs wrk"; exit 1; fi
fi
if [ "$RESTLAB_JAR" = target/restlab.jar ]; then
  mvn -B -q package -DskipTests >&2
fi

rm -rf "$WORK"
mkdir -p "$WORK"
SKIPPED=()
PIDS=()
cleanup() {
  for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${PIDS[@]}"; do wait "$pid" 2>/dev/null || true; done
}
trap cleanup EXIT

# --- what each peer needs -------------------------------------------------------------------
# The handout's final program with its ?name= filter, as the tests run it (port from the command line).
FLASK_APP=src/test/resources/flask/handout_app.py
FLASK_PYTHON=/usr/bin/python3 # Debian's, with Debian's python3-flask
flask_ready() { "$FLASK_PYTHON" -c 'import flask' 2>/dev/null; }
if ! flask_ready && root; then
  apt-get update -qq && apt-get install -y -qq python3-flask >/dev/null 2>&1 || true
fi

JSON_SERVER="$WORK/npm/node_modules/json-server/lib/cli/bin.js"
if command -v npm >/dev/null 2>&1; then
  npm install --silent --no-audit --no-fund --prefix "$WORK/npm" json-server@0.17.4 >/dev/null 2>&1 || true
fi

# --- starting the peers ---------------------------------------------------------------------
NAMES=()
URLS=()
port=$BASE_PORT
wait_up() { # url pid -> 0 once it answers /
  for _ in $(seq 300); do
    if curl -s -o /dev/null "$1/"; then return 0; fi
    kill -0 "$2" 2>/dev/null || return 1
    sleep 0.1
  done
  return 1
}
add_peer() { # name pid url
  if wait_up "$3" "$2"; then
    NAMES+=("$1"); URLS+=("$3"); PIDS+=("$2")
  else
    kill "$2" 2>/dev/null || true
    SKIPPED+=("$1: did not start (see $WORK)")
  fi
}
start_restlab() { # name jar [--in-memory]
  local name=$1 jar=$2 mode=${3:-}
  port=$((port + 1))
  local data="$WORK/data-$port"
  if [ -n "$mode" ]; then
    java -jar "$jar" --headless --port "$port" --in-memory >"$WORK/$port.log" 2>&1 &
  else
    java -jar "$jar" --headless --port "$port" --data-dir "$data" >"$WORK/$port.log" 2>&1 &
  fi
  add_peer "$name" $! "http://127.0.0.1:$port"
}

start_restlab "RestLab, durable" "$RESTLAB_JAR"
start_restlab "RestLab, --in-memory" "$RESTLAB_JAR" --in-memory
if [ -n "${BEFORE_JAR:-}" ]; then
  start_restlab "RestLab before, durable" "$BEFORE_JAR"
  start_restlab "RestLab before, --in-memory" "$BEFORE_JAR" --in-memory
fi
if flask_ready; then
  port=$((port + 1))
  "$FLASK_PYTHON" "$FLASK_APP" "$port" >"$WORK/$port.log" 2>&1 & # app.run(threaded=True), as the handout
  add_peer "Flask (handout)" $! "http://127.0.0.1:$port"
else
  SKIPPED+=("Flask (handout): Debian's python3-flask is not installed (run as root to install it)")
fi
if [ -f "$JSON_SERVER" ]; then
  port=$((port + 1))
  echo '{"users": []}' >"$WORK/db.json"
  echo '{"/people/v1/*": "/$1"}' >"$WORK/routes.json"
  node "$JSON_SERVER" "$WORK/db.json" --routes "$WORK/routes.json" --host 127.0.0.1 --port "$port" \
    >"$WORK/$port.log" 2>&1 &
  add_peer "json-server 0.17" $! "http://127.0.0.1:$port"
else
  SKIPPED+=("json-server 0.17: npm could not install it")
fi

# --- the same users in each, and one id to get -----------------------------------------------
IDS=()
for i in "${!NAMES[@]}"; do
  for n in $(seq "$USERS"); do
    curl -s -o /dev/null -H 'Content-Type: application/json' \
      -d "{\"name\": \"user$n\", \"email\": \"user$n@example.com\"}" "${URLS[$i]}/people/v1/users"
  done
  IDS+=("$(curl -s "${URLS[$i]}/people/v1/users" | python3 -c '
import json, sys
body = json.load(sys.stdin)
users = body["users"] if isinstance(body, dict) else body
print(users[0]["id"])')")
done

cat >"$WORK/post.lua" <<'LUA'
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.body = '{"name": "Ada", "email": "ada@example.com"}'
LUA

measure() { # url [lua] -> requests/s (and a note on stderr when answers were not 2xx)
  local out
  out=$(wrk -t"$THREADS" -c"$CONNECTIONS" -d"${SECONDS_PER_RUN}s" ${2:+-s "$2"} "$1")
  if grep -q 'Non-2xx' <<<"$out"; then say "  $(grep 'Non-2xx' <<<"$out") from $1"; fi
  awk '/^Requests\/sec:/ {print $2}' <<<"$out"
}
median() { printf '%s\n' "$@" | sort -g | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }

declare -A RESULTS
for i in "${!NAMES[@]}"; do # warm up the JVMs' compilers; nobody else needs it but it costs them nothing
  wrk -t"$THREADS" -c"$CONNECTIONS" -d3s "${URLS[$i]}/people/v1/users" >/dev/null
done
# Reads first (POSTs grow the listings), each measurement round-robin over the peers.
for test in list one post; do
  for round in $(seq "$ROUNDS"); do
    for i in "${!NAMES[@]}"; do
      case $test in
        list) rps=$(measure "${URLS[$i]}/people/v1/users") ;;
        one) rps=$(measure "${URLS[$i]}/people/v1/users/${IDS[$i]}") ;;
        post) rps=$(measure "${URLS[$i]}/people/v1/users" "$WORK/post.lua") ;;
      esac
      say "$test round $round: ${NAMES[$i]} $rps req/s"
      RESULTS[$test,$i]="${RESULTS[$test,$i]:-} $rps"
    done
  done
done

declare -A MEDIAN
for key in "${!RESULTS[@]}"; do
  # shellcheck disable=SC2086
  MEDIAN[$key]=$(median ${RESULTS[$key]})
done
index_of() { for i in "${!NAMES[@]}"; do [ "${NAMES[$i]}" = "$1" ] && echo "$i" && return; done; }
ratio() { # test name-a name-b -> a / b, or n/a
  local a b
  a=$(index_of "$2"); b=$(index_of "$3")
  if [ -z "$a" ] || [ -z "$b" ]; then echo "n/a"; return; fi
  awk -v x="${MEDIAN[$1,$a]}" -v y="${MEDIAN[$1,$b]}" 'BEGIN {printf "%.2f", x/y}'
}

echo "wrk -t$THREADS -c$CONNECTIONS, ${SECONDS_PER_RUN}s per measurement, median of $ROUNDS, $USERS users first"
echo "(load average at the end: $(cut -d' ' -f1-3 /proc/loadavg))"
echo
echo "| requests/s | GET list | GET by id | POST |"
echo "| --- | ---: | ---: | ---: |"
for i in "${!NAMES[@]}"; do
  echo "| ${NAMES[$i]} | ${MEDIAN[list,$i]} | ${MEDIAN[one,$i]} | ${MEDIAN[post,$i]} |"
done
echo
echo "| ratio | GET list | GET by id | POST |"
echo "| --- | ---: | ---: | ---: |"
for pair in "RestLab, durable|RestLab, --in-memory" "RestLab, durable|Flask (handout)" \
    "RestLab, durable|json-server 0.17" "RestLab, durable|RestLab before, durable"; do
  a=${pair%%|*}; b=${pair##*|}
  [ -n "$(index_of "$b")" ] || continue
  echo "| $a / $b | $(ratio list "$a" "$b") | $(ratio one "$a" "$b") | $(ratio post "$a" "$b") |"
done
for skipped in "${SKIPPED[@]}"; do
  echo
  echo "skipped: $skipped"
done
