#!/usr/bin/env bash
# Benchmark of reading a 100,000-row Excel workbook, beside the same rows as a CSV, within a 256 MB heap; then of the
# largest workbook the limits allow and of workbooks built to exhaust memory, in the same heap.
# Usage: bench/workbook-benchmark.sh [rows=100000] [work-dir]   (JAVA_OPTS replaces the default -Xmx256m)
#        bench/workbook-benchmark.sh limits [work-dir]          (only the second part)
set -euo pipefail
cd "$(dirname "$0")/.."

. bench/build-once.sh WorkbookLimitsBenchmark

if [[ "${1:-}" == limits ]]; then
    exec java ${JAVA_OPTS:--Xmx256m} -cp "$BENCH_CP" org.leadrouter.bench.WorkbookLimitsBenchmark "${@:2}"
fi
java ${JAVA_OPTS:--Xmx256m} -cp "$BENCH_CP" org.leadrouter.bench.WorkbookBenchmark "$@"
echo
exec java ${JAVA_OPTS:--Xmx256m} -cp "$BENCH_CP" org.leadrouter.bench.WorkbookLimitsBenchmark ${2:+"$2"}
