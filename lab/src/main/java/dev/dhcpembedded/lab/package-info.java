/**
 * Real-host test labs: Linux network namespaces joined to the root namespace by veth pairs,
 * so real DHCP clients (busybox udhcpc, ISC dhclient, dhcpcd) can be run against a server
 * bound to the root-side interface.
 *
 * <p>Everything here shells out to {@code ip} (iproute2) and needs root (or CAP_NET_ADMIN);
 * {@link dev.dhcpembedded.lab.RealHostSupport} says why it cannot be used on this machine.
 * Traffic never leaves the veth pairs a lab creates itself. See docs/real-clients.md.
 */
package dev.dhcpembedded.lab;
