package dev.dhcpembedded.lease;

import dev.dhcpembedded.codec.MacAddress;
import java.net.Inet4Address;
import java.time.Instant;
import java.util.Optional;

/**
 * A snapshot of one row of the lease table.
 *
 * @param address the address
 * @param mac the client's hardware address (chaddr); null for an address set aside by a DECLINE
 * @param clientIdentifier the client identifier (option 61) in lowercase hex, when the client is known by one
 * @param state where the address stands
 * @param expiresAt when the offer, binding or probation ends, on the server's clock
 * @param hostname the host name the client gave or a static lease set
 */
public record Lease(Inet4Address address, MacAddress mac, Optional<String> clientIdentifier, LeaseState state,
                    Instant expiresAt, Optional<String> hostname) {

    /**
     * The address as text.
     *
     * @return e.g. {@code 10.20.0.100}
     */
    public String addressText() {
        return address.getHostAddress();
    }

    @Override
    public String toString() {
        return addressText() + " " + state + " " + clientIdentifier.map(id -> "client-id " + id)
                .orElseGet(() -> String.valueOf(mac)) + " until " + expiresAt
                + hostname.map(h -> " (" + h + ")").orElse("");
    }
}
