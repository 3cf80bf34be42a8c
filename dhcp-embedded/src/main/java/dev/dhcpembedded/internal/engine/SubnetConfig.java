package dev.dhcpembedded.internal.engine;

import dev.dhcpembedded.codec.DhcpOption;
import dev.dhcpembedded.internal.wire.Ipv4;
import java.time.Duration;
import java.util.List;
import java.util.Set;

/**
 * A subnet as served: its pools, the addresses excluded from them, its lease times and the options it offers.
 * {@code options} are sent when the client asks for them (option 55) or sends no list; {@code forcedOptions}
 * always.
 */
public record SubnetConfig(Cidr cidr, List<AddressRange> pools, Set<Integer> exclusions, Duration leaseTime,
                           Duration renewalTime, Duration rebindingTime, List<DhcpOption> options,
                           List<DhcpOption> forcedOptions, Ipv6OnlyPreferred ipv6Only) {

    /**
     * IPv6-only preferred (RFC 8925) on a subnet: V6ONLY_WAIT, and whether an OFFER that carries it offers 0.0.0.0
     * instead of an address.
     */
    public record Ipv6OnlyPreferred(Duration v6OnlyWait, boolean zeroAddress) {
    }

    /** Without IPv6-only preferred. */
    public SubnetConfig(Cidr cidr, List<AddressRange> pools, Set<Integer> exclusions, Duration leaseTime,
                        Duration renewalTime, Duration rebindingTime, List<DhcpOption> options,
                        List<DhcpOption> forcedOptions) {
        this(cidr, pools, exclusions, leaseTime, renewalTime, rebindingTime, options, forcedOptions, null);
    }

    public SubnetConfig {
        pools = List.copyOf(pools);
        exclusions = exclusions.isEmpty() ? Set.of() : Set.copyOf(exclusions); // no copy of nothing, at each build
        options = List.copyOf(options);
        forcedOptions = List.copyOf(forcedOptions);
        validate(cidr, pools, leaseTime, renewalTime, rebindingTime);
    }

    private static void validate(Cidr cidr, List<AddressRange> pools, Duration lease, Duration t1, Duration t2) {
        for (int i = 0; i < pools.size(); i++) {
            AddressRange pool = pools.get(i);
            if (!cidr.contains(pool.first()) || !cidr.contains(pool.last())) {
                throw new IllegalArgumentException("pool " + pool + " is outside subnet " + cidr
                        + "; move the pool inside it or widen the subnet");
            }
            for (int j = 0; j < i; j++) {
                if (pool.overlaps(pools.get(j))) {
                    throw new IllegalArgumentException("pools " + pools.get(j) + " and " + pool + " of subnet "
                            + cidr + " overlap; make them disjoint");
                }
            }
        }
        if (lease.isNegative() || lease.isZero()) {
            throw new IllegalArgumentException("lease time " + lease + " of subnet " + cidr + " must be positive");
        }
        if (t1.compareTo(t2) > 0) {
            throw new IllegalArgumentException("T1 (" + t1.getSeconds() + " s) is after T2 (" + t2.getSeconds()
                    + " s) in subnet " + cidr + "; T1 must not exceed T2");
        }
        if (t2.compareTo(lease) > 0) {
            throw new IllegalArgumentException("T2 (" + t2.getSeconds() + " s) is after the lease time ("
                    + lease.getSeconds() + " s) in subnet " + cidr + "; T2 must not exceed the lease time");
        }
    }

    public boolean inPool(int address) {
        if (!exclusions.isEmpty() && exclusions.contains(address)) {
            return false;
        }
        for (int i = 0; i < pools.size(); i++) { // indexed: no iterator on the packet path
            if (pools.get(i).contains(address)) {
                return true;
            }
        }
        return false;
    }

    /** The same subnet without any option of {@code code} (asked-for or forced). */
    public SubnetConfig withoutOption(dev.dhcpembedded.codec.OptionCode code) {
        List<DhcpOption> kept = new java.util.ArrayList<>(options);
        kept.removeIf(o -> o.code().equals(code));
        List<DhcpOption> keptForced = new java.util.ArrayList<>(forcedOptions);
        keptForced.removeIf(o -> o.code().equals(code));
        return new SubnetConfig(cidr, pools, exclusions, leaseTime, renewalTime, rebindingTime, kept, keptForced, ipv6Only);
    }

    /** Whether this subnet prefers IPv6-only and {@code request} asked for option 108 in its list (55). */
    public boolean ipv6OnlyFor(dev.dhcpembedded.internal.wire.WireRequest request) {
        return ipv6Only != null && request.asks(dev.dhcpembedded.codec.OptionCode.IPV6_ONLY_PREFERRED.code());
    }

    public String subnetMask() {
        return Ipv4.toString(cidr.mask());
    }
}
