#!/usr/bin/env bash
# The "never twice, never lost" scenarios off the happy path, each against a fresh VTiger sandbox with the real jar
# as separate processes: two daemons on one inbox, run --apply on a file the daemon takes, a slow CRM, SIGTERM
# during a slow create, full outbox/archive/error folders, a lost state, a file that grows after it was taken, a
# release of the deferred queue killed midway. Prints expected / in CRM / twice / missing / reports per scenario.
# Usage: bench/off-happy-path-benchmark.sh [scenario...]   (e.g. 1 3a 8; all by default, about 8 minutes)
set -euo pipefail
cd "$(dirname "$0")/.."

. bench/build-once.sh OffHappyPathBenchmark

exec java ${JAVA_OPTS:-} -cp "$BENCH_CP" \
    org.leadrouter.bench.OffHappyPathBenchmark "$@"
