#!/bin/sh
# wide-dhcpv6 dhcp6c script for dhcp-embedded test labs. dhcp6c applies the IA_NA address itself and passes the
# script only REASON (NBI after a REPLY to REQUEST/RENEW, INFOREQ after a REPLY to INFORMATION-REQUEST, ...); its
# debug log (-D) shows the DNS servers and domains. dhcp6c drops the script's stdout, so the line goes to stderr:
#   DHCP6-EVENT event=NBI
# It never touches /etc/resolv.conf.
echo "DHCP6-EVENT event=${REASON:-} dns=$(echo ${new_domain_name_servers:-} | tr ' ' ',') search=$(echo ${new_domain_name:-} | tr ' ' ',')" >&2
exit 0
