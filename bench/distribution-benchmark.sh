#!/usr/bin/env bash
# Benchmark of the one-shot distribution run against the sandboxed VTiger (20,000 leads, 5,000 contacts).
# Usage: bench/distribution-benchmark.sh [seed] [work-dir]   (JAVA_OPTS is passed to the JVM)
set -euo pipefail
cd "$(dirname "$0")/.."

stamp=target/.benchmark-build
needs_build=false
if [[ ! -f "$stamp" || ! -f target/leadrouter.jar || ! -d target/lib \
      || ! -f target/test-classes/org/leadrouter/bench/DistributionBenchmark.class ]]; then
    needs_build=true
elif [[ -n "$(find src pom.xml -newer "$stamp" -type f -print -quit)" ]]; then
    needs_build=true
fi
if $needs_build; then
    echo "building (mvn -B -q package -DskipTests)..." >&2
    mvn -B -q package -DskipTests
    touch "$stamp"
fi

exec java ${JAVA_OPTS:-} -cp "target/test-classes:target/classes:target/lib/*" \
    org.leadrouter.bench.DistributionBenchmark "$@"
