#!/bin/sh
# dhcpcd -c script for dhcp-embedded test labs. dhcpcd applies addresses and routes
# itself; this script replaces dhcpcd-run-hooks, so no hook runs: none touches
# /etc/resolv.conf (the host's file inside a netns). It does what the hooks would do
# that a test can see: the interface MTU (option 26, dhcpcd's 10-mtu hook), and DNS
# written to DHCP_RESOLV_CONF when that names a file. It prints one parseable line per
# event, with the common fields, then mtu/hostname/search/wpad/vendor, then every
# new_* variable dhcpcd passed (lists with commas):
#   DHCP-EVENT event=BOUND iface=eth0 ip=10.0.0.100 mask=24 router=10.0.0.1 dns=10.0.0.53 domain=lab.test lease=600 serverid=10.0.0.1 staticroutes= mtu=1400 ... new_host_name=x ...
commas() { echo ${1:-} | tr ' ' ','; }
case "$reason" in
    BOUND|RENEW|REBIND|REBOOT|INFORM|STATIC)
        if [ -n "${DHCP_RESOLV_CONF:-}" ]; then
            {
                [ -n "${new_domain_name:-}" ] && echo "search $new_domain_name"
                for d in ${new_domain_name_servers:-}; do echo "nameserver $d"; done
            } > "$DHCP_RESOLV_CONF"
        fi
        if [ -n "${new_interface_mtu:-}" ] && [ "$new_interface_mtu" -ge 576 ] 2>/dev/null; then
            ip link set dev "$interface" mtu "$new_interface_mtu" 2>/dev/null || true
        fi
        ;;
esac
case "$reason" in
    PREINIT|CARRIER|NOCARRIER|BOUND|RENEW|REBIND|REBOOT|EXPIRE|NAK|RELEASE|STOP|STOPPED|DEPARTED|INFORM|TIMEOUT|FAIL|IPV4LL|STATIC)
        all=$(env | grep '^new_' | sort | while IFS='=' read -r key value; do
            printf ' %s=%s' "$key" "$(commas "$value")"
        done)
        echo "DHCP-EVENT event=$reason iface=$interface ip=${new_ip_address:-${old_ip_address:-}} mask=${new_subnet_cidr:-} router=$(commas "${new_routers:-}") dns=$(commas "${new_domain_name_servers:-}") domain=${new_domain_name:-} lease=${new_dhcp_lease_time:-} serverid=${new_dhcp_server_identifier:-} staticroutes=$(commas "${new_classless_static_routes:-}") mtu=${new_interface_mtu:-} hostname=${new_host_name:-} search=$(commas "${new_domain_search:-}") wpad=${new_wpad_url:-} vendor=$(echo ${new_vendor_encapsulated_options:-} | tr -d ':')$all"
        ;;
esac
exit 0
