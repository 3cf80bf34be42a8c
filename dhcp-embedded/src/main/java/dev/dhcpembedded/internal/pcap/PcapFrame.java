package dev.dhcpembedded.internal.pcap;

import java.net.Inet4Address;
import java.time.Instant;

/**
 * One UDP/IPv4 datagram read from a capture: its 1-based frame number in the file (as Wireshark counts frames,
 * non-UDP frames included), its timestamp, addresses, ports and UDP payload.
 */
public record PcapFrame(int number, Instant timestamp, Inet4Address source, int sourcePort,
        Inet4Address destination, int destinationPort, byte[] payload) {

    /** Whether either port is 67 or 68, the ports of DHCPv4 (and BOOTP). */
    public boolean isDhcp() {
        return sourcePort == 67 || sourcePort == 68 || destinationPort == 67 || destinationPort == 68;
    }
}
