#!/usr/bin/env bash
# Load benchmark: dhcp-embedded (its CLI, --interface) against kea-dhcp4 (memfile, no persistence), both driven
# by Kea's perfdhcp, in the same run. Traffic stays inside two network namespaces joined by a veth pair that this
# script creates and removes. See examples/bench/README.md.
set -euo pipefail

usage() {
    cat <<'EOF'
usage: sudo examples/bench/perfdhcp-vs-kea.sh [options]

  --servers "embedded kea"   which servers, in this order (default: both)
  --rates "2000 4000 ..."    the ladder of offered rates, exchanges/s (default: 2000 4000 6000 8000 10000 12000 15000)
  --period N                 seconds per step (default 10)
  --clients N                perfdhcp -R, simulated clients, >= 10000 (default 10000)
  --do-only                  DISCOVER-OFFER only (perfdhcp -i); default is DISCOVER-OFFER-REQUEST-ACK
  --warmup N                 seconds of unrecorded load at the lowest rate before each server's ladder (default 5)
  --stop-above PCT           stop a server's ladder after a step with more than PCT % drops (default 50)
  --lease N                  lease time in seconds, both servers (default 3600)
  --soak RATE                instead of the ladder: one run of --soak-seconds at RATE, sampled every --sample s
  --soak-seconds N           (default 60)
  --sample N                 (default 5)
  --jar FILE                 the CLI jar (default: cli/target/dhcp-embedded-cli-*-all.jar)
  --rt PRIO                  run servers and perfdhcp SCHED_RR at PRIO (chrt -r), so that other work on a busy
                             machine (builds) does not steal their cores; the kernel still keeps 5 % for others
  --rmem BYTES               for the run, set the host's net.core.rmem_default (every new socket's receive
                             buffer, perfdhcp's and Kea's included) and restore it on exit (default: leave it)
  --out DIR                  keep logs, configs and raw perfdhcp output there (default: a new temp dir)
  -h, --help

environment:
  JAVA_OPTS    JVM flags of the embedded server (default: -Xms512m -Xmx512m -XX:+UseShenandoahGC -XX:+AlwaysPreTouch)
  EMBEDDED_ARGS  extra flags for the embedded CLI, e.g. "--journal 1000" (default: none, i.e. its defaults)
  SERVER_CPU   core of the servers (default 0)      CLIENT_CPU   core of perfdhcp (default 1)
EOF
}

SERVERS="embedded kea"
RATES="2000 4000 6000 8000 10000 12000 15000"
PERIOD=10
CLIENTS=10000
DO_ONLY=0
WARMUP=5
STOP_ABOVE=50
LEASE=3600
SOAK_RATE=""
SOAK_SECONDS=60
SAMPLE=5
JAR=""
OUT=""
RT=""
JAVA_OPTS="${JAVA_OPTS:--Xms512m -Xmx512m -XX:+UseShenandoahGC -XX:+AlwaysPreTouch}"
SERVER_CPU="${SERVER_CPU:-0}"
CLIENT_CPU="${CLIENT_CPU:-1}"
EMBEDDED_ARGS="${EMBEDDED_ARGS:-}"
RMEM=""
RMEM_BEFORE=""

die() { echo "perfdhcp-vs-kea: $*" >&2; exit 2; }
need_value() { [[ $# -ge 2 && -n "$2" ]] || die "$1 needs a value (see --help)"; }

while [[ $# -gt 0 ]]; do
    case "$1" in
        --servers) need_value "$@"; SERVERS="$2"; shift 2 ;;
        --rates) need_value "$@"; RATES="$2"; shift 2 ;;
        --period) need_value "$@"; PERIOD="$2"; shift 2 ;;
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
        --rmem) need_value "$@"; RMEM="$2"; shift 2 ;;
        -h|--help) usage; exit 0 ;;
        *) die "unknown option '$1' (see --help)" ;;
    esac
done

[[ $(id -u) -eq 0 ]] || die "needs root (it creates network namespaces): run it with sudo"
for tool in ip taskset perfdhcp java awk; do
    command -v "$tool" >/dev/null || die "'$tool' is not installed (perfdhcp: apt-get install kea-admin)"
done
for s in $SERVERS; do
    case "$s" in
        embedded) ;;
        kea) command -v kea-dhcp4 >/dev/null || die "kea-dhcp4 is not installed (apt-get install kea-dhcp4-server)" ;;
        *) die "--servers: unknown server '$s' (embedded, kea)" ;;
    esac
done
is_int() { [[ "$1" =~ ^[0-9]+$ ]]; }
for r in $RATES; do is_int "$r" && (( r > 0 )) || die "--rates: '$r' is not a positive integer"; done
for v in "$PERIOD" "$CLIENTS" "$WARMUP" "$LEASE" "$SOAK_SECONDS" "$SAMPLE" "$STOP_ABOVE"; do
    is_int "$v" || die "'$v' is not a non-negative integer"
done
(( CLIENTS >= 10000 )) || die "--clients $CLIENTS: use 10000 or more, as the issue asks"
(( CLIENTS <= 60000 )) || die "--clients $CLIENTS: the pool holds 65024 addresses; use at most 60000"
(( PERIOD >= 1 && PERIOD <= 600 )) || die "--period must be 1..600 seconds"
[[ -z "$SOAK_RATE" ]] || { is_int "$SOAK_RATE" && (( SOAK_RATE > 0 )); } || die "--soak needs a rate"
(( SAMPLE >= 1 )) || die "--sample must be at least 1"
PIN_PREFIX=()
if [[ -n "$RT" ]]; then
    { is_int "$RT" && (( RT >= 1 && RT <= 99 )); } || die "--rt needs a priority 1..99"
    command -v chrt >/dev/null || die "--rt needs chrt (util-linux)"
    PIN_PREFIX=(chrt -r "$RT")
fi

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$HERE/../.." && pwd)"
if [[ -z "$JAR" ]]; then
    JAR="$(ls "$ROOT"/cli/target/dhcp-embedded-cli-*-all.jar 2>/dev/null | head -n1 || true)"
    [[ -n "$JAR" ]] || die "no CLI jar; build it: mvn -q -pl dhcp-embedded package -DskipTests (or pass --jar)"
fi
[[ -f "$JAR" ]] || die "--jar $JAR: no such file"
if [[ -z "$OUT" ]]; then OUT="$(mktemp -d /tmp/perfdhcp-vs-kea.XXXXXX)"; else mkdir -p "$OUT"; fi
OUT="$(cd "$OUT" && pwd)"

# ---- the lab: two namespaces, one veth pair, names unique to this run ----
TAG="$$"
NS_SRV="pdk-s-$TAG"
NS_CLI="pdk-c-$TAG"
IF_SRV="pdks$TAG"
IF_CLI="pdkc$TAG"
SRV_IP=10.77.0.1
CLI_IP=10.77.0.2
SUBNET=10.77.0.0/16
POOL_FIRST=10.77.1.0
POOL_LAST=10.77.254.255
SERVER_PID=""

cleanup() {
    local rc=$?
    trap - EXIT INT TERM
    stop_server || true
    local ns pid
    for ns in "$NS_CLI" "$NS_SRV"; do
        if ip netns list 2>/dev/null | grep -qw "$ns"; then
            for pid in $(ip netns pids "$ns" 2>/dev/null); do kill "$pid" 2>/dev/null || true; done
            sleep 0.2
            for pid in $(ip netns pids "$ns" 2>/dev/null); do kill -9 "$pid" 2>/dev/null || true; done
            ip netns del "$ns" 2>/dev/null || true
        fi
    done
    ip link del "$IF_SRV" 2>/dev/null || true
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
ip netns add "$NS_SRV"
ip netns add "$NS_CLI"
ip link add "$IF_SRV" type veth peer name "$IF_CLI"
ip link set "$IF_SRV" netns "$NS_SRV"
ip link set "$IF_CLI" netns "$NS_CLI"
ip -n "$NS_SRV" addr add "$SRV_IP/16" dev "$IF_SRV"
ip -n "$NS_CLI" addr add "$CLI_IP/16" dev "$IF_CLI"
for ns in "$NS_SRV" "$NS_CLI"; do ip -n "$ns" link set lo up; done
ip -n "$NS_SRV" link set "$IF_SRV" up
ip -n "$NS_CLI" link set "$IF_CLI" up
# Room for bursts, so that drops are the server's and not the socket's defaults.
ip netns exec "$NS_SRV" sysctl -qw net.core.rmem_max=8388608 net.core.wmem_max=8388608 2>/dev/null || true

# ---- servers ----
KEA_CONF="$OUT/kea-dhcp4.json"
cat >"$KEA_CONF" <<EOF
{
  "Dhcp4": {
    "interfaces-config": { "interfaces": [ "$IF_SRV" ], "dhcp-socket-type": "udp" },
    "lease-database": { "type": "memfile", "persist": false, "lfc-interval": 0 },
    "multi-threading": { "enable-multi-threading": false },
    "valid-lifetime": $LEASE,
    "subnet4": [ { "id": 1, "subnet": "$SUBNET", "pools": [ { "pool": "$POOL_FIRST - $POOL_LAST" } ] } ],
    "loggers": [ { "name": "kea-dhcp4", "severity": "WARN",
                   "output_options": [ { "output": "$OUT/kea-dhcp4.log" } ] } ]
  }
}
EOF

start_server() { # $1 = embedded|kea, $2 = budget in seconds
    local which="$1" budget="$2" log="$OUT/$1.server.log" i
    case "$which" in
        embedded)
            # shellcheck disable=SC2086
            ip netns exec "$NS_SRV" "${PIN_PREFIX[@]}" taskset -c "$SERVER_CPU" java $JAVA_OPTS -jar "$JAR" --interface "$IF_SRV" \
                --subnet "$SUBNET" --pool "$POOL_FIRST-$POOL_LAST" --lease "$LEASE" --quiet \
                --max-seconds "$budget" $EMBEDDED_ARGS >"$log" 2>&1 &
            ;;
        kea)
            mkdir -p "$OUT/kea-run"
            KEA_PIDFILE_DIR="$OUT/kea-run" KEA_LOCKFILE_DIR="$OUT/kea-run" \
                ip netns exec "$NS_SRV" "${PIN_PREFIX[@]}" taskset -c "$SERVER_CPU" kea-dhcp4 -c "$KEA_CONF" >"$log" 2>&1 &
            ;;
    esac
    SERVER_PID=$!
    for i in $(seq 150); do
        kill -0 "$SERVER_PID" 2>/dev/null || { cat "$log" >&2; die "$which exited at start (log: $log)"; }
        if ip netns exec "$NS_SRV" ss -Hlun 'sport = :67' | grep -q .; then
            sleep 0.3
            return 0
        fi
        sleep 0.2
    done
    cat "$log" >&2
    die "$which did not listen on port 67 within 30 s (log: $log)"
}

stop_server() {
    if [[ -n "$SERVER_PID" ]]; then
        kill "$SERVER_PID" 2>/dev/null || true
        local i
        for i in $(seq 50); do kill -0 "$SERVER_PID" 2>/dev/null || break; sleep 0.1; done
        kill -9 "$SERVER_PID" 2>/dev/null || true
        wait "$SERVER_PID" 2>/dev/null || true
        SERVER_PID=""
    fi
}

TICKS=$(getconf CLK_TCK)
cpu_ticks() { awk '{ sub(/^.*\) /, ""); print $12 + $13 }' "/proc/$SERVER_PID/stat"; } # utime+stime, after comm
rss_mib() { awk '/^VmRSS:/ { printf "%.1f", $2 / 1024 }' "/proc/$SERVER_PID/status"; }
load1() { cut -d' ' -f1 /proc/loadavg; }
# UDP receive-buffer overflows in a namespace (/proc/net/snmp is per namespace): tells drops at the server's socket
# from drops at perfdhcp's socket (a server that stalls, e.g. in GC, then answers in a burst overflows perfdhcp's).
rcvbuf_errors() { ip netns exec "$1" awk '/^Udp:/ { if (!h) { for (i = 1; i <= NF; i++) if ($i == "RcvbufErrors") c = i; h = 1 } else print $c }' /proc/net/snmp; }

# Runs perfdhcp once, bounded in time (-p, timeout) and count (-n); raw output to $3.
run_perfdhcp() { # $1 rate, $2 seconds, $3 output file
    local rate="$1" secs="$2" out="$3" count=$(( $1 * $2 )) mode=(-W 500000)
    # perfdhcp 2.2 refuses -W (exit wait) together with -i ("Packets exchange not specified")
    (( DO_ONLY )) && mode=(-i)
    ip netns exec "$NS_CLI" timeout --kill-after=5 $(( secs + 20 )) "${PIN_PREFIX[@]}" taskset -c "$CLIENT_CPU" \
        perfdhcp -4 "${mode[@]}" -g single -l "$CLI_IP" -r "$rate" -p "$secs" -n "$count" -R "$CLIENTS" \
        "$SRV_IP" >"$out" 2>&1 || true
}

# From a perfdhcp report: completed exchanges, drops %, and the latencies. Prints
# "sent done drops% do_min do_avg do_max ra_min ra_avg ra_max".
parse_perfdhcp() { # $1 file
    awk -v doonly="$DO_ONLY" '
        /^\*\*\*Statistics for: DISCOVER-OFFER/ { sec = "do" }
        /^\*\*\*Statistics for: REQUEST-ACK/ { sec = "ra" }
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

MODE_NAME=$([[ $DO_ONLY -eq 1 ]] && echo "DO" || echo "DORA")
RESULTS="$OUT/results.tsv"
: >"$RESULTS"
lowest_rate=$(tr ' ' '\n' <<<"$RATES" | grep . | sort -n | head -n1)
steps=$(wc -w <<<"$RATES")
budget=$(( (steps + 1) * (PERIOD + 25) + WARMUP + SOAK_SECONDS + 120 ))

echo "perfdhcp-vs-kea: $MODE_NAME, -R $CLIENTS, servers on core $SERVER_CPU, perfdhcp on core $CLIENT_CPU;" \
     "JAVA_OPTS=\"$JAVA_OPTS\"; logs in $OUT"
echo "uptime at start: $(uptime)${RT:+; SCHED_RR priority $RT}"

if [[ -n "$SOAK_RATE" ]]; then
    # ---- soak: one long load at SOAK_RATE, in SAMPLE-second slices, RSS and CPU read between them ----
    printf '%-8s %6s %8s %8s %7s %21s %21s %7s %8s %7s %7s %5s\n' server t_s rate xchg/s drops% \
        "DO ms min/avg/max" "RA ms min/avg/max" cpu_s rss_MiB srv_ovf cli_ovf load
    for server in $SERVERS; do
        start_server "$server" "$budget"
        (( WARMUP > 0 )) && run_perfdhcp "$SOAK_RATE" "$WARMUP" "$OUT/$server.soak-warmup.txt"
        elapsed=0
        while (( elapsed < SOAK_SECONDS )); do
            slice=$(( SOAK_SECONDS - elapsed < SAMPLE ? SOAK_SECONDS - elapsed : SAMPLE ))
            c0=$(cpu_ticks); s0=$(rcvbuf_errors "$NS_SRV"); k0=$(rcvbuf_errors "$NS_CLI")
            run_perfdhcp "$SOAK_RATE" "$slice" "$OUT/$server.soak.$elapsed.txt"
            c1=$(cpu_ticks); s1=$(rcvbuf_errors "$NS_SRV"); k1=$(rcvbuf_errors "$NS_CLI")
            elapsed=$(( elapsed + slice ))
            read -r sent done drops dmn dav dmx rmn rav rmx < <(parse_perfdhcp "$OUT/$server.soak.$((elapsed - slice)).txt")
            printf '%-8s %6d %8d %8d %7s %21s %21s %7.2f %8s %7d %7d %5s\n' "$server" "$elapsed" "$SOAK_RATE" \
                $(( done / slice )) "$drops" "$dmn/$dav/$dmx" "$rmn/$rav/$rmx" \
                "$(awk -v t=$(( c1 - c0 )) -v h="$TICKS" 'BEGIN { print t / h }')" "$(rss_mib)" \
                $(( s1 - s0 )) $(( k1 - k0 )) "$(load1)"
        done
        stop_server
    done
    echo "uptime at end: $(uptime)"
    exit 0
fi

# ---- ladder ----
for server in $SERVERS; do
    start_server "$server" "$budget"
    (( WARMUP > 0 )) && run_perfdhcp "$lowest_rate" "$WARMUP" "$OUT/$server.warmup.txt"
    for rate in $RATES; do
        kill -0 "$SERVER_PID" 2>/dev/null || die "$server died during the ladder (log: $OUT/$server.server.log)"
        raw="$OUT/$server.$MODE_NAME.$rate.txt"
        c0=$(cpu_ticks); s0=$(rcvbuf_errors "$NS_SRV"); k0=$(rcvbuf_errors "$NS_CLI")
        run_perfdhcp "$rate" "$PERIOD" "$raw"
        c1=$(cpu_ticks); s1=$(rcvbuf_errors "$NS_SRV"); k1=$(rcvbuf_errors "$NS_CLI")
        read -r sent done drops dmn dav dmx rmn rav rmx < <(parse_perfdhcp "$raw")
        cpu=$(awk -v t=$(( c1 - c0 )) -v h="$TICKS" 'BEGIN { printf "%.2f", t / h }')
        printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$server" "$rate" "$sent" "$done" \
            "$(( done / PERIOD ))" "$drops" "$dmn" "$dav" "$dmx" "$rmn" "$rav" "$rmx" "$cpu" "$(rss_mib)" \
            "$(load1)" $(( s1 - s0 )) $(( k1 - k0 )) >>"$RESULTS"
        echo "  $server $rate/s: $(( done / PERIOD )) exchanges/s, $drops % drops, cpu ${cpu}s, load $(load1)" >&2
        if awk -v d="$drops" -v m="$STOP_ABOVE" 'BEGIN { exit !(d > m) }'; then
            echo "  $server: more than $STOP_ABOVE % drops, ladder stopped" >&2
            break
        fi
        sleep 1
    done
    stop_server
done

echo
echo "$MODE_NAME, $PERIOD s per step, -R $CLIENTS; latency in ms; cpu = server utime+stime during the step;"
echo "srv_ovf/cli_ovf = datagrams lost to a full UDP receive buffer at the server / at perfdhcp"
awk -F'\t' -v period="$PERIOD" -v mode="$MODE_NAME" '
    BEGIN {
        printf "%-8s %7s %8s %7s %21s %21s %7s %5s %8s %7s %7s %5s\n", "server", "offered", "xchg/s", "drops%",
            "DO min/avg/max", (mode == "DO" ? "" : "RA min/avg/max"), "cpu_s", "cpu%", "rss_MiB", "srv_ovf",
            "cli_ovf", "load"
    }
    {
        ra = (mode == "DO") ? "" : $10 "/" $11 "/" $12
        printf "%-8s %7d %8d %7.2f %21s %21s %7.2f %5.0f %8s %7d %7d %5s\n", $1, $2, $5, $6, $7 "/" $8 "/" $9,
            ra, $13, 100 * $13 / period, $14, $16, $17, $15
        if ($6 <= 0.5 && $2 > knee[$1]) knee[$1] = $2
        if (!($1 in knee)) knee[$1] = 0
        cpu[$1, $2] = $13
    }
    END {
        print ""
        for (s in knee) printf "knee (highest offered rate with <= 0.5%% drops) %-8s %d/s\n", s, knee[s]
        if (("embedded" in knee) && ("kea" in knee)) {
            if (knee["kea"] > 0) printf "knee ratio embedded/kea: %.2f (target >= 1.5)\n", knee["embedded"] / knee["kea"]
            else print "knee ratio embedded/kea: n/a (kea has no step with <= 0.5% drops)"
            k = knee["kea"]
            if (k > 0 && (("embedded", k) in cpu) && cpu["kea", k] > 0)
                printf "server CPU at kea knee (%d/s): embedded %.2f s, kea %.2f s, ratio %.2f (target < 0.60)\n",
                    k, cpu["embedded", k], cpu["kea", k], cpu["embedded", k] / cpu["kea", k]
        }
    }
' "$RESULTS" | tee "$OUT/table.txt"
echo "uptime at end: $(uptime)"
echo "raw perfdhcp output, server logs and results.tsv: $OUT"
