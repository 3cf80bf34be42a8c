#!/usr/bin/env bash
# Issue 21 item 5: no JDK "WARNING:" line on the default Java (17) nor on Temurin 25, the machine's second JDK.
# Runs the CLI's loopback demo from its fat jar, the CLI in interface mode (JNA; as root, on a veth in a fresh
# network namespace) and one loopback example test class on each JDK, and fails if any line they print starts with
# "WARNING:". Needs the jars built (after the main test run); Maven itself runs on the
# default JDK (its own libraries warn on 25) and forks the test JVM on the JDK under check (surefire's -Djvm).
# Usage: .ci/check-jdk-warnings.sh [ROOT]   env: JDK25 (a JDK home; found by the glob /usr/lib/jvm/temurin-25*),
#        CLI_JAR (the CLI's -all jar), WARNING_TEST (the test class, default AnnotationExampleTest).
set -uo pipefail

ROOT="${1:-$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)}"
cd "$ROOT" || exit 1
fail() { echo "check-jdk-warnings: $*" >&2; exit 1; }

DEFAULT_JAVA="$(command -v java)" || fail "no java on PATH"
[ -n "${JAVA_HOME:-}" ] && [ -x "$JAVA_HOME/bin/java" ] && DEFAULT_JAVA="$JAVA_HOME/bin/java"
if [ -z "${JDK25:-}" ]; then
    for candidate in /usr/lib/jvm/temurin-25*; do
        [ -x "$candidate/bin/java" ] && { JDK25="$candidate"; break; }
    done
fi
JAVAS=("$DEFAULT_JAVA")
if [ -n "${JDK25:-}" ] && [ -x "$JDK25/bin/java" ]; then
    JAVAS+=("$JDK25/bin/java")
elif [ "${CI:-}" = true ]; then
    fail "no Temurin 25 under /usr/lib/jvm/temurin-25* (set JDK25 to a JDK 25 home): cannot check for its warnings"
else
    echo "check-jdk-warnings: no Temurin 25 under /usr/lib/jvm/temurin-25*: checking the default Java only"
fi

CLI_JAR="${CLI_JAR:-$(ls cli/target/dhcp-embedded-cli-*-all.jar 2>/dev/null | head -1)}"
[ -n "$CLI_JAR" ] && [ -f "$CLI_JAR" ] || fail "no cli/target/dhcp-embedded-cli-*-all.jar: build the jars first"
TEST_CLASS="${WARNING_TEST:-AnnotationExampleTest}"
LOGS="$(mktemp -d)"
failures=0

# $1 what was run, $2 the log: every line starting with WARNING: fails the check
check_log() {
    local lines
    lines="$(grep -h '^WARNING:' "$2")"
    if [ -n "$lines" ]; then
        echo "FAIL  $1: JDK warnings:"; echo "$lines" | sed 's/^/        /'
        failures=$((failures + 1))
    else
        echo "ok    $1: no line starts with WARNING:"
    fi
}

for java in "${JAVAS[@]}"; do
    version="$("$java" -version 2>&1 | head -1)"
    echo "--- $java ($version)"

    log="$LOGS/demo-$failures-$RANDOM.log"
    if "$java" -jar "$CLI_JAR" demo > "$log" 2>&1; then
        check_log "java -jar $(basename "$CLI_JAR") demo" "$log"
    else
        echo "FAIL  java -jar $(basename "$CLI_JAR") demo exited with $? :"; tail -20 "$log" | sed 's/^/        /'
        failures=$((failures + 1))
    fi

    # interface mode (JNA): the CLI on a veth of a fresh network namespace; needs root
    log="$LOGS/iface-$failures-$RANDOM.log"
    if [ "$(id -u)" = 0 ] && command -v unshare > /dev/null && command -v ip > /dev/null; then
        if unshare -n bash -c 'ip link add name wcheck0 type veth peer name wcheck1 \
                && ip addr add 10.99.21.1/24 dev wcheck0 && ip link set wcheck0 up && ip link set wcheck1 up \
                && exec "$0" -jar "$1" --interface wcheck0 --subnet 10.99.21.0/24 --pool 10.99.21.100-10.99.21.120 \
                    --max-seconds=1' "$java" "$CLI_JAR" > "$log" 2>&1; then
            check_log "java -jar $(basename "$CLI_JAR") --interface (JNA, in a network namespace)" "$log"
        else
            echo "FAIL  the CLI in interface mode exited with an error:"; tail -20 "$log" | sed 's/^/        /'
            failures=$((failures + 1))
        fi
    elif [ "${CI:-}" = true ]; then
        fail "interface mode needs root, unshare and ip: cannot check it"
    else
        echo "skip  the CLI in interface mode: needs root, unshare and ip"
    fi

    log="$LOGS/test-$failures-$RANDOM.log"
    touch "$LOGS/marker"; sleep 1   # the reports this run writes are newer (the main run's stay where they are)
    if mvn -o -B -pl examples -am test -Djvm="$java" -Dtest="$TEST_CLASS" -Dsurefire.failIfNoSpecifiedTests=false \
            > "$log" 2>&1 && grep -q "Tests run: [1-9].*in dev.dhcpembedded.examples.*$TEST_CLASS" "$log"; then
        # the forked test JVM's output: on Maven's console and in the surefire reports
        find examples/target/surefire-reports -type f -newer "$LOGS/marker" \( -name '*.txt' -o -name '*.dumpstream' \) \
            -exec cat {} + >> "$log" 2>/dev/null
        check_log "JUnit $TEST_CLASS (loopback) in a test JVM on $java" "$log"
    else
        echo "FAIL  JUnit $TEST_CLASS on $java did not run or failed:"; grep -E 'ERROR|FAIL|Tests run' "$log" | tail -20 \
            | sed 's/^/        /'
        failures=$((failures + 1))
    fi
done

rm -rf "$LOGS"
[ "$failures" = 0 ] || fail "$failures check(s) failed: no JDK may print a WARNING: line (issue 21)"
echo "check-jdk-warnings: no JDK warning on ${#JAVAS[@]} JDK(s): the demo, interface mode and $TEST_CLASS"
