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
 * Reads a classic pcap file (either byte order, microsecond or nanosecond timestamps) with link type Ethernet (1,
 * 802.1Q tags included), raw IP (101), Linux cooked (113) or IPv4 (228), and yields its UDP/IPv4 datagrams. Other
 * frames are skipped but counted, so frame numbers match Wireshark's. A file that is not such a pcap, or ends inside
 * a record, is a {@link PcapFormatException}.
 */
public final class PcapReader implements Closeable {

    private static final int MAGIC_MICROS = 0xA1B2C3D4;
    private static final int MAGIC_NANOS = 0xA1B23C4D;
    private static final int PCAPNG = 0x0A0D0D0A;
    private static final int MAX_RECORD = 256 * 1024 * 1024;

    private final InputStream in;
    private final boolean bigEndian;
    private final boolean nanos;
    private final int linkType;
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
        if (magicBe == MAGIC_MICROS || magicBe == MAGIC_NANOS) {
            bigEndian = true;
        } else if (Integer.reverseBytes(magicBe) == MAGIC_MICROS || Integer.reverseBytes(magicBe) == MAGIC_NANOS) {
            bigEndian = false;
        } else if (magicBe == PCAPNG) {
            throw new PcapFormatException("this is a pcapng file; convert it with 'editcap -F pcap IN OUT'", 0);
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

    /** All UDP/IPv4 datagrams of the file. */
    public static List<PcapFrame> readAll(Path file) throws IOException {
        try (PcapReader reader = open(file)) {
            List<PcapFrame> frames = new ArrayList<>();
            for (PcapFrame frame = reader.next(); frame != null; frame = reader.next()) {
                frames.add(frame);
            }
            return frames;
        }
    }

    public int linkType() {
        return linkType;
    }

    /** The next UDP/IPv4 datagram, or null at the end of the file. */
    public PcapFrame next() throws IOException {
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
            PcapFrame udp = Ipv4Udp.parse(frameNumber, timestamp, frame,
                    LinkLayer.ipv4Offset(linkType, frame, captured), captured);
            if (udp != null) {
                return udp;
            }
        }
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
