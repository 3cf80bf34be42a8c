package dev.dhcpembedded.internal.engine;

import java.net.InetSocketAddress;

/**
 * How a request arrived, as far as the engine cares: the server address it arrived at (selects the subnet when
 * there is no giaddr and no ciaddr; 0 when unknown), whether it was broadcast (RENEWING vs REBINDING) and the socket
 * it came from (where the ACK to it goes, and later a FORCERENEW; null when unknown).
 */
public record Arrival(int localAddress, boolean broadcast, InetSocketAddress peer) {

    public static final Arrival UNKNOWN = new Arrival(0, false);

    /** An arrival from an unknown socket. */
    public Arrival(int localAddress, boolean broadcast) {
        this(localAddress, broadcast, null);
    }
}
