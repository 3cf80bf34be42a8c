package dev.dhcpembedded.internal.transport;

import java.io.IOException;
import java.net.InetSocketAddress;

/**
 * A transport that sends from the caller's buffer, and tells where a reply goes from addresses as ints: the packet
 * path then makes no {@link dev.dhcpembedded.transport.Datagram}, no copy of the reply and no address per reply.
 * The same rules as {@link dev.dhcpembedded.transport.Transport#replyDestination} and
 * {@link dev.dhcpembedded.transport.Transport#send}.
 */
public interface DirectSender {

    /**
     * Where a reply to a request from {@code requestSource} really goes, given RFC 2131 §4.1's {@code rfcIp} and
     * {@code rfcPort}; the client's Ethernet address is {@code request[ethernetOffset, +6)}, or absent when
     * {@code ethernet} is null. For DHCPv6 (both 0, no Ethernet address) it is the sender's address and port.
     */
    InetSocketAddress replyDestination(InetSocketAddress requestSource, int rfcIp, int rfcPort, byte[] ethernet,
                                       int ethernetOffset);

    /** Sends {@code bytes[0, length)} to {@code destination}; the buffer is the caller's again on return. */
    void send(byte[] bytes, int length, InetSocketAddress destination, boolean broadcast) throws IOException;
}
