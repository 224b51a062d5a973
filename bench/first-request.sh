#!/usr/bin/env bash
# Latency of the first screening a clinician submits after the server starts, against the requests that follow:
# the validator's warm-up must not land on the first user request.
# Starts the server (java -jar, embedded default, fresh data directory) `runs` times; each time it creates a
# Patient and a Practitioner, then POSTs an example screening response 11 times and records the first and the
# median of the other ten.
# Usage: bench/first-request.sh [runs]   (default 3; build first with ./mvnw -B -DskipTests package)
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/lib.sh

runs=${1:-3}
port=${BENCH_PORT:-18080}
base="http://127.0.0.1:$port/fhir"
example=${EXAMPLE:-$(ls profiles/src/main/resources/fhir/examples/QuestionnaireResponse-*.json | head -1)}
work=$(mktemp -d)
trap 'kill "$pid" 2>/dev/null || true; rm -rf "$work"' EXIT
bench_require_build
bench_launch_command jar "$work"

post() { curl -s -o "$work/out.json" -w '%{http_code} %{time_total}\n' -H 'Content-Type: application/fhir+json' -H "Authorization: Bearer $token" -X POST "$base/$1" --data-binary "@$2"; }

echo "example: $example"
printf '%-5s %12s %16s\n' run first_ms median_next_ms
for r in $(seq 1 "$runs"); do
    "${bench_launch[@]}" --server.port="$port" --safeguard.data-dir="$work/data-$r" >"$work/run-$r.log" 2>&1 &
    pid=$!
    bench_wait_ready "$port" "$pid" "$work/run-$r.log"
    token=$(bin/token gp-submitter,clinician,safeguarding-lead --data-dir "$work/data-$r")
    echo '{"resourceType":"Patient"}' >"$work/patient.json"
    echo '{"resourceType":"Practitioner"}' >"$work/practitioner.json"
    post Patient "$work/patient.json" >/dev/null; patient=$(python3 -c "import json;print(json.load(open('$work/out.json'))['id'])")
    post Practitioner "$work/practitioner.json" >/dev/null; practitioner=$(python3 -c "import json;print(json.load(open('$work/out.json'))['id'])")
    times=()
    for i in $(seq 0 10); do
        python3 - "$example" "$work/qr.json" "$patient" "$practitioner" "$r-$i" <<'PY'
import json, sys
qr = json.load(open(sys.argv[1]))
qr.pop("id", None)
qr["subject"] = {"reference": "Patient/" + sys.argv[3]}
qr["author"] = {"reference": "Practitioner/" + sys.argv[4]}
qr["identifier"]["value"] = "bench-" + sys.argv[5]
json.dump(qr, open(sys.argv[2], "w"))
PY
        read -r code seconds < <(post QuestionnaireResponse "$work/qr.json")
        [ "$code" = 201 ] || { echo "POST answered $code:" >&2; cat "$work/out.json" >&2; exit 1; }
        times+=("$seconds")
    done
    kill "$pid"; wait "$pid" 2>/dev/null || true
    first=$(awk "BEGIN {printf \"%.0f\", ${times[0]} * 1000}")
    median=$(printf '%s\n' "${times[@]:1}" | sort -n | awk '{t[NR]=$1} END {printf "%.0f", (t[5]+t[6])/2*1000}')
    printf '%-5s %12s %16s\n' "$r" "$first" "$median"
done
