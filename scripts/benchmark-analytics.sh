#!/usr/bin/env bash
# Analytics benchmark, one command (issue 11; docs/benchmarks.md "Analytics"): the hazards benchmark's platform start and
# data generator (scripts/benchmark-hazards.sh), then cn.zhiben.bench.AnalyticsBenchmark: full rebuild of the read
# models, every dashboard query over HTTP (p50/p95), the same breakdowns as GROUP BY over the raw table in PostgreSQL
# and in DuckDB, and the incremental cost per hazard event.
#
# Defaults: 10,000,000 hazards in ./data/bench-analytics (HTTP 18082, PostgreSQL 15444). On a shared or small machine
# run a smaller size, e.g. BENCH_HAZARDS=1000000 scripts/benchmark-analytics.sh (about 2.4 GB of disk per million).
# Other settings: BENCH_REQUESTS (200 per query), BENCH_RAW_RUNS (10), BENCH_EVENTS (200), and those of
# scripts/benchmark-hazards.sh.
set -euo pipefail
cd "$(dirname "$0")/.."
export BENCH_MEASURE=analytics
export BENCH_HAZARDS=${BENCH_HAZARDS:-10000000}
export BENCH_ENTERPRISES=${BENCH_ENTERPRISES:-$(( BENCH_HAZARDS / 300 > 3000 ? BENCH_HAZARDS / 300 : 3000 ))}
export BENCH_DIR=${BENCH_DIR:-./data/bench-analytics}
export BENCH_HTTP_PORT=${BENCH_HTTP_PORT:-18082}
export BENCH_PG_PORT=${BENCH_PG_PORT:-15444}
export BENCH_REQUESTS=${BENCH_REQUESTS:-200}
exec scripts/benchmark-hazards.sh
