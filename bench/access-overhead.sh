#!/usr/bin/env bash
# What access control costs on the dashboard's search, Task?status=requested&_count=50.
# Starts two servers from the same jar, each on a fresh embedded database: the server as shipped, and a baseline with
# access control taken out (authentication, policy, label enforcement, break-glass and audit; see
# AccessControlOffServer, which exists only in the test classes). Seeds both with the same data (positive screenings,
# whose referral Tasks are restricted, and as many ordinary Tasks), then sends the search to both in paired rounds:
# as the safeguarding lead, a clinician and a dashboard (which sees every Task pseudonymised) to the first, anonymously to the baseline. Prints each run's p50/p95
# per caller and the ratio of medians to the baseline, for cached (a dashboard's repeated poll) and fresh
# (Cache-Control: no-cache) searches, then the median over runs.
# Usage: bench/access-overhead.sh [runs] [rounds] [screenings]
#   (defaults 3 300 200; BENCH_WARM_UP rounds first, default 300; build first: ./mvnw -B -DskipTests install)
#   BENCH_JAVA_OPTS go to both servers, BENCH_PROTECTED_JAVA_OPTS to the protected one only (e.g. to profile it).
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/lib.sh

runs=${1:-3}
rounds=${2:-300}
screenings=${3:-200}
classes=fhir-server/target/test-classes
port=${BENCH_PORT:-18080}
baseline_port=$((port + 1))
work=$(mktemp -d)
pids=()
trap 'kill "${pids[@]}" 2>/dev/null || true; rm -rf "$work"' EXIT
bench_require_build "$classes/org/safeguardfhir/server/bench/AccessControlOffServer.class"

# Only the baseline's own classes go beside the jar: the test classes also hold Spring configurations of the ITs.
(cd "$classes" && jar cf "$work/baseline.jar" org/safeguardfhir/server/bench/AccessControlOffServer*.class)

start() { # name port [launcher options...]
    local name=$1 p=$2; shift 2
    java ${BENCH_JAVA_OPTS:-} "$@" --server.port="$p" --safeguard.data-dir="$work/$name" >"$work/$name.log" 2>&1 &
    pids+=($!)
    bench_wait_ready "$p" "${pids[-1]}" "$work/$name.log"
}
start protected "$port" ${BENCH_PROTECTED_JAVA_OPTS:-} -jar "$BENCH_JAR"
start baseline "$baseline_port" -cp "$BENCH_JAR" -Dloader.path="$work/baseline.jar" \
    -Dloader.main=org.safeguardfhir.server.bench.AccessControlOffServer \
    org.springframework.boot.loader.launch.PropertiesLauncher
grep -q 'ACCESS CONTROL OFF' "$work/baseline.log" || { echo "the baseline did not take access control out" >&2; exit 1; }
echo "mode: jar ${BENCH_JAVA_OPTS:-}"

token() { bin/token "$1" --data-dir "$work/protected"; }
BENCH_SUBMITTER_TOKEN=$(token gp-submitter) BENCH_LEAD_TOKEN=$(token safeguarding-lead) \
BENCH_CLINICIAN_TOKEN=$(token clinician) BENCH_DASHBOARD_TOKEN=$(token dashboard) \
./mvnw -B -q -o -pl fhir-server exec:java -Dexec.classpathScope=test \
    -Dexec.mainClass=org.safeguardfhir.server.bench.AccessOverheadBenchmark \
    -Dexec.args="$port $baseline_port $screenings ${BENCH_WARM_UP:-300} $rounds $runs" 2>&1 \
    | tee "$work/generator.log" | grep --line-buffered -E '^(run=|median-of-runs)' \
    || { tail -30 "$work/generator.log" >&2; exit 1; }
