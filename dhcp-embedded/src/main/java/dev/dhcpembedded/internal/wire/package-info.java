/**
 * Layer 1, the wire: DHCPv4, DHCPv6 and Router Advertisement bytes read and written in place (addresses, domain
 * names, the in-place request reader and reply writer, the RFC 2131 request-state rule), with no public model and
 * nothing from the JDK's above {@code java.base}. Errors are {@link dev.dhcpembedded.internal.wire.WireFormatException}
 * with the byte offset; the model turns them into its public exception.
 */
package dev.dhcpembedded.internal.wire;
