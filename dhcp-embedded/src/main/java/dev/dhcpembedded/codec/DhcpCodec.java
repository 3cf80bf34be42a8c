package dev.dhcpembedded.codec;

import java.util.List;

/**
 * The codec's front door: {@link #decode(byte[])} and {@link #encode(DhcpMessage)}. Decoding is strict: anything
 * malformed throws a {@link DhcpCodecException} with the reason and the byte offset.
 */
public final class DhcpCodec {

    private DhcpCodec() {
    }

    /**
     * Checks one option value as the decoder checks it (the lengths of fixed-size options, and the formats of the
     * typed ones such as 81, 82, 119 and 121).
     *
     * @param code the option code
     * @param bytes holds the value
     * @param from where the value starts in {@code bytes}
     * @param length the value's length
     * @param offset where the option starts in its packet, for the error
     * @throws DhcpCodecException with the reason and offset when the value is malformed
     */
    public static void checkOption(int code, byte[] bytes, int from, int length, int offset) {
        OptionValidator.validate(code, bytes, from, length, offset);
    }

    /**
     * Decodes one BOOTP/DHCP payload (the UDP payload, from {@code op}).
     *
     * @param packet the payload
     * @return the message, with option overload (52) and long options (RFC 3396) reassembled
     * @throws DhcpCodecException when the payload is malformed
     */
    public static DhcpMessage decode(byte[] packet) {
        return DhcpDecoder.decode(packet);
    }

    /**
     * Decodes the payload at {@code packet[offset, offset + length)}.
     *
     * @param packet a buffer holding the payload
     * @param offset where the payload starts
     * @param length how many bytes it has
     * @return the message
     * @throws DhcpCodecException when the payload is malformed
     */
    public static DhcpMessage decode(byte[] packet, int offset, int length) {
        return DhcpDecoder.decode(packet, offset, length);
    }

    /**
     * The options of a payload in wire order, after overload (52) and RFC 3396 reassembly, option 52 included:
     * what a capture shows, where {@link DhcpMessage#options()} holds the message's meaning.
     *
     * @param packet the payload
     * @return the options as they stand on the wire
     * @throws DhcpCodecException when the payload is malformed
     */
    public static List<DhcpOption> wireOptions(byte[] packet) {
        return DhcpDecoder.decodeWire(packet, 0, packet.length).wireOptions();
    }

    /**
     * Encodes a message, padded to the BOOTP minimum of 300 bytes, within the 576-byte datagram every client
     * accepts (spilling into sname and file when needed).
     *
     * @param message the message
     * @return the UDP payload
     * @throws DhcpCodecException when the message does not fit
     */
    public static byte[] encode(DhcpMessage message) {
        return DhcpEncoder.encode(message);
    }

    /**
     * Encodes within a client's limit.
     *
     * @param message the message
     * @param maxMessageSize option 57's value: the largest IP datagram the client takes, headers included
     * @return the UDP payload
     * @throws DhcpCodecException when the message does not fit
     */
    public static byte[] encodeForClient(DhcpMessage message, int maxMessageSize) {
        return DhcpEncoder.encode(message, maxMessageSize - 28);
    }
}
