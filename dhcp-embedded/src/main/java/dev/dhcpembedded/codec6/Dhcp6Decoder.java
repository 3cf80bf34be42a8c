package dev.dhcpembedded.codec6;

import dev.dhcpembedded.codec.DhcpCodecException;
import dev.dhcpembedded.internal.wire.Ipv6;
import java.net.Inet6Address;
import java.util.List;

/**
 * Decodes DHCPv6 strictly: option lengths must fit, typed options must have their layout, relay messages must
 * carry a relay message option whose message decodes too, nested at most {@link Dhcp6Message#HOP_COUNT_LIMIT}
 * relay layers deep. Offsets in errors count from the first byte of the outermost message.
 */
final class Dhcp6Decoder {

    static final int CLIENT_HEADER = 4;
    static final int RELAY_HEADER = 34;
    private static final Inet6Address UNSPECIFIED = Ipv6.parse("::");

    private Dhcp6Decoder() {
    }

    static Dhcp6Message decode(byte[] packet, int offset, int length) {
        if (offset < 0 || length < 0 || offset + length > packet.length) {
            throw new IllegalArgumentException("range " + offset + "+" + length + " is outside the array");
        }
        return decode(packet, offset, offset + length, offset, 1);
    }

    /** Checks {@code packet[offset, offset + length)} as {@link #decode(byte[], int, int)} does; a client message
     * without making an object. */
    static void check(byte[] packet, int offset, int length) {
        if (offset < 0 || length < 0 || offset + length > packet.length) {
            throw new IllegalArgumentException("range " + offset + "+" + length + " is outside the array");
        }
        if (length < CLIENT_HEADER || Dhcp6Message.isRelayCode(packet[offset] & 0xFF) || packet[offset] == 0) {
            decode(packet, offset, length); // relayed, or too short: the decoder's own checks and messages
            return;
        }
        try {
            Options6.check(packet, offset + CLIENT_HEADER, offset + length);
        } catch (DhcpCodecException e) {
            if (offset == 0) {
                throw e;
            }
            throw new DhcpCodecException(e.reason(), e.offset() - offset);
        }
    }

    /** Decodes {@code p[start, end)}; {@code origin} is the outermost message's first byte, for offsets. */
    private static Dhcp6Message decode(byte[] p, int start, int end, int origin, int relayDepth) {
        if (end - start < 1) {
            throw new DhcpCodecException("empty DHCPv6 message", start - origin);
        }
        int code = p[start] & 0xFF;
        if (code == 0) {
            throw new DhcpCodecException("msg-type 0 is reserved", start - origin);
        }
        if (!Dhcp6Message.isRelayCode(code)) {
            if (end - start < CLIENT_HEADER) {
                throw new DhcpCodecException("message of " + (end - start)
                        + " bytes is shorter than the 4-byte header (msg-type, transaction id)", end - origin);
            }
            int xid = ((p[start + 1] & 0xFF) << 16) | ((p[start + 2] & 0xFF) << 8) | (p[start + 3] & 0xFF);
            List<Dhcp6Option> options = parseOptions(p, start + CLIENT_HEADER, end, origin, "message");
            return Dhcp6Message.owning(code, xid, 0, UNSPECIFIED, UNSPECIFIED, options);
        }
        String name = Dhcp6MessageType.of(code).orElseThrow().rfcName();
        if (relayDepth > Dhcp6Message.HOP_COUNT_LIMIT) {
            throw new DhcpCodecException(name + " nested " + relayDepth + " relay layers deep, over the limit of "
                    + Dhcp6Message.HOP_COUNT_LIMIT, start - origin);
        }
        if (end - start < RELAY_HEADER) {
            throw new DhcpCodecException(name + " of " + (end - start)
                    + " bytes is shorter than the 34-byte relay header", end - origin);
        }
        int hopCount = p[start + 1] & 0xFF;
        Inet6Address link = Ipv6.read(p, start + 2);
        Inet6Address peer = Ipv6.read(p, start + 18);
        List<Dhcp6Option> options = parseOptions(p, start + RELAY_HEADER, end, origin, name);
        boolean relayMessage = false;
        int i = start + RELAY_HEADER;
        while (i < end) {
            int optionCode = Options6.u16(p, i);
            int optionLength = Options6.u16(p, i + 2);
            if (optionCode == Dhcp6OptionCode.RELAY_MSG.code()) {
                if (relayMessage) {
                    throw new DhcpCodecException(name + " carries a second relay message option (9)", i - origin);
                }
                relayMessage = true;
                decode(p, i + 4, i + 4 + optionLength, origin, relayDepth + 1);
            }
            i += 4 + optionLength;
        }
        if (!relayMessage) {
            throw new DhcpCodecException(name + " has no relay message option (9)", end - origin);
        }
        return Dhcp6Message.owning(code, 0, hopCount, link, peer, options);
    }

    private static List<Dhcp6Option> parseOptions(byte[] p, int start, int end, int origin, String owner) {
        try {
            return Options6.parse(p, start, end, Options6.Level.MESSAGE, owner);
        } catch (DhcpCodecException e) {
            if (origin == 0) {
                throw e;
            }
            throw new DhcpCodecException(e.reason(), e.offset() - origin);
        }
    }
}
