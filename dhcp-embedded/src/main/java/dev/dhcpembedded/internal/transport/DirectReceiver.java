package dev.dhcpembedded.internal.transport;

import dev.dhcpembedded.transport.Transport;
import java.net.InetSocketAddress;

/**
 * A receiver that reads a datagram where the transport received it: the project's own transports hand it their
 * receive buffer instead of a {@link dev.dhcpembedded.transport.Datagram} holding a copy. Any other transport
 * keeps calling {@link Transport.Receiver#onDatagram}.
 */
public interface DirectReceiver extends Transport.Receiver {

    /**
     * One datagram at {@code bytes[0, length)}. The buffer is the transport's and is reused once this returns:
     * whoever keeps the bytes copies them.
     */
    void onDatagram(byte[] bytes, int length, InetSocketAddress source, InetSocketAddress destination,
                    String interfaceName, boolean broadcast);
}
