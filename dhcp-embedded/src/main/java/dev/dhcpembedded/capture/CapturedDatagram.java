package dev.dhcpembedded.capture;

import java.net.InetSocketAddress;
import java.time.Instant;
import java.util.Arrays;
import java.util.Objects;

/**
 * One UDP datagram over IPv4 or IPv6, as read from a capture file or to be written to one. The payload is copied on
 * the way in and on the way out, so a datagram never changes.
 *
 * @param frameNumber the 1-based number of its frame in the file, as Wireshark counts frames (frames that are not UDP
 *                    datagrams included); a {@link CaptureWriter} ignores it, since a pcap numbers by position
 * @param timestamp   when it was captured
 * @param source      its source address and UDP port
 * @param destination its destination address and UDP port
 * @param payload     the UDP payload, e.g. a DHCP message
 */
public record CapturedDatagram(int frameNumber, Instant timestamp, InetSocketAddress source,
                               InetSocketAddress destination, byte[] payload) {

    /**
     * Checks and copies.
     *
     * @param frameNumber the frame number (any value for a datagram only to be written)
     * @param timestamp   when it was captured
     * @param source      its source address and UDP port
     * @param destination its destination address and UDP port
     * @param payload     the UDP payload, copied
     */
    public CapturedDatagram {
        Objects.requireNonNull(timestamp, "timestamp");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(destination, "destination");
        payload = payload.clone();
    }

    /**
     * The UDP payload.
     *
     * @return a copy of it
     */
    @Override
    public byte[] payload() {
        return payload.clone();
    }

    /**
     * Whether either port is 67 or 68, the ports of DHCPv4 (and BOOTP).
     *
     * @return whether the datagram is presumably DHCPv4
     */
    public boolean isDhcp() {
        return isPort(67) || isPort(68);
    }

    /**
     * Whether either port is 546 or 547, the ports of DHCPv6.
     *
     * @return whether the datagram is presumably DHCPv6
     */
    public boolean isDhcp6() {
        return isPort(546) || isPort(547);
    }

    private boolean isPort(int port) {
        return source.getPort() == port || destination.getPort() == port;
    }

    /**
     * Equal when all components are, the payload compared by content.
     *
     * @param other another object
     * @return whether it is an equal datagram
     */
    @Override
    public boolean equals(Object other) {
        return other instanceof CapturedDatagram d && frameNumber == d.frameNumber && timestamp.equals(d.timestamp)
                && source.equals(d.source) && destination.equals(d.destination) && Arrays.equals(payload, d.payload);
    }

    /**
     * A hash of all components, the payload's content included.
     *
     * @return the hash code
     */
    @Override
    public int hashCode() {
        return Objects.hash(frameNumber, timestamp, source, destination) * 31 + Arrays.hashCode(payload);
    }

    /**
     * For failure messages.
     *
     * @return e.g. {@code frame 3 2004-12-05T19:16:24.317453Z /0.0.0.0:68 -> /255.255.255.255:67, 272 bytes}
     */
    @Override
    public String toString() {
        return "frame " + frameNumber + " " + timestamp + " " + source + " -> " + destination + ", "
                + payload.length + " bytes";
    }
}
