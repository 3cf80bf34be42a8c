#!/usr/bin/env bash
# Start-up as a test suite sees it (StartupHarness): for each subject, RUNS fresh JVMs, each timing its first
# start() and then the p50 of the next 200 start/stop cycles; prints every run and the medians. The subjects
# alternate, so that the machine's drift hits both alike.
#   dhcp-embedded/bench/startup.sh            # dhcp-embedded and GreenMail 2.1.3, 7 JVMs each
#   RUNS=3 CYCLES=200 dhcp-embedded/bench/startup.sh dhcp
# then IdleFootprint: the heap an idle started server retains.
set -euo pipefail
module="$(cd "$(dirname "$0")/.." && pwd)"
cd "$module/.."
subjects=("${@:-dhcp greenmail}")
read -r -a subjects <<<"${subjects[*]}"
RUNS="${RUNS:-7}"
CYCLES="${CYCLES:-200}"
mvn -q -o -pl dhcp-embedded test-compile 2>/dev/null || mvn -q -pl dhcp-embedded test-compile
classpath_file="$module/target/jmh-classpath.txt"
mvn -q -o -pl dhcp-embedded dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$classpath_file" \
    2>/dev/null || mvn -q -pl dhcp-embedded dependency:build-classpath -Dmdep.includeScope=test \
    -Dmdep.outputFile="$classpath_file"
cp="$module/target/test-classes:$module/target/classes:$(cat "$classpath_file")"
out="$(mktemp)"
for run in $(seq "$RUNS"); do
    for s in "${subjects[@]}"; do
        # shellcheck disable=SC2086
        java ${JAVA_OPTS:-} -cp "$cp" dev.dhcpembedded.bench.StartupHarness "$s" "$CYCLES" 2>/dev/null | tee -a "$out"
    done
done
echo "medians of $RUNS fresh JVMs each (load: $(cut -d' ' -f1-3 /proc/loadavg)):"
awk '{ for (i = 2; i <= NF; i++) { split($i, kv, "="); v[$1, kv[1]] = v[$1, kv[1]] " " kv[2]; keys[kv[1]] = 1 } s[$1] = 1 }
     function median(list,   a, n, i, j, t) { n = split(list, a, " ")
         for (i = 1; i <= n; i++) for (j = i + 1; j <= n; j++) if (a[j] + 0 < a[i] + 0) { t = a[i]; a[i] = a[j]; a[j] = t }
         return n % 2 ? a[(n + 1) / 2] : (a[n / 2] + a[n / 2 + 1]) / 2 }
     END { for (x in s) { line = x; for (k in keys) if ((x, k) in v) line = line " " k "=" median(v[x, k]); print line } }' "$out" | sort
rm -f "$out"
# what an idle started server keeps on the heap (issue 16: under 64 KiB)
java -cp "$cp" dev.dhcpembedded.bench.IdleFootprint 2>/dev/null
