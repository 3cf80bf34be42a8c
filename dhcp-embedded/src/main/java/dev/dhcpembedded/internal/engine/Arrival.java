package dev.dhcpembedded.internal.engine;

/**
 * How a request arrived, as far as the engine cares: the server address it arrived at (selects the subnet when
 * there is no giaddr and no ciaddr; 0 when unknown) and whether it was broadcast (RENEWING vs REBINDING).
 */
public record Arrival(int localAddress, boolean broadcast) {

    public static final Arrival UNKNOWN = new Arrival(0, false);
}
