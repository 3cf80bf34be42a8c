/**
 * The project's transports: loopback UDP, the interface socket (JNA, Linux), raw packet sockets for ARP and for the
 * second server's host, and their receive loops. They know bytes and addresses, nothing of DHCP meaning.
 */
package dev.dhcpembedded.internal.transport;
