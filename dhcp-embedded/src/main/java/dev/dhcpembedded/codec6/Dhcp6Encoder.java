package dev.dhcpembedded.codec6;

import dev.dhcpembedded.codec.DhcpCodecException;

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
        byte[] out = new byte[length];
        out[0] = (byte) m.messageCode();
        int at;
        if (m.isRelay()) {
            out[1] = (byte) m.hopCount();
            System.arraycopy(m.linkAddress().getAddress(), 0, out, 2, 16);
            System.arraycopy(m.peerAddress().getAddress(), 0, out, 18, 16);
            at = Dhcp6Decoder.RELAY_HEADER;
        } else {
            int xid = m.transactionId();
            out[1] = (byte) (xid >>> 16);
            out[2] = (byte) (xid >>> 8);
            out[3] = (byte) xid;
            at = Dhcp6Decoder.CLIENT_HEADER;
        }
        for (Dhcp6Option o : m.options()) {
            at = o.writeTo(out, at);
        }
        return out;
    }
}
