/**
 * AssertJ assertions on a server's traffic and leases, DHCPv4 and DHCPv6, with waits ({@code awaiting()}) and
 * near-miss reports that show the closest message beside what was expected. Start from {@link
 * dev.dhcpembedded.junit.assertions.DhcpAssertions#assertThat(dev.dhcpembedded.server.DhcpServer)}.
 */
package dev.dhcpembedded.junit.assertions;
