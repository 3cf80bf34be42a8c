#!/usr/bin/env bash
# Records the DHCPv6 golden captures of src/test/resources/captures with other servers and a real client:
#   kea-dhcp6-dhclient.pcapng  kea-dhcp6 (memfile, no persistence) and ISC dhclient -6
#   dnsmasq-dhclient.pcapng    dnsmasq and ISC dhclient -6
# Each: SOLICIT/ADVERTISE/REQUEST/REPLY (IA_NA, and IA_PD with -P where the server delegates: Kea), RENEW at T1
# (Kea; dnsmasq's shortest lease is 2 minutes), RELEASE (dhclient -r), then a stateless INFORMATION-REQUEST (-S).
# The server and the client each live in a network namespace of their own, joined by a veth pair; nothing leaves
# them, and a trap removes them on exit. Needs root, kea-dhcp6-server, dnsmasq-base, isc-dhcp-client, tshark
# (dumpcap), iproute2. Run once, by hand, when a capture is to be added or renewed:
#   sudo dhcp-embedded/src/test/scripts/record-dhcpv6-captures.sh [OUTPUT_DIR]
# The decode verb is compared with tshark on every *.pcapng of that folder (Dhcp6DecodeVerbVsTsharkTest).
set -euo pipefail

OUT="${1:-$(cd "$(dirname "$0")/../resources/captures" && pwd)}"
[[ $(id -u) == 0 ]] || { echo "must run as root (network namespaces)" >&2; exit 2; }
for tool in ip kea-dhcp6 dnsmasq dhclient dumpcap tshark; do
    command -v "$tool" >/dev/null || { echo "$tool is not installed" >&2; exit 2; }
done

TAG="rc6$$"
NS_S="$TAG-s"; NS_C="$TAG-c"; IF_S="${TAG}s"; IF_C="${TAG}c"
WORK="$(mktemp -d)"
PREFIX="2001:db8:6"

cleanup() {
    for ns in "$NS_S" "$NS_C"; do
        if ip netns list | grep -qw "$ns"; then
            for pid in $(ip netns pids "$ns"); do kill "$pid" 2>/dev/null || true; done
            sleep 0.5
            for pid in $(ip netns pids "$ns"); do kill -9 "$pid" 2>/dev/null || true; done
            ip netns del "$ns" 2>/dev/null || true
        fi
    done
    rm -rf "$WORK"
}
trap cleanup EXIT

make_link() {
    ip netns add "$NS_S"; ip netns add "$NS_C"
    ip link add "$IF_S" type veth peer name "$IF_C"
    ip link set "$IF_S" netns "$NS_S"; ip link set "$IF_C" netns "$NS_C"
    ip -n "$NS_S" link set lo up; ip -n "$NS_C" link set lo up
    ip -n "$NS_S" link set "$IF_S" address 02:00:5e:00:06:01
    ip -n "$NS_C" link set "$IF_C" address 02:00:5e:00:06:02
    ip -n "$NS_S" link set "$IF_S" up; ip -n "$NS_C" link set "$IF_C" up
    ip -n "$NS_S" addr add "$PREFIX::1/64" dev "$IF_S" nodad
    for _ in $(seq 100); do   # both link-local addresses out of duplicate address detection
        if ! ip -n "$NS_S" -6 addr show dev "$IF_S" | grep -q tentative \
            && ! ip -n "$NS_C" -6 addr show dev "$IF_C" | grep -q tentative \
            && ip -n "$NS_C" -6 addr show dev "$IF_C" | grep -q fe80; then
            return
        fi
        sleep 0.1
    done
    echo "link-local addresses still tentative" >&2; exit 1
}

drop_link() {
    for pid in $(ip netns pids "$NS_S") $(ip netns pids "$NS_C"); do kill "$pid" 2>/dev/null || true; done
    sleep 1
    ip netns del "$NS_S"; ip netns del "$NS_C"
}

start_capture() { # $1 file
    ip netns exec "$NS_S" dumpcap -q -i "$IF_S" -f "udp port 546 or udp port 547" -w "$1" >/dev/null 2>&1 &
    CAPTURE=$!
    for _ in $(seq 100); do [[ -s "$1" ]] && return; sleep 0.1; done
    echo "dumpcap did not start" >&2; exit 1
}

stop_capture() {
    sleep 1
    kill -INT "$CAPTURE"; wait "$CAPTURE" || true
}

await_log() { # $1 file, $2 pattern, $3 seconds
    for _ in $(seq $(( $3 * 10 ))); do grep -q "$2" "$1" 2>/dev/null && return; sleep 0.1; done
    echo "timed out waiting for '$2' in $1:" >&2; cat "$1" "$WORK"/*.out >&2 2>/dev/null; exit 1
}

# dhclient -6 in the client namespace; its script does nothing (the capture is what matters)
dhclient6() { # $1 state dir, then flags
    local state="$1"; shift
    ip netns exec "$NS_C" dhclient -6 -v -cf "$state/dhclient6.conf" -lf "$state/dhclient6.leases" \
        -pf "$state/dhclient6.pid" -sf /bin/true "$@" "$IF_C"
}

session() { # $1 name, $2 IA flags (e.g. "-N -P"), $3 renew wait in seconds (0: none)
    local state="$WORK/$1-client"; mkdir -p "$state"
    echo 'also request dhcp6.name-servers, dhcp6.domain-search;' >"$state/dhclient6.conf"
    # shellcheck disable=SC2086
    dhclient6 "$state" -d -1 $2 >"$state/bound.log" 2>&1 &
    local client=$!
    await_log "$state/bound.log" "Bound to lease" 20
    if [[ "$3" != 0 ]]; then
        await_log "$state/bound.log" "Forming Renew" "$3"
        for _ in $(seq 100); do   # the REPLY to the RENEW: a second "Bound to lease"
            [[ $(grep -c "Bound to lease" "$state/bound.log") -ge 2 ]] && break
            sleep 0.1
        done
    fi
    kill "$client"; wait "$client" || true
    # shellcheck disable=SC2086
    dhclient6 "$state" -r $2 >"$state/release.log" 2>&1 || true
    dhclient6 "$state" -d -1 -S >"$state/info.log" 2>&1 &
    client=$!
    await_log "$state/info.log" "Reply\|reply" 20
    sleep 1
    kill "$client" 2>/dev/null || true; wait "$client" || true
}

record_kea() {
    make_link
    local run="$WORK/kea-run"; mkdir -p "$run"
    cat >"$WORK/kea-dhcp6.json" <<EOF
{ "Dhcp6": {
    "interfaces-config": { "interfaces": [ "$IF_S" ] },
    "lease-database": { "type": "memfile", "persist": false },
    "server-id": { "type": "LL", "persist": false },
    "preferred-lifetime": 4, "valid-lifetime": 8, "renew-timer": 2, "rebind-timer": 3,
    "subnet6": [ {
        "id": 1, "subnet": "$PREFIX::/64", "interface": "$IF_S",
        "pools": [ { "pool": "$PREFIX::100-$PREFIX::1ff" } ],
        "pd-pools": [ { "prefix": "2001:db8:600::", "prefix-len": 48, "delegated-len": 56 } ],
        "option-data": [ { "name": "dns-servers", "data": "$PREFIX::53" },
                         { "name": "domain-search", "data": "lab.test" } ] } ],
    "loggers": [ { "name": "kea-dhcp6", "severity": "INFO", "output_options": [ { "output": "$WORK/kea.log" } ] } ]
} }
EOF
    start_capture "$WORK/kea.pcapng"
    KEA_PIDFILE_DIR="$run" KEA_LOCKFILE_DIR="$run" ip netns exec "$NS_S" kea-dhcp6 -c "$WORK/kea-dhcp6.json" \
        >"$WORK/kea.out" 2>&1 &
    await_log "$WORK/kea.log" "DHCP6_STARTED\|DHCPSRV_CFGMGR_ADD_IFACE" 20
    sleep 1
    session kea "-N -P" 10
    stop_capture
    drop_link
    cp "$WORK/kea.pcapng" "$OUT/kea-dhcp6-dhclient.pcapng"
}

record_dnsmasq() {
    make_link
    start_capture "$WORK/dnsmasq.pcapng"
    ip netns exec "$NS_S" dnsmasq --no-daemon --conf-file=/dev/null --port=0 --interface="$IF_S" --bind-interfaces \
        --dhcp-range="$PREFIX::100,$PREFIX::1ff,64,2m" --dhcp-option="option6:dns-server,[$PREFIX::53]" \
        --dhcp-option="option6:domain-search,lab.test" --dhcp-leasefile="$WORK/dnsmasq.leases" \
        --pid-file="$WORK/dnsmasq.pid" --log-dhcp >"$WORK/dnsmasq.log" 2>&1 &
    await_log "$WORK/dnsmasq.log" "DHCPv6, IP range" 20
    session dnsmasq "-N" 0
    stop_capture
    drop_link
    cp "$WORK/dnsmasq.pcapng" "$OUT/dnsmasq-dhclient.pcapng"
}

record_kea
record_dnsmasq
for f in kea-dhcp6-dhclient.pcapng dnsmasq-dhclient.pcapng; do
    echo "== $OUT/$f"
    tshark -r "$OUT/$f" | grep -v '^Running as'
done
