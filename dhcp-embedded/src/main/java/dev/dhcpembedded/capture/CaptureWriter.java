package dev.dhcpembedded.capture;

import dev.dhcpembedded.internal.pcap.PcapWriter;
import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.Flushable;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Objects;

/**
 * Writes UDP datagrams over IPv4 or IPv6 to a classic pcap file as they come (microsecond timestamps, little-endian,
 * link type raw IP 101: each record an IPv4 or IPv6 packet with correct IP and UDP checksums), which Wireshark,
 * tshark and {@link CaptureReader} open. Call {@link #flush()} to make what was written visible before
 * {@link #close()}. Not thread-safe: writers from several threads synchronize on it.
 *
 * <pre>{@code
 * try (CaptureWriter pcap = CaptureWriter.create(Path.of("target/traffic.pcap"))) {
 *     pcap.write(Instant.now(), client, server, DhcpCodec.encode(discover));
 * }
 * }</pre>
 */
public final class CaptureWriter implements Closeable, Flushable {

    private final PcapWriter writer;

    private CaptureWriter(PcapWriter writer) {
        this.writer = writer;
    }

    /**
     * Writes the pcap file header to {@code out} at once; closing the writer closes {@code out}.
     *
     * @param out where the file goes
     * @return a writer of datagrams to {@code out}
     * @throws IOException when writing the header fails
     */
    public static CaptureWriter of(OutputStream out) throws IOException {
        return new CaptureWriter(new PcapWriter(out));
    }

    /**
     * Creates (or truncates) {@code file} and writes its header. The file's folder must exist.
     *
     * @param file the pcap file to write
     * @return a writer of datagrams to it
     * @throws IOException when the file cannot be created or written
     */
    public static CaptureWriter create(Path file) throws IOException {
        OutputStream out = new BufferedOutputStream(Files.newOutputStream(file));
        try {
            return of(out);
        } catch (IOException | RuntimeException e) {
            out.close();
            throw e;
        }
    }

    /**
     * Appends one UDP datagram.
     *
     * @param timestamp   its time in the file; from 1970 to 2106, as the classic pcap format holds (microseconds)
     * @param source      its source address and port
     * @param destination its destination address and port, of the same IP version as {@code source}
     * @param payload     the UDP payload
     * @throws IllegalArgumentException when one address is IPv4 and the other IPv6, either is unresolved, or the
     *                                  timestamp is outside the pcap range
     * @throws IOException              when writing fails
     */
    public void write(Instant timestamp, InetSocketAddress source, InetSocketAddress destination, byte[] payload)
            throws IOException {
        Objects.requireNonNull(timestamp, "timestamp");
        Objects.requireNonNull(payload, "payload");
        InetAddress from = address(source, "source");
        InetAddress to = address(destination, "destination");
        if (from instanceof Inet4Address src && to instanceof Inet4Address dst) {
            writer.write(timestamp, src, source.getPort(), dst, destination.getPort(), payload);
        } else if (from instanceof Inet6Address src && to instanceof Inet6Address dst) {
            writer.write(timestamp, src, source.getPort(), dst, destination.getPort(), payload);
        } else {
            throw new IllegalArgumentException("source " + source + " and destination " + destination
                    + " are not of the same IP version");
        }
    }

    /**
     * Appends a datagram, for example one read by a {@link CaptureReader} (its frame number is not written: a pcap
     * numbers by position).
     *
     * @param datagram the datagram
     * @throws IllegalArgumentException as {@link #write(Instant, InetSocketAddress, InetSocketAddress, byte[])}
     * @throws IOException              when writing fails
     */
    public void write(CapturedDatagram datagram) throws IOException {
        write(datagram.timestamp(), datagram.source(), datagram.destination(), datagram.payload());
    }

    /**
     * Writes out what is buffered, so readers of the file see every datagram written so far.
     *
     * @throws IOException when writing fails
     */
    @Override
    public void flush() throws IOException {
        writer.flush();
    }

    /**
     * Writes out what is buffered and closes the file or stream.
     *
     * @throws IOException when writing or closing fails
     */
    @Override
    public void close() throws IOException {
        writer.close();
    }

    private static InetAddress address(InetSocketAddress socket, String what) {
        Objects.requireNonNull(socket, what);
        if (socket.getAddress() == null) {
            throw new IllegalArgumentException(what + " " + socket + " is unresolved");
        }
        return socket.getAddress();
    }
}
