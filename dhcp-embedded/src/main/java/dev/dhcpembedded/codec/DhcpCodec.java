package dev.dhcpembedded.codec;

/** The codec's front door: {@link #decode(byte[])} and {@link #encode(DhcpMessage)}. */
public final class DhcpCodec {

    private DhcpCodec() {
    }

    public static DhcpMessage decode(byte[] packet) {
        return DhcpDecoder.decode(packet);
    }

    public static DhcpMessage decode(byte[] packet, int offset, int length) {
        return DhcpDecoder.decode(packet, offset, length);
    }

    public static byte[] encode(DhcpMessage message) {
        return DhcpEncoder.encode(message);
    }

    /** Encodes within a client's limit: {@code maxMessageSize} is option 57's value (IP and UDP headers included). */
    public static byte[] encodeForClient(DhcpMessage message, int maxMessageSize) {
        return DhcpEncoder.encode(message, maxMessageSize - 28);
    }
}
