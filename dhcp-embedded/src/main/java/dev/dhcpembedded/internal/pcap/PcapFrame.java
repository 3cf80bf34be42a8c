package dev.dhcpembedded.internal.pcap;

import java.net.InetAddress;
import java.time.Instant;

/**
 * One UDP datagram over IPv4 or IPv6 read from a capture: its 1-based frame number in the file (as Wireshark counts
 * frames, non-UDP frames included), its timestamp, addresses, ports and UDP payload.
 */
public record PcapFrame(int number, Instant timestamp, InetAddress source, int sourcePort,
        InetAddress destination, int destinationPort, byte[] payload) {

    /** Whether either port is 67 or 68, the ports of DHCPv4 (and BOOTP). */
    public boolean isDhcp() {
        return sourcePort == 67 || sourcePort == 68 || destinationPort == 67 || destinationPort == 68;
    }

    /** Whether either port is 546 or 547, the ports of DHCPv6. */
    public boolean isDhcp6() {
        return sourcePort == 546 || sourcePort == 547 || destinationPort == 546 || destinationPort == 547;
    }
}
