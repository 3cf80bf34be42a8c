package dev.dhcpembedded.stub;

import dev.dhcpembedded.internal.wire.Ipv4;

/**
 * Another server's identity (option 54 and source address), for a competing or rogue reply.
 *
 * @param address the other server's IPv4 address, dotted
 */
public record ServerIdentity(String address) {

    /**
     * Checks that {@code address} is an IPv4 address.
     *
     * @param address the other server's IPv4 address, dotted
     * @throws IllegalArgumentException if {@code address} is not a dotted IPv4 address
     */
    public ServerIdentity {
        Ipv4.parseInt(address);
    }
}
