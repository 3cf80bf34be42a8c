/**
 * The project's small DHCP clients: scripted clients for tests, the demo and anyone who wants to drive a DHCP
 * server by hand. {@link dev.dhcpembedded.client.DhcpTestClient} sends what RFC 2131 section 4.4 and table 5 say a
 * DHCPv4 client sends; {@link dev.dhcpembedded.client.Dhcp6TestClient} what RFC 8415 section 18.2 says a DHCPv6
 * client sends, retransmitting as its section 15 says. Both wait for the reply with the same transaction id and
 * client, and keep every message they sent and received as {@link dev.dhcpembedded.client.Exchange}s. They share
 * one socket, exchange log and retransmission loop; only the codec, the messages and the schedule differ. Pure JDK
 * and the codecs; no static mutable state, so many clients run side by side in one JVM.
 */
package dev.dhcpembedded.client;
