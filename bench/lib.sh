# Shared by the benchmark scripts: sourced, never run. Expects to be sourced from the repository root.

BENCH_JAR=fhir-server/target/fhir-server.jar

# Fails unless the jar (and, with an argument, that file too) has been built.
bench_require_build() {
    for file in "$BENCH_JAR" "$@"; do
        [ -f "$file" ] || { echo "build first: ./mvnw -B -DskipTests install ($file is missing)" >&2; exit 1; }
    done
}

# Sets the array bench_launch to the command that starts the server: `jar` runs java -jar as the quick start does,
# `extracted` runs the layout Spring Boot's jarmode tools extract, as the container image does (into $2).
bench_launch_command() { # mode workdir
    local jvm
    read -r -a jvm <<<"${BENCH_JAVA_OPTS:-}"
    if [ "$1" = extracted ]; then
        java -Djarmode=tools -jar "$BENCH_JAR" extract --destination "$2/app" >/dev/null
        bench_launch=(java "${jvm[@]}" -jar "$2/app/fhir-server.jar")
    else
        bench_launch=(java "${jvm[@]}" -jar "$BENCH_JAR")
    fi
}

# Waits until the server on this port is ready; if its process ends first, shows its log and fails.
bench_wait_ready() { # port pid log
    until curl -fs "http://127.0.0.1:$1/actuator/health/readiness" >/dev/null 2>&1; do
        kill -0 "$2" 2>/dev/null || { echo "server exited:" >&2; tail -30 "$3" >&2; exit 1; }
        sleep 0.2
    done
}

# Builds the launch command, starts one server on the embedded default in $work/data and waits until it is ready;
# sets $pid. For the scripts that measure one long-running server.
bench_start_server() { # mode workdir port
    bench_require_build
    bench_launch_command "$1" "$2"
    echo "mode: $1 ${BENCH_JAVA_OPTS:-}"
    "${bench_launch[@]}" --server.port="$3" --safeguard.data-dir="$2/data" >"$2/server.log" 2>&1 &
    pid=$!
    bench_wait_ready "$3" "$pid" "$2/server.log"
}
