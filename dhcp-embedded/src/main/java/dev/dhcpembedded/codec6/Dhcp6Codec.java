package dev.dhcpembedded.codec6;

import dev.dhcpembedded.codec.DhcpCodecException;

/**
 * The DHCPv6 codec's front door. Decoding is strict: anything malformed throws a {@link DhcpCodecException} with the
 * reason and the byte offset from the first byte of the message. Encoding writes options in the order given, byte
 * for byte as they are held, so a decoded message re-encodes to the same bytes.
 */
public final class Dhcp6Codec {

    /** The UDP port clients listen on. */
    public static final int CLIENT_PORT = 546;
    /** The UDP port servers and relay agents listen on. */
    public static final int SERVER_PORT = 547;

    private Dhcp6Codec() {
    }

    /**
     * Decodes one DHCPv6 message (a UDP payload).
     *
     * @param packet the payload
     * @return the message
     * @throws DhcpCodecException when the payload is malformed
     */
    public static Dhcp6Message decode(byte[] packet) {
        return Dhcp6Decoder.decode(packet, 0, packet.length);
    }

    /**
     * Decodes the payload at {@code packet[offset, offset + length)}; offsets in errors count from {@code offset}.
     *
     * @param packet a buffer holding the payload
     * @param offset where the payload starts
     * @param length how many bytes it has
     * @return the message
     * @throws DhcpCodecException when the payload is malformed
     */
    public static Dhcp6Message decode(byte[] packet, int offset, int length) {
        return Dhcp6Decoder.decode(packet, offset, length);
    }

    /**
     * Checks the payload at {@code packet[offset, offset + length)} with every rule of {@link #decode(byte[], int,
     * int)}, without making the message: a packet path reads a well-formed message where it lies.
     *
     * @param packet a buffer holding the payload
     * @param offset where the payload starts
     * @param length how many bytes it has
     * @throws DhcpCodecException when the payload is malformed, as {@code decode} throws it
     */
    public static void check(byte[] packet, int offset, int length) {
        Dhcp6Decoder.check(packet, offset, length);
    }

    /**
     * Encodes a message.
     *
     * @param message the message
     * @return the UDP payload
     * @throws DhcpCodecException when it is over the largest UDP payload
     */
    public static byte[] encode(Dhcp6Message message) {
        return Dhcp6Encoder.encode(message);
    }
}
