#!/usr/bin/env bash
# Benchmark of routing alone: plan 100,000 leads over 50 advisors, 20 rules and 10 absences; time and memory.
# Usage: bench/routing-benchmark.sh [leads=100000] [seed=42] [repetitions=3]   (JAVA_OPTS replaces the default -Xmx256m)
set -euo pipefail
cd "$(dirname "$0")/.."

. bench/build-once.sh RoutingBenchmark

exec java ${JAVA_OPTS:--Xmx256m} -cp "$BENCH_CP" \
    org.leadrouter.bench.RoutingBenchmark "$@"
