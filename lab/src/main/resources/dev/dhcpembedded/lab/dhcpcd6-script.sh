#!/bin/sh
# dhcpcd -6 -c script for dhcp-embedded test labs. dhcpcd applies addresses and routes itself; this script replaces
# dhcpcd-run-hooks so no hook touches /etc/resolv.conf (the host's file inside a netns), and prints one line per
# event in the form of the dhclient -6 script, plus what the Router Advertisement said:
#   DHCP6-EVENT event=BOUND6 iface=eth0 ip6=2001:db8:1::100 prefix=2001:db8:100::/56 dns=2001:db8:1::53 search=lab.test ra_dns= ra_search=
# Reasons: PREINIT CARRIER ROUTERADVERT BOUND6 RENEW6 REBIND6 REBOOT6 INFORM6 EXPIRE6 RELEASE6 STOP6 STOPPED ...
prefix=""
if [ -n "${new_dhcp6_ia_pd1_prefix1:-}" ]; then
    prefix="${new_dhcp6_ia_pd1_prefix1}/${new_dhcp6_ia_pd1_prefix1_length:-}"
fi
echo "DHCP6-EVENT event=$reason iface=$interface ip6=${new_dhcp6_ia_na1_ia_addr1:-} prefix=$prefix dns=$(echo ${new_dhcp6_name_servers:-} | tr ' ' ',') search=$(echo ${new_dhcp6_domain_search:-} | tr ' ' ',') ra_dns=$(echo ${nd1_rdnss1_servers:-${new_nd1_rdnss1_servers:-}} | tr ' ' ',') ra_search=$(echo ${nd1_dnssl1_search:-${new_nd1_dnssl1_search:-}} | tr ' ' ',')"
exit 0
