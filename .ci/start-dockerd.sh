#!/usr/bin/env bash
# Starts a Docker engine in the background unless one already answers, waits up to 60 s for
# its socket, and prints the PID of the dockerd it started (nothing when one was already running),
# so the caller can stop exactly that process:  pid=$(.ci/start-dockerd.sh); ...; kill "$pid"
set -euo pipefail

SOCK="${DOCKER_SOCK:-/var/run/docker.sock}"
LOG="${DOCKERD_LOG:-/tmp/dockerd.log}"

if docker info >/dev/null 2>&1; then
    echo "start-dockerd: a Docker engine already answers on $SOCK" >&2
    exit 0
fi
command -v dockerd >/dev/null || { echo "start-dockerd: dockerd is not installed (Debian package docker.io)" >&2; exit 1; }
[ "$(id -u)" = 0 ] || { echo "start-dockerd: dockerd needs root" >&2; exit 1; }

nohup dockerd > "$LOG" 2>&1 < /dev/null &
pid=$!
for _ in $(seq 1 60); do
    if [ -S "$SOCK" ] && docker info >/dev/null 2>&1; then
        echo "$pid"
        exit 0
    fi
    if ! kill -0 "$pid" 2>/dev/null; then
        echo "start-dockerd: dockerd exited during start-up; last lines of $LOG:" >&2
        tail -20 "$LOG" >&2
        exit 1
    fi
    sleep 1
done
echo "start-dockerd: no Docker socket at $SOCK after 60 s; last lines of $LOG:" >&2
tail -20 "$LOG" >&2
kill "$pid" 2>/dev/null || true
exit 1
