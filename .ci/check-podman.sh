#!/usr/bin/env bash
# Runs the container tests (the agent's, DhcpClientContainer's) and the container example once more against
# rootless Podman, as an ordinary user would (issue 21, item 7): Debian's podman through its Docker-compatible API
# socket, the locally built images moved in with `docker save | podman load`. Called by .ci/run after the images are
# built; needs root (to create the user) and the Debian packages podman uidmap slirp4netns netavark aardvark-dns
# fuse-overlayfs. Exits non-zero with a message naming what failed.
#
#   PODMAN_USER   the ordinary user (default dhcp-podman; created with subuid/subgid ranges when missing)
#   MAVEN_REPO    the Maven repository copied for the user (default ~/.m2/repository)
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
PODMAN_USER="${PODMAN_USER:-dhcp-podman}"
PROJECT_VERSION="$(sed -n 's:^  <version>\(.*\)</version>:\1:p' "$ROOT/pom.xml" | head -1)"
IMAGES=(
    "${DHCP_CLIENT_IMAGE_BUSYBOX:-dhcp-embedded/busybox-udhcpc:local}"
    "${DHCP_CLIENT_IMAGE_DEBIAN:-dhcp-embedded/debian-dhcp-clients:local}"
    "${AGENT_IMAGE:-dev.dhcpembedded/dhcp-agent:$PROJECT_VERSION}"
)

USER_PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin

die() { echo "check-podman: $*" >&2; exit 1; }
log() { echo "check-podman: $*"; }

[ "$(id -u)" = 0 ] || die "must run as root (it creates the user $PODMAN_USER)"
for tool in podman newuidmap newgidmap slirp4netns docker runuser; do
    command -v "$tool" >/dev/null || die "$tool is not installed (Debian packages podman uidmap slirp4netns)"
done

# ---- the ordinary user, with subordinate uid/gid ranges for its user namespace ----
id -u "$PODMAN_USER" >/dev/null 2>&1 || useradd --create-home --shell /bin/bash "$PODMAN_USER"
PODMAN_UID="$(id -u "$PODMAN_USER")"
PODMAN_HOME="$(getent passwd "$PODMAN_USER" | cut -d: -f6)"
[ "$PODMAN_UID" != 0 ] || die "$PODMAN_USER must not be root"
next_free_range() { # the first id after every range of /etc/subuid and /etc/subgid, at least 100000
    awk -F: 'BEGIN{m=100000} {e=$2+$3; if (e>m) m=e} END{print m}' /etc/subuid /etc/subgid
}
if ! grep -q "^$PODMAN_USER:" /etc/subuid; then
    start="$(next_free_range)"
    usermod --add-subuids "$start-$((start + 65535))" "$PODMAN_USER" || die "cannot give $PODMAN_USER subuids"
fi
if ! grep -q "^$PODMAN_USER:" /etc/subgid; then
    start="$(next_free_range)"
    usermod --add-subgids "$start-$((start + 65535))" "$PODMAN_USER" || die "cannot give $PODMAN_USER subgids"
fi
log "user $PODMAN_USER (uid $PODMAN_UID), subuid $(grep "^$PODMAN_USER:" /etc/subuid | cut -d: -f2-)," \
    "subgid $(grep "^$PODMAN_USER:" /etc/subgid | cut -d: -f2-)"

# slirp4netns opens /dev/net/tun as the user: Debian makes it crw-rw-rw-, some CI sandboxes make it root-only
if [ -c /dev/net/tun ] && [ "$(stat -c %a /dev/net/tun)" != 666 ]; then
    log "/dev/net/tun is mode $(stat -c %a /dev/net/tun); making it 666 (Debian's default) for slirp4netns"
    chmod 0666 /dev/net/tun || die "cannot make /dev/net/tun usable by $PODMAN_USER"
fi

# its runtime directory (no systemd login session here makes one) and its Podman settings: no systemd, so cgroupfs
# and a file event log; netavark networks (aardvark-dns resolves names)
RUNTIME_DIR="/run/user/$PODMAN_UID"
# a runtime directory left by an earlier run (e.g. a rootless-netns file whose directory is gone) breaks networks:
# start from a clean one, with the user's processes of that run gone
if [ -d "$RUNTIME_DIR" ]; then
    for pid in $(pgrep -u "$PODMAN_UID" -x podman || true) $(pgrep -u "$PODMAN_UID" -x slirp4netns || true) \
               $(pgrep -u "$PODMAN_UID" -x conmon || true); do
        kill "$pid" 2>/dev/null || true
    done
    sleep 1
    rm -rf "$RUNTIME_DIR" 2>/dev/null || log "could not remove all of $RUNTIME_DIR (kept)"
fi
mkdir -p "$RUNTIME_DIR"
chown "$PODMAN_USER:" "$RUNTIME_DIR"
chmod 700 "$RUNTIME_DIR"
mkdir -p "$PODMAN_HOME/.config/containers"
# overlay without a mount program: the kernel's own rootless overlayfs (Linux 5.13+)
cat > "$PODMAN_HOME/.config/containers/storage.conf" <<'EOF'
[storage]
driver = "overlay"
EOF
cat > "$PODMAN_HOME/.config/containers/containers.conf" <<'EOF'
[engine]
cgroup_manager = "cgroupfs"
events_logger = "file"

[network]
network_backend = "netavark"
EOF
chown -R "$PODMAN_USER:" "$PODMAN_HOME/.config"

as_user() {
    runuser -u "$PODMAN_USER" -- env -C "$PODMAN_HOME" HOME="$PODMAN_HOME" XDG_RUNTIME_DIR="$RUNTIME_DIR" \
        PATH="$USER_PATH" "$@"
}
as_user podman system migrate >/dev/null 2>&1 || true # picks up new subuid ranges of an existing user
as_user podman info --format '{{.Host.Security.Rootless}} {{.Store.GraphDriverName}} {{.Host.NetworkBackend}}' \
    > /tmp/check-podman-info.txt 2>/tmp/check-podman-info.err \
    || { cat /tmp/check-podman-info.err >&2; die "podman info failed as $PODMAN_USER"; }
log "podman: rootless, storage, network backend: $(cat /tmp/check-podman-info.txt)"
grep -q '^true ' /tmp/check-podman-info.txt || die "podman does not run rootless as $PODMAN_USER"

# ---- the images, from the Docker engine ----
for image in "${IMAGES[@]}"; do
    docker image inspect "$image" >/dev/null 2>&1 || die "image $image is missing from Docker; run .ci/build-images.sh"
done
log "moving ${IMAGES[*]} into $PODMAN_USER's podman"
docker save "${IMAGES[@]}" | as_user podman load -q || die "docker save | podman load failed"
for image in "${IMAGES[@]}"; do
    # podman names an image without a registry localhost/NAME; Docker clients (Testcontainers) ask for docker.io/NAME
    first="${image%%/*}"
    if [ "$first" = "$image" ] || { [[ "$first" != *.* ]] && [[ "$first" != *:* ]] && [ "$first" != localhost ]; }; then
        as_user podman tag "localhost/$image" "docker.io/$image" 2>/dev/null || true
    fi
    as_user podman image exists "$image" || die "podman load did not give $PODMAN_USER the image $image"
done

# ---- the user's Docker-compatible API socket ----
SOCKET="$RUNTIME_DIR/podman/podman.sock"
rm -f "$SOCKET"
as_user mkdir -p "$(dirname "$SOCKET")"
# runuser does not pass SIGTERM on to its child: the service's own pid is written down and ended by it
SERVICE_PID_FILE="$RUNTIME_DIR/check-podman-service.pid"
as_user sh -c 'echo $$ > "$1"; exec podman system service --time=0 "unix://$2"' sh "$SERVICE_PID_FILE" "$SOCKET" \
    > /tmp/check-podman-service.log 2>&1 &
stop_pid() { # ends process $1 (if alive) and waits up to 10 s for it
    [ -n "$1" ] && kill -0 "$1" 2>/dev/null || return 0
    kill "$1" 2>/dev/null || true
    for _ in $(seq 1 20); do kill -0 "$1" 2>/dev/null || break; sleep 0.5; done
}
stop_service() {
    # what the tests left behind (they remove their own; a failed run may not), then the service and the user
    # namespace's pause process
    as_user podman rm -af -t 1 >/dev/null 2>&1 || true
    as_user podman network prune -f >/dev/null 2>&1 || true
    stop_pid "$(cat "$SERVICE_PID_FILE" 2>/dev/null)"
    stop_pid "$(cat "$RUNTIME_DIR/libpod/tmp/pause.pid" 2>/dev/null)"
}
trap stop_service EXIT
for _ in $(seq 1 100); do [ -S "$SOCKET" ] && break; sleep 0.1; done
[ -S "$SOCKET" ] || { cat /tmp/check-podman-service.log >&2; die "podman system service made no socket $SOCKET"; }
as_user env DOCKER_HOST="unix://$SOCKET" docker version --format 'API {{.Server.APIVersion}}' >/dev/null 2>&1 \
    || { cat /tmp/check-podman-service.log >&2; die "the podman socket $SOCKET does not answer the Docker API"; }
log "podman's API socket: $SOCKET"

# ---- the tests, in the user's own copy of the tree and of Maven's repository ----
M2="${MAVEN_REPO:-$HOME/.m2/repository}"
mkdir -p "$PODMAN_HOME/.m2" "$PODMAN_HOME/work"
cp -a -u "$M2" "$PODMAN_HOME/.m2/" || die "cannot copy Maven's repository $M2 for $PODMAN_USER"
[ -f "$HOME/.m2/settings.xml" ] && cp "$HOME/.m2/settings.xml" "$PODMAN_HOME/.m2/"
rm -rf "$PODMAN_HOME/work/tree" && mkdir -p "$PODMAN_HOME/work/tree"
tar -C "$ROOT" --exclude='./.git' --exclude='*/target' -cf - . | tar -C "$PODMAN_HOME/work/tree" -xf -
chown -R "$PODMAN_USER:" "$PODMAN_HOME/.m2" "$PODMAN_HOME/work"
log "running the container tests against rootless podman as $PODMAN_USER"
runuser -u "$PODMAN_USER" -- env -C "$PODMAN_HOME/work/tree" HOME="$PODMAN_HOME" XDG_RUNTIME_DIR="$RUNTIME_DIR" \
    PATH="$USER_PATH" CI=true DOCKER_HOST="unix://$SOCKET" \
    TESTCONTAINERS_RYUK_DISABLED=true TESTCONTAINERS_HOST_OVERRIDE=localhost \
    DHCP_CLIENT_IMAGE_BUSYBOX="${IMAGES[0]}" DHCP_CLIENT_IMAGE_DEBIAN="${IMAGES[1]}" \
    mvn -B verify -pl testcontainers,examples -am \
        -Dtest='Agent*Test,DhcpClientContainer*Test,DhcpNetworkContainerExampleTest' \
        -Dsurefire.failIfNoSpecifiedTests=false \
    || die "the container tests failed against rootless podman as $PODMAN_USER (service log: /tmp/check-podman-service.log)"
log "the container tests passed against rootless podman"
