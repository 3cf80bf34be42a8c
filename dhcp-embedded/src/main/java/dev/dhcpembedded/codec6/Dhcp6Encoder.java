package dev.dhcpembedded.codec6;

import dev.dhcpembedded.codec.DhcpCodecException;
import java.nio.ByteBuffer;

/** Encodes a DHCPv6 message: its header, then each option as code, length and value, in order. */
final class Dhcp6Encoder {

    /** The largest UDP payload: 65535 less the 8-byte UDP header. */
    static final int MAX_PAYLOAD = 65527;

    private Dhcp6Encoder() {
    }

    static byte[] encode(Dhcp6Message m) {
        int length = m.isRelay() ? Dhcp6Decoder.RELAY_HEADER : Dhcp6Decoder.CLIENT_HEADER;
        for (Dhcp6Option o : m.options()) {
            length += 4 + o.length();
        }
        if (length > MAX_PAYLOAD) {
            throw new DhcpCodecException("message of " + length + " bytes is over the 65527-byte UDP payload limit",
                    -1);
        }
        ByteBuffer b = ByteBuffer.allocate(length);
        b.put((byte) m.messageCode());
        if (m.isRelay()) {
            b.put((byte) m.hopCount()).put(m.linkAddress().getAddress()).put(m.peerAddress().getAddress());
        } else {
            int xid = m.transactionId();
            b.put((byte) (xid >>> 16)).put((byte) (xid >>> 8)).put((byte) xid);
        }
        for (Dhcp6Option o : m.options()) {
            b.putShort((short) o.code()).putShort((short) o.length()).put(o.value());
        }
        return b.array();
    }
}
