#!/usr/bin/env bash
# Checks that every published artifact has what Maven Central requires, from a local deploy:
#   mvn -B deploy -DskipTests -DaltDeploymentRepository=local::file:target/staging-repo
# For each artifact: the POM (name, description, url, licenses, developers, scm), the jar, -sources and -javadoc
# jars, .md5 and .sha1 beside each file; every jar carries Automatic-Module-Name, LICENSE and NOTICE; the CLI's
# runnable -all jar relocates picocli and SLF4J; two builds of the core jar are byte for byte the same.
# Run from the repository root after `mvn install` (it reuses the local repository; nothing is downloaded).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
STAGE="$ROOT/target/staging-repo"
fail() { echo "check-publishable: $*" >&2; exit 1; }
say() { echo "check-publishable: $*"; }

rm -rf "$STAGE"
mvn -B -q deploy -DskipTests -DaltDeploymentRepository="local::file:$STAGE" \
    || fail "mvn deploy to $STAGE failed"

newest() { ls "$STAGE/dev/dhcpembedded/$1/"*/"$1"-*$2 2>/dev/null | grep -v -- '-tests.jar' | sort | tail -n 1; }

check_files() {
    local f
    for f in "$@"; do
        [ -s "$f" ] || fail "missing: ${f#$STAGE/}"
        [ -s "$f.md5" ] && [ -s "$f.sha1" ] || fail "missing checksums of ${f#$STAGE/}"
        [ "$(sha1sum "$f" | cut -d' ' -f1)" = "$(cut -d' ' -f1 < "$f.sha1")" ] || fail "wrong .sha1 of ${f#$STAGE/}"
    done
}

check_pom() {
    local pom="$1" tag
    for tag in name description url licenses developers scm; do
        # the modules inherit these from the parent, which is published beside them
        grep -q "<$tag>" "$pom" || grep -q "<$tag>" "$(newest dhcp-embedded-parent .pom)" \
            || fail "${pom#$STAGE/} has no <$tag> (Maven Central needs it)"
    done
}

for a in dhcp-embedded dhcp-embedded-junit dhcp-embedded-testcontainers dhcp-embedded-lab dhcp-embedded-cli dhcp-embedded-agent; do
    pom="$(newest "$a" .pom)"; jar="$(newest "$a" "[0-9].jar")"
    src="$(newest "$a" -sources.jar)"; doc="$(newest "$a" -javadoc.jar)"
    [ -n "$pom" ] && [ -n "$jar" ] && [ -n "$src" ] && [ -n "$doc" ] || fail "$a: pom, jar, sources or javadoc missing"
    check_files "$pom" "$jar" "$src" "$doc"
    check_pom "$pom"
    manifest="$(unzip -p "$jar" META-INF/MANIFEST.MF)"
    grep -q '^Automatic-Module-Name: dev\.dhcpembedded' <<< "$manifest" || fail "$a: no Automatic-Module-Name"
    entries="$(unzip -l "$jar")"
    grep -q 'META-INF/LICENSE' <<< "$entries" || fail "$a: no META-INF/LICENSE in the jar"
    grep -q 'META-INF/NOTICE' <<< "$entries" || fail "$a: no META-INF/NOTICE in the jar"
    grep -q 'index.html' <<< "$(unzip -l "$doc")" || fail "$a: the javadoc jar has no index.html"
    say "$a: pom, jar, sources, javadoc, checksums, module name, licence: ok"
done
bom="$(newest dhcp-embedded-bom .pom)"
[ -n "$bom" ] || fail "dhcp-embedded-bom: no pom"
check_files "$bom"; check_pom "$bom"
grep -q '<parent>' "$bom" && fail "the BOM has a parent: importing it would manage third-party versions too"
say "dhcp-embedded-bom: ok"

all="$(newest dhcp-embedded-cli -all.jar)"
[ -n "$all" ] || fail "no dhcp-embedded-cli -all.jar"
if awk '{print $4}' <<< "$(unzip -l "$all")" | grep -qE '^(picocli|org/slf4j)/'; then
    fail "the CLI's -all jar holds picocli or SLF4J unrelocated"
fi
grep -q '^Main-Class: dev.dhcpembedded.cli.Main' <<< "$(unzip -p "$all" META-INF/MANIFEST.MF)" || fail "-all jar: no Main-Class"
say "dhcp-embedded-cli -all.jar: runnable, picocli and SLF4J relocated"

# reproducible: the same sources give the same bytes
jar="$(ls dhcp-embedded/target/dhcp-embedded-*.jar | grep -v -e sources -e javadoc -e tests)"
first="$(sha256sum "$jar" | cut -d' ' -f1)"
mvn -B -q -pl dhcp-embedded clean package -DskipTests -Dmaven.javadoc.skip || fail "rebuilding the core failed"
[ "$first" = "$(sha256sum "$jar" | cut -d' ' -f1)" ] || fail "two builds of $jar differ: the build is not reproducible"
say "reproducible: two builds of $(basename "$jar") are identical"
