package dev.dhcpembedded.internal.engine6;

import java.net.InetSocketAddress;

/**
 * How a DHCPv6 message reached the server.
 *
 * @param unicast whether it was sent to a unicast address of the server (not to ff02::1:2 or ff05::1:3)
 * @param peer the socket it came from (where the reply goes, and later a RECONFIGURE), or null when not known
 */
public record Arrival6(boolean unicast, InetSocketAddress peer) {

    public static final Arrival6 MULTICAST = new Arrival6(false);
    public static final Arrival6 UNICAST = new Arrival6(true);

    /** An arrival from an unknown socket. */
    public Arrival6(boolean unicast) {
        this(unicast, null);
    }
}
