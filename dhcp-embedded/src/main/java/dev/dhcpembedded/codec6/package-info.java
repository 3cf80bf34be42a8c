/**
 * The DHCPv6 codec (RFC 8415): immutable {@link dev.dhcpembedded.codec6.Dhcp6Message}s of the client/server and the
 * relay formats, options kept as their wire bytes with typed factories and views, and strict decoding that reports
 * every problem as a {@link dev.dhcpembedded.codec.DhcpCodecException} with its reason and byte offset.
 */
package dev.dhcpembedded.codec6;
