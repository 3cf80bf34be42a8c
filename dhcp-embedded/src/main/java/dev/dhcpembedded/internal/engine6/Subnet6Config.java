package dev.dhcpembedded.internal.engine6;

import dev.dhcpembedded.codec6.Dhcp6Option;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * One IPv6 link's configuration: its prefix, address pools, an optional prefix-delegation pool, lifetimes, T1/T2,
 * the options it offers (23, 24 and others, sent when the ORO asks, or all when there is no ORO), and how many
 * IA_NA and IA_PD of one client message it serves (the rest get NoAddrsAvail or NoPrefixAvail and bind nothing).
 */
public record Subnet6Config(Prefix6 prefix, List<Range> pools, Optional<PdPool> delegation,
        Duration preferredLifetime, Duration validLifetime, Duration t1, Duration t2, List<Dhcp6Option> options,
        int iaNaLimit, int iaPdLimit) {

    /**
     * IA_NA and IA_PD served per client message unless set: real clients send one of each, a few more with several
     * interfaces or downstream links (RFC 7084 routers: one IA_NA and one IA_PD); 8 leaves room for every client
     * seen in practice while a message cannot take more than 8 addresses and 8 prefixes.
     */
    public static final int DEFAULT_IA_LIMIT = 8;
    /** The highest limit a link may set: the reply of a message at the limit stays far below the UDP limit. */
    public static final int MAX_IA_LIMIT = 256;

    /**
     * A pool as the engine scans it: candidates {@code at(0)}, {@code at(1)}, ... {@code at(size() - 1)}, in
     * order. Address ranges step by one address, delegation pools by one delegated prefix.
     */
    public interface Ladder {
        /** The candidate at {@code index} (0 to {@code size() - 1}). */
        Addr6 at(long index);

        /** How many candidates, capped at {@link Long#MAX_VALUE}. */
        long size();
    }

    /** An address range, both ends included. */
    public record Range(Addr6 first, Addr6 last) implements Ladder {
        public boolean contains(Addr6 a) {
            return a.compareTo(first) >= 0 && a.compareTo(last) <= 0;
        }

        @Override
        public Addr6 at(long index) {
            return first.plus(index);
        }

        @Override
        public long size() {
            long d = last.distanceFrom(first);
            return d == Long.MAX_VALUE ? d : d + 1;
        }
    }

    /** Prefixes of {@code delegatedLength} cut from {@code pool}. */
    public record PdPool(Prefix6 pool, int delegatedLength) implements Ladder {
        public PdPool {
            if (delegatedLength < pool.length() || delegatedLength > 128) {
                throw new IllegalArgumentException("delegated length /" + delegatedLength + " must be between /"
                        + pool.length() + " and /128");
            }
        }

        @Override
        public long size() {
            int bits = delegatedLength - pool.length();
            return bits >= 63 ? Long.MAX_VALUE : 1L << bits;
        }

        @Override
        public Addr6 at(long index) {
            return pool.network().plusShifted(index, 128 - delegatedLength);
        }

        /** Whether {@code p}/{@code length} is one of this pool's prefixes. */
        public boolean holds(Addr6 p, int length) {
            return length == delegatedLength && pool.contains(p) && p.hasNoHostBits(delegatedLength);
        }
    }

    public Subnet6Config {
        pools = List.copyOf(pools);
        options = List.copyOf(options);
        if (iaNaLimit < 1 || iaNaLimit > MAX_IA_LIMIT || iaPdLimit < 1 || iaPdLimit > MAX_IA_LIMIT) {
            throw new IllegalArgumentException("subnet6 " + prefix + ": IA limits " + iaNaLimit + " (IA_NA) and "
                    + iaPdLimit + " (IA_PD) must be between 1 and " + MAX_IA_LIMIT);
        }
    }

    /** A link with the {@link #DEFAULT_IA_LIMIT default IA limits}. */
    public Subnet6Config(Prefix6 prefix, List<Range> pools, Optional<PdPool> delegation, Duration preferredLifetime,
            Duration validLifetime, Duration t1, Duration t2, List<Dhcp6Option> options) {
        this(prefix, pools, delegation, preferredLifetime, validLifetime, t1, t2, options, DEFAULT_IA_LIMIT,
                DEFAULT_IA_LIMIT);
    }

    public boolean inPool(Addr6 address) {
        for (int i = 0; i < pools.size(); i++) {
            if (pools.get(i).contains(address)) {
                return true;
            }
        }
        return false;
    }
}
