package dev.dhcpembedded.codec;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import dev.dhcpembedded.internal.codec.Ipv4;

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
        if (p.length < OPTIONS_OFFSET) {
            throw new DhcpCodecException("packet of " + p.length
                    + " bytes is shorter than the 236-byte header and the magic cookie", p.length);
        }
        int op = p[0] & 0xFF;
        if (op != DhcpMessage.BOOTREQUEST && op != DhcpMessage.BOOTREPLY) {
            throw new DhcpCodecException("op " + op + " is neither BOOTREQUEST (1) nor BOOTREPLY (2)", 0);
        }
        int hlen = p[2] & 0xFF;
        if (hlen > 16) {
            throw new DhcpCodecException("hlen " + hlen + " is over 16", 2);
        }
        if (Ipv4.readInt(p, COOKIE_OFFSET) != MAGIC_COOKIE) {
            throw new DhcpCodecException(String.format("magic cookie 0x%08x is not 0x63825363",
                    Ipv4.readInt(p, COOKIE_OFFSET)), COOKIE_OFFSET);
        }

        Instances instances = new Instances();
        parseArea(p, OPTIONS_OFFSET, p.length, instances, "options");
        int overload = instances.overloadValue(p);
        if ((overload & 1) != 0) {
            parseArea(p, FILE_OFFSET, FILE_OFFSET + 128, instances, "file field");
        }
        if ((overload & 2) != 0) {
            parseArea(p, SNAME_OFFSET, SNAME_OFFSET + 64, instances, "sname field");
        }
        // a field that carried options reads as empty, like one that was never used
        byte[] file = (overload & 1) != 0 ? new byte[128] : field(p, FILE_OFFSET, 128);
        byte[] sname = (overload & 2) != 0 ? new byte[64] : field(p, SNAME_OFFSET, 64);

        List<DhcpOption> wire = instances.reassemble(p);
        List<DhcpOption> logical = wire;
        if (overload != 0) {
            logical = new ArrayList<>(wire.size());
            for (DhcpOption option : wire) {
                if (option.code().code() != OptionCode.OPTION_OVERLOAD.code()) {
                    logical.add(option);
                }
            }
        }

        DhcpMessage message = new DhcpMessage(op, p[1] & 0xFF, hlen, p[3] & 0xFF, Ipv4.readInt(p, 4),
                ((p[8] & 0xFF) << 8) | (p[9] & 0xFF), ((p[10] & 0xFF) << 8) | (p[11] & 0xFF),
                Ipv4.readInt(p, 12), Ipv4.readInt(p, 16), Ipv4.readInt(p, 20), Ipv4.readInt(p, 24),
                Arrays.copyOfRange(p, 28, 44), sname, file, logical);
        return new Decoded(message, wire);
    }

    private static byte[] field(byte[] p, int offset, int length) {
        return Arrays.copyOfRange(p, offset, offset + length);
    }

    private static void parseArea(byte[] p, int start, int end, Instances instances, String area) {
        int i = start;
        while (i < end) {
            int code = p[i] & 0xFF;
            if (code == 0) {
                i++;
                continue;
            }
            if (code == 255) {
                return;
            }
            if (i + 1 >= end) {
                throw new DhcpCodecException("option " + code + " has no length byte before the end of " + area,
                        i);
            }
            int length = p[i + 1] & 0xFF;
            if (i + 2 + length > end) {
                throw new DhcpCodecException("option " + code + " length " + length + " runs past end of " + area,
                        i + 1);
            }
            if (code == OptionCode.OPTION_OVERLOAD.code() && start != OPTIONS_OFFSET) {
                throw new DhcpCodecException("option 52 appears inside the overloaded " + area, i);
            }
            instances.add(code, i + 2, length);
            i += 2 + length;
        }
        throw new DhcpCodecException(area + " end without END (255)", end);
    }

    /** The messages's options as found on the wire; one entry per instance, merged per code on reassembly. */
    private static final class Instances {
        private int[] codes = new int[16];
        private int[] offsets = new int[16];
        private int[] lengths = new int[16];
        private int size;

        void add(int code, int offset, int length) {
            if (size == codes.length) {
                codes = Arrays.copyOf(codes, size * 2);
                offsets = Arrays.copyOf(offsets, size * 2);
                lengths = Arrays.copyOf(lengths, size * 2);
            }
            codes[size] = code;
            offsets[size] = offset;
            lengths[size] = length;
            size++;
        }

        int overloadValue(byte[] p) {
            for (int i = 0; i < size; i++) {
                if (codes[i] == OptionCode.OPTION_OVERLOAD.code()) {
                    if (lengths[i] != 1) {
                        throw new DhcpCodecException("option 52 length " + lengths[i] + " is not 1", offsets[i] - 1);
                    }
                    int value = p[offsets[i]] & 0xFF;
                    if (value < 1 || value > 3) {
                        throw new DhcpCodecException("option 52 overload value " + value + " is not 1, 2 or 3",
                                offsets[i]);
                    }
                    return value;
                }
            }
            return 0;
        }

        /** Concatenates instances of the same code at the place of the first (RFC 3396), then validates each. */
        List<DhcpOption> reassemble(byte[] p) {
            List<DhcpOption> out = new ArrayList<>(size);
            long[] seen = new long[4];
            boolean repeats = false;
            for (int i = 0; i < size; i++) {
                int code = codes[i];
                long bit = 1L << (code & 63);
                if ((seen[code >>> 6] & bit) != 0) {
                    repeats = true;
                    break;
                }
                seen[code >>> 6] |= bit;
            }
            if (!repeats) {
                for (int i = 0; i < size; i++) {
                    byte[] value = Arrays.copyOfRange(p, offsets[i], offsets[i] + lengths[i]);
                    OptionValidator.validate(codes[i], value, offsets[i]);
                    out.add(DhcpOption.create(OptionCode.of(codes[i]), value));
                }
                return out;
            }
            boolean[] done = new boolean[size];
            for (int i = 0; i < size; i++) {
                if (done[i]) {
                    continue;
                }
                int code = codes[i];
                int total = 0;
                for (int j = i; j < size; j++) {
                    if (codes[j] == code) {
                        total += lengths[j];
                    }
                }
                byte[] value = new byte[total];
                int at = 0;
                for (int j = i; j < size; j++) {
                    if (codes[j] == code) {
                        System.arraycopy(p, offsets[j], value, at, lengths[j]);
                        at += lengths[j];
                        done[j] = true;
                    }
                }
                OptionValidator.validate(code, value, offsets[i]);
                out.add(DhcpOption.create(OptionCode.of(code), value));
            }
            return out;
        }
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
