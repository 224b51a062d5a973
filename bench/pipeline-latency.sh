#!/usr/bin/env bash
# Screening-to-Task latency of the referral pipeline at a steady arrival rate.
# Starts the server (embedded default, fresh data directory) and warms it up (BENCH_WARM_UP screenings, default 2000,
# at up to 10/s, then drained: a fresh JVM spends most of its CPU compiling HAPI's code). Then `runs` times submits
# positive adult screenings (one GP transaction each: Patient + QuestionnaireResponse) at `rate` per second for
# `seconds` and prints each run's p50/p99 of (lead Task stored - response stored), from meta.lastUpdated.
# BENCH_TRACE=<dir> also writes each run's samples there (run-N.csv: offset into the run, latency).
# Usage: bench/pipeline-latency.sh [runs] [rate] [seconds] [jar|extracted]
#   (defaults 3 20 60 extracted; build first: ./mvnw -B -DskipTests install). `extracted` runs the jar as the container
#   image does (Spring Boot's jarmode tools); `jar` is the quick start's java -jar.
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/lib.sh

runs=${1:-3}
rate=${2:-20}
seconds=${3:-60}
mode=${4:-extracted}
port=${BENCH_PORT:-18080}
work=$(mktemp -d)
trap 'kill "$pid" 2>/dev/null || true; rm -rf "$work"' EXIT
bench_start_server "$mode" "$work" "$port"

# The load generator submits as a GP system and reads the Tasks back as the safeguarding lead.
BENCH_TOKEN=$(bin/token gp-submitter,safeguarding-lead --data-dir "$work/data") \
./mvnw -B -q -o -pl fhir-server exec:java -Dexec.classpathScope=test \
    -Dexec.mainClass=org.safeguardfhir.server.bench.PipelineLatencyBenchmark \
    -Dexec.args="$port $rate $seconds ${BENCH_WARM_UP:-2000} $runs" 2>&1 \
    | tee "$work/generator.log" | grep --line-buffered -E '^run=' \
    || { tail -30 "$work/generator.log" >&2; exit 1; }
