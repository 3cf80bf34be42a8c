package dev.dhcpembedded.codec;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import dev.dhcpembedded.internal.wire.WireFormatException;
import dev.dhcpembedded.internal.wire.WireRequest;

/**
 * Decodes a DHCPv4 packet strictly. Short packets are accepted (real clients send 272-byte DISCOVERs); anything
 * malformed is a {@link DhcpCodecException} with the reason and the byte offset.
 */
final class DhcpDecoder {

    static final int HEADER_LENGTH = 236;
    static final int COOKIE_OFFSET = 236;
    static final int OPTIONS_OFFSET = 240;
    static final int MAGIC_COOKIE = 0x63825363;
    static final int SNAME_OFFSET = 44;
    static final int FILE_OFFSET = 108;

    private DhcpDecoder() {
    }

    public static DhcpMessage decode(byte[] packet) {
        return decode(packet, 0, packet.length);
    }

    public static DhcpMessage decode(byte[] packet, int offset, int length) {
        return decodeWire(packet, offset, length).message();
    }

    /** The message, and its options as the wire carried them (option 52 included, at its place). */
    public static Decoded decodeWire(byte[] packet, int offset, int length) {
        byte[] p = offset == 0 && length == packet.length ? packet : Arrays.copyOfRange(packet, offset, offset + length);
        // the checks, in their one place: the packet path reads requests through the same class
        WireRequest w;
        try {
            w = new WireRequest().parse(p, p.length, OptionValidator::validate);
        } catch (WireFormatException e) {
            throw new DhcpCodecException(e.getMessage(), e.offset());
        }
        int overload = w.overload();
        // a field that carried options reads as empty, like one that was never used
        byte[] file = (overload & 1) != 0 ? new byte[128] : field(p, FILE_OFFSET, 128);
        byte[] sname = (overload & 2) != 0 ? new byte[64] : field(p, SNAME_OFFSET, 64);

        List<DhcpOption> wire = new ArrayList<>(w.optionCount());
        List<DhcpOption> logical = new ArrayList<>(w.optionCount());
        for (int i = 0; i < w.optionCount(); i++) {
            int from = w.optionOffsetAt(i);
            DhcpOption option = DhcpOption.create(OptionCode.of(w.optionCodeAt(i)),
                    Arrays.copyOfRange(w.optionBufferAt(i), from, from + w.optionLengthAt(i)));
            wire.add(option);
            if (w.optionCodeAt(i) != OptionCode.OPTION_OVERLOAD.code()) {
                logical.add(option);
            }
        }

        DhcpMessage message = new DhcpMessage(w.op(), w.htype(), w.hlen(), w.hops(), w.xid(), w.secs(), w.flags(),
                w.ciaddr(), w.yiaddr(), w.siaddr(), w.giaddr(), Arrays.copyOfRange(p, 28, 44), sname, file, logical);
        return new Decoded(message, wire);
    }

    private static byte[] field(byte[] p, int offset, int length) {
        return Arrays.copyOfRange(p, offset, offset + length);
    }

    /** A decoded message and the options in wire order, option 52 included. */
    public static final class Decoded {
        private final DhcpMessage message;
        private final List<DhcpOption> wireOptions;

        Decoded(DhcpMessage message, List<DhcpOption> wireOptions) {
            this.message = message;
            this.wireOptions = List.copyOf(wireOptions);
        }

        public DhcpMessage message() {
            return message;
        }

        public List<DhcpOption> wireOptions() {
            return wireOptions;
        }
    }
}
