package dev.dhcpembedded.codec;

import java.util.ArrayList;
import java.util.List;
import dev.dhcpembedded.internal.wire.Ipv4;

/**
 * Encodes a message: options in order with option 82 last, values over 255 bytes split (RFC 3396), END, then
 * padding to the 300-byte BOOTP minimum. With a size limit (option 57, or 576 by default), options that do not fit
 * spill into the file and then the sname field with option 52, when those fields are empty.
 */
final class DhcpEncoder {

    /** The BOOTP minimum: a 236-byte header, the cookie and 60 bytes of options. */
    public static final int MIN_PACKET = 300;
    /** The largest DHCP payload an unfragmented UDP/IPv4 datagram of 576 bytes carries (RFC 2131 §2). */
    public static final int DEFAULT_MAX_PACKET = 576 - 28;
    private static final int UNLIMITED = 65507;

    private DhcpEncoder() {
    }

    /** Encodes with no size limit other than UDP's. */
    public static byte[] encode(DhcpMessage message) {
        return encode(message, UNLIMITED);
    }

    /**
     * Encodes so that the packet is at most {@code maxPacket} bytes of DHCP payload (for a client's option 57 of N,
     * pass N - 28). Fails with {@link DhcpCodecException} (offset -1) when the options cannot fit.
     */
    public static byte[] encode(DhcpMessage message, int maxPacket) {
        List<DhcpOption> ordered = orderForWire(message.options());
        int needed = 0;
        for (DhcpOption option : ordered) {
            needed += instancesSize(option.length());
        }
        int optionsArea = Math.max(maxPacket - DhcpDecoder.OPTIONS_OFFSET, 0);
        if (needed + 1 <= optionsArea) {
            int length = Math.max(DhcpDecoder.OPTIONS_OFFSET + needed + 1, MIN_PACKET);
            byte[] out = new byte[length];
            writeHeader(message, out, message.snameUnsafe(), message.fileUnsafe());
            int at = DhcpDecoder.OPTIONS_OFFSET;
            for (DhcpOption option : ordered) {
                at = writeInstances(out, at, option.code().code(), option.valueUnsafe(), 0, option.length());
            }
            out[at] = (byte) 255;
            return out;
        }
        return encodeOverloaded(message, ordered, needed, maxPacket);
    }

    private static byte[] encodeOverloaded(DhcpMessage message, List<DhcpOption> ordered, int needed, int max) {
        boolean fileFree = isZero(message.fileUnsafe());
        boolean snameFree = isZero(message.snameUnsafe());
        int area = max - DhcpDecoder.OPTIONS_OFFSET - 3 - 1; // room for option 52 and END
        int capacity = Math.max(area, 0) + (fileFree ? 127 : 0) + (snameFree ? 63 : 0);
        if (max < MIN_PACKET || needed > capacity) {
            throw tooBig(needed, max, capacity);
        }
        byte[] out = new byte[Math.max(max, MIN_PACKET)];
        byte[] file = new byte[128];
        byte[] sname = new byte[64];
        // Fill areas in the order a decoder reads them: options, then file, then sname.
        Area[] areas = {
            new Area(out, DhcpDecoder.OPTIONS_OFFSET + 3, DhcpDecoder.OPTIONS_OFFSET + 3 + Math.max(area, 0)),
            fileFree ? new Area(file, 0, 127) : null,
            snameFree ? new Area(sname, 0, 63) : null,
        };
        int used = 0;
        int current = 0;
        for (DhcpOption option : ordered) {
            byte[] value = option.valueUnsafe();
            int from = 0;
            boolean wroteOnce = false;
            while (from < value.length || !wroteOnce) {
                while (current < areas.length && (areas[current] == null || areas[current].free() < 3)) {
                    current++;
                }
                if (current == areas.length) {
                    // Splitting at the fields' edges costs 2 bytes per piece, so the estimate above can fall short.
                    throw tooBig(needed, max, capacity);
                }
                Area target = areas[current];
                int chunk = Math.min(Math.min(255, value.length - from), target.free() - 2);
                if (value.length - from > 0 && chunk <= 0) {
                    current++;
                    continue;
                }
                target.at = writeInstance(target.bytes, target.at, option.code().code(), value, from, chunk);
                from += chunk;
                wroteOnce = true;
                if (current > 0) {
                    used |= current;
                }
            }
        }
        writeHeader(message, out, (used & 2) != 0 ? sname : message.snameUnsafe(),
                (used & 1) != 0 ? file : message.fileUnsafe());
        out[DhcpDecoder.OPTIONS_OFFSET] = (byte) OptionCode.OPTION_OVERLOAD.code();
        out[DhcpDecoder.OPTIONS_OFFSET + 1] = 1;
        out[DhcpDecoder.OPTIONS_OFFSET + 2] = (byte) used;
        out[areas[0].at] = (byte) 255;
        if ((used & 1) != 0) {
            out[DhcpDecoder.FILE_OFFSET + areas[1].at] = (byte) 255;
        }
        if ((used & 2) != 0) {
            out[DhcpDecoder.SNAME_OFFSET + areas[2].at] = (byte) 255;
        }
        return out;
    }

    private static DhcpCodecException tooBig(int needed, int max, int capacity) {
        return new DhcpCodecException("the options need " + needed + " bytes but a packet of at most " + max
                + " bytes holds " + Math.max(capacity, 0) + " (the client's option 57 limits it)", -1);
    }

    private static List<DhcpOption> orderForWire(List<DhcpOption> options) {
        List<DhcpOption> ordered = new ArrayList<>(options.size());
        DhcpOption relayAgent = null;
        for (DhcpOption option : options) {
            if (option.code().equals(OptionCode.RELAY_AGENT_INFORMATION)) {
                relayAgent = option;
            } else {
                ordered.add(option);
            }
        }
        if (relayAgent != null) {
            ordered.add(relayAgent);
        }
        return ordered;
    }

    private static int instancesSize(int valueLength) {
        if (valueLength == 0) {
            return 2;
        }
        int instances = (valueLength + 254) / 255;
        return valueLength + 2 * instances;
    }

    private static int writeInstances(byte[] out, int at, int code, byte[] value, int from, int length) {
        if (length == 0) {
            return writeInstance(out, at, code, value, from, 0);
        }
        int end = from + length;
        while (from < end) {
            int chunk = Math.min(255, end - from);
            at = writeInstance(out, at, code, value, from, chunk);
            from += chunk;
        }
        return at;
    }

    private static int writeInstance(byte[] out, int at, int code, byte[] value, int from, int length) {
        out[at] = (byte) code;
        out[at + 1] = (byte) length;
        System.arraycopy(value, from, out, at + 2, length);
        return at + 2 + length;
    }

    private static void writeHeader(DhcpMessage m, byte[] out, byte[] sname, byte[] file) {
        out[0] = (byte) m.op();
        out[1] = (byte) m.htype();
        out[2] = (byte) m.hlen();
        out[3] = (byte) m.hops();
        Ipv4.writeInt(out, 4, m.xid());
        out[8] = (byte) (m.secs() >>> 8);
        out[9] = (byte) m.secs();
        out[10] = (byte) (m.flags() >>> 8);
        out[11] = (byte) m.flags();
        Ipv4.writeInt(out, 12, m.ciaddrAsInt());
        Ipv4.writeInt(out, 16, m.yiaddrAsInt());
        Ipv4.writeInt(out, 20, m.siaddrAsInt());
        Ipv4.writeInt(out, 24, m.giaddrAsInt());
        System.arraycopy(m.chaddrUnsafe(), 0, out, 28, 16);
        System.arraycopy(sname, 0, out, DhcpDecoder.SNAME_OFFSET, 64);
        System.arraycopy(file, 0, out, DhcpDecoder.FILE_OFFSET, 128);
        Ipv4.writeInt(out, DhcpDecoder.COOKIE_OFFSET, DhcpDecoder.MAGIC_COOKIE);
    }

    private static boolean isZero(byte[] bytes) {
        for (byte b : bytes) {
            if (b != 0) {
                return false;
            }
        }
        return true;
    }

    /** A region of a byte array that options are written into; one byte is kept back for END. */
    private static final class Area {
        final byte[] bytes;
        int at;
        final int end;

        Area(byte[] bytes, int at, int end) {
            this.bytes = bytes;
            this.at = at;
            this.end = end;
        }

        int free() {
            return end - at;
        }
    }
}
