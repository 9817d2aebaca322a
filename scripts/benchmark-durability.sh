#!/usr/bin/env bash
# Durability benchmark, one command (see docs/benchmarks.md, "Durability"): what fsync and synchronous commit cost in
# write throughput. Runs the platform twice on a fresh embedded PostgreSQL 17 each time — "before" with the old fast
# settings (fsync, synchronous_commit, full_page_writes off), "after" with the durable ones the platform now uses —
# registers hazards through the API with 1 and 4 clients, and runs pgbench (one-insert transactions) on the same server
# as the reference. Writes target/bench/durability-*.md.
#
# Settings (environment): BENCH_SECONDS (20 per measurement), BENCH_WARMUP (10), BENCH_CLIENTS ("1,4"),
#   BENCH_DIR (./data/bench-durability, deleted and rebuilt), PGBENCH (pgbench; "none" skips the reference;
#   Debian: apt-get install postgresql-client).
set -euo pipefail
cd "$(dirname "$0")/.."

log() { printf '%s benchmark: %s\n' "$(date +%H:%M:%S)" "$*"; }

if [[ ! -d target/test-classes || -n $(find src pom.xml -newer target/test-classes -type f -print -quit 2>/dev/null) ]]; then
  log "building (mvn -DskipTests test-compile)"
  mvn -q -B -DskipTests test-compile
fi
if [[ ! -f target/bench.classpath || pom.xml -nt target/bench.classpath ]]; then
  mvn -q -B dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench.classpath
fi
CP="target/test-classes:target/classes:$(cat target/bench.classpath)"
PGBENCH=${PGBENCH:-pgbench}
if [[ $PGBENCH != none ]] && ! command -v "$PGBENCH" >/dev/null; then
  log "pgbench not found (Debian: apt-get install postgresql-client) — skipping the reference run"
  PGBENCH=none
fi
log "machine: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg)"
java -cp "$CP" cn.zhiben.bench.DurabilityBenchmark --seconds="${BENCH_SECONDS:-20}" --warmup="${BENCH_WARMUP:-10}" \
  --clients="${BENCH_CLIENTS:-1,4}" --dir="${BENCH_DIR:-./data/bench-durability}" --pgbench="$PGBENCH" --out=target/bench
log "done; load average $(cut -d' ' -f1-3 /proc/loadavg)"
