package dev.dhcpembedded.server;

import dev.dhcpembedded.codec.DhcpOption;
import dev.dhcpembedded.codec.MacAddress;
import dev.dhcpembedded.internal.engine.ClientKey;
import dev.dhcpembedded.internal.engine.LeaseEngine;
import dev.dhcpembedded.internal.engine.StaticLease;
import dev.dhcpembedded.internal.engine.SubnetConfig;
import dev.dhcpembedded.internal.wire.Ipv4;
import dev.dhcpembedded.lease.Lease;
import java.net.Inet4Address;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/** What {@link DhcpServer} reads from and changes in a running DHCPv4 lease engine: the typed forms, in one place. */
final class LeaseTableChanges {

    private LeaseTableChanges() {
    }

    static Optional<Lease> lease(LeaseEngine engine, MacAddress mac) {
        return engine.leases().stream().filter(l -> mac.equals(l.mac())).findFirst();
    }

    static Optional<Lease> lease(LeaseEngine engine, Inet4Address address) {
        return engine.leases().stream().filter(l -> l.address().equals(address)).findFirst();
    }

    /**
     * The lease of a client written as a MAC ({@code 02:00:00:00:00:42}) or of an address written as a dotted quad:
     * the two cannot be mistaken, a MAC has no dots.
     */
    static Optional<Lease> lease(LeaseEngine engine, String macOrAddress) {
        return macOrAddress != null && macOrAddress.indexOf('.') >= 0 ? lease(engine, Ipv4.parse(macOrAddress))
                : lease(engine, MacAddress.parse(macOrAddress));
    }

    static void addStatic(LeaseEngine engine, MacAddress mac, Inet4Address address,
                          Consumer<StaticLeaseBuilder> shape) {
        ClientKey client = StaticLeaseBuilder.keyOf(mac);
        StaticLeaseBuilder builder = new StaticLeaseBuilder();
        shape.accept(builder);
        StaticLease lease = builder.build(client, Ipv4.toInt(address));
        engine.updateConfig(config -> {
            List<StaticLease> leases = new ArrayList<>(config.staticLeases());
            leases.removeIf(l -> l.client().equals(client));
            leases.add(lease);
            return config.withStaticLeases(leases);
        });
    }

    static boolean removeStatic(LeaseEngine engine, MacAddress mac) {
        ClientKey client = ClientKey.ofMac(mac);
        boolean[] removed = {false};
        engine.updateConfig(config -> {
            List<StaticLease> leases = new ArrayList<>(config.staticLeases());
            removed[0] = leases.removeIf(l -> l.client().equals(client));
            return config.withStaticLeases(leases);
        });
        return removed[0];
    }

    static void setOption(LeaseEngine engine, DhcpOption option) {
        engine.updateConfig(config -> {
            List<DhcpOption> options = new ArrayList<>(config.globalOptions());
            options.removeIf(o -> o.code().equals(option.code()));
            options.add(option);
            List<SubnetConfig> subnets = new ArrayList<>();
            for (SubnetConfig s : config.subnets()) {
                subnets.add(s.withoutOption(option.code()));
            }
            return config.withGlobalOptions(options).withSubnets(subnets);
        });
    }
}
