/**
 * Testcontainers support: a {@link dev.dhcpembedded.testcontainers.DhcpNetwork} (an internal Docker network
 * whose DHCP comes from a server in this JVM, bound to the network's bridge only) and a
 * {@link dev.dhcpembedded.testcontainers.DhcpClientContainer} that runs udhcpc, dhclient or dhcpcd on it.
 * Needs {@code org.testcontainers:testcontainers} (an optional dependency of this module), a Linux host with a
 * rootful Docker engine, and root (or CAP_NET_BIND_SERVICE + CAP_NET_RAW) for the JVM.
 */
package dev.dhcpembedded.testcontainers;
