#!/usr/bin/env bash
# Builds the local DHCP client images used by the Testcontainers tests, without any registry:
#   dhcp-embedded/busybox-udhcpc:local       FROM scratch + static busybox (udhcpc, ip, sh)
#   dhcp-embedded/debian-dhcp-clients:local  debootstrap'd bookworm with dhclient, dhcpcd, iproute2
#   dev.dhcpembedded/dhcp-agent:<version>    FROM scratch + a jlink'd runtime + the agent module's jars
#                                            (+ the shared libraries that runtime needs, from this host)
# Idempotent: an image that already exists is kept (FORCE=1 rebuilds). Needs root and a running
# Docker engine. Exits non-zero with a message naming what failed.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
SCRIPTS="$ROOT/lab/src/main/resources/dev/dhcpembedded/lab"
BUSYBOX_IMAGE="${BUSYBOX_IMAGE:-dhcp-embedded/busybox-udhcpc:local}"
DEBIAN_IMAGE="${DEBIAN_IMAGE:-dhcp-embedded/debian-dhcp-clients:local}"
SUITE="${DEBIAN_SUITE:-bookworm}"
FORCE="${FORCE:-0}"
PROJECT_VERSION="$(sed -n 's:^  <version>\(.*\)</version>:\1:p' "$ROOT/pom.xml" | head -1)"
AGENT_IMAGE="${AGENT_IMAGE:-dev.dhcpembedded/dhcp-agent:$PROJECT_VERSION}"

die() { echo "build-images: $*" >&2; exit 1; }
log() { echo "build-images: $*"; }

command -v docker >/dev/null || die "the docker client is not installed (Debian package docker.io)"
docker info >/dev/null 2>&1 || die "no Docker engine answers on ${DOCKER_HOST:-/var/run/docker.sock}; start one with .ci/start-dockerd.sh"

have_image() { [ "$FORCE" != 1 ] && docker image inspect "$1" >/dev/null 2>&1; }

WORK="$(mktemp -d /tmp/dhe-images.XXXXXX)"
cleanup() { rm -rf "$WORK"; }
trap cleanup EXIT

build_busybox() {
    if have_image "$BUSYBOX_IMAGE"; then log "$BUSYBOX_IMAGE exists, kept"; return; fi
    local bb
    bb="$(command -v busybox || true)"
    [ -n "$bb" ] || bb=/bin/busybox
    [ -x "$bb" ] || die "busybox not found (Debian package busybox-static)"
    file -L "$bb" 2>/dev/null | grep -q 'statically linked' \
        || ldd "$bb" 2>&1 | grep -q 'not a dynamic executable' \
        || die "$bb is not statically linked; install Debian package busybox-static"
    local ctx="$WORK/busybox"
    mkdir -p "$ctx"
    cp "$ROOT/.ci/images/busybox/Dockerfile" "$ctx/"
    cp -L "$bb" "$ctx/busybox"
    cp "$SCRIPTS/udhcpc-script.sh" "$ctx/udhcpc-script.sh"
    printf 'root:x:0:0:root:/root:/bin/sh\nnobody:x:65534:65534:nobody:/:/bin/false\n' > "$ctx/passwd"
    printf 'root:x:0:\nnogroup:x:65534:\n' > "$ctx/group"
    log "building $BUSYBOX_IMAGE"
    DOCKER_BUILDKIT=0 docker build -q -t "$BUSYBOX_IMAGE" "$ctx" >/dev/null \
        || die "docker build of $BUSYBOX_IMAGE failed"
}

debian_mirror() {
    if [ -n "${DEBIAN_MIRROR:-}" ]; then echo "$DEBIAN_MIRROR"; return; fi
    local m=""
    # deb822 sources: the URIs line of the stanza whose Suites include the suite (not -security)
    for f in /etc/apt/sources.list.d/*.sources; do
        [ -f "$f" ] || continue
        m="$(awk -v s="$SUITE" 'BEGIN{RS="";FS="\n"} {u="";ok=0;for(i=1;i<=NF;i++){if($i~/^URIs:/){split($i,a," ");u=a[2]} if($i~/^Suites:/){n=split($i,b," ");for(j=2;j<=n;j++) if(b[j]==s) ok=1}} if(ok&&u!=""){print u;exit}}' "$f")"
        [ -n "$m" ] && break
    done
    if [ -z "$m" ] && [ -f /etc/apt/sources.list ]; then
        m="$(awk -v s="$SUITE" '$1=="deb" && $0 ~ (" " s " ") {for(i=2;i<=NF;i++) if($i ~ /^(https?|ftp|file):/){print $i; exit}}' /etc/apt/sources.list)"
    fi
    echo "${m:-http://deb.debian.org/debian}"
}

build_debian() {
    if have_image "$DEBIAN_IMAGE"; then log "$DEBIAN_IMAGE exists, kept"; return; fi
    command -v debootstrap >/dev/null || die "debootstrap is not installed (Debian package debootstrap)"
    local mirror rootfs
    mirror="$(debian_mirror)"
    rootfs="$WORK/rootfs"
    log "debootstrap $SUITE from $mirror (a minute or two)"
    if ! debootstrap --variant=minbase --include=isc-dhcp-client,dhcpcd-base,iproute2 \
            "$SUITE" "$rootfs" "$mirror" > "$WORK/debootstrap.log" 2>&1; then
        tail -20 "$WORK/debootstrap.log" >&2
        die "debootstrap of $SUITE from $mirror failed (log above)"
    fi
    mkdir -p "$rootfs/usr/local/share/dhcp-embedded"
    cp "$SCRIPTS"/*.sh "$rootfs/usr/local/share/dhcp-embedded/"
    chmod 755 "$rootfs"/usr/local/share/dhcp-embedded/*.sh
    rm -rf "$rootfs"/var/cache/apt/archives/*.deb "$rootfs"/var/lib/apt/lists/*
    log "importing $DEBIAN_IMAGE"
    tar -C "$rootfs" -c . | docker import \
        -c 'CMD ["/bin/bash"]' -c 'ENV PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin' \
        - "$DEBIAN_IMAGE" >/dev/null \
        || die "docker import of $DEBIAN_IMAGE failed"
}

jdk_home() {
    local javac_path
    if [ -n "${JAVA_HOME:-}" ] && [ -x "$JAVA_HOME/bin/jlink" ]; then echo "$JAVA_HOME"; return; fi
    javac_path="$(readlink -f "$(command -v javac 2>/dev/null || true)" 2>/dev/null || true)"
    if [ -n "$javac_path" ] && [ -x "$(dirname "$javac_path")/jlink" ]; then dirname "$(dirname "$javac_path")"; return; fi
    for d in /usr/lib/jvm/java-17-openjdk-* /usr/lib/jvm/*; do
        [ -x "$d/bin/jlink" ] && [ -d "$d/jmods" ] && { echo "$d"; return; }
    done
    return 1
}

# Copies the ELF files' shared libraries (and the loader) from this host into the rootfs, at the same paths.
copy_libraries() {
    local rootfs="$1"; shift
    local lib
    for lib in $(ldd "$@" 2>/dev/null | awk '/=> \//{print $3} $1 ~ /^\/.*ld-linux/{print $1}' | sort -u); do
        mkdir -p "$rootfs$(dirname "$lib")"
        cp -L "$lib" "$rootfs$lib"
    done
}

# the agent image is kept only when it was built from the same sources: an image of older code speaks to the JVM
# in a way the current code may not (its environment, its channel)
agent_sources_hash() {
    (cd "$ROOT" && find agent/src/main agent/pom.xml agent/jvm.args .ci/images/agent .ci/build-images.sh \
        dhcp-embedded/src/main/java/dev/dhcpembedded/channel -type f -print0 2>/dev/null | sort -z \
        | xargs -0 sha256sum | sha256sum | cut -c1-16)
}

build_agent() {
    local sources
    sources="$(agent_sources_hash)"
    if have_image "$AGENT_IMAGE" && [ "$(docker image inspect -f '{{index .Config.Labels "dev.dhcpembedded.sources"}}' \
            "$AGENT_IMAGE" 2>/dev/null)" = "$sources" ]; then
        log "$AGENT_IMAGE exists, built from these sources ($sources), kept"; return
    fi
    local jdk ctx rootfs
    jdk="$(jdk_home)" || die "no JDK with jlink and jmods found (Debian package openjdk-17-jdk-headless); set JAVA_HOME"
    command -v mvn >/dev/null || die "mvn is not installed: it builds the agent module's jars"
    log "building the agent module (mvn package -pl agent -am)"
    (cd "$ROOT" && mvn -B -q package -pl agent -am -DskipTests -Dmaven.javadoc.skip=true -Dmaven.source.skip=true \
        > "$WORK/agent-mvn.log" 2>&1) || { tail -30 "$WORK/agent-mvn.log" >&2; die "building the agent module failed (log above)"; }
    ctx="$WORK/agent"
    rootfs="$ctx/rootfs"
    mkdir -p "$rootfs/opt/agent/lib" "$rootfs/tmp" "$rootfs/etc"
    chmod 1777 "$rootfs/tmp"
    log "jlink from $jdk"
    "$jdk/bin/jlink" --add-modules java.base,java.logging,jdk.unsupported --strip-debug --no-man-pages \
        --no-header-files --compress=2 --generate-cds-archive --output "$rootfs/opt/java" > "$WORK/jlink.log" 2>&1 \
        || { cat "$WORK/jlink.log" >&2; die "jlink failed (log above)"; }
    rm -f "$rootfs/opt/java/lib/server/classes_nocoops.jsa"   # the agent's heap is small: compressed oops
    cp "$ROOT"/agent/target/dhcp-embedded-agent-*.jar "$ROOT"/agent/target/agent-lib/*.jar "$rootfs/opt/agent/lib/"
    rm -f "$rootfs"/opt/agent/lib/*-sources.jar "$rootfs"/opt/agent/lib/*-javadoc.jar
    cp "$ROOT/agent/jvm.args" "$rootfs/opt/agent/jvm.args"
    # JNA's native part for this platform, unpacked once here instead of into /tmp at each start
    mkdir -p "$rootfs/opt/agent/native" "$WORK/jna"
    (cd "$WORK/jna" && "$jdk/bin/jar" xf "$(ls "$rootfs"/opt/agent/lib/jna-*.jar)" com/sun/jna/linux-x86-64/libjnidispatch.so) \
        && mv "$WORK/jna/com/sun/jna/linux-x86-64/libjnidispatch.so" "$rootfs/opt/agent/native/" \
        || die "JNA's linux-x86-64 libjnidispatch.so is not in its jar"
    copy_libraries "$rootfs" "$rootfs/opt/java/bin/java" "$rootfs"/opt/java/lib/*.so "$rootfs"/opt/java/lib/server/*.so \
        "$rootfs/opt/agent/native/libjnidispatch.so"
    copy_libraries "$rootfs" "$(ldconfig -p | awk '/libc.so.6 .*x86-64/{print $NF; exit}')"
    # the agent starts as root and switches to dhcp-agent (10067), keeping CAP_NET_ADMIN and CAP_NET_BIND_SERVICE
    printf 'root:x:0:0:root:/root:/sbin/nologin\ndhcp-agent:x:10067:10067:dhcp-agent:/:/sbin/nologin\nnobody:x:65534:65534:nobody:/:/sbin/nologin\n' > "$rootfs/etc/passwd"
    printf 'root:x:0:\ndhcp-agent:x:10067:\nnogroup:x:65534:\n' > "$rootfs/etc/group"
    cp "$ROOT/.ci/images/agent/Dockerfile" "$ctx/"
    log "building $AGENT_IMAGE"
    DOCKER_BUILDKIT=0 docker build -q --label "dev.dhcpembedded.sources=$sources" -t "$AGENT_IMAGE" "$ctx" >/dev/null \
        || die "docker build of $AGENT_IMAGE failed"
    log "$AGENT_IMAGE: $(docker image inspect -f '{{.Size}}' "$AGENT_IMAGE" | awk '{printf "%.1f MB", $1/1e6}')"
}

check() {
    docker run --rm "$BUSYBOX_IMAGE" udhcpc --help >/dev/null 2>&1 \
        || [ $? -eq 1 ] || die "$BUSYBOX_IMAGE does not run udhcpc"
    docker run --rm "$BUSYBOX_IMAGE" sh -c 'ip -V >/dev/null 2>&1 || ip link >/dev/null' \
        || die "$BUSYBOX_IMAGE has no working ip"
    docker run --rm "$DEBIAN_IMAGE" sh -c 'dhclient --version && dhcpcd --version && ip -V' >/dev/null 2>&1 \
        || die "$DEBIAN_IMAGE lacks dhclient, dhcpcd or ip"
    local size
    size="$(docker image inspect -f '{{.Size}}' "$AGENT_IMAGE")"
    [ "$size" -le 80000000 ] || die "$AGENT_IMAGE is $size bytes, more than the 80 MB it may take"
    docker run --rm --entrypoint /opt/java/bin/java "$AGENT_IMAGE" -version >/dev/null 2>&1 \
        || die "$AGENT_IMAGE cannot run its java"
}

build_busybox
build_debian
build_agent
check
log "ready: $BUSYBOX_IMAGE $DEBIAN_IMAGE $AGENT_IMAGE"
