package dev.dhcpembedded.transport;

import java.net.InetSocketAddress;

/**
 * A UDP payload with its addresses, as a transport saw or will send it. {@code bytes} is owned by the datagram
 * once created: nobody writes to it afterwards.
 */
public record Datagram(byte[] bytes, InetSocketAddress source, InetSocketAddress destination, String interfaceName,
                       boolean broadcast) {
}
