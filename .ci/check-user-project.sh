#!/usr/bin/env bash
# A user's project, outside this reactor: a POM with no parent that imports only dhcp-embedded-bom, then adds
# dhcp-embedded-junit, dhcp-embedded-testcontainers and dhcp-embedded-lab (test scope) without versions. It
# compiles every example of examples/ unchanged and runs those that need neither root nor Docker.
# Needs the artifacts in the local repository (mvn install, or .ci/check-publishable.sh, which deploys and so
# installs). Usage: .ci/check-user-project.sh [WORKDIR]
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
WORK="${1:-$(mktemp -d /tmp/dhe-user-project.XXXXXX)}"
fail() { echo "check-user-project: $*" >&2; exit 1; }

version="$(sed -n 's:^  <version>\(.*\)</version>:\1:p' "$ROOT/pom.xml" | head -n 1)"
junit="$(sed -n 's:.*<junit6.version>\(.*\)</junit6.version>.*:\1:p' "$ROOT/pom.xml")"
tc="$(sed -n 's:.*<testcontainers.version>\(.*\)</testcontainers.version>.*:\1:p' "$ROOT/pom.xml")"
slf4j="$(sed -n 's:.*<slf4j.version>\(.*\)</slf4j.version>.*:\1:p' "$ROOT/pom.xml")"
[ -n "$version" ] && [ -n "$junit" ] && [ -n "$tc" ] && [ -n "$slf4j" ] || fail "could not read versions from pom.xml"

mkdir -p "$WORK/src/test"
cp -r "$ROOT/examples/src/test/java" "$WORK/src/test/"
# the documentation's snippet check belongs to this repository (it reads README.md and docs/), not to a user project
rm -rf "$WORK/src/test/java/dev/dhcpembedded/docs"
cat > "$WORK/pom.xml" <<POM
<?xml version="1.0" encoding="UTF-8"?>
<project xmlns="http://maven.apache.org/POM/4.0.0">
  <modelVersion>4.0.0</modelVersion>
  <groupId>com.example</groupId>
  <artifactId>device-tests</artifactId>
  <version>1.0</version>
  <properties>
    <maven.compiler.release>17</maven.compiler.release>
    <project.build.sourceEncoding>UTF-8</project.build.sourceEncoding>
  </properties>
  <dependencyManagement>
    <dependencies>
      <dependency>
        <groupId>dev.dhcpembedded</groupId>
        <artifactId>dhcp-embedded-bom</artifactId>
        <version>$version</version>
        <type>pom</type>
        <scope>import</scope>
      </dependency>
      <dependency>
        <groupId>org.junit</groupId>
        <artifactId>junit-bom</artifactId>
        <version>$junit</version>
        <type>pom</type>
        <scope>import</scope>
      </dependency>
    </dependencies>
  </dependencyManagement>
  <dependencies>
    <dependency>
      <groupId>dev.dhcpembedded</groupId>
      <artifactId>dhcp-embedded-junit</artifactId>
      <scope>test</scope>
    </dependency>
    <dependency>
      <groupId>dev.dhcpembedded</groupId>
      <artifactId>dhcp-embedded-testcontainers</artifactId>
      <scope>test</scope>
    </dependency>
    <dependency>
      <groupId>dev.dhcpembedded</groupId>
      <artifactId>dhcp-embedded-lab</artifactId>
      <scope>test</scope>
    </dependency>
    <dependency>
      <groupId>org.junit.jupiter</groupId>
      <artifactId>junit-jupiter</artifactId>
      <scope>test</scope>
    </dependency>
    <dependency>
      <groupId>org.junit.platform</groupId>
      <artifactId>junit-platform-testkit</artifactId>
      <scope>test</scope>
    </dependency>
    <dependency>
      <groupId>org.testcontainers</groupId>
      <artifactId>testcontainers-junit-jupiter</artifactId>
      <version>$tc</version>
      <scope>test</scope>
    </dependency>
    <dependency>
      <groupId>org.slf4j</groupId>
      <artifactId>slf4j-simple</artifactId>
      <version>$slf4j</version>
      <scope>test</scope>
    </dependency>
  </dependencies>
  <build>
    <plugins>
      <plugin>
        <groupId>org.apache.maven.plugins</groupId>
        <artifactId>maven-compiler-plugin</artifactId>
        <version>3.13.0</version>
      </plugin>
      <plugin>
        <groupId>org.apache.maven.plugins</groupId>
        <artifactId>maven-surefire-plugin</artifactId>
        <version>3.5.2</version>
      </plugin>
    </plugins>
  </build>
</project>
POM
cd "$WORK"
# the examples that need root, a namespace or Docker are compiled, and run by the reactor's own build
mvn -B -q test -Ddhcp.requireRealHosts=false \
    -Dtest='!RealUdhcpcInNamespaceExampleTest,!DhcpNetworkContainerExampleTest,!*$*' > "$WORK/build.log" 2>&1 \
    || { tail -40 "$WORK/build.log" >&2; fail "the user project in $WORK failed (log above)"; }
ran="$(awk '/^Tests run:/ {gsub(/,/,"",$3); n += $3} END {print n+0}' target/surefire-reports/*.txt)"
[ "${ran:-0}" -gt 0 ] || fail "the user project ran no test"
echo "check-user-project: a project importing only the BOM compiled every example and ran $ran tests in $WORK"
