#!/usr/bin/env bash
# Benchmark of reading a 100,000-row Excel workbook, beside the same rows as a CSV, within a 256 MB heap.
# Usage: bench/workbook-benchmark.sh [rows=100000] [work-dir]   (JAVA_OPTS replaces the default -Xmx256m)
set -euo pipefail
cd "$(dirname "$0")/.."

. bench/build-once.sh WorkbookBenchmark

exec java ${JAVA_OPTS:--Xmx256m} -cp "$BENCH_CP" \
    org.leadrouter.bench.WorkbookBenchmark "$@"
