#!/usr/bin/env bash
# Soak benchmark: the real daemon (-Xmx256m) takes many small files one after another from its inbox, against the
# VTiger sandbox; at stages it prints the live heap after a full GC (jcmd GC.run, GC.heap_info), threads, open file
# descriptors and the DistributionBatch objects still in the heap. A daemon that keeps nothing per file stays flat.
# Usage: bench/soak-benchmark.sh [files=1000] [rows=5] [mode=apply|dry-run] [stages=5]   (Linux: reads /proc)
set -euo pipefail
cd "$(dirname "$0")/.."

. bench/build-once.sh SoakBenchmark

exec java ${JAVA_OPTS:-} -cp "$BENCH_CP" org.leadrouter.bench.SoakBenchmark "$@"
