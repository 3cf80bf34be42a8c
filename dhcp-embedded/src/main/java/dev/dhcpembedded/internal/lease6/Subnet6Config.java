package dev.dhcpembedded.internal.lease6;

import dev.dhcpembedded.codec6.Dhcp6Option;
import java.math.BigInteger;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * One IPv6 link's configuration: its prefix, address pools, an optional prefix-delegation pool, lifetimes, T1/T2,
 * and the options it offers (23, 24 and others, sent when the ORO asks, or all when there is no ORO).
 */
public record Subnet6Config(Prefix6 prefix, List<Range> pools, Optional<PdPool> delegation,
        Duration preferredLifetime, Duration validLifetime, Duration t1, Duration t2, List<Dhcp6Option> options) {

    /** An address range, both ends included. */
    public record Range(BigInteger first, BigInteger last) {
        public boolean contains(BigInteger a) {
            return a.compareTo(first) >= 0 && a.compareTo(last) <= 0;
        }
    }

    /** Prefixes of {@code delegatedLength} cut from {@code pool}. */
    public record PdPool(Prefix6 pool, int delegatedLength) {
        public PdPool {
            if (delegatedLength < pool.length() || delegatedLength > 128) {
                throw new IllegalArgumentException("delegated length /" + delegatedLength + " must be between /"
                        + pool.length() + " and /128");
            }
        }

        public BigInteger count() {
            return BigInteger.ONE.shiftLeft(delegatedLength - pool.length());
        }

        public BigInteger prefix(BigInteger index) {
            return pool.network().add(index.shiftLeft(128 - delegatedLength));
        }

        /** Whether {@code p}/{@code length} is one of this pool's prefixes. */
        public boolean holds(BigInteger p, int length) {
            return length == delegatedLength && pool.contains(p)
                    && p.and(Prefix6.hostMask(delegatedLength)).signum() == 0;
        }
    }

    public Subnet6Config {
        pools = List.copyOf(pools);
        options = List.copyOf(options);
    }

    public boolean inPool(BigInteger address) {
        return pools.stream().anyMatch(r -> r.contains(address));
    }
}
