#!/usr/bin/env bash
# Runs the codec's JMH benchmarks on the test classpath. Arguments go to org.openjdk.jmh.Main, e.g.
#   dhcp-embedded/bench/jmh.sh CodecBenchmark -f 1 -wi 3 -i 5
#   taskset -c 0 dhcp-embedded/bench/jmh.sh CodecBenchmark.decode     # one core
set -euo pipefail
module="$(cd "$(dirname "$0")/.." && pwd)"
cd "$module/.."
mvn -q -pl dhcp-embedded test-compile
classpath_file="$module/target/jmh-classpath.txt"
mvn -q -pl dhcp-embedded dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$classpath_file"
exec java -cp "$module/target/test-classes:$module/target/classes:$(cat "$classpath_file")" \
    org.openjdk.jmh.Main "$@"
