package dev.dhcpembedded.stub;

import dev.dhcpembedded.internal.codec.Ipv4;

/** Another server's identity (option 54 and source address), for a competing or rogue reply. */
public record ServerIdentity(String address) {

    public ServerIdentity {
        Ipv4.parseInt(address);
    }
}
