#!/bin/sh
# dhclient -6 -sf script for dhcp-embedded test labs (POSIX sh + iproute2).
# Applies the IA_NA address, never touches /etc/resolv.conf (it is the host's file inside a netns), and prints
# one parseable line per event:
#   DHCP6-EVENT event=BOUND6 iface=eth0 ip6=2001:db8:1::100 plen=128 prefix=2001:db8:100::/56 dns=2001:db8:1::53 search=lab.test preferred=3600 valid=7200
# Reasons: PREINIT6 BOUND6 RENEW6 REBIND6 REBOOT6 DEPREF6 EXPIRE6 RELEASE6 STOP6 (others are reported only).

iface="$interface"

report() {
    echo "DHCP6-EVENT event=$reason iface=$iface ip6=${new_ip6_address:-} plen=${new_ip6_prefixlen:-} prefix=${new_ip6_prefix:-} dns=$(echo ${new_dhcp6_name_servers:-} | tr ' ' ',') search=$(echo ${new_dhcp6_domain_search:-} | tr ' ' ',') preferred=${new_preferred_life:-} valid=${new_max_life:-}"
}

case "$reason" in
    PREINIT6)
        ip link set dev "$iface" up
        report
        ;;
    BOUND6|RENEW6|REBIND6|REBOOT6)
        if [ -n "${new_ip6_address:-}" ]; then
            ip -6 addr replace "$new_ip6_address/${new_ip6_prefixlen:-128}" dev "$iface" \
                valid_lft "${new_max_life:-forever}" preferred_lft "${new_preferred_life:-forever}" nodad
        fi
        report
        ;;
    EXPIRE6|RELEASE6|STOP6)
        if [ -n "${old_ip6_address:-}" ]; then
            ip -6 addr del "$old_ip6_address/${old_ip6_prefixlen:-128}" dev "$iface" 2>/dev/null
        fi
        report
        ;;
    *)
        report
        ;;
esac
exit 0
