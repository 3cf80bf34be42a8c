#!/bin/sh
# udhcpc event script for dhcp-embedded test labs (POSIX sh; works with busybox ip or iproute2).
# Applies address, default router and classless static routes (121) to $interface,
# never touches /etc/resolv.conf (it is the host's file inside a netns) unless
# DHCP_RESOLV_CONF names a file to write, and prints one parseable line per event:
#   DHCP-EVENT event=bound iface=eth0 ip=10.0.0.100 mask=24 router=10.0.0.1 dns=10.0.0.53 domain=lab.test lease=600 serverid=10.0.0.1 staticroutes=
# Events: deconfig bound renew nak leasefail.

event="$1"
iface="$interface"

prefix_of() {
    # dotted netmask -> prefix length
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

report() {
    echo "DHCP-EVENT event=$event iface=$iface ip=${ip:-} mask=${plen:-} router=$(echo ${router:-} | tr ' ' ',') dns=$(echo ${dns:-} | tr ' ' ',') domain=${domain:-} lease=${lease:-} serverid=${serverid:-} staticroutes=$(echo ${staticroutes:-} | tr ' ' ',') message=${message:-} mtu=${mtu:-} hostname=${hostname:-} search=$(echo ${search:-} | tr ' ' ',') wpad=${wpad:-} vendor=${opt43:-}"
}

case "$event" in
    deconfig)
        ip link set dev "$iface" up
        ip -4 addr flush dev "$iface"
        ip -4 route flush dev "$iface" 2>/dev/null
        report
        ;;
    bound|renew)
        plen="${mask:-}"
        [ -n "$plen" ] || plen=$(prefix_of "${subnet:-255.255.255.0}")
        if [ "$event" = bound ]; then
            ip -4 addr flush dev "$iface"
        fi
        ip -4 addr replace "$ip/$plen" dev "$iface" ${broadcast:+broadcast $broadcast}
        ip -4 route flush exact 0.0.0.0/0 dev "$iface" 2>/dev/null
        first_router=$(echo ${router:-} | cut -d' ' -f1)
        if [ -n "$first_router" ]; then
            ip -4 route add default via "$first_router" dev "$iface"
        fi
        # option 121: "net/len gw net/len gw ..."
        if [ -n "${staticroutes:-}" ]; then
            set -- $staticroutes
            while [ $# -ge 2 ]; do
                ip -4 route replace "$1" via "$2" dev "$iface"
                shift 2
            done
        fi
        if [ -n "${DHCP_RESOLV_CONF:-}" ]; then
            {
                [ -n "${domain:-}" ] && echo "search $domain"
                for d in ${dns:-}; do echo "nameserver $d"; done
            } > "$DHCP_RESOLV_CONF"
        fi
        report
        ;;
    nak|leasefail)
        report
        ;;
    *)
        report
        ;;
esac
exit 0
