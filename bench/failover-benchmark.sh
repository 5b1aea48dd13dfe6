#!/usr/bin/env bash
# Two daemons on one inbox and one PostgreSQL state (embedded), VTiger at 50 ms: kills the leader (SIGKILL) 20 times
# during a stream of files, restarting it each time to stand by, in file and in zookeeper mode; prints the failover
# time p50/p95/max and the leads expected / in VTiger / twice / missing.
# Usage: bench/failover-benchmark.sh [kills=20] [rows per file=60] [modes=file,zookeeper]
set -euo pipefail
cd "$(dirname "$0")/.."

# the embedded PostgreSQL and ZooKeeper are test libraries: not in target/lib
mvn -B -q -pl leadrouter-service -am test-compile dependency:build-classpath -Dmdep.includeScope=test \
    -Dmdep.outputFile=target/test-classpath.txt >/dev/null

. bench/build-once.sh FailoverBenchmark

exec java -cp "$BENCH_CP:$(cat target/test-classpath.txt)" org.leadrouter.bench.FailoverBenchmark "$@"
