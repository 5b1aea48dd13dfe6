#!/usr/bin/env bash
# Benchmark of reading a 100,000-row Excel workbook, beside the same rows as a CSV, within a 256 MB heap.
# Usage: bench/workbook-benchmark.sh [rows=100000] [work-dir]   (JAVA_OPTS replaces the default -Xmx256m)
set -euo pipefail
cd "$(dirname "$0")/.."

stamp=target/.benchmark-build
needs_build=false
if [[ ! -f "$stamp" || ! -f target/leadrouter.jar || ! -d target/lib \
      || ! -f target/test-classes/org/leadrouter/bench/WorkbookBenchmark.class ]]; then
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
    org.leadrouter.bench.WorkbookBenchmark "$@"
