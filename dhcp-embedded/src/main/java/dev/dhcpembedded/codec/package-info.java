/**
 * DHCPv4 messages as immutable values, and their codec (RFC 2131, RFC 2132 and the option RFCs): {@link
 * dev.dhcpembedded.codec.DhcpMessage} with its builder, {@link dev.dhcpembedded.codec.DhcpOption} with typed factories
 * and readers, {@link dev.dhcpembedded.codec.OptionCode} and {@link dev.dhcpembedded.codec.MessageType} as open value
 * classes, and {@link dev.dhcpembedded.codec.DhcpCodec} to decode and encode. Decoding is strict: a malformed packet
 * throws {@link dev.dhcpembedded.codec.DhcpCodecException} with the reason and the byte offset. Unknown options survive
 * a decode and encode byte for byte.
 */
package dev.dhcpembedded.codec;
