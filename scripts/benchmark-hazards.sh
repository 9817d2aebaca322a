#!/usr/bin/env bash
# Hazards benchmark, one command (see docs/benchmarks.md):
#   builds the jar if needed; starts the platform in demo mode on its own data directory (./data/bench, HTTP 18080,
#   PostgreSQL 15442); generates 1,000,000 hazards once (later runs reuse them); measures the hazard list and detail
#   endpoints over HTTP with bearer tokens; replays the same SQL with pgbench; writes target/bench/results-*.md; stops.
#
# Settings (environment): BENCH_HAZARDS (1000000), BENCH_ENTERPRISES (3000), BENCH_SEED (20261129),
#   BENCH_REQUESTS (500 per scenario), BENCH_WARMUP (100 rounds), BENCH_CONCURRENCY (4; empty = sequential only),
#   BENCH_DIR (./data/bench), BENCH_HTTP_PORT (18080), BENCH_PG_PORT (15442), BENCH_LABEL (git commit),
#   BENCH_JAVA_OPTS (server JVM options, default none), BENCH_SERVER_ARGS (extra platform arguments),
#   PGBENCH (pgbench; "none" skips the reference run).
# Regenerate the data with: rm -rf ./data/bench (or a different BENCH_DIR).
set -euo pipefail
cd "$(dirname "$0")/.."

BENCH_DIR=${BENCH_DIR:-./data/bench}
HTTP_PORT=${BENCH_HTTP_PORT:-18080}
PG_PORT=${BENCH_PG_PORT:-15442}
HAZARDS=${BENCH_HAZARDS:-1000000}
ENTERPRISES=${BENCH_ENTERPRISES:-3000}
SEED=${BENCH_SEED:-20261129}
REQUESTS=${BENCH_REQUESTS:-500}
WARMUP=${BENCH_WARMUP:-100}
CONCURRENCY=${BENCH_CONCURRENCY-4}
LABEL=${BENCH_LABEL:-$(git rev-parse --short HEAD 2>/dev/null || echo run)}
PGBENCH=${PGBENCH:-pgbench}
JAR=target/zhiben-0.1.0-SNAPSHOT.jar
BASE_URL="http://localhost:${HTTP_PORT}"
JDBC_URL="jdbc:postgresql://127.0.0.1:${PG_PORT}/zhiben"
PG_PASSWORD_FILE="${BENCH_DIR}/keys/postgres.password"

log() { printf '%s benchmark: %s\n' "$(date +%H:%M:%S)" "$*"; }

# 1. build (the jar, and the benchmark classes under src/test/java/cn/zhiben/bench) when sources are newer
if [[ ! -f $JAR || -n $(find src pom.xml -newer "$JAR" -type f -print -quit) ]]; then
  log "building (mvn -DskipTests package)"
  mvn -q -B -DskipTests package
fi
if [[ ! -f target/bench.classpath || pom.xml -nt target/bench.classpath ]]; then
  mvn -q -B dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench.classpath
fi
CP="target/test-classes:target/classes:$(cat target/bench.classpath)"

if [[ $PGBENCH != none ]] && ! command -v "$PGBENCH" >/dev/null; then
  log "pgbench not found (Debian: apt-get install postgresql-client) — skipping the reference run"
  PGBENCH=none
fi

# 2. the platform, on the benchmark data directory
if curl -fs "${BASE_URL}/actuator/health" >/dev/null 2>&1; then
  echo "port ${HTTP_PORT} is already in use; stop that process or set BENCH_HTTP_PORT" >&2
  exit 1
fi
mkdir -p "$BENCH_DIR"
log "starting the platform (demo mode, data ${BENCH_DIR}/pg, log ${BENCH_DIR}/server.log)"
# shellcheck disable=SC2086
java ${BENCH_JAVA_OPTS:-} -jar "$JAR" --zhiben.demo=true \
  --zhiben.db.embedded.data-dir="${BENCH_DIR}/pg" --zhiben.db.embedded.port="${PG_PORT}" \
  --zhiben.crypto.key-file="${BENCH_DIR}/keys/field.key" --zhiben.db.embedded.password-file="${PG_PASSWORD_FILE}" \
  --zhiben.hazards.storage-dir="${BENCH_DIR}/files" \
  --server.port="${HTTP_PORT}" ${BENCH_SERVER_ARGS:-} >"${BENCH_DIR}/server.log" 2>&1 &
SERVER=$!
trap 'log "stopping the platform"; kill $SERVER 2>/dev/null; wait $SERVER 2>/dev/null || true' EXIT
started=$(date +%s)
until curl -fs "${BASE_URL}/actuator/health" 2>/dev/null | grep -q UP; do
  if ! kill -0 $SERVER 2>/dev/null; then
    echo "the platform did not start; see ${BENCH_DIR}/server.log" >&2
    tail -30 "${BENCH_DIR}/server.log" >&2
    exit 1
  fi
  if (( $(date +%s) - started > 900 )); then
    echo "the platform did not answer within 15 minutes" >&2
    exit 1
  fi
  sleep 2
done
log "platform up after $(( $(date +%s) - started )) s"

# 3. data, once
java -cp "$CP" cn.zhiben.bench.HazardDataGenerator --jdbc-url="$JDBC_URL" --hazards="$HAZARDS" \
  --enterprises="$ENTERPRISES" --seed="$SEED" --key-file="${BENCH_DIR}/keys/field.key" --password-file="$PG_PASSWORD_FILE"

# 4. measure
java -cp "$CP" cn.zhiben.bench.HazardBenchmark --base-url="$BASE_URL" --jdbc-url="$JDBC_URL" --password-file="$PG_PASSWORD_FILE" --pg-port="$PG_PORT" \
  --requests="$REQUESTS" --warmup="$WARMUP" --concurrency="$CONCURRENCY" --seed="$SEED" --label="$LABEL" \
  --pgbench="$PGBENCH" --out=target/bench
