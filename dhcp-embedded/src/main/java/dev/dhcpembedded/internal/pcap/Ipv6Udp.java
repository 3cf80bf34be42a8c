package dev.dhcpembedded.internal.pcap;

import java.net.Inet6Address;
import java.time.Instant;
import java.util.Arrays;
import dev.dhcpembedded.internal.wire.Ipv6;

/** Builds and parses an IPv6 header with a UDP header around a payload, the UDP checksum included. */
final class Ipv6Udp {

    static final int IPV6_HEADER = 40;
    private static final int UDP_HEADER = 8;
    private static final int NEXT_UDP = 17;
    private static final int NEXT_ICMP6 = 58;
    private static final int HOP_LIMIT = 64;

    private Ipv6Udp() {
    }

    /** An IPv6 packet carrying one UDP datagram with a correct UDP checksum (mandatory over IPv6). */
    static byte[] build(Inet6Address source, int sourcePort, Inet6Address destination, int destinationPort,
            byte[] payload) {
        Ipv4Udp.checkPort(sourcePort);
        Ipv4Udp.checkPort(destinationPort);
        int udpLength = UDP_HEADER + payload.length;
        if (udpLength > 0xFFFF) {
            throw new IllegalArgumentException("a payload of " + payload.length + " bytes does not fit one datagram");
        }
        byte[] src = source.getAddress();
        byte[] dst = destination.getAddress();
        byte[] p = new byte[IPV6_HEADER + udpLength];
        p[0] = 0x60;
        Ipv4Udp.put16(p, 4, udpLength);
        p[6] = (byte) NEXT_UDP;
        p[7] = (byte) HOP_LIMIT;
        System.arraycopy(src, 0, p, 8, 16);
        System.arraycopy(dst, 0, p, 24, 16);
        int u = IPV6_HEADER;
        Ipv4Udp.put16(p, u, sourcePort);
        Ipv4Udp.put16(p, u + 2, destinationPort);
        Ipv4Udp.put16(p, u + 4, udpLength);
        System.arraycopy(payload, 0, p, u + UDP_HEADER, payload.length);
        int pseudo = Ipv4Udp.sum(src, 0, 16, 0);
        pseudo = Ipv4Udp.sum(dst, 0, 16, pseudo);
        pseudo += udpLength + NEXT_UDP;
        int checksum = ~Ipv4Udp.sum(p, u, udpLength, pseudo) & 0xFFFF;
        Ipv4Udp.put16(p, u + 6, checksum == 0 ? 0xFFFF : checksum);
        return p;
    }

    /**
     * An IPv6 packet carrying one ICMPv6 message (hop limit 255, RFC 4861) with its checksum computed over the
     * pseudo-header (RFC 4443 section 2.3); the message's own checksum field is overwritten.
     */
    static byte[] buildIcmp6(Inet6Address source, Inet6Address destination, byte[] message) {
        if (message.length < 4 || message.length > 0xFFFF) {
            throw new IllegalArgumentException("an ICMPv6 message of " + message.length + " bytes");
        }
        byte[] src = source.getAddress();
        byte[] dst = destination.getAddress();
        byte[] p = new byte[IPV6_HEADER + message.length];
        p[0] = 0x60;
        Ipv4Udp.put16(p, 4, message.length);
        p[6] = (byte) NEXT_ICMP6;
        p[7] = (byte) 255;
        System.arraycopy(src, 0, p, 8, 16);
        System.arraycopy(dst, 0, p, 24, 16);
        System.arraycopy(message, 0, p, IPV6_HEADER, message.length);
        Ipv4Udp.put16(p, IPV6_HEADER + 2, 0);
        int pseudo = Ipv4Udp.sum(src, 0, 16, 0);
        pseudo = Ipv4Udp.sum(dst, 0, 16, pseudo);
        pseudo += message.length + NEXT_ICMP6;
        Ipv4Udp.put16(p, IPV6_HEADER + 2, ~Ipv4Udp.sum(p, IPV6_HEADER, message.length, pseudo) & 0xFFFF);
        return p;
    }

    /**
     * The UDP datagram in {@code frame} from {@code at}, or null when it is not UDP/IPv6; hop-by-hop, routing and
     * destination options headers are stepped over, fragments are not reassembled.
     */
    static PcapFrame parse(int number, Instant timestamp, byte[] frame, int at, int length) {
        if (at < 0 || at + IPV6_HEADER > length || (frame[at] & 0xF0) != 0x60) {
            return null;
        }
        int payloadLength = Ipv4Udp.get16(frame, at + 4);
        int ipEnd = payloadLength == 0 ? length : Math.min(at + IPV6_HEADER + payloadLength, length);
        int next = frame[at + 6] & 0xFF;
        int u = at + IPV6_HEADER;
        while (next == 0 || next == 43 || next == 60) {
            if (u + 8 > ipEnd) {
                return null;
            }
            next = frame[u] & 0xFF;
            u += 8 + (frame[u + 1] & 0xFF) * 8;
        }
        if (next != NEXT_UDP || u + UDP_HEADER > ipEnd) {
            return null;
        }
        int udpLength = Ipv4Udp.get16(frame, u + 4);
        int payloadEnd = udpLength >= UDP_HEADER ? Math.min(u + udpLength, ipEnd) : ipEnd;
        return new PcapFrame(number, timestamp, Ipv6.read(frame, at + 8), Ipv4Udp.get16(frame, u),
                Ipv6.read(frame, at + 24), Ipv4Udp.get16(frame, u + 2),
                Arrays.copyOfRange(frame, u + UDP_HEADER, payloadEnd));
    }
}
