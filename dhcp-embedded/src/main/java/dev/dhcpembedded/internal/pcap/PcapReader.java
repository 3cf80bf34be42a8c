package dev.dhcpembedded.internal.pcap;

import java.io.BufferedInputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a classic pcap file (either byte order, microsecond or nanosecond timestamps) or a pcapng file (sections of
 * either byte order, enhanced, simple and obsolete packet blocks, any timestamp resolution) with link type Ethernet
 * (1, 802.1Q tags included), raw IP (101), Linux cooked (113), IPv4 (228) or IPv6 (229), and yields its UDP
 * datagrams over IPv4 and IPv6. Other frames are skipped but counted, so frame numbers match Wireshark's. A file that
 * is not such a capture, or ends inside a record, is a {@link PcapFormatException}.
 */
public final class PcapReader implements Closeable {

    private static final int MAGIC_MICROS = 0xA1B2C3D4;
    private static final int MAGIC_NANOS = 0xA1B23C4D;
    private static final int PCAPNG = 0x0A0D0D0A;
    private static final int MAX_RECORD = 256 * 1024 * 1024;

    private static final int BYTE_ORDER_MAGIC = 0x1A2B3C4D;
    private static final int BLOCK_IDB = 1;
    private static final int BLOCK_OPB = 2;
    private static final int BLOCK_SPB = 3;
    private static final int BLOCK_EPB = 6;

    private final InputStream in;
    private final boolean pcapng;
    private boolean bigEndian;
    private final boolean nanos;
    private final int linkType;
    /** pcapng: per interface of the current section, its link type and timestamp resolution (tsresol byte). */
    private final List<int[]> interfaces = new ArrayList<>();
    private final byte[] recordHeader = new byte[16];
    private long position;
    private int frameNumber;

    public PcapReader(InputStream in) throws IOException {
        this.in = in;
        byte[] header = new byte[24];
        int read = in.readNBytes(header, 0, 24);
        if (read < 24) {
            throw new PcapFormatException("file of " + read + " bytes is too short for a pcap header", read);
        }
        position = 24;
        int magicBe = be32(header, 0);
        if (magicBe == PCAPNG) {
            pcapng = true;
            nanos = false;
            readSectionHeader(header);
            linkType = -1;
            return;
        }
        pcapng = false;
        if (magicBe == MAGIC_MICROS || magicBe == MAGIC_NANOS) {
            bigEndian = true;
        } else if (Integer.reverseBytes(magicBe) == MAGIC_MICROS || Integer.reverseBytes(magicBe) == MAGIC_NANOS) {
            bigEndian = false;
        } else {
            throw new PcapFormatException(String.format("magic number 0x%08x is not a pcap file's", magicBe), 0);
        }
        int magic = bigEndian ? magicBe : Integer.reverseBytes(magicBe);
        nanos = magic == MAGIC_NANOS;
        int major = u16(header, 4);
        if (major != 2) {
            throw new PcapFormatException("pcap version " + major + "." + u16(header, 6) + " is not 2.x", 4);
        }
        linkType = int32(header, 20) & 0x0FFFFFFF;
        if (!LinkLayer.isSupported(linkType)) {
            throw new PcapFormatException("link type " + linkType
                    + " is not supported (Ethernet 1, raw IP 101, Linux SLL 113, IPv4 228 are)", 20);
        }
    }

    public static PcapReader open(Path file) throws IOException {
        return new PcapReader(new BufferedInputStream(Files.newInputStream(file)));
    }

    /** All UDP datagrams (IPv4 and IPv6) of the file. */
    public static List<PcapFrame> readAll(Path file) throws IOException {
        try (PcapReader reader = open(file)) {
            List<PcapFrame> frames = new ArrayList<>();
            for (PcapFrame frame = reader.next(); frame != null; frame = reader.next()) {
                frames.add(frame);
            }
            return frames;
        }
    }

    /** The link type of a classic pcap file; that of the first interface of a pcapng one (-1 before it is read). */
    public int linkType() {
        return pcapng ? (interfaces.isEmpty() ? -1 : interfaces.get(0)[0]) : linkType;
    }

    /** The next UDP datagram over IPv4 or IPv6, or null at the end of the file. */
    public PcapFrame next() throws IOException {
        if (pcapng) {
            return nextNg();
        }
        while (true) {
            int read = in.readNBytes(recordHeader, 0, 16);
            if (read == 0) {
                return null;
            }
            if (read < 16) {
                throw new PcapFormatException("file ends inside the header of frame " + (frameNumber + 1), position);
            }
            long seconds = int32(recordHeader, 0) & 0xFFFFFFFFL;
            long fraction = int32(recordHeader, 4) & 0xFFFFFFFFL;
            int captured = int32(recordHeader, 8);
            if (captured < 0 || captured > MAX_RECORD) {
                throw new PcapFormatException("frame " + (frameNumber + 1) + " claims "
                        + (captured & 0xFFFFFFFFL) + " captured bytes", position + 8);
            }
            position += 16;
            byte[] frame = in.readNBytes(captured);
            if (frame.length < captured) {
                throw new PcapFormatException("file ends inside frame " + (frameNumber + 1) + " (" + frame.length
                        + " of " + captured + " bytes)", position + frame.length);
            }
            position += captured;
            frameNumber++;
            Instant timestamp = Instant.ofEpochSecond(seconds, nanos ? fraction : fraction * 1000);
            PcapFrame udp = udp(frameNumber, timestamp, frame, linkType, captured);
            if (udp != null) {
                return udp;
            }
        }
    }

    private static PcapFrame udp(int number, Instant timestamp, byte[] frame, int linkType, int captured) {
        int at = LinkLayer.ipOffset(linkType, frame, captured);
        if (at < 0 || at >= captured) {
            return null;
        }
        return (frame[at] & 0xF0) == 0x60 ? Ipv6Udp.parse(number, timestamp, frame, at, captured)
                : Ipv4Udp.parse(number, timestamp, frame, at, captured);
    }

    /** Reads the rest of a section header block whose first 24 bytes are {@code first}. */
    private void readSectionHeader(byte[] first) throws IOException {
        int magic = be32(first, 8);
        if (magic == BYTE_ORDER_MAGIC) {
            bigEndian = true;
        } else if (Integer.reverseBytes(magic) == BYTE_ORDER_MAGIC) {
            bigEndian = false;
        } else {
            throw new PcapFormatException(String.format("pcapng byte-order magic 0x%08x is wrong", magic),
                    position - 24 + 8);
        }
        long blockStart = position - 24;
        int total = int32(first, 4);
        if (total < 28 || total % 4 != 0 || total > MAX_RECORD) {
            throw new PcapFormatException("pcapng section header block length " + total + " is invalid",
                    blockStart + 4);
        }
        int major = u16(first, 12);
        if (major != 1) {
            throw new PcapFormatException("pcapng version " + major + "." + u16(first, 14) + " is not 1.x",
                    blockStart + 12);
        }
        skip(total - 24, blockStart);
        interfaces.clear();
    }

    private PcapFrame nextNg() throws IOException {
        byte[] head = new byte[8];
        while (true) {
            long blockStart = position;
            int read = in.readNBytes(head, 0, 8);
            if (read == 0) {
                return null;
            }
            if (read < 8) {
                throw new PcapFormatException("file ends inside a pcapng block header", blockStart + read);
            }
            position += 8;
            if (be32(head, 0) == PCAPNG) {
                byte[] first = new byte[24];
                System.arraycopy(head, 0, first, 0, 8);
                readFully(first, 8, 16, blockStart);
                readSectionHeader(first);
                continue;
            }
            int type = int32(head, 0);
            int total = int32(head, 4);
            if (total < 12 || total % 4 != 0 || total > MAX_RECORD) {
                throw new PcapFormatException("pcapng block of type " + type + " has invalid length " + total,
                        blockStart + 4);
            }
            byte[] body = new byte[total - 12];
            readFully(body, 0, body.length, blockStart);
            skip(4, blockStart); // the trailing copy of the length
            switch (type) {
                case BLOCK_IDB: {
                    if (body.length < 8) {
                        throw new PcapFormatException("pcapng interface block too short", blockStart);
                    }
                    int link = u16(body, 0);
                    if (!LinkLayer.isSupported(link)) {
                        throw new PcapFormatException("link type " + link + " of interface " + interfaces.size()
                                + " is not supported (Ethernet 1, raw IP 101, Linux SLL 113, IPv4 228, IPv6 229 are)",
                                blockStart + 8);
                    }
                    interfaces.add(new int[] {link, tsresol(body, 8)});
                    break;
                }
                case BLOCK_EPB:
                case BLOCK_OPB: {
                    boolean epb = type == BLOCK_EPB;
                    if (body.length < 20) {
                        throw new PcapFormatException("pcapng packet block too short", blockStart);
                    }
                    int iface = epb ? int32(body, 0) : u16(body, 0);
                    long high = int32(body, 4) & 0xFFFFFFFFL;
                    long low = int32(body, 8) & 0xFFFFFFFFL;
                    int captured = int32(body, 12);
                    if (captured < 0 || 20 + captured > body.length) {
                        throw new PcapFormatException("frame " + (frameNumber + 1) + " claims " + captured
                                + " captured bytes in a block of " + total, blockStart + 20);
                    }
                    int[] meta = iface(iface, blockStart);
                    frameNumber++;
                    byte[] frame = java.util.Arrays.copyOfRange(body, 20, 20 + captured);
                    PcapFrame udp = udp(frameNumber, timestamp((high << 32) | low, meta[1]), frame, meta[0],
                            captured);
                    if (udp != null) {
                        return udp;
                    }
                    break;
                }
                case BLOCK_SPB: {
                    int[] meta = iface(0, blockStart);
                    int original = body.length >= 4 ? int32(body, 0) : 0;
                    int captured = Math.max(0, Math.min(original, body.length - 4));
                    frameNumber++;
                    byte[] frame = java.util.Arrays.copyOfRange(body, 4, 4 + captured);
                    PcapFrame udp = udp(frameNumber, Instant.EPOCH, frame, meta[0], captured);
                    if (udp != null) {
                        return udp;
                    }
                    break;
                }
                default:
                    break; // name resolution, statistics, custom blocks: nothing to read
            }
        }
    }

    private int[] iface(int id, long blockStart) throws PcapFormatException {
        if (id < 0 || id >= interfaces.size()) {
            throw new PcapFormatException("packet block names interface " + id + ", which is not described",
                    blockStart + 8);
        }
        return interfaces.get(id);
    }

    /** The if_tsresol option (9) of an interface block's options from {@code at}; 6 (microseconds) by default. */
    private int tsresol(byte[] body, int at) {
        int i = at;
        while (i + 4 <= body.length) {
            int code = u16(body, i);
            int length = u16(body, i + 2);
            if (code == 0) {
                break;
            }
            if (code == 9 && length >= 1 && i + 5 <= body.length) {
                return body[i + 4] & 0xFF;
            }
            i += 4 + ((length + 3) & ~3);
        }
        return 6;
    }

    private static Instant timestamp(long units, int tsresol) {
        java.math.BigInteger value = java.math.BigInteger.valueOf(units).and(java.math.BigInteger.ONE.shiftLeft(64)
                .subtract(java.math.BigInteger.ONE));
        java.math.BigInteger perSecond = (tsresol & 0x80) != 0
                ? java.math.BigInteger.ONE.shiftLeft(tsresol & 0x7F)
                : java.math.BigInteger.TEN.pow(tsresol);
        java.math.BigInteger[] parts = value.divideAndRemainder(perSecond);
        long nanos = parts[1].multiply(java.math.BigInteger.valueOf(1_000_000_000L)).divide(perSecond).longValue();
        return Instant.ofEpochSecond(parts[0].longValue(), nanos);
    }

    private void readFully(byte[] into, int offset, int length, long blockStart) throws IOException {
        int read = in.readNBytes(into, offset, length);
        position += read;
        if (read < length) {
            throw new PcapFormatException("file ends inside a pcapng block (started at byte " + blockStart + ")",
                    position);
        }
    }

    private void skip(int length, long blockStart) throws IOException {
        readFully(new byte[length], 0, length, blockStart);
    }

    @Override
    public void close() throws IOException {
        in.close();
    }

    private int u16(byte[] b, int at) {
        return bigEndian ? ((b[at] & 0xFF) << 8) | (b[at + 1] & 0xFF) : ((b[at + 1] & 0xFF) << 8) | (b[at] & 0xFF);
    }

    private int int32(byte[] b, int at) {
        int be = be32(b, at);
        return bigEndian ? be : Integer.reverseBytes(be);
    }

    private static int be32(byte[] b, int at) {
        return ((b[at] & 0xFF) << 24) | ((b[at + 1] & 0xFF) << 16) | ((b[at + 2] & 0xFF) << 8) | (b[at + 3] & 0xFF);
    }
}
