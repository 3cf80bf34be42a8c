/**
 * The JUnit 5 extension: {@link dev.dhcpembedded.junit.DhcpServerTest} (declarative) and {@link
 * dev.dhcpembedded.junit.DhcpServerExtension} (programmatic) start a server per class or per test, inject it, reset it
 * between tests, and leave the traffic of a failed test as a pcap under {@code target/dhcp-traffic/}.
 */
package dev.dhcpembedded.junit;
