package dev.dhcpembedded.internal.engine6;

import dev.dhcpembedded.codec6.Duid;
import dev.dhcpembedded.internal.wire.Ipv6;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * A fixed address (IA_NA) and/or a fixed delegated prefix (IA_PD) for the client with this DUID; for one IAID only
 * when {@code iaid} is set, else for the client's first IA of each kind.
 */
public record StaticLease6(Duid duid, OptionalLong iaid, Optional<Addr6> address, Optional<Prefix6> prefix) {

    public StaticLease6 {
        if (address.isEmpty() && prefix.isEmpty()) {
            throw new IllegalArgumentException("static lease6 for DUID " + duid
                    + " gives neither an address nor a prefix; give it address(...) or prefix(...)");
        }
        if (iaid.isPresent() && (iaid.getAsLong() < 0 || iaid.getAsLong() > 0xFFFFFFFFL)) {
            throw new IllegalArgumentException("static lease6 for DUID " + duid + ": IAID " + iaid.getAsLong()
                    + " is outside 0..4294967295");
        }
    }

    /** Whether this lease is for the IA {@code iaid} of the client {@code client}. */
    public boolean isFor(Duid client, long iaidAsked) {
        return duid.equals(client) && (iaid.isEmpty() || iaid.getAsLong() == iaidAsked);
    }

    /** Whether this lease is for the client {@code client}, whatever the IAID. */
    boolean sameClient(StaticLease6 other) {
        return duid.equals(other.duid) && (iaid.isEmpty() || other.iaid.isEmpty()
                || iaid.getAsLong() == other.iaid.getAsLong());
    }

    @Override
    public String toString() {
        return "DUID " + duid + iaid.stream().mapToObj(i -> " IAID " + i).findFirst().orElse("") + " = "
                + address.map(a -> Ipv6.format(Prefix6.address(a))).orElse("")
                + (address.isPresent() && prefix.isPresent() ? ", " : "") + prefix.map(Prefix6::toString).orElse("");
    }
}
