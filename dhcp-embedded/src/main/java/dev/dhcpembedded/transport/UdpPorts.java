package dev.dhcpembedded.transport;

import java.io.IOException;

/**
 * Opens {@link UdpPort}s on one address: where a service beside DHCP (the netboot TFTP server) listens, and the
 * port of each of its transfers. A transport that carries such ports itself offers them by
 * {@link Transport#udpPorts()}.
 */
@FunctionalInterface
public interface UdpPorts {

    /**
     * Opens a UDP port on this opener's address.
     *
     * @param port the port, or 0 for any free one
     * @return the open port
     * @throws IOException when it cannot be opened, e.g. the port is taken or too many are open
     */
    UdpPort open(int port) throws IOException;
}
