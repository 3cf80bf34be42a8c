/**
 * Testcontainers support: a {@link dev.dhcpembedded.testcontainers.DhcpNetwork} (a Docker network whose DHCP comes
 * from a server in this JVM, through a small agent container or from the network's bridge on this host), its JUnit 5
 * glue {@link dev.dhcpembedded.testcontainers.DhcpNetworkExtension}, and a
 * {@link dev.dhcpembedded.testcontainers.DhcpClientContainer} that runs udhcpc, dhclient or dhcpcd on it, or for
 * DHCPv6 {@code dhclient -6} or {@code dhcpcd -6}. Works with Docker and with rootless Podman (through its
 * Docker-compatible socket).
 * Needs {@code org.testcontainers:testcontainers} and a Docker engine; serving from the host bridge also needs a Linux
 * host with a rootful Docker engine, and root (or CAP_NET_BIND_SERVICE + CAP_NET_RAW) for the JVM.
 */
package dev.dhcpembedded.testcontainers;
