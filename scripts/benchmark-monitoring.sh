#!/usr/bin/env bash
# Monitoring ingestion benchmark, one command (see docs/benchmarks.md, "Monitoring"):
#   builds the jar if needed; starts the platform in demo mode on a fresh data directory (HTTP 18088, PostgreSQL 15448,
#   MQTT 18838; heap capped at BENCH_HEAP); runs the simulator in load mode (LoadGenerator): warm-up, sustained rate,
#   10x overload, recovery; measures publish-to-PUBACK latency, reading-to-alarm latency on probe points, and a plain
#   JDBC batch insert of the same readings as the reference; measures the CPU time (from /proc) the platform process and
#   PostgreSQL spend per reading, and the throughput that implies for the machine's cores; samples the server heap with
#   jstat; prints one table; stops.
#
# Settings (environment): BENCH_RATE (30000 readings/s), BENCH_SECONDS (60), BENCH_OVERLOAD_SECONDS (30),
#   BENCH_RECOVERY_SECONDS (20), BENCH_DEVICES (10), BENCH_POINTS (100 per device), BENCH_BATCH (10 readings per message),
#   BENCH_INFLIGHT (1000 per device), BENCH_HEAP (1g), BENCH_DIR (target/bench-monitoring), ports BENCH_HTTP_PORT,
#   BENCH_PG_PORT, BENCH_MQTT_PORT, BENCH_START_TIMEOUT (900 s: the platform's start on a loaded machine),
#   BENCH_JAVA_OPTS (extra JVM options of the platform, e.g. -XX:StartFlightRecording=filename=rec.jfr,settings=profile).
set -euo pipefail
cd "$(dirname "$0")/.."

RATE=${BENCH_RATE:-30000}
SECONDS_RUN=${BENCH_SECONDS:-60}
OVERLOAD=${BENCH_OVERLOAD_SECONDS:-30}
RECOVERY=${BENCH_RECOVERY_SECONDS:-20}
DEVICES=${BENCH_DEVICES:-10}
POINTS=${BENCH_POINTS:-100}
BATCH=${BENCH_BATCH:-10}
INFLIGHT=${BENCH_INFLIGHT:-1000}
HEAP=${BENCH_HEAP:-1g}
DIR=${BENCH_DIR:-target/bench-monitoring}
HTTP_PORT=${BENCH_HTTP_PORT:-18088}
PG_PORT=${BENCH_PG_PORT:-15448}
MQTT_PORT=${BENCH_MQTT_PORT:-18838}
JAR=target/zhiben-0.1.0-SNAPSHOT.jar

log() { printf '%s benchmark: %s\n' "$(date +%H:%M:%S)" "$*" >&2; }

if [[ ! -f $JAR || -n $(find src pom.xml -newer "$JAR" -type f -print -quit) ]]; then
  log "building (mvn -DskipTests package)"
  mvn -q -B -DskipTests package
fi
rm -rf "$DIR" && mkdir -p "$DIR"

log "starting the platform (heap $HEAP)"
# shellcheck disable=SC2086 # BENCH_JAVA_OPTS: extra JVM options of the platform, e.g. a flight recording
java -Xmx"$HEAP" ${BENCH_JAVA_OPTS:-} -jar "$JAR" --zhiben.demo=true --server.port="$HTTP_PORT" --zhiben.db.embedded.port="$PG_PORT" \
  --zhiben.db.embedded.data-dir="$DIR/pg" --zhiben.crypto.key-file="$DIR/field.key" \
  --zhiben.monitoring.mqtt.port="$MQTT_PORT" --zhiben.monitoring.simulator.enabled=false \
  --zhiben.hazards.storage-dir="$DIR/files" > "$DIR/server.log" 2>&1 &
SERVER=$!
trap 'kill $SERVER 2>/dev/null || true; [[ -n ${JSTAT:-} ]] && kill $JSTAT 2>/dev/null || true' EXIT
for _ in $(seq 1 "${BENCH_START_TIMEOUT:-900}"); do
  if grep -q "Started ZhibenApplication" "$DIR/server.log"; then break; fi
  if ! kill -0 $SERVER 2>/dev/null; then cat "$DIR/server.log" >&2; exit 1; fi
  sleep 1
done
grep -q "Started ZhibenApplication" "$DIR/server.log" || { log "the platform did not start"; exit 1; }
# the demo data is made after the start (application ready): let it finish, so it is not measured with the load
for _ in $(seq 1 600); do
  if grep -q "demo mode: .* demo monitoring points" "$DIR/server.log"; then break; fi
  sleep 1
done

jstat -gc $SERVER 2000 > "$DIR/jstat.txt" &
JSTAT=$!
LOAD_BEFORE=$(cut -d' ' -f1-3 /proc/loadavg)
log "load generator: $RATE readings/s for ${SECONDS_RUN}s, then $((RATE * 10))/s offered for ${OVERLOAD}s, then recovery"
java -Xmx1g -cp "$JAR" -Dloader.main=cn.zhiben.monitoring.internal.LoadGenerator \
  org.springframework.boot.loader.launch.PropertiesLauncher \
  --url "http://127.0.0.1:$HTTP_PORT" --mqtt "tcp://127.0.0.1:$MQTT_PORT" --user city --password 'Zhiben@2026' \
  --devices "$DEVICES" --points-per-device "$POINTS" --batch "$BATCH" --inflight "$INFLIGHT" --rate "$RATE" \
  --seconds "$SECONDS_RUN" --overload-seconds "$OVERLOAD" --recovery-seconds "$RECOVERY" \
  --jdbc "jdbc:postgresql://127.0.0.1:$PG_PORT/zhiben?user=postgres&password=postgres" \
  --server-pid "$SERVER" --pg-pid-file "$DIR/pg/postmaster.pid" --clk-tck "$(getconf CLK_TCK)" | tee "$DIR/load.txt" \
  || log "the load generator failed (see above); the figures so far are printed"
LOAD_AFTER=$(cut -d' ' -f1-3 /proc/loadavg)
kill $JSTAT 2>/dev/null || true
# heap used (S0U+S1U+EU+OU, KB) per 2-second sample, and the old generation's capacity
HEAP_MAX=$(awk 'NR>1 && $1 ~ /^[0-9.]+$/ {u=$3+$4+$6+$8; if (u>m) m=u} END {printf "%.0f", m/1024}' "$DIR/jstat.txt")
echo
echo "machine: $(nproc) cores, $(free -g | awk '/Mem/ {print $2}') GiB; load average before $LOAD_BEFORE, after $LOAD_AFTER"
echo "server heap: cap $HEAP, highest used sample ${HEAP_MAX} MiB (jstat every 2 s, $DIR/jstat.txt); out-of-memory errors in the log: $(grep -c OutOfMemoryError "$DIR/server.log" || true)"
echo "overload log lines: $(grep -c 'ingestion overloaded' "$DIR/server.log" || true) pauses, $(grep -c 'ingestion resumed' "$DIR/server.log" || true) resumes"
