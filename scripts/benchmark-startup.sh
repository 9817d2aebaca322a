#!/usr/bin/env bash
# First-start benchmark, one command (see docs/benchmarks.md): starts the platform as the README's first command does —
# demo mode, embedded PostgreSQL, a data directory that does not exist yet — and measures the time until
# /actuator/health answers UP and until the demo data is in; RUNS times, each on a new directory. Then the reference:
# the same embedded PostgreSQL initialised and started alone (BarePostgresStart). Writes target/bench/startup-*.md.
#
# Settings (environment): RUNS (3), BENCH_DIR (./data/bench-startup), BENCH_HTTP_PORT (18081), BENCH_PG_PORT (15443).
set -euo pipefail
cd "$(dirname "$0")/.."

RUNS=${RUNS:-3}
DIR=${BENCH_DIR:-./data/bench-startup}
HTTP_PORT=${BENCH_HTTP_PORT:-18081}
PG_PORT=${BENCH_PG_PORT:-15443}
JAR=target/zhiben-0.1.0-SNAPSHOT.jar
OUT=target/bench/startup-$(date +%Y%m%d-%H%M%S).md

if [[ ! -f $JAR || -n $(find src pom.xml -newer "$JAR" -type f -print -quit) ]]; then
  echo "building (mvn -DskipTests package)"
  mvn -q -B -DskipTests package
fi
if [[ ! -f target/bench.classpath || pom.xml -nt target/bench.classpath ]]; then
  mvn -q -B dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench.classpath
fi
CP="target/test-classes:target/classes:$(cat target/bench.classpath)"
if curl -fs "http://localhost:${HTTP_PORT}/actuator/health" >/dev/null 2>&1; then
  echo "port ${HTTP_PORT} is already in use; stop that process or set BENCH_HTTP_PORT" >&2
  exit 1
fi
mkdir -p target/bench "$DIR"

now() { date +%s.%N; }
platform=()
demo=()
for i in $(seq 1 "$RUNS"); do
  rm -rf "${DIR}/run"
  t0=$(now)
  java -jar "$JAR" --zhiben.demo=true --zhiben.db.embedded.data-dir="${DIR}/run/pg" --zhiben.db.embedded.port="$PG_PORT" \
    --zhiben.crypto.key-file="${DIR}/run/keys/field.key" --zhiben.db.embedded.password-file="${DIR}/run/keys/postgres.password" --zhiben.hazards.storage-dir="${DIR}/run/files" \
    --server.port="$HTTP_PORT" >"${DIR}/server-${i}.log" 2>&1 &
  pid=$!
  until curl -fs "http://localhost:${HTTP_PORT}/actuator/health" 2>/dev/null | grep -q UP; do
    kill -0 $pid 2>/dev/null || { echo "the platform did not start; see ${DIR}/server-${i}.log" >&2; exit 1; }
    sleep 0.2
  done
  t1=$(now)
  until grep -q "demo hazards created" "${DIR}/server-${i}.log"; do sleep 0.2; done
  t2=$(now)
  kill $pid; wait $pid 2>/dev/null || true
  platform+=("$(printf '%.1f' "$(echo "$t1 - $t0" | bc)")")
  demo+=("$(printf '%.1f' "$(echo "$t2 - $t0" | bc)")")
  echo "run ${i}: health UP after ${platform[-1]} s, demo data in after ${demo[-1]} s"
done
rm -rf "${DIR}/run"

mapfile -t bare < <(java -cp "$CP" cn.zhiben.bench.BarePostgresStart --dir="${DIR}/bare" --port="$PG_PORT" --runs="$RUNS" \
  | sed -n "s/^startup-seconds //p")
echo "reference (embedded PostgreSQL alone): ${bare[*]} s"

median() { printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2}'; }
mp=$(median "${platform[@]}"); md=$(median "${demo[@]}"); mb=$(median "${bare[@]}")
{
  echo "# First start — $(git rev-parse --short HEAD 2>/dev/null || echo run) ($(date +%Y-%m-%d))"
  echo
  echo "$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(nproc) cores; load average at the end $(cut -d' ' -f1-3 /proc/loadavg)"
  echo
  echo "| | runs (s) | median (s) |"
  echo "|---|---|---:|"
  echo "| platform: health UP (fresh data directory, demo mode) | ${platform[*]} | ${mp} |"
  echo "| platform: demo data in | ${demo[*]} | ${md} |"
  echo "| reference: embedded PostgreSQL alone (initdb, start, create database) | ${bare[*]} | ${mb} |"
  echo
  echo "Ratio platform (health UP) / reference: $(echo "scale=1; $mp / $mb" | bc)"
} >"$OUT"
cat "$OUT"
echo "results written to $OUT"
