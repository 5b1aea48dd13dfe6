#!/usr/bin/env bash
# Benchmark of routing alone: plan 100,000 leads over 50 advisors, 20 rules and 10 absences; time and memory.
# Usage: bench/routing-benchmark.sh [leads=100000] [seed=42] [repetitions=3]   (JAVA_OPTS replaces the default -Xmx256m)
set -euo pipefail
cd "$(dirname "$0")/.."

stamp=target/.benchmark-build
needs_build=false
if [[ ! -f "$stamp" || ! -f target/leadrouter.jar || ! -d target/lib \
      || ! -f target/test-classes/org/leadrouter/bench/RoutingBenchmark.class ]]; then
    needs_build=true
elif [[ -n "$(find src pom.xml -newer "$stamp" -type f -print -quit)" ]]; then
    needs_build=true
fi
if $needs_build; then
    echo "building (mvn -B -q package -DskipTests)..." >&2
    mvn -B -q package -DskipTests
    touch "$stamp"
fi

exec java ${JAVA_OPTS:--Xmx256m} -cp "target/test-classes:target/classes:target/lib/*" \
    org.leadrouter.bench.RoutingBenchmark "$@"
