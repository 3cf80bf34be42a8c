/**
 * Scripted answers, WireMock style: a {@link dev.dhcpembedded.stub.Stub} matches requests ({@link
 * dev.dhcpembedded.stub.RequestMatcher}, e.g. {@code onDiscover().from(mac)}) and responds ({@link
 * dev.dhcpembedded.stub.Response}: the default reply, a NAK, silence, a delay, a duplicate, a malformed reply, a
 * second server identity), with counts, order and scenarios. Register one with {@code DhcpServer.stub(...)}.
 */
package dev.dhcpembedded.stub;
