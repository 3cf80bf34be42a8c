#!/bin/sh
# dhcpcd -c script for dhcp-embedded test labs. dhcpcd applies addresses and routes
# itself; this script replaces dhcpcd-run-hooks so no hook touches /etc/resolv.conf
# (the host's file inside a netns), writes DNS to DHCP_RESOLV_CONF when that names a
# file, and prints one parseable line per event:
#   DHCP-EVENT event=BOUND iface=eth0 ip=10.0.0.100 mask=24 router=10.0.0.1 dns=10.0.0.53 domain=lab.test lease=600 serverid=10.0.0.1 staticroutes=
case "$reason" in
    BOUND|RENEW|REBIND|REBOOT|INFORM|STATIC)
        if [ -n "${DHCP_RESOLV_CONF:-}" ]; then
            {
                [ -n "${new_domain_name:-}" ] && echo "search $new_domain_name"
                for d in ${new_domain_name_servers:-}; do echo "nameserver $d"; done
            } > "$DHCP_RESOLV_CONF"
        fi
        ;;
esac
case "$reason" in
    PREINIT|CARRIER|NOCARRIER|BOUND|RENEW|REBIND|REBOOT|EXPIRE|NAK|RELEASE|STOP|STOPPED|DEPARTED|INFORM|TIMEOUT|FAIL|IPV4LL|STATIC)
        echo "DHCP-EVENT event=$reason iface=$interface ip=${new_ip_address:-${old_ip_address:-}} mask=${new_subnet_cidr:-} router=$(echo ${new_routers:-} | tr ' ' ',') dns=$(echo ${new_domain_name_servers:-} | tr ' ' ',') domain=${new_domain_name:-} lease=${new_dhcp_lease_time:-} serverid=${new_dhcp_server_identifier:-} staticroutes=$(echo ${new_classless_static_routes:-} | tr ' ' ',')"
        ;;
esac
exit 0
