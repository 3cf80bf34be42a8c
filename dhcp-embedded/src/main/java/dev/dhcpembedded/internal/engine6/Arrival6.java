package dev.dhcpembedded.internal.engine6;

/**
 * How a DHCPv6 message reached the server.
 *
 * @param unicast whether it was sent to a unicast address of the server (not to ff02::1:2 or ff05::1:3)
 */
public record Arrival6(boolean unicast) {

    public static final Arrival6 MULTICAST = new Arrival6(false);
    public static final Arrival6 UNICAST = new Arrival6(true);
}
