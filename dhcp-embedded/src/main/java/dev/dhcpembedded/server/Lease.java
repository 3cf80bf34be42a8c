package dev.dhcpembedded.server;

import dev.dhcpembedded.internal.codec.Ipv4;
import dev.dhcpembedded.codec.MacAddress;
import java.net.Inet4Address;
import java.time.Instant;
import java.util.Optional;
import dev.dhcpembedded.internal.lease.ClientKey;

/** A snapshot of one row of the lease table. */
public record Lease(int addressAsInt, ClientKey client, MacAddress mac, LeaseState state, Instant expiresAt,
                    Optional<String> hostname) {

    public Inet4Address address() {
        return Ipv4.fromInt(addressAsInt);
    }

    public String addressText() {
        return Ipv4.toString(addressAsInt);
    }

    @Override
    public String toString() {
        return addressText() + " " + state + " " + client + " until " + expiresAt
                + hostname.map(h -> " (" + h + ")").orElse("");
    }
}
