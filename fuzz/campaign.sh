#!/usr/bin/env bash
# A budgeted fuzzing campaign over the project's Jazzer targets (issue 21, item 8), outside CI. CI runs the same
# targets in regression mode only: each seed of src/test/resources/.../<Class>Inputs/<method> once.
#
# Each target is fuzzed by Jazzer's standalone driver (com.code_intelligence.jazzer.Jazzer from the jazzer jar on
# Maven Central, already a test dependency) on the module's test classpath, with libFuzzer's own flags: the corpus
# it grows stays in the output directory (outside the repository), findings are minimised there and copied into the
# target's seed corpus, where the normal build then runs them as regression tests. Prints executions per target,
# executions per second and a total.
#
# Usage: fuzz/campaign.sh [-t SECONDS] [-r RUNS] [-o DIR] [-k N] [-B] [TARGET...]
#   -t SECONDS  time budget per target (default 600); 0 = no time limit (then give -r)
#   -r RUNS     execution budget per target (default: none); the first budget reached ends the target
#   -o DIR      output directory: corpus/, findings/, logs/, summary.tsv (default ${TMPDIR:-/tmp}/dhcp-embedded-fuzz)
#   -k N        findings per target before it stops (Jazzer's --keep_going, default 10)
#   -B          do not build (reuse dhcp-embedded/target and DIR/classpath.txt)
#   TARGET      any of: v4-decoder v6-decoder v4-path v6-path ra frame (default: all, in that order)
# Environment: FUZZ_JAVA (default java), FUZZ_HEAP (default 1g), FUZZ_NICE (default 19), FUZZ_MINIMIZE_SECONDS
# (time to minimise one finding, default 90).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
MODULE="$ROOT/dhcp-embedded"
SECONDS_PER_TARGET=600
RUNS=""
OUT="${TMPDIR:-/tmp}/dhcp-embedded-fuzz"
KEEP_GOING=10
BUILD=1
JAVA="${FUZZ_JAVA:-java}"
HEAP="${FUZZ_HEAP:-1g}"
NICE="${FUZZ_NICE:-19}"
MINIMIZE_SECONDS="${FUZZ_MINIMIZE_SECONDS:-90}"

# name, fuzz test class, method
TARGETS=(
    "v4-decoder dev.dhcpembedded.codec.DecoderFuzzTest decode"
    "v6-decoder dev.dhcpembedded.codec6.Dhcp6DecoderFuzzTest decode"
    "v4-path dev.dhcpembedded.robustness.PacketPathFuzzTest packetPath"
    "v6-path dev.dhcpembedded.robustness.Dhcp6PacketPathFuzzTest packetPath"
    "ra dev.dhcpembedded.internal.ra.RouterAdvertisementFuzzTest decode"
    "frame dev.dhcpembedded.internal.channel.FrameCodecFuzzTest read"
)

usage() { sed -n '2,/^set -euo/p' "${BASH_SOURCE[0]}" | sed '$d' | sed 's/^# \{0,1\}//'; exit "${1:-2}"; }
while getopts "t:r:o:k:Bh" opt; do
    case "$opt" in
        t) SECONDS_PER_TARGET="$OPTARG" ;;
        r) RUNS="$OPTARG" ;;
        o) OUT="$OPTARG" ;;
        k) KEEP_GOING="$OPTARG" ;;
        B) BUILD=0 ;;
        h) usage 0 ;;
        *) usage ;;
    esac
done
shift $((OPTIND - 1))
[[ "$SECONDS_PER_TARGET" =~ ^[0-9]+$ ]] || { echo "campaign: -t takes whole seconds, not '$SECONDS_PER_TARGET'" >&2; exit 2; }
[[ -z "$RUNS" || "$RUNS" =~ ^[0-9]+$ ]] || { echo "campaign: -r takes a number of executions, not '$RUNS'" >&2; exit 2; }
[[ "$SECONDS_PER_TARGET" != 0 || -n "$RUNS" ]] || { echo "campaign: -t 0 needs a -r budget" >&2; exit 2; }
case "$(realpath -m "$OUT")/" in
    "$ROOT"/*) echo "campaign: the output directory must be outside the repository ($ROOT)" >&2; exit 2 ;;
esac

selected=()
if [ $# -eq 0 ]; then
    selected=("${TARGETS[@]}")
else
    for want in "$@"; do
        found=""
        for t in "${TARGETS[@]}"; do [ "${t%% *}" = "$want" ] && found="$t"; done
        [ -n "$found" ] || { echo "campaign: unknown target '$want' (known: $(printf '%s ' "${TARGETS[@]%% *}"))" >&2; exit 2; }
        selected+=("$found")
    done
fi

mkdir -p "$OUT/corpus" "$OUT/findings" "$OUT/logs"
OUT="$(cd "$OUT" && pwd)"
if [ "$BUILD" = 1 ]; then
    echo "==> building dhcp-embedded's test classes and classpath"
    (cd "$ROOT" && nice -n "$NICE" mvn -o -q -B -pl dhcp-embedded -am test-compile -Dmaven.javadoc.skip=true \
        && nice -n "$NICE" mvn -o -q -B -pl dhcp-embedded dependency:build-classpath -Dmdep.includeScope=test \
            -Dmdep.outputFile="$OUT/classpath.txt")
fi
[ -s "$OUT/classpath.txt" ] || { echo "campaign: no $OUT/classpath.txt (run without -B once)" >&2; exit 2; }
# a snapshot of the compiled classes, so that a build during the campaign cannot change them under a session
if [ "$BUILD" = 1 ] || [ ! -d "$OUT/classes" ]; then
    rm -rf "$OUT/classes" && mkdir -p "$OUT/classes"
    cp -r "$MODULE/target/classes" "$OUT/classes/main" && cp -r "$MODULE/target/test-classes" "$OUT/classes/test"
fi
CP="$OUT/classes/test:$OUT/classes/main:$(cat "$OUT/classpath.txt")"

# One Jazzer session of the standalone driver on a JUnit @FuzzTest; extra libFuzzer flags follow.
jazzer() {
    local class="$1" method="$2"
    shift 2
    nice -n "$NICE" "$JAVA" -Xmx"$HEAP" -XX:+UseParallelGC -cp "$CP" com.code_intelligence.jazzer.Jazzer \
        --target_class="$class" --target_method="$method" --instrumentation_includes='dev.dhcpembedded.**' "$@"
}

# Executions of one session's log: libFuzzer's final stats, else its last "#N" status line (DONE, pulse, NEW...).
executions() {
    local n
    n="$(sed -n 's/^stat::number_of_executed_units: *\([0-9]*\).*/\1/p' "$1" | tail -1)"
    [ -n "$n" ] || n="$(sed -n 's/^#\([0-9][0-9]*\)[[:space:]].*/\1/p' "$1" | tail -1)"
    echo "${n:-0}"
}

# The seed folder of a target, as Jazzer's regression mode reads it.
seed_dir() {
    local class="$1" method="$2"
    local pkg="${class%.*}" simple="${class##*.}"
    echo "$MODULE/src/test/resources/${pkg//.//}/${simple}Inputs/$method"
}

printf 'target\tseconds\texecutions\texec_per_s\tfindings\n' > "$OUT/summary.tsv"
total=0
for t in "${selected[@]}"; do
    read -r name class method <<< "$t"
    corpus="$OUT/corpus/$name"
    findings="$OUT/findings/$name"
    mkdir -p "$corpus" "$findings"
    log="$OUT/logs/$name-$(date +%Y%m%dT%H%M%S).log"
    flags=(-print_final_stats=1 -artifact_prefix="$findings/" -timeout=30 -rss_limit_mb=0 --keep_going="$KEEP_GOING")
    [ "$SECONDS_PER_TARGET" != 0 ] && flags+=(-max_total_time="$SECONDS_PER_TARGET")
    [ -n "$RUNS" ] && flags+=(-runs="$RUNS")
    echo "==> $name ($class.$method): budget ${SECONDS_PER_TARGET}s${RUNS:+, $RUNS runs}; log $log"
    stamp="$findings/.started"
    touch "$stamp"
    start=$(date +%s)
    # the grown corpus first (libFuzzer writes new inputs there); Jazzer adds the seed folder from test-classes
    jazzer "$class" "$method" "${flags[@]}" "$corpus" > "$log" 2>&1 || true
    elapsed=$(( $(date +%s) - start ))
    execs="$(executions "$log")"
    total=$(( total + execs ))

    # minimise each new finding and copy it into the seed corpus, where the build runs it as a regression test
    count=0
    seeds="$(seed_dir "$class" "$method")"
    for f in "$findings"/crash-* "$findings"/timeout-* "$findings"/oom-* "$findings"/slow-unit-*; do
        [ -f "$f" ] && [ "$f" -nt "$stamp" ] || continue
        case "$f" in *.min | *.log) continue ;; esac
        count=$((count + 1))
        # libFuzzer minimises in steps, one JVM each, writing each smaller input to the .min file: bound it in time
        [ -f "$f.min" ] || timeout "$MINIMIZE_SECONDS" nice -n "$NICE" "$JAVA" -Xmx"$HEAP" -cp "$CP" \
            com.code_intelligence.jazzer.Jazzer --target_class="$class" --target_method="$method" \
            --instrumentation_includes='dev.dhcpembedded.**' -minimize_crash=1 -runs=20000 \
            -exact_artifact_path="$f.min" "$f" > "$f.minimize.log" 2>&1 || true
        [ -s "$f.min" ] || cp "$f" "$f.min"
        seed="$seeds/finding-$(basename "$f" | sed 's/^\([a-z-]*-[0-9a-f]\{12\}\).*/\1/')"
        if [ ! -f "$seed" ]; then
            cp "$f.min" "$seed"
            echo "    finding $(basename "$f") -> ${seed#"$ROOT"/} ($(wc -c < "$seed") bytes; stack in $log)"
        fi
    done
    rate=$(( elapsed > 0 ? execs / elapsed : execs ))
    printf '%s\t%s\t%s\t%s\t%s\n' "$name" "$elapsed" "$execs" "$rate" "$count" >> "$OUT/summary.tsv"
    echo "    $name: $execs executions in ${elapsed}s = $rate exec/s, $count finding(s)"
done

echo
echo "==> summary ($OUT/summary.tsv)"
column -t -s $'\t' "$OUT/summary.tsv" 2>/dev/null || cat "$OUT/summary.tsv"
echo "total executions: $total"
