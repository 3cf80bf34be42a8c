package dev.dhcpembedded.capture;

import dev.dhcpembedded.internal.pcap.PcapFormatException;
import dev.dhcpembedded.internal.pcap.PcapFrame;
import dev.dhcpembedded.internal.pcap.PcapReader;
import java.io.BufferedInputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the UDP datagrams (over IPv4 and IPv6) of a capture file one at a time: a classic pcap file (either byte
 * order, microsecond or nanosecond timestamps) or a pcapng file (sections of either byte order, enhanced, simple and
 * obsolete packet blocks, any timestamp resolution), with link type Ethernet (1, 802.1Q tags included), raw IP (101),
 * Linux cooked (113), IPv4 (228) or IPv6 (229). Other frames are skipped but counted, so frame numbers match
 * Wireshark's. A file that is not such a capture, or ends inside a record, is a {@link CaptureFormatException}.
 *
 * <pre>{@code
 * try (CaptureReader reader = CaptureReader.open(file)) {
 *     for (CapturedDatagram d = reader.next(); d != null; d = reader.next()) {
 *         ...
 *     }
 * }
 * }</pre>
 */
public final class CaptureReader implements Closeable {

    private final PcapReader reader;

    private CaptureReader(PcapReader reader) {
        this.reader = reader;
    }

    /**
     * Reads the file header of {@code in}; closing the reader closes {@code in}.
     *
     * @param in the capture's bytes from the start of the file
     * @return a reader positioned before the first datagram
     * @throws CaptureFormatException when {@code in} does not start as a capture the reader understands
     * @throws IOException when {@code in} cannot be read
     */
    public static CaptureReader of(InputStream in) throws IOException {
        try {
            return new CaptureReader(new PcapReader(in));
        } catch (PcapFormatException e) {
            throw formatError(e);
        }
    }

    /**
     * Opens a capture file and reads its header.
     *
     * @param file a pcap or pcapng file
     * @return a reader positioned before the first datagram
     * @throws java.nio.file.NoSuchFileException when there is no such file
     * @throws CaptureFormatException when the file does not start as a capture the reader understands
     * @throws IOException when the file cannot be read
     */
    public static CaptureReader open(Path file) throws IOException {
        InputStream in = new BufferedInputStream(Files.newInputStream(file));
        try {
            return of(in);
        } catch (IOException | RuntimeException e) {
            in.close();
            throw e;
        }
    }

    /**
     * Reads a whole capture file.
     *
     * @param file a pcap or pcapng file
     * @return its UDP datagrams over IPv4 and IPv6, in file order
     * @throws java.nio.file.NoSuchFileException when there is no such file
     * @throws CaptureFormatException when the file is not a capture the reader understands, or ends inside a record
     * @throws IOException when the file cannot be read
     */
    public static List<CapturedDatagram> readAll(Path file) throws IOException {
        try (CaptureReader reader = open(file)) {
            List<CapturedDatagram> datagrams = new ArrayList<>();
            for (CapturedDatagram d = reader.next(); d != null; d = reader.next()) {
                datagrams.add(d);
            }
            return datagrams;
        }
    }

    /**
     * Reads on to the next UDP datagram, skipping frames of other kinds.
     *
     * @return the next UDP datagram over IPv4 or IPv6, or null at the end of the file
     * @throws CaptureFormatException when the file ends inside a record or a record is malformed
     * @throws IOException when the file cannot be read
     */
    public CapturedDatagram next() throws IOException {
        PcapFrame frame;
        try {
            frame = reader.next();
        } catch (PcapFormatException e) {
            throw formatError(e);
        }
        if (frame == null) {
            return null;
        }
        return new CapturedDatagram(frame.number(), frame.timestamp(),
                new InetSocketAddress(frame.source(), frame.sourcePort()),
                new InetSocketAddress(frame.destination(), frame.destinationPort()), frame.payload());
    }

    /**
     * Closes the file or stream read.
     *
     * @throws IOException when closing it fails
     */
    @Override
    public void close() throws IOException {
        reader.close();
    }

    private static CaptureFormatException formatError(PcapFormatException e) {
        return new CaptureFormatException(e.getMessage(), e.offset(), e);
    }
}
