#!/usr/bin/env bash
# Load benchmark: dhcp-embedded (its CLI, --interface) against kea-dhcp4 (memfile, no persistence), both driven
# by Kea's perfdhcp, side by side in the same run; with -6, DHCPv6 against kea-dhcp6 (perfdhcp -6). Each server has its own pair of network namespaces joined by a
# veth pair that this script creates and removes; both servers are pinned to the same core and stay up for the
# whole run, and each rate is tried on both, one after the other, so that the machine's drift hits both alike.
# By default everything is as users get it: `java -jar` with the JVM's own choices (no GC flag, no heap size) and
# the kernel's default socket buffers. See examples/bench/README.md.
set -euo pipefail

usage() {
    cat <<'EOF'
usage: sudo examples/bench/perfdhcp-vs-kea.sh [options]

  -6                         DHCPv6: perfdhcp -6 (SOLICIT-ADVERTISE-REQUEST-REPLY) against the CLI's --subnet6 and
                             kea-dhcp6, by multicast to ff02::1:2 on each veth; default is DHCPv4 against kea-dhcp4
  --servers "embedded kea"   which servers (default: both)
  --rates "2000 4000 ..."    the ladder of offered rates, exchanges/s
                             (default: 4000 8000 12000 16000 20000 24000 28000 32000)
  --period N                 seconds per step (default 10)
  --pause N                  seconds between two tries (default 2)
  --clients N                perfdhcp -R, simulated clients, >= 10000 (default 10000)
  --do-only                  DISCOVER-OFFER only (perfdhcp -i); default is DISCOVER-OFFER-REQUEST-ACK
                             (with -6: SOLICIT-ADVERTISE only)
  --warmup N                 seconds of unrecorded load at the lowest rate on each server first (default 10:
                             the embedded server's journal and lease table fill, and its JIT compiles)
  --stop-above PCT           stop trying a server after a step with more than PCT % drops (default 20)
  --lease N                  lease time in seconds, both servers (default 3600)
  --soak RATE                instead of the ladder: --soak-seconds at RATE on each server, sampled every --sample s
  --soak-seconds N           (default 60)
  --sample N                 (default 5)
  --jar FILE                 the CLI jar (default: cli/target/dhcp-embedded-cli-*-all.jar)
  --out DIR                  keep logs, configs, GC log and raw perfdhcp output there (default: a new temp dir)

tuned options (none is on by default):
  --gc NAME                  run the embedded JVM with -XX:+Use<NAME>GC, e.g. Shenandoah, Z, G1, Parallel
  --heap SIZE                -Xms/-Xmx SIZE and -XX:+AlwaysPreTouch for the embedded JVM, e.g. 512m
  --rmem BYTES               for the run, set the host's net.core.rmem_default (every new socket's receive
                             buffer, perfdhcp's and Kea's included) and restore it on exit
  --no-receive-buffer        the embedded server leaves its socket's receive buffer at the kernel's default
                             (--receive-buffer 0) instead of asking for 4 MiB (SO_RCVBUFFORCE as root)
  --tuned                    the previous tuned set: --gc Shenandoah --heap 512m --rmem 4194304
  --nice N                   run servers and perfdhcp at nice N (e.g. -20), so that other work on a busy machine
                             (builds) gets little of their cores; unlike --rt, no throttling stalls
  --rt PRIO                  run servers and perfdhcp SCHED_RR at PRIO (chrt -r), so that other work on a busy
                             machine (builds) does not steal their cores; the kernel still keeps 5 % for others,
                             by stalling RT tasks up to 50 ms a second (RT throttling): that hits the server with
                             the smaller socket buffer harder
  -h, --help

environment:
  JAVA_OPTS      extra JVM flags of the embedded server (default: none)
  EMBEDDED_ARGS  extra flags for the embedded CLI, e.g. "--journal 1000" (default: none, i.e. its defaults)
  SERVER_CPU     core of both servers (default 0)      CLIENT_CPU   core of perfdhcp (default 1)
EOF
}

SERVERS="embedded kea"
RATES="4000 8000 12000 16000 20000 24000 28000 32000"
PERIOD=10
PAUSE=2
CLIENTS=10000
DO_ONLY=0
WARMUP=10
STOP_ABOVE=20
LEASE=3600
SOAK_RATE=""
SOAK_SECONDS=60
SAMPLE=5
JAR=""
OUT=""
RT=""
NICE=""
GC=""
HEAP=""
NO_RCVBUF=0
JAVA_OPTS="${JAVA_OPTS:-}"
SERVER_CPU="${SERVER_CPU:-0}"
CLIENT_CPU="${CLIENT_CPU:-1}"
EMBEDDED_ARGS="${EMBEDDED_ARGS:-}"
RMEM=""
RMEM_BEFORE=""
FAMILY=4

die() { echo "perfdhcp-vs-kea: $*" >&2; exit 2; }
need_value() { [[ $# -ge 2 && -n "$2" ]] || die "$1 needs a value (see --help)"; }

while [[ $# -gt 0 ]]; do
    case "$1" in
        -6) FAMILY=6; shift ;;
        --servers) need_value "$@"; SERVERS="$2"; shift 2 ;;
        --rates) need_value "$@"; RATES="$2"; shift 2 ;;
        --period) need_value "$@"; PERIOD="$2"; shift 2 ;;
        --pause) need_value "$@"; PAUSE="$2"; shift 2 ;;
        --clients) need_value "$@"; CLIENTS="$2"; shift 2 ;;
        --do-only) DO_ONLY=1; shift ;;
        --warmup) need_value "$@"; WARMUP="$2"; shift 2 ;;
        --stop-above) need_value "$@"; STOP_ABOVE="$2"; shift 2 ;;
        --lease) need_value "$@"; LEASE="$2"; shift 2 ;;
        --soak) need_value "$@"; SOAK_RATE="$2"; shift 2 ;;
        --soak-seconds) need_value "$@"; SOAK_SECONDS="$2"; shift 2 ;;
        --sample) need_value "$@"; SAMPLE="$2"; shift 2 ;;
        --jar) need_value "$@"; JAR="$2"; shift 2 ;;
        --out) need_value "$@"; OUT="$2"; shift 2 ;;
        --rt) need_value "$@"; RT="$2"; shift 2 ;;
        --nice) need_value "$@"; NICE="$2"; shift 2 ;;
        --rmem) need_value "$@"; RMEM="$2"; shift 2 ;;
        --gc) need_value "$@"; GC="$2"; shift 2 ;;
        --heap) need_value "$@"; HEAP="$2"; shift 2 ;;
        --no-receive-buffer) NO_RCVBUF=1; shift ;;
        --tuned) GC="Shenandoah"; HEAP="512m"; RMEM="4194304"; shift ;;
        -h|--help) usage; exit 0 ;;
        *) die "unknown option '$1' (see --help)" ;;
    esac
done

[[ $(id -u) -eq 0 ]] || die "needs root (it creates network namespaces): run it with sudo"
for tool in ip taskset perfdhcp java jstat awk; do
    command -v "$tool" >/dev/null || die "'$tool' is not installed (perfdhcp: apt-get install kea-admin)"
done
for s in $SERVERS; do
    case "$s" in
        embedded) ;;
        kea) command -v "kea-dhcp$FAMILY" >/dev/null \
                 || die "kea-dhcp$FAMILY is not installed (apt-get install kea-dhcp$FAMILY-server)" ;;
        *) die "--servers: unknown server '$s' (embedded, kea)" ;;
    esac
done
is_int() { [[ "$1" =~ ^[0-9]+$ ]]; }
for r in $RATES; do is_int "$r" && (( r > 0 )) || die "--rates: '$r' is not a positive integer"; done
for v in "$PERIOD" "$PAUSE" "$CLIENTS" "$WARMUP" "$LEASE" "$SOAK_SECONDS" "$SAMPLE" "$STOP_ABOVE"; do
    is_int "$v" || die "'$v' is not a non-negative integer"
done
(( CLIENTS >= 10000 )) || die "--clients $CLIENTS: use 10000 or more, as the issue asks"
(( CLIENTS <= 60000 )) || die "--clients $CLIENTS: the pool holds 65024 addresses (65280 with -6); use at most 60000"
(( PERIOD >= 1 && PERIOD <= 600 )) || die "--period must be 1..600 seconds"
[[ -z "$SOAK_RATE" ]] || { is_int "$SOAK_RATE" && (( SOAK_RATE > 0 )); } || die "--soak needs a rate"
(( SAMPLE >= 1 )) || die "--sample must be at least 1"
[[ -z "$GC" || "$GC" =~ ^[A-Za-z0-9]+$ ]] || die "--gc '$GC': a collector name such as Shenandoah, Z, G1"
[[ -z "$HEAP" || "$HEAP" =~ ^[0-9]+[kmgKMG]?$ ]] || die "--heap '$HEAP': a size such as 512m"
[[ -z "$RMEM" ]] || is_int "$RMEM" || die "--rmem '$RMEM' is not a number of bytes"
PIN_PREFIX=()
if [[ -n "$RT" ]]; then
    { is_int "$RT" && (( RT >= 1 && RT <= 99 )); } || die "--rt needs a priority 1..99"
    command -v chrt >/dev/null || die "--rt needs chrt (util-linux)"
    PIN_PREFIX=(chrt -r "$RT")
fi
if [[ -n "$NICE" ]]; then
    [[ "$NICE" =~ ^-?[0-9]+$ ]] && (( NICE >= -20 && NICE <= 19 )) || die "--nice needs -20..19"
    [[ -z "$RT" ]] || die "--nice and --rt exclude each other"
    PIN_PREFIX=(nice -n "$NICE")
fi

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$HERE/../.." && pwd)"
if [[ -z "$JAR" ]]; then
    JAR="$(ls "$ROOT"/cli/target/dhcp-embedded-cli-*-all.jar 2>/dev/null | head -n1 || true)"
    [[ -n "$JAR" ]] || die "no CLI jar; build it: mvn -q -pl dhcp-embedded,cli -am package -DskipTests (or pass --jar)"
fi
[[ -f "$JAR" ]] || die "--jar $JAR: no such file"
if [[ -z "$OUT" ]]; then OUT="$(mktemp -d /tmp/perfdhcp-vs-kea.XXXXXX)"; else mkdir -p "$OUT"; fi
OUT="$(cd "$OUT" && pwd)"

# The embedded JVM: what the user asked for, plus a GC log (logging changes no collector decision): the source of
# the "GC p99 ms" and "alloc B/exchange" columns.
GC_LOG="$OUT/embedded.gc.log"
JVM_FLAGS="$JAVA_OPTS"
[[ -n "$GC" ]] && JVM_FLAGS="$JVM_FLAGS -XX:+Use${GC}GC"
[[ -n "$HEAP" ]] && JVM_FLAGS="$JVM_FLAGS -Xms$HEAP -Xmx$HEAP -XX:+AlwaysPreTouch"
JVM_FLAGS="$JVM_FLAGS -Xlog:gc:file=$GC_LOG:timemillis"
# the CLI logs at WARN; its one line on the receive buffer granted is at INFO unless capped (the CLI jar shades
# SLF4J, and its simple logger's property names with it)
JVM_FLAGS="$JVM_FLAGS -Ddev.dhcpembedded.cli.shaded.org.slf4j.simpleLogger.log.dev.dhcpembedded.internal.transport.InterfaceTransport=info"
(( NO_RCVBUF )) && EMBEDDED_ARGS="$EMBEDDED_ARGS --receive-buffer 0"

# ---- the lab: per server, two namespaces and one veth pair, names unique to this run ----
TAG="$$"
SRV_IP=10.77.0.1
CLI_IP=10.77.0.2
SUBNET=10.77.0.0/16
POOL_FIRST=10.77.1.0
POOL_LAST=10.77.254.255
# DHCPv6 (-6): the same /64 and pool on both servers; perfdhcp sends from its link-local address to ff02::1:2
PREFIX6=2001:db8:77::/64
SRV_IP6=2001:db8:77::1
CLI_IP6=2001:db8:77::2
POOL6_FIRST=2001:db8:77::100
POOL6_LAST=2001:db8:77::ffff
DUID_BASE=000100012d1e6a40000c01020304 # DUID-LLT, Ethernet, a fixed time, 00:0c:01:02:03:04 (perfdhcp varies its end)
DHCP_PORT=67
(( FAMILY == 6 )) && DHCP_PORT=547
declare -A NS_SRV NS_CLI IF_SRV PID
for s in $SERVERS; do
    short=${s:0:1}
    NS_SRV[$s]="pdk-s$short-$TAG"
    NS_CLI[$s]="pdk-c$short-$TAG"
    IF_SRV[$s]="pk${short}s$TAG"
done

cleanup() {
    local rc=$?
    trap - EXIT INT TERM
    local s ns pid
    for s in $SERVERS; do stop_server "$s" || true; done
    for s in $SERVERS; do
        for ns in "${NS_CLI[$s]}" "${NS_SRV[$s]}"; do
            if ip netns list 2>/dev/null | grep -qw "$ns"; then
                for pid in $(ip netns pids "$ns" 2>/dev/null); do kill "$pid" 2>/dev/null || true; done
                sleep 0.2
                for pid in $(ip netns pids "$ns" 2>/dev/null); do kill -9 "$pid" 2>/dev/null || true; done
                ip netns del "$ns" 2>/dev/null || true
            fi
        done
        ip link del "${IF_SRV[$s]}" 2>/dev/null || true
    done
    if [[ -n "$RMEM_BEFORE" ]]; then
        sysctl -qw net.core.rmem_default="$RMEM_BEFORE" || true
    fi
    exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

if [[ -n "$RMEM" ]]; then
    RMEM_BEFORE="$(sysctl -n net.core.rmem_default)"
    sysctl -qw net.core.rmem_default="$RMEM" || die "cannot set net.core.rmem_default=$RMEM"
fi
make_lab() { # $1 server
    local s="$1" srv="${NS_SRV[$1]}" cli="${NS_CLI[$1]}" ifs="${IF_SRV[$1]}" ifc="${IF_SRV[$1]}c" ns
    ip netns add "$srv"
    ip netns add "$cli"
    ip link add "$ifs" type veth peer name "$ifc"
    ip link set "$ifs" netns "$srv"
    ip link set "$ifc" netns "$cli"
    ip -n "$srv" addr add "$SRV_IP/16" dev "$ifs"
    ip -n "$cli" addr add "$CLI_IP/16" dev "$ifc"
    for ns in "$srv" "$cli"; do ip -n "$ns" link set lo up; done
    if (( FAMILY == 6 )); then # no duplicate address detection: the link-local addresses are usable at once
        ip netns exec "$srv" sysctl -qw "net.ipv6.conf.$ifs.accept_dad=0"
        ip netns exec "$cli" sysctl -qw "net.ipv6.conf.$ifc.accept_dad=0"
    fi
    ip -n "$srv" link set "$ifs" up
    ip -n "$cli" link set "$ifc" up
    if (( FAMILY == 6 )); then
        ip -n "$srv" addr add "$SRV_IP6/64" dev "$ifs" nodad
        ip -n "$cli" addr add "$CLI_IP6/64" dev "$ifc" nodad
        for ns in "$srv" "$cli"; do
            for _ in $(seq 50); do
                ip -n "$ns" -6 addr show scope link | grep -q fe80 && \
                    ! ip -n "$ns" -6 addr show | grep -q tentative && break
                sleep 0.1
            done
        done
    fi
}
for s in $SERVERS; do make_lab "$s"; done

# ---- servers ----
KEA_CONF="$OUT/kea-dhcp$FAMILY.json"
if [[ " $SERVERS " == *" kea "* ]] && (( FAMILY == 6 )); then
cat >"$KEA_CONF" <<EOF
{
  "Dhcp6": {
    "interfaces-config": { "interfaces": [ "${IF_SRV[kea]}" ] },
    "lease-database": { "type": "memfile", "persist": false, "lfc-interval": 0 },
    "multi-threading": { "enable-multi-threading": false },
    "server-id": { "type": "LL", "persist": false },
    "preferred-lifetime": $LEASE, "valid-lifetime": $LEASE,
    "renew-timer": $(( LEASE / 2 )), "rebind-timer": $(( LEASE * 4 / 5 )),
    "subnet6": [ { "id": 1, "subnet": "$PREFIX6", "interface": "${IF_SRV[kea]}",
                   "pools": [ { "pool": "$POOL6_FIRST-$POOL6_LAST" } ] } ],
    "loggers": [ { "name": "kea-dhcp6", "severity": "WARN",
                   "output_options": [ { "output": "$OUT/kea-dhcp6.log" } ] } ]
  }
}
EOF
elif [[ " $SERVERS " == *" kea "* ]]; then
cat >"$KEA_CONF" <<EOF
{
  "Dhcp4": {
    "interfaces-config": { "interfaces": [ "${IF_SRV[kea]}" ], "dhcp-socket-type": "udp" },
    "lease-database": { "type": "memfile", "persist": false, "lfc-interval": 0 },
    "multi-threading": { "enable-multi-threading": false },
    "valid-lifetime": $LEASE,
    "subnet4": [ { "id": 1, "subnet": "$SUBNET", "pools": [ { "pool": "$POOL_FIRST - $POOL_LAST" } ] } ],
    "loggers": [ { "name": "kea-dhcp4", "severity": "WARN",
                   "output_options": [ { "output": "$OUT/kea-dhcp4.log" } ] } ]
  }
}
EOF
fi

start_server() { # $1 = embedded|kea, $2 = budget in seconds
    local which="$1" budget="$2" log="$OUT/$1.server.log" ns="${NS_SRV[$1]}" i
    case "$which" in
        embedded)
            local served=(--subnet "$SUBNET" --pool "$POOL_FIRST-$POOL_LAST")
            (( FAMILY == 6 )) && served=(--subnet6 "$PREFIX6" --pool6 "$POOL6_FIRST-$POOL6_LAST")
            # shellcheck disable=SC2086
            ip netns exec "$ns" "${PIN_PREFIX[@]}" taskset -c "$SERVER_CPU" java $JVM_FLAGS -jar "$JAR" \
                --interface "${IF_SRV[embedded]}" "${served[@]}" \
                --lease "$LEASE" --quiet --max-seconds "$budget" $EMBEDDED_ARGS >"$log" 2>&1 &
            ;;
        kea)
            mkdir -p "$OUT/kea-run"
            KEA_PIDFILE_DIR="$OUT/kea-run" KEA_LOCKFILE_DIR="$OUT/kea-run" \
                ip netns exec "$ns" "${PIN_PREFIX[@]}" taskset -c "$SERVER_CPU" "kea-dhcp$FAMILY" -c "$KEA_CONF" \
                >"$log" 2>&1 &
            ;;
    esac
    PID[$which]=$!
    for i in $(seq 150); do
        kill -0 "${PID[$which]}" 2>/dev/null || { cat "$log" >&2; die "$which exited at start (log: $log)"; }
        if ip netns exec "$ns" ss -Hlun "sport = :$DHCP_PORT" | grep -q .; then
            sleep 0.3
            return 0
        fi
        sleep 0.2
    done
    cat "$log" >&2
    die "$which did not listen on port $DHCP_PORT within 30 s (log: $log)"
}

stop_server() { # $1 server
    local p="${PID[$1]:-}"
    if [[ -n "$p" ]]; then
        kill "$p" 2>/dev/null || true
        local i
        for i in $(seq 50); do kill -0 "$p" 2>/dev/null || break; sleep 0.1; done
        kill -9 "$p" 2>/dev/null || true
        wait "$p" 2>/dev/null || true
        PID[$1]=""
    fi
}

TICKS=$(getconf CLK_TCK)
cpu_ticks() { awk '{ sub(/^.*\) /, ""); print $12 + $13 }' "/proc/${PID[$1]}/stat"; } # utime+stime, after comm
rss_mib() { awk '/^VmRSS:/ { printf "%.1f", $2 / 1024 }' "/proc/${PID[$1]}/status"; }
load1() { cut -d' ' -f1 /proc/loadavg; }
now_ms() { date +%s%3N; }
# UDP receive-buffer overflows in a namespace (/proc/net/snmp is per namespace): tells drops at the server's socket
# from drops at perfdhcp's socket (a server that stalls, e.g. in GC, then answers in a burst overflows perfdhcp's).
rcvbuf_errors() {
    if (( FAMILY == 6 )); then ip netns exec "$1" awk '$1 == "Udp6RcvbufErrors" { print $2 }' /proc/net/snmp6; return; fi
    ip netns exec "$1" awk '/^Udp:/ { if (!h) { for (i = 1; i <= NF; i++) if ($i == "RcvbufErrors") c = i; h = 1 } else print $c }' /proc/net/snmp
}
# The embedded JVM's heap in use, KiB (jstat reads the JVM's perf counters: no attach, no safepoint); on the
# client's core, between steps.
heap_used_kib() { # $1 pid
    taskset -c "$CLIENT_CPU" jstat -gc "$1" 2>/dev/null | awk 'NR == 1 { for (i = 1; i <= NF; i++) h[$i] = i }
        NR == 2 { printf "%d\n", $h["S0U"] + $h["S1U"] + $h["EU"] + $h["OU"] }'
}
# From the GC log, for the window [$1, $2] ms since the epoch, with the heap in use at its ends ($3, $4 KiB) and
# the exchanges done ($5): "alloc_bytes_per_exchange gc_p99_ms gc_count". Allocation = the heap's growth between
# collections plus what each collection found (the log's figures are whole MiB: a few % of error).
gc_window() {
    awk -v t0="$1" -v t1="$2" -v u0="$3" -v u1="$4" -v done="$5" '
        function kib(s,   v) { v = s + 0; if (s ~ /G$/) return v * 1048576; if (s ~ /M$/) return v * 1024;
                                if (s ~ /K$/) return v; return v / 1024 }
        /Pause/ && match($0, /[0-9]+[KMG]->[0-9]+[KMG]\(/) {
            ts = substr($1, 2) + 0
            if (ts < t0 || ts > t1) next
            split(substr($0, RSTART, RLENGTH - 1), ba, "->")
            before = kib(ba[1]); after = kib(ba[2])
            ms = $NF; sub(/ms$/, "", ms)
            n++; pause[n] = ms + 0
            if (have) alloc += before - last_after
            else alloc += before - u0
            last_after = after; have = 1
        }
        END {
            if (have) alloc += u1 - last_after
            else alloc += u1 - u0
            if (alloc < 0) alloc = 0
            # nearest-rank p99 of the pauses
            for (i = 1; i <= n; i++) for (j = i + 1; j <= n; j++) if (pause[j] < pause[i]) { t = pause[i]; pause[i] = pause[j]; pause[j] = t }
            r = int(0.99 * n + 0.999999)
            if (r < 1) r = 1
            p99 = 0
            if (n > 0) p99 = pause[r]
            per = 0
            if (done > 0) per = alloc * 1024 / done
            printf "%d %.2f %d\n", per, p99, n
        }' "$GC_LOG"
}

# Runs perfdhcp once against server $1, bounded in time (-p, timeout) and count (-n); raw output to $4.
run_perfdhcp() { # $1 server, $2 rate, $3 seconds, $4 output file
    local rate="$2" secs="$3" out="$4" count=$(( $2 * $3 )) mode=(-W 500000)
    # perfdhcp 2.2 refuses -W (exit wait) together with -i ("Packets exchange not specified")
    (( DO_ONLY )) && mode=(-i)
    # -4: perfdhcp acts as a relay from CLI_IP to the server's address; -6: a client on the veth (its link-local
    # address, port 546) sending to ff02::1:2, which is why the server must be reachable by multicast there
    local family=(-4 -l "$CLI_IP") target="$SRV_IP"
    # -6: one DUID base for every run (-b duid=): perfdhcp's default DUID-LLT carries the time it starts, so each
    # step would bring $CLIENTS clients never seen before, and a ladder would empty the pool (65,280 addresses)
    # after six steps, whatever the servers do; as with -4's MACs, the same clients come back at every step
    (( FAMILY == 6 )) && family=(-6 -l "${IF_SRV[$1]}c" -b "duid=$DUID_BASE") && target=all
    ip netns exec "${NS_CLI[$1]}" timeout --kill-after=5 $(( secs + 20 )) "${PIN_PREFIX[@]}" taskset -c "$CLIENT_CPU" \
        perfdhcp "${family[@]}" "${mode[@]}" -g single -r "$rate" -p "$secs" -n "$count" -R "$CLIENTS" \
        "$target" >"$out" 2>&1 || true
}

# From a perfdhcp report: completed exchanges, drops %, and the latencies. Prints
# "sent done drops% do_min do_avg do_max ra_min ra_avg ra_max".
parse_perfdhcp() { # $1 file
    awk -v doonly="$DO_ONLY" '
        /^\*\*\*Statistics for: (DISCOVER-OFFER|SOLICIT-ADVERTISE)/ { sec = "do" }
        /^\*\*\*Statistics for: (REQUEST-ACK|REQUEST-REPLY)/ { sec = "ra" }
        /^sent packets:/ { sent[sec] = $3 }
        /^received packets:/ { recv[sec] = $3 }
        /^min delay:/ { mn[sec] = $3 }
        /^avg delay:/ && $3 != "min" { av[sec] = $3 }
        /^max delay:/ { mx[sec] = $3 }
        END {
            s = sent["do"] + 0
            done = doonly ? recv["do"] + 0 : recv["ra"] + 0
            drops = s > 0 ? 100 * (s - done) / s : 100
            if (drops < 0) drops = 0
            printf "%d %d %.2f %s %s %s %s %s %s\n", s, done, drops,
                fmt(mn["do"]), fmt(av["do"]), fmt(mx["do"]), fmt(mn["ra"]), fmt(av["ra"]), fmt(mx["ra"])
        }
        function fmt(v) { return (v == "" || v == "n/a" || v == "inf") ? "-" : sprintf("%.2f", v) }
    ' "$1"
}

# One measured try of server $1 at rate $2 for $3 seconds: perfdhcp, then one results line (tab-separated) on
# stdout: server rate sent done xchg/s drops do_min do_avg do_max ra_min ra_avg ra_max cpu_s rss load srv_ovf
# cli_ovf alloc_B/x gc_p99_ms gcs
measure() { # $1 server, $2 rate, $3 seconds, $4 raw output file
    local s="$1" rate="$2" secs="$3" raw="$4" c0 c1 s0 s1 k0 k1 u0="" u1="" t0 t1 gc="- - -"
    [[ "$s" == embedded ]] && u0=$(heap_used_kib "${PID[$s]}")
    c0=$(cpu_ticks "$s"); s0=$(rcvbuf_errors "${NS_SRV[$s]}"); k0=$(rcvbuf_errors "${NS_CLI[$s]}"); t0=$(now_ms)
    run_perfdhcp "$s" "$rate" "$secs" "$raw"
    t1=$(now_ms); c1=$(cpu_ticks "$s"); s1=$(rcvbuf_errors "${NS_SRV[$s]}"); k1=$(rcvbuf_errors "${NS_CLI[$s]}")
    read -r sent done drops dmn dav dmx rmn rav rmx < <(parse_perfdhcp "$raw")
    if [[ "$s" == embedded ]]; then
        u1=$(heap_used_kib "${PID[$s]}")
        [[ -n "$u0" && -n "$u1" ]] && gc=$(gc_window "$t0" "$t1" "$u0" "$u1" "$done")
    fi
    local cpu
    cpu=$(awk -v t=$(( c1 - c0 )) -v h="$TICKS" 'BEGIN { printf "%.2f", t / h }')
    # shellcheck disable=SC2086
    printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$s" "$rate" "$sent" \
        "$done" "$(( done / secs ))" "$drops" "$dmn" "$dav" "$dmx" "$rmn" "$rav" "$rmx" "$cpu" "$(rss_mib "$s")" \
        "$(load1)" $(( s1 - s0 )) $(( k1 - k0 )) $gc
}

MODE_NAME=$([[ $DO_ONLY -eq 1 ]] && echo "DO" || echo "DORA")
LAT1=DO LAT2=RA   # the two latencies: DISCOVER-OFFER and REQUEST-ACK, or SOLICIT-ADVERTISE and REQUEST-REPLY
if (( FAMILY == 6 )); then
    MODE_NAME=$([[ $DO_ONLY -eq 1 ]] && echo "SA" || echo "SARR")
    LAT1=SA LAT2=RR
fi
RESULTS="$OUT/results.tsv"
: >"$RESULTS"
lowest_rate=$(tr ' ' '\n' <<<"$RATES" | grep . | sort -n | head -n1)
steps=$(wc -w <<<"$RATES")
nservers=$(wc -w <<<"$SERVERS")
budget=$(( (steps + 1) * nservers * (PERIOD + PAUSE + 30) + nservers * WARMUP + nservers * SOAK_SECONDS * 2 + 180 ))

echo "perfdhcp-vs-kea: DHCPv$FAMILY $MODE_NAME, -R $CLIENTS, servers side by side on core $SERVER_CPU, perfdhcp on core" \
     "$CLIENT_CPU; embedded JVM flags: \"$JVM_FLAGS\"; embedded args: \"${EMBEDDED_ARGS# }\";" \
     "rmem_default $(sysctl -n net.core.rmem_default); logs in $OUT"
echo "uptime at start: $(uptime)${RT:+; SCHED_RR priority $RT}${NICE:+; nice $NICE}"
for s in $SERVERS; do start_server "$s" "$budget"; done
grep -h "receive buffer" "$OUT/embedded.server.log" 2>/dev/null | sed 's/^/embedded: /' || true
if (( WARMUP > 0 )); then
    for s in $SERVERS; do run_perfdhcp "$s" "$lowest_rate" "$WARMUP" "$OUT/$s.warmup.txt"; sleep "$PAUSE"; done
fi

if [[ -n "$SOAK_RATE" ]]; then
    # ---- soak: --soak-seconds at SOAK_RATE on each server in turn, in SAMPLE-second slices ----
    printf '%-8s %6s %8s %8s %7s %21s %21s %7s %8s %7s %7s %9s %9s %4s %5s\n' server t_s rate xchg/s drops% \
        "$LAT1 ms min/avg/max" "$LAT2 ms min/avg/max" cpu_s rss_MiB srv_ovf cli_ovf alloc_B/x gc_p99_ms gcs load
    for s in $SERVERS; do
        elapsed=0
        [[ "$s" == embedded ]] && SOAK_START_MS=$(now_ms)
        while (( elapsed < SOAK_SECONDS )); do
            slice=$(( SOAK_SECONDS - elapsed < SAMPLE ? SOAK_SECONDS - elapsed : SAMPLE ))
            line=$(measure "$s" "$SOAK_RATE" "$slice" "$OUT/$s.soak.$elapsed.txt")
            elapsed=$(( elapsed + slice ))
            printf '%s\t%s\n' "$elapsed" "$line" >>"$OUT/soak.tsv"
            awk -F'\t' -v t="$elapsed" '{ printf "%-8s %6d %8d %8d %7.2f %21s %21s %7.2f %8s %7d %7d %9s %9s %4s %5s\n",
                $1, t, $2, $5, $6, $7 "/" $8 "/" $9, $10 "/" $11 "/" $12, $13, $14, $16, $17, $18, $19, $20, $15 }' <<<"$line"
        done
        [[ "$s" == embedded ]] && SOAK_END_MS=$(now_ms)
        sleep "$PAUSE"
    done
    if [[ -s "$GC_LOG" && -n "${SOAK_START_MS:-}" ]]; then
        echo "embedded GC pauses during the soak, warm-up excluded (from $GC_LOG):"
        awk -v t0="$SOAK_START_MS" -v t1="$SOAK_END_MS" '/Pause/ { ts = substr($1, 2) + 0; if (ts < t0 || ts > t1) next
                ms = $NF; sub(/ms$/, "", ms); print ms + 0 }' "$GC_LOG" | sort -n | awk '{ p[NR] = $1 }
            END { if (NR) { r = int(0.99 * NR + 0.999999); printf "  %d pauses, p50 %.2f ms, p99 %.2f ms, max %.2f ms\n",
                  NR, p[int(0.5 * NR + 0.999999)], p[r], p[NR] }
                  else print "  0 pauses: no collection during the soak" }' | tee "$OUT/soak.gc.txt"
        printf '%s\t%s\n' "$SOAK_START_MS" "$SOAK_END_MS" >"$OUT/soak.window"
    fi
    echo "uptime at end: $(uptime)"
    exit 0
fi

# ---- ladder: each rate on each server still in the race, alternating which goes first ----
declare -A OUT_OF_RACE
i=0
for rate in $RATES; do
    order="$SERVERS"
    (( i % 2 == 1 )) && order="$(tr ' ' '\n' <<<"$SERVERS" | grep . | tac | tr '\n' ' ')"
    i=$(( i + 1 ))
    for s in $order; do
        [[ -n "${OUT_OF_RACE[$s]:-}" ]] && continue
        kill -0 "${PID[$s]}" 2>/dev/null || die "$s died during the ladder (log: $OUT/$s.server.log)"
        line=$(measure "$s" "$rate" "$PERIOD" "$OUT/$s.$MODE_NAME.$rate.txt")
        printf '%s\n' "$line" >>"$RESULTS"
        drops=$(cut -f6 <<<"$line")
        echo "  $s $rate/s: $(cut -f5 <<<"$line") exchanges/s, $drops % drops, cpu $(cut -f13 <<<"$line")s," \
             "GC p99 $(cut -f19 <<<"$line") ms, load $(load1)" >&2
        if awk -v d="$drops" -v m="$STOP_ABOVE" 'BEGIN { exit !(d > m) }'; then
            echo "  $s: more than $STOP_ABOVE % drops, no higher rate for it" >&2
            OUT_OF_RACE[$s]=1
        fi
        sleep "$PAUSE"
    done
done

echo
echo "$MODE_NAME, $PERIOD s per step, -R $CLIENTS; latency in ms; cpu = server utime+stime during the step;"
echo "srv_ovf/cli_ovf = datagrams lost to a full UDP receive buffer at the server / at perfdhcp;"
echo "alloc B/exchange and GC p99 ms (and the number of collections) from the embedded JVM's GC log and jstat"
awk -F'\t' -v period="$PERIOD" -v mode="$MODE_NAME" -v lat1="$LAT1" -v lat2="$LAT2" -v only="$DO_ONLY" '
    BEGIN {
        printf "%-8s %7s %8s %7s %21s %21s %7s %5s %8s %7s %7s %9s %9s %4s %5s\n", "server", "offered", "xchg/s",
            "drops%", lat1 " min/avg/max", (only ? "" : lat2 " min/avg/max"), "cpu_s", "cpu%", "rss_MiB",
            "srv_ovf", "cli_ovf", "alloc_B/x", "gc_p99_ms", "gcs", "load"
    }
    {
        ra = only ? "" : $10 "/" $11 "/" $12
        printf "%-8s %7d %8d %7.2f %21s %21s %7.2f %5.0f %8s %7d %7d %9s %9s %4s %5s\n", $1, $2, $5, $6,
            $7 "/" $8 "/" $9, ra, $13, 100 * $13 / period, $14, $16, $17, $18, $19, $20, $15
        if ($6 <= 0.5 && $2 > knee[$1]) knee[$1] = $2
        if (!($1 in knee)) knee[$1] = 0
        cpu[$1, $2] = $13
        sent[$1, $2] = $3; done_[$1, $2] = $4
    }
    END {
        print ""
        for (s in knee) printf "knee (highest offered rate with <= 0.5%% drops) %-8s %d/s\n", s, knee[s]
        if (("embedded" in knee) && ("kea" in knee)) {
            if (knee["kea"] > 0) printf "knee ratio embedded/kea: %.2f (target >= 1.5)\n", knee["embedded"] / knee["kea"]
            else print "knee ratio embedded/kea: n/a (kea has no step with <= 0.5% drops)"
            k = knee["kea"]
            if (k > 0 && (("embedded", k) in cpu) && cpu["kea", k] > 0)
                printf "server CPU at kea knee (%d/s): embedded %.2f s, kea %.2f s, ratio %.2f (target <= 0.5)\n",
                    k, cpu["embedded", k], cpu["kea", k], cpu["embedded", k] / cpu["kea", k]
        }
    }
' "$RESULTS" | tee "$OUT/table.txt"
echo "uptime at end: $(uptime)"
echo "raw perfdhcp output, server logs, the GC log and results.tsv: $OUT"
