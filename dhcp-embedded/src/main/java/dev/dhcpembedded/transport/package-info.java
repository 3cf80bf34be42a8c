/**
 * <b>SPI:</b> how datagrams reach a server. A {@link dev.dhcpembedded.transport.Transport} knows bytes, addresses and
 * interfaces and nothing of DHCP meaning; loopback UDP, an interface and {@link
 * dev.dhcpembedded.transport.InMemoryTransport} are interchangeable behind it. Tests rarely need this package: the
 * builder's {@code bindLoopback()} and {@code bindInterface(name)} choose a transport.
 */
package dev.dhcpembedded.transport;
