package dev.dhcpembedded.internal.engine;

import dev.dhcpembedded.codec.DhcpOption;
import dev.dhcpembedded.internal.wire.Ipv4;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Everything the lease engine needs to answer, as one immutable value. Changes at run time replace the whole
 * value. A bad configuration fails here with a message that says what to change. {@code netboot} is what netboot
 * clients are told, or null: nothing (set once at start, when the TFTP and HTTP servers have their addresses).
 */
public record ServerConfig(int serverId, boolean authoritative, Duration offerHoldTime, Duration declineProbation,
                           List<SubnetConfig> subnets, List<StaticLease> staticLeases,
                           List<DhcpOption> globalOptions, boolean rapidCommit, boolean bootp,
                           boolean reconfigureKeys, NetbootConfig netboot) {

    /** Rapid commit and BOOTP off. */
    public ServerConfig(int serverId, boolean authoritative, Duration offerHoldTime, Duration declineProbation,
                        List<SubnetConfig> subnets, List<StaticLease> staticLeases, List<DhcpOption> globalOptions) {
        this(serverId, authoritative, offerHoldTime, declineProbation, subnets, staticLeases, globalOptions, false,
                false, false, null);
    }

    public ServerConfig {
        subnets = List.copyOf(subnets);
        staticLeases = List.copyOf(staticLeases);
        globalOptions = List.copyOf(globalOptions);
        if (subnets.isEmpty()) {
            throw new IllegalArgumentException("no subnet is configured; add one with .subnet(\"10.20.0.0/24\", ...)");
        }
        for (int i = 0; i < subnets.size(); i++) {
            for (int j = 0; j < i; j++) {
                Cidr a = subnets.get(i).cidr();
                Cidr b = subnets.get(j).cidr();
                if (a.contains(b.network()) || b.contains(a.network())) {
                    throw new IllegalArgumentException("subnets " + b + " and " + a + " overlap; configure each once");
                }
            }
        }
        List<Integer> staticAddresses = new ArrayList<>();
        List<ClientKey> staticClients = new ArrayList<>();
        for (StaticLease lease : staticLeases) {
            if (staticClients.contains(lease.client())) {
                throw new IllegalArgumentException("client " + lease.client() + " has two static leases ("
                        + staticLeases.stream().filter(l -> l.client().equals(lease.client()))
                                .map(l -> Ipv4.toString(l.address())).reduce((x, y) -> x + " and " + y).orElse("")
                        + "); keep one static lease per client");
            }
            staticClients.add(lease.client());
            if (subnetContaining(subnets, lease.address()).isEmpty()) {
                throw new IllegalArgumentException("static lease " + lease + " is outside every subnet ("
                        + subnets.stream().map(s -> s.cidr().toString()).reduce((x, y) -> x + ", " + y).orElse("")
                        + "); use an address inside one or add its subnet");
            }
            if (staticAddresses.contains(lease.address())) {
                throw new IllegalArgumentException("address " + Ipv4.toString(lease.address())
                        + " is given to two static leases; give each client its own address");
            }
            staticAddresses.add(lease.address());
        }
        if (offerHoldTime.isNegative() || declineProbation.isNegative()) {
            throw new IllegalArgumentException("offer hold time and decline probation must not be negative");
        }
    }

    public Optional<SubnetConfig> subnetContaining(int address) {
        return subnetContaining(subnets, address);
    }

    /** The subnet containing {@code address}, or null: {@link #subnetContaining} without an Optional. */
    public SubnetConfig subnetAt(int address) {
        for (int i = 0; i < subnets.size(); i++) { // indexed: no iterator on the packet path
            SubnetConfig subnet = subnets.get(i);
            if (subnet.cidr().contains(address)) {
                return subnet;
            }
        }
        return null;
    }

    private static Optional<SubnetConfig> subnetContaining(List<SubnetConfig> subnets, int address) {
        for (SubnetConfig subnet : subnets) {
            if (subnet.cidr().contains(address)) {
                return Optional.of(subnet);
            }
        }
        return Optional.empty();
    }

    public ServerConfig withServerId(int id) {
        return new ServerConfig(id, authoritative, offerHoldTime, declineProbation, subnets, staticLeases,
                globalOptions, rapidCommit, bootp, reconfigureKeys, netboot);
    }

    public ServerConfig withStaticLeases(List<StaticLease> leases) {
        return new ServerConfig(serverId, authoritative, offerHoldTime, declineProbation, subnets, leases,
                globalOptions, rapidCommit, bootp, reconfigureKeys, netboot);
    }

    public ServerConfig withGlobalOptions(List<DhcpOption> options) {
        return new ServerConfig(serverId, authoritative, offerHoldTime, declineProbation, subnets, staticLeases,
                options, rapidCommit, bootp, reconfigureKeys, netboot);
    }

    public ServerConfig withSubnets(List<SubnetConfig> newSubnets) {
        return new ServerConfig(serverId, authoritative, offerHoldTime, declineProbation, newSubnets, staticLeases,
                globalOptions, rapidCommit, bootp, reconfigureKeys, netboot);
    }

    public ServerConfig withNetboot(NetbootConfig boot) {
        return new ServerConfig(serverId, authoritative, offerHoldTime, declineProbation, subnets, staticLeases,
                globalOptions, rapidCommit, bootp, reconfigureKeys, boot);
    }
}
