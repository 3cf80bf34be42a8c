package dev.dhcpembedded.internal.engine6;

import dev.dhcpembedded.codec6.Duid;
import dev.dhcpembedded.internal.wire.Ipv6;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.stream.Collectors;

/**
 * The DHCPv6 side of a server: its DUID, its links, whether it answers a SOLICIT with option 14 by REPLY (rapid
 * commit, off by default), whether clients may send by unicast (true in loopback mode, where the client is told
 * the server's address; false answers such messages with UseMulticast), the preference it advertises, and the
 * static leases by DUID (validated here, once: inside a subnet6, no two alike), and what netboot clients are told
 * (null: nothing; set at start, when the HTTP server has its address).
 */
public record Server6Config(Duid serverDuid, List<Subnet6Config> subnets, boolean rapidCommit,
        boolean acceptUnicast, OptionalInt preference, Duration advertiseHold, Duration declineProbation,
        List<StaticLease6> staticLeases, boolean reconfigureKeys, Netboot6 netboot) {

    public Server6Config {
        subnets = List.copyOf(subnets);
        staticLeases = List.copyOf(staticLeases);
        if (subnets.isEmpty()) {
            throw new IllegalArgumentException("a DHCPv6 server needs at least one subnet6");
        }
        for (int i = 0; i < staticLeases.size(); i++) {
            StaticLease6 lease = staticLeases.get(i);
            check(lease, subnets);
            for (int j = 0; j < i; j++) {
                StaticLease6 other = staticLeases.get(j);
                if (lease.sameClient(other)) {
                    throw new IllegalArgumentException("static lease6 " + lease + " and " + other
                            + " are for the same client; keep one static lease per DUID (and IAID)");
                }
                if (lease.address().isPresent() && lease.address().equals(other.address())) {
                    throw new IllegalArgumentException("address " + Ipv6.format(Prefix6.address(lease.address().get()))
                            + " is given to two static leases (" + other + "; " + lease
                            + "); give each client its own address");
                }
                if (lease.prefix().isPresent() && other.prefix().isPresent()
                        && (lease.prefix().get().covers(other.prefix().get())
                        || other.prefix().get().covers(lease.prefix().get()))) {
                    throw new IllegalArgumentException("prefix " + lease.prefix().get() + " of static lease6 "
                            + lease + " overlaps prefix " + other.prefix().get() + " of " + other
                            + "; give each client its own prefix");
                }
            }
        }
    }

    /** A configuration without netboot. */
    public Server6Config(Duid serverDuid, List<Subnet6Config> subnets, boolean rapidCommit, boolean acceptUnicast,
            OptionalInt preference, Duration advertiseHold, Duration declineProbation, List<StaticLease6> leases,
            boolean reconfigureKeys) {
        this(serverDuid, subnets, rapidCommit, acceptUnicast, preference, advertiseHold, declineProbation, leases,
                reconfigureKeys, null);
    }

    /** {@return this configuration, netboot clients told what {@code boot} says} @param boot netboot, or null */
    public Server6Config withNetboot(Netboot6 boot) {
        return new Server6Config(serverDuid, subnets, rapidCommit, acceptUnicast, preference, advertiseHold,
                declineProbation, staticLeases, reconfigureKeys, boot);
    }

    /** A configuration without reconfigure keys. */
    public Server6Config(Duid serverDuid, List<Subnet6Config> subnets, boolean rapidCommit, boolean acceptUnicast,
            OptionalInt preference, Duration advertiseHold, Duration declineProbation, List<StaticLease6> leases) {
        this(serverDuid, subnets, rapidCommit, acceptUnicast, preference, advertiseHold, declineProbation, leases,
                false);
    }

    /** A configuration without static leases. */
    public Server6Config(Duid serverDuid, List<Subnet6Config> subnets, boolean rapidCommit, boolean acceptUnicast,
            OptionalInt preference, Duration advertiseHold, Duration declineProbation) {
        this(serverDuid, subnets, rapidCommit, acceptUnicast, preference, advertiseHold, declineProbation, List.of());
    }

    private static void check(StaticLease6 lease, List<Subnet6Config> subnets) {
        if (lease.address().isPresent()) {
            Addr6 a = lease.address().get();
            if (subnets.stream().noneMatch(s -> s.prefix().contains(a))) {
                throw new IllegalArgumentException("static lease6 " + lease + " is outside every subnet6 ("
                        + subnets.stream().map(s -> s.prefix().toString()).collect(Collectors.joining(", "))
                        + "); use an address inside one or add its subnet6");
            }
        }
        if (lease.prefix().isPresent()) {
            Prefix6 p = lease.prefix().get();
            for (Subnet6Config s : subnets) {
                if (s.prefix().covers(p) || p.covers(s.prefix())) {
                    throw new IllegalArgumentException("static lease6 " + lease + ": prefix " + p
                            + " overlaps subnet6 " + s.prefix() + ", the link itself; delegate a prefix off the link");
                }
                Optional<Subnet6Config.PdPool> pool = s.delegation();
                if (pool.isPresent() && (pool.get().pool().covers(p) || p.covers(pool.get().pool()))
                        && !pool.get().holds(p.network(), p.length())) {
                    throw new IllegalArgumentException("static lease6 " + lease + ": prefix " + p
                            + " overlaps the delegation pool " + pool.get().pool() + " but is not one of its /"
                            + pool.get().delegatedLength() + " prefixes; use a /" + pool.get().delegatedLength()
                            + " inside it or a prefix outside it");
                }
            }
        }
    }

    /** The static lease for the IA {@code iaid} of {@code client}, if any. */
    public Optional<StaticLease6> staticLeaseFor(Duid client, long iaid) {
        for (StaticLease6 lease : staticLeases) {
            if (lease.isFor(client, iaid)) {
                return Optional.of(lease);
            }
        }
        return Optional.empty();
    }
}
