/**
 * Capture files: reading the UDP datagrams of a pcap or pcapng file, and writing datagrams to a pcap as they happen.
 *
 * <p>{@link dev.dhcpembedded.capture.CaptureReader} reads a classic pcap (either byte order, microsecond or
 * nanosecond timestamps) or a pcapng file whose link type is Ethernet (802.1Q tags included), raw IP, Linux cooked,
 * IPv4 or IPv6, and yields each UDP datagram over IPv4 or IPv6 as a {@link dev.dhcpembedded.capture.CapturedDatagram}:
 * its frame number as Wireshark counts it, its timestamp, source and destination socket addresses and payload. A
 * test can so replay a capture from a real network against the server:
 *
 * <pre>{@code
 * for (CapturedDatagram d : CaptureReader.readAll(Path.of("dhcp.pcapng"))) {
 *     if (d.isDhcp()) {
 *         DhcpMessage request = DhcpCodec.decode(d.payload());
 *         // send it to the server, compare the reply with the captured one, ...
 *     }
 * }
 * }</pre>
 *
 * <p>{@link dev.dhcpembedded.capture.CaptureWriter} writes datagrams to a classic pcap file (raw IP link type, correct
 * IP and UDP checksums) one at a time, for example from a journal listener, so that Wireshark and tshark open it.
 */
package dev.dhcpembedded.capture;
