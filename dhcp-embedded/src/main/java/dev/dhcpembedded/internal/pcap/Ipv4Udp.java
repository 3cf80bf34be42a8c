package dev.dhcpembedded.internal.pcap;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Instant;
import java.util.Arrays;

/** Builds and parses an IPv4 header with a UDP header around a payload, checksums included. */
public final class Ipv4Udp {

    static final int IPV4_HEADER = 20;
    static final int UDP_HEADER = 8;
    private static final int PROTOCOL_UDP = 17;
    private static final int TTL = 64;

    private Ipv4Udp() {
    }

    /** An IPv4 packet (no options, DF clear) carrying one UDP datagram with a correct UDP checksum. */
    public static byte[] build(Inet4Address source, int sourcePort, Inet4Address destination, int destinationPort,
            byte[] payload) {
        checkPort(sourcePort);
        checkPort(destinationPort);
        int udpLength = UDP_HEADER + payload.length;
        int total = IPV4_HEADER + udpLength;
        if (total > 0xFFFF) {
            throw new IllegalArgumentException("a payload of " + payload.length + " bytes does not fit one datagram");
        }
        byte[] src = source.getAddress();
        byte[] dst = destination.getAddress();
        byte[] p = new byte[total];
        p[0] = 0x45;
        put16(p, 2, total);
        p[8] = (byte) TTL;
        p[9] = (byte) PROTOCOL_UDP;
        System.arraycopy(src, 0, p, 12, 4);
        System.arraycopy(dst, 0, p, 16, 4);
        put16(p, 10, ~sum(p, 0, IPV4_HEADER, 0) & 0xFFFF);

        int u = IPV4_HEADER;
        put16(p, u, sourcePort);
        put16(p, u + 2, destinationPort);
        put16(p, u + 4, udpLength);
        System.arraycopy(payload, 0, p, u + UDP_HEADER, payload.length);
        int pseudo = sum(src, 0, 4, 0);
        pseudo = sum(dst, 0, 4, pseudo);
        pseudo += PROTOCOL_UDP + udpLength;
        int checksum = ~sum(p, u, udpLength, pseudo) & 0xFFFF;
        put16(p, u + 6, checksum == 0 ? 0xFFFF : checksum);
        return p;
    }

    /** The UDP datagram in {@code frame} from {@code at}, or null when it is not an unfragmented UDP/IPv4 one. */
    public static PcapFrame parse(int number, Instant timestamp, byte[] frame, int at, int length) {
        if (at < 0 || at + IPV4_HEADER > length || (frame[at] & 0xF0) != 0x40) {
            return null;
        }
        int ihl = (frame[at] & 0x0F) * 4;
        int total = get16(frame, at + 2);
        int fragment = get16(frame, at + 6) & 0x1FFF;
        if (ihl < IPV4_HEADER || (frame[at + 9] & 0xFF) != PROTOCOL_UDP || fragment != 0) {
            return null;
        }
        int ipEnd = total >= ihl ? Math.min(at + total, length) : length; // total 0: TSO captures
        int u = at + ihl;
        if (u + UDP_HEADER > ipEnd) {
            return null;
        }
        int udpLength = get16(frame, u + 4);
        int payloadEnd = udpLength >= UDP_HEADER ? Math.min(u + udpLength, ipEnd) : ipEnd;
        return new PcapFrame(number, timestamp, address(frame, at + 12), get16(frame, u),
                address(frame, at + 16), get16(frame, u + 2),
                Arrays.copyOfRange(frame, u + UDP_HEADER, payloadEnd));
    }

    private static Inet4Address address(byte[] b, int at) {
        try {
            return (Inet4Address) InetAddress.getByAddress(Arrays.copyOfRange(b, at, at + 4));
        } catch (UnknownHostException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    /** The one's-complement sum of 16-bit words, folded, starting from {@code initial}. */
    static int sum(byte[] b, int from, int length, int initial) {
        long s = initial;
        int end = from + length;
        int i = from;
        for (; i + 1 < end; i += 2) {
            s += ((b[i] & 0xFF) << 8) | (b[i + 1] & 0xFF);
        }
        if (i < end) {
            s += (b[i] & 0xFF) << 8;
        }
        while ((s >>> 16) != 0) {
            s = (s & 0xFFFF) + (s >>> 16);
        }
        return (int) s;
    }

    static void checkPort(int port) {
        if (port < 0 || port > 0xFFFF) {
            throw new IllegalArgumentException("port " + port + " is outside 0..65535");
        }
    }

    static int get16(byte[] b, int at) {
        return ((b[at] & 0xFF) << 8) | (b[at + 1] & 0xFF);
    }

    static void put16(byte[] b, int at, int value) {
        b[at] = (byte) (value >>> 8);
        b[at + 1] = (byte) value;
    }
}
