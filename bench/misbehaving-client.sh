#!/usr/bin/env bash
# One misbehaving client against a class of 30 (see bench/MisbehavingClientBenchmark.java).
# Usage: bench/misbehaving-client.sh [attacker-connections]   (Linux: uses 127.0.0.2, 127.0.0.10…)
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B -q package -DskipTests >&2
java -cp 'target/restlab.jar:target/lib/*' bench/MisbehavingClientBenchmark.java "${1:-250}" 2>/dev/null
