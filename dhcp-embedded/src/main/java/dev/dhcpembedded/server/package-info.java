/**
 * The server: {@link dev.dhcpembedded.server.DhcpServer}, built with {@link dev.dhcpembedded.server.DhcpServerBuilder}
 * (subnets, pools, static leases, options, DHCPv6 and Router Advertisements), the {@link
 * dev.dhcpembedded.server.TestClock} leases age on, and the views a test changes mid-run (the second server, the
 * Router Advertisements). Many servers run in one JVM at once; none shares state with another.
 */
package dev.dhcpembedded.server;
