/**
 * Scripting DHCPv6 answers, WireMock-style: a {@link dev.dhcpembedded.stub6.Stub6} is a
 * {@link dev.dhcpembedded.stub6.Request6Matcher} (message type, DUID, IAID, option, relayed) and a
 * {@link dev.dhcpembedded.stub6.Response6} (the default reply reshaped, silence, a status code, a chosen address or
 * prefix, preference 255, a second server, a delay, a malformed reply), with a count.
 */
package dev.dhcpembedded.stub6;
