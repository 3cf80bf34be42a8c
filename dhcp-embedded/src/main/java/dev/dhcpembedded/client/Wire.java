package dev.dhcpembedded.client;

import dev.dhcpembedded.codec.DhcpCodec;
import dev.dhcpembedded.codec.DhcpCodecException;
import dev.dhcpembedded.codec.DhcpMessage;
import dev.dhcpembedded.codec6.Dhcp6Codec;
import dev.dhcpembedded.codec6.Dhcp6Message;
import java.util.function.Function;

/**
 * How one family's messages become datagrams and back: the only thing the shared {@link UdpChannel} needs to know
 * about DHCPv4 or DHCPv6.
 *
 * @param encoder the codec's encoder
 * @param decoder the codec's decoder; throws {@link DhcpCodecException} for bytes that do not decode
 * @param <M> the message type
 */
record Wire<M>(Function<M, byte[]> encoder, Function<byte[], M> decoder) {

    /** DHCPv4 (RFC 2131). */
    static final Wire<DhcpMessage> V4 = new Wire<>(DhcpCodec::encode, DhcpCodec::decode);
    /** DHCPv6 (RFC 8415). */
    static final Wire<Dhcp6Message> V6 = new Wire<>(Dhcp6Codec::encode, Dhcp6Codec::decode);

    byte[] encode(M message) {
        return encoder.apply(message);
    }

    /** @throws DhcpCodecException when the bytes are malformed */
    M decode(byte[] bytes) {
        return decoder.apply(bytes);
    }
}
