/**
 * The leases a server holds, as values: {@link dev.dhcpembedded.lease.Lease} (DHCPv4), {@link
 * dev.dhcpembedded.lease.Lease6} (DHCPv6 bindings) and {@link dev.dhcpembedded.lease.LeaseState}. A server returns
 * copies; changing a lease goes through {@code DhcpServer}.
 */
package dev.dhcpembedded.lease;
