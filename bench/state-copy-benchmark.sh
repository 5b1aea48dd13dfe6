#!/usr/bin/env bash
# How long `leadrouter state copy` takes for a large state: an H2 state of <keys> CRM keys and <rows> journal rows
# (a file per 100) copied into a new database of the embedded PostgreSQL (the one the tests use). Prints rows per
# table, seconds and peak heap.
# Usage: bench/state-copy-benchmark.sh [keys=200000] [rows=100000]   (JAVA_OPTS replaces the default -Xmx256m)
set -euo pipefail
cd "$(dirname "$0")/.."

# the embedded PostgreSQL is a test library: not in target/lib
mvn -B -q -pl leadrouter-service -am test-compile dependency:build-classpath -Dmdep.includeScope=test \
    -Dmdep.outputFile=target/test-classpath.txt >/dev/null

. bench/build-once.sh StateCopyBenchmark

exec java ${JAVA_OPTS:--Xmx256m} -cp "$BENCH_CP:$(cat target/test-classpath.txt)" \
    org.leadrouter.bench.StateCopyBenchmark "$@"
