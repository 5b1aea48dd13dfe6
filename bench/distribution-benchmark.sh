#!/usr/bin/env bash
# Benchmark of the one-shot distribution run against the sandboxed VTiger (20,000 leads, 5,000 contacts).
# Usage: bench/distribution-benchmark.sh [seed] [work-dir]   (JAVA_OPTS is passed to the JVM)
set -euo pipefail
cd "$(dirname "$0")/.."

. bench/build-once.sh DistributionBenchmark

exec java ${JAVA_OPTS:-} -cp "$BENCH_CP" \
    org.leadrouter.bench.DistributionBenchmark "$@"
