#!/usr/bin/env bash
# How long the research export ($export) takes and how much heap the server uses making it.
# Starts the server (embedded default, fresh data directory), seeds `patients` screened patients of varied age, sex,
# postcode and nationality, waits until the pipeline has referred them all, then runs the export `runs` times (after
# one warm-up run): kick-off to manifest, then every file downloaded and checked. Prints each run's time, the heap in
# use before and at its peak (sampled from /actuator/prometheus every 100 ms), and the median over runs.
# Usage: bench/research-export.sh [runs] [patients] [jar|extracted]
#   (defaults 5 2000 jar; build first: ./mvnw -B -DskipTests install)
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/lib.sh

runs=${1:-5}
patients=${2:-2000}
mode=${3:-jar}
port=${BENCH_PORT:-18080}
work=$(mktemp -d)
trap 'kill "$pid" 2>/dev/null || true; rm -rf "$work"' EXIT
bench_start_server "$mode" "$work" "$port"

token() { bin/token "$1" --data-dir "$work/data"; }
BENCH_SUBMITTER_TOKEN=$(token gp-submitter,safeguarding-lead) BENCH_RESEARCHER_TOKEN=$(token researcher) \
BENCH_ADMIN_TOKEN=$(token admin) \
./mvnw -B -q -o -pl fhir-server exec:java -Dexec.classpathScope=test \
    -Dexec.mainClass=org.safeguardfhir.server.bench.ResearchExportBenchmark \
    -Dexec.args="$port $patients $runs" 2>&1 \
    | tee "$work/generator.log" | grep --line-buffered -E '^(run=|median-of-runs)' \
    || { tail -30 "$work/generator.log" >&2; exit 1; }
