/**
 * The project's small DHCPv4 client: a scripted client for tests, the demo and anyone who wants to drive a DHCP
 * server by hand. {@link dev.dhcpembedded.client.DhcpTestClient} sends what RFC 2131 section 4.4 and table 5 say a
 * client sends, waits for the reply with the same xid and chaddr, and keeps every message it sent and received in
 * {@link dev.dhcpembedded.client.DhcpTestClient#exchanges()}. Pure JDK and the codec; no static mutable state, so
 * many clients run side by side in one JVM.
 */
package dev.dhcpembedded.client;
