#!/usr/bin/env bash
# Measures the server's start-up on the embedded default database: seconds from launch until
# /actuator/health/readiness answers 200, and resident memory (RSS) once ready.
# The first run starts on an empty data directory (initdb + schema); the following runs restart on it.
#
# Usage: bench/startup.sh [runs] [mode]     (defaults: 5 jar; build first with ./mvnw -B -DskipTests package)
# JVM options for the server can be given in BENCH_JAVA_OPTS, e.g. BENCH_JAVA_OPTS=-Xmx768m.
#   mode jar        java -jar fhir-server.jar, as the README's quick start runs it
#   mode extracted  the jar extracted by Spring Boot's jarmode tools, as the container image runs it
# (A class-data-sharing archive would help further, but recording one crashes OpenJDK 17.0.15 here in
# SystemDictionaryShared::adjust_lambda_proxy_class_dictionary.)
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/lib.sh

runs=${1:-5}
mode=${2:-jar}
port=${BENCH_PORT:-18080}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
bench_require_build

data="$work/data"
bench_launch_command "$mode" "$work"

echo "mode: $mode ${BENCH_JAVA_OPTS:-}"
printf '%-8s %10s %10s\n' run seconds rss_mib
results=()
for i in $(seq 0 "$runs"); do
    start=$(date +%s.%N)
    "${bench_launch[@]}" --server.port="$port" --safeguard.data-dir="$data" >"$work/run-$i.log" 2>&1 &
    pid=$!
    bench_wait_ready "$port" "$pid" "$work/run-$i.log"
    ready=$(date +%s.%N)
    rss_kib=$(awk '/VmRSS/ {print $2}' "/proc/$pid/status")
    kill "$pid"
    wait "$pid" 2>/dev/null || true
    seconds=$(awk "BEGIN {print $ready - $start}")
    label=$([ "$i" = 0 ] && echo fresh || echo "restart$i")
    printf '%-8s %10.1f %10d\n' "$label" "$seconds" "$((rss_kib / 1024))"
    [ "$i" = 0 ] || results+=("$seconds $((rss_kib / 1024))")
done

printf '%s\n' "${results[@]}" | sort -n -k1 | awk '{s[NR]=$1} END {printf "median restart to ready: %.1f s\n", (NR%2 ? s[(NR+1)/2] : (s[NR/2]+s[NR/2+1])/2)}'
printf '%s\n' "${results[@]}" | sort -n -k2 | awk '{m[NR]=$2} END {printf "median RSS when ready: %d MiB\n", (NR%2 ? m[(NR+1)/2] : (m[NR/2]+m[NR/2+1])/2)}'
