#!/bin/sh
# dhclient -sf script for dhcp-embedded test labs (POSIX sh + iproute2).
# Applies address, default router and classless static routes (121), never
# touches /etc/resolv.conf (it is the host's file inside a netns) unless
# DHCP_RESOLV_CONF names a file to write, and prints one parseable line per event:
#   DHCP-EVENT event=BOUND iface=eth0 ip=10.0.0.100 mask=24 router=10.0.0.1 dns=10.0.0.53 domain=lab.test lease=600 serverid=10.0.0.1 staticroutes=
# Reasons: PREINIT BOUND RENEW REBIND REBOOT EXPIRE FAIL RELEASE STOP TIMEOUT (and *6 ones, ignored).

iface="$interface"

prefix_of() {
    n=0
    old_ifs=$IFS; IFS=.
    for octet in $1; do
        case "$octet" in
            255) n=$((n + 8)) ;; 254) n=$((n + 7)) ;; 252) n=$((n + 6)) ;; 248) n=$((n + 5)) ;;
            240) n=$((n + 4)) ;; 224) n=$((n + 3)) ;; 192) n=$((n + 2)) ;; 128) n=$((n + 1)) ;;
        esac
    done
    IFS=$old_ifs
    echo "$n"
}

# option 121 as dhclient passes it: "len a b c d gw1 gw2 gw3 gw4 len ..." (significant octets only)
# prints "net/len gw" pairs, space separated
routes_121() {
    set -- $1
    out=""
    while [ $# -ge 5 ]; do
        len=$1; shift
        octets=$(( (len + 7) / 8 ))
        net=""; i=0
        while [ $i -lt 4 ]; do
            if [ $i -lt $octets ]; then net="$net${net:+.}$1"; shift; else net="$net${net:+.}0"; fi
            i=$((i + 1))
        done
        gw="$1.$2.$3.$4"; shift 4
        out="$out${out:+ }$net/$len $gw"
    done
    echo "$out"
}

report() {
    echo "DHCP-EVENT event=$reason iface=$iface ip=${1:-} mask=${2:-} router=$(echo ${3:-} | tr ' ' ',') dns=$(echo ${4:-} | tr ' ' ',') domain=${5:-} lease=${6:-} serverid=${7:-} staticroutes=$(echo ${8:-} | tr ' ' ',')"
}

case "$reason" in
    PREINIT)
        ip link set dev "$iface" up
        report
        ;;
    BOUND|RENEW|REBIND|REBOOT)
        plen=$(prefix_of "${new_subnet_mask:-255.255.255.0}")
        if [ -n "${old_ip_address:-}" ] && [ "$old_ip_address" != "$new_ip_address" ]; then
            ip -4 addr flush dev "$iface"
        fi
        ip -4 addr replace "$new_ip_address/$plen" dev "$iface" ${new_broadcast_address:+broadcast $new_broadcast_address}
        ip -4 route flush exact 0.0.0.0/0 dev "$iface" 2>/dev/null
        routes=""
        if [ -n "${new_rfc3442_classless_static_routes:-}" ]; then
            routes=$(routes_121 "$new_rfc3442_classless_static_routes")
            set -- $routes
            while [ $# -ge 2 ]; do
                if [ "$2" = 0.0.0.0 ]; then
                    ip -4 route replace "$1" dev "$iface"
                else
                    ip -4 route replace "$1" via "$2" dev "$iface"
                fi
                shift 2
            done
        else
            first_router=$(echo ${new_routers:-} | cut -d' ' -f1)
            [ -n "$first_router" ] && ip -4 route add default via "$first_router" dev "$iface"
        fi
        if [ -n "${DHCP_RESOLV_CONF:-}" ]; then
            {
                [ -n "${new_domain_name:-}" ] && echo "search $new_domain_name"
                for d in ${new_domain_name_servers:-}; do echo "nameserver $d"; done
            } > "$DHCP_RESOLV_CONF"
        fi
        report "$new_ip_address" "$plen" "${new_routers:-}" "${new_domain_name_servers:-}" "${new_domain_name:-}" \
            "${new_dhcp_lease_time:-}" "${new_dhcp_server_identifier:-}" "$routes"
        ;;
    EXPIRE|FAIL|RELEASE|STOP)
        ip -4 addr flush dev "$iface"
        ip -4 route flush dev "$iface" 2>/dev/null
        report "${old_ip_address:-}"
        ;;
    TIMEOUT)
        report
        exit 1
        ;;
    *)
        ;;
esac
exit 0
