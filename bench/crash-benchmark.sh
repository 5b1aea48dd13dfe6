#!/usr/bin/env bash
# Kills the daemon (SIGKILL) at random moments while it distributes one file in apply mode, restarts it each
# time, and checks that every lead exists exactly once in the VTiger sandbox.
# Usage: bench/crash-benchmark.sh [rows=500] [kills=20] [seed=1]
set -euo pipefail
cd "$(dirname "$0")/.."

. bench/build-once.sh CrashBenchmark

exec java -cp "$BENCH_CP" org.leadrouter.bench.CrashBenchmark "$@"
