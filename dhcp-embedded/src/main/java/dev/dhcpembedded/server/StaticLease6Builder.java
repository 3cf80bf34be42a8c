package dev.dhcpembedded.server;

import dev.dhcpembedded.codec6.Duid;
import dev.dhcpembedded.internal.wire.Ipv6;
import dev.dhcpembedded.internal.engine6.Addr6;
import dev.dhcpembedded.internal.engine6.Prefix6;
import dev.dhcpembedded.internal.engine6.StaticLease6;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * A DHCPv6 static lease for one DUID: a fixed address for its IA_NA, a fixed delegated prefix for its IA_PD, or
 * both; for one IAID only when {@link #iaid(long)} is given. The server checks at build time that the address lies
 * in a subnet6 and that no other static lease has it.
 */
public final class StaticLease6Builder {

    private final Duid duid;
    private OptionalLong iaid = OptionalLong.empty();
    private Optional<Addr6> address = Optional.empty();
    private Optional<Prefix6> prefix = Optional.empty();

    StaticLease6Builder(Duid duid) {
        this.duid = java.util.Objects.requireNonNull(duid, "duid");
    }

    /**
     * The address the client's IA_NA always gets, inside a subnet6 (in a pool or not; no other client is given it).
     *
     * @param address an IPv6 address such as {@code 2001:db8:1::42}
     * @return this builder
     */
    public StaticLease6Builder address(String address) {
        this.address = Optional.of(Prefix6.number(Ipv6.parse(address)));
        return this;
    }

    /**
     * The prefix the client's IA_PD always gets: one of the delegation pool's prefixes, or one outside every pool.
     *
     * @param prefix a prefix such as {@code 2001:db8:100:4200::/56}
     * @return this builder
     */
    public StaticLease6Builder prefix(String prefix) {
        this.prefix = Optional.of(Prefix6.parse(prefix));
        return this;
    }

    /**
     * Only the IA with this IAID gets the lease; by default the client's first IA_NA and first IA_PD do.
     *
     * @param iaid the IAID, 0 to 4294967295
     * @return this builder
     */
    public StaticLease6Builder iaid(long iaid) {
        this.iaid = OptionalLong.of(iaid);
        return this;
    }

    StaticLease6 build() {
        return new StaticLease6(duid, iaid, address, prefix);
    }
}
