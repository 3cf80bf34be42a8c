package dev.dhcpembedded.internal.pcap;

import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

/**
 * Writes UDP datagrams over IPv4 or IPv6 as a classic libpcap file (microsecond timestamps, little-endian, LINKTYPE_RAW 101:
 * each record is an IPv4 or IPv6 packet with correct IP and UDP checksums), which Wireshark and tshark open directly.
 */
public final class PcapWriter implements Closeable {

    private static final int MAGIC_MICROS = 0xA1B2C3D4;
    private static final int SNAPLEN = 65535;

    private final OutputStream out;
    private final byte[] recordHeader = new byte[16];

    /** Writes the file header to {@code out} at once; closing the writer closes {@code out}. */
    public PcapWriter(OutputStream out) throws IOException {
        this.out = out;
        byte[] header = new byte[24];
        putLe32(header, 0, MAGIC_MICROS);
        putLe16(header, 4, 2);
        putLe16(header, 6, 4);
        putLe32(header, 16, SNAPLEN);
        putLe32(header, 20, LinkLayer.RAW);
        out.write(header);
    }

    public static PcapWriter create(Path file) throws IOException {
        return new PcapWriter(new BufferedOutputStream(Files.newOutputStream(file)));
    }

    /** Appends one UDP datagram carrying {@code payload}. */
    public void write(Instant timestamp, Inet4Address source, int sourcePort, Inet4Address destination,
            int destinationPort, byte[] payload) throws IOException {
        writeRecord(timestamp, Ipv4Udp.build(source, sourcePort, destination, destinationPort, payload));
    }

    /**
     * Appends one UDP datagram of {@code originalLength} bytes of which only {@code payload}, its start, was kept: the
     * record's captured length is less than its length on the wire, as pcap allows (tcpdump's snap length).
     */
    public void write(Instant timestamp, Inet4Address source, int sourcePort, Inet4Address destination,
            int destinationPort, byte[] payload, int originalLength) throws IOException {
        writeRecord(timestamp, Ipv4Udp.build(source, sourcePort, destination, destinationPort, payload),
                Math.max(0, originalLength - payload.length));
    }

    /** The IPv6 form of {@link #write(Instant, Inet4Address, int, Inet4Address, int, byte[], int)}. */
    public void write(Instant timestamp, Inet6Address source, int sourcePort, Inet6Address destination,
            int destinationPort, byte[] payload, int originalLength) throws IOException {
        writeRecord(timestamp, Ipv6Udp.build(source, sourcePort, destination, destinationPort, payload),
                Math.max(0, originalLength - payload.length));
    }

    /** Appends one UDP/IPv6 datagram carrying {@code payload} (LINKTYPE_RAW takes IPv6 packets too). */
    public void write(Instant timestamp, Inet6Address source, int sourcePort, Inet6Address destination,
            int destinationPort, byte[] payload) throws IOException {
        writeRecord(timestamp, Ipv6Udp.build(source, sourcePort, destination, destinationPort, payload));
    }

    /** Appends one ICMPv6 message in an IPv6 packet (hop limit 255, as neighbour discovery needs; checksum set). */
    public void writeIcmp6(Instant timestamp, Inet6Address source, Inet6Address destination, byte[] message)
            throws IOException {
        writeRecord(timestamp, Ipv6Udp.buildIcmp6(source, destination, message));
    }

    private void writeRecord(Instant timestamp, byte[] packet) throws IOException {
        writeRecord(timestamp, packet, 0);
    }

    private void writeRecord(Instant timestamp, byte[] packet, int cut) throws IOException {
        long seconds = timestamp.getEpochSecond();
        if (seconds < 0 || seconds > 0xFFFFFFFFL) {
            throw new IllegalArgumentException("timestamp " + timestamp + " is outside the classic pcap range");
        }
        putLe32(recordHeader, 0, (int) seconds);
        putLe32(recordHeader, 4, timestamp.getNano() / 1000);
        putLe32(recordHeader, 8, packet.length);
        putLe32(recordHeader, 12, packet.length + cut);
        out.write(recordHeader);
        out.write(packet);
    }

    /** Appends a frame as read by {@link PcapReader} (its number is not written; pcap numbers by position). */
    public void write(PcapFrame frame) throws IOException {
        if (frame.source() instanceof Inet6Address src && frame.destination() instanceof Inet6Address dst) {
            write(frame.timestamp(), src, frame.sourcePort(), dst, frame.destinationPort(), frame.payload());
        } else {
            write(frame.timestamp(), (Inet4Address) frame.source(), frame.sourcePort(),
                    (Inet4Address) frame.destination(), frame.destinationPort(), frame.payload());
        }
    }

    public void flush() throws IOException {
        out.flush();
    }

    @Override
    public void close() throws IOException {
        out.close();
    }

    private static void putLe16(byte[] b, int at, int value) {
        b[at] = (byte) value;
        b[at + 1] = (byte) (value >>> 8);
    }

    private static void putLe32(byte[] b, int at, int value) {
        b[at] = (byte) value;
        b[at + 1] = (byte) (value >>> 8);
        b[at + 2] = (byte) (value >>> 16);
        b[at + 3] = (byte) (value >>> 24);
    }
}
