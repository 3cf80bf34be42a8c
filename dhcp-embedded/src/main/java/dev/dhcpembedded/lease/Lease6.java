package dev.dhcpembedded.lease;

import dev.dhcpembedded.codec6.Duid;
import dev.dhcpembedded.internal.wire.Ipv6;
import java.net.Inet6Address;
import java.time.Instant;

/**
 * One row of the DHCPv6 lease table: the client's DUID and IAID, an address (IA_NA) or a delegated prefix (IA_PD),
 * its state and when it ends.
 *
 * @param duid the client's DUID
 * @param iaid the identity association's IAID
 * @param kind an address or a delegated prefix
 * @param address the address, or the prefix's first address
 * @param prefixLength 128 for an address, the delegated length for a prefix
 * @param state OFFERED (advertised), BOUND, RELEASED, DECLINED or EXPIRED
 * @param expiresAt when the valid lifetime (or the advertise hold, or the probation) ends
 */
public record Lease6(Duid duid, long iaid, Kind kind, Inet6Address address, int prefixLength, LeaseState state,
        Instant expiresAt) {

    /** What an IA holds. */
    public enum Kind {
        /** An IA_NA address. */
        ADDRESS,
        /** An IA_PD delegated prefix. */
        PREFIX
    }

    /** {@return the address, or the prefix as {@code 2001:db8:100::/56}} */
    public String text() {
        return kind == Kind.ADDRESS ? Ipv6.format(address) : Ipv6.format(address) + "/" + prefixLength;
    }

    @Override
    public String toString() {
        return text() + " " + state + " DUID " + duid + " IAID " + iaid + " until " + expiresAt;
    }
}
