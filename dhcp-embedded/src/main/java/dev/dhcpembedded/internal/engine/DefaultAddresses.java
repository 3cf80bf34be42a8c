package dev.dhcpembedded.internal.engine;

import dev.dhcpembedded.codec.DhcpOption;
import dev.dhcpembedded.codec.OptionCode;
import dev.dhcpembedded.internal.wire.Ipv4;
import java.util.ArrayList;
import java.util.List;

/**
 * What a subnet serves when it is not told: the default pool is every host address of the subnet but its routers
 * (the server identifier is never handed out either: the engine skips it), and the default server identifier is
 * the subnet's first router, else its first host address.
 */
public final class DefaultAddresses {

    /** The longest prefix with host addresses to spare for a default pool. */
    public static final int LONGEST_PREFIX = 30;

    private DefaultAddresses() {
    }

    /**
     * Every host address of {@code cidr}: the network and broadcast addresses are left out.
     *
     * @throws IllegalArgumentException when the subnet is narrower than a /30
     */
    public static AddressRange pool(Cidr cidr) {
        if (cidr.prefixLength() > LONGEST_PREFIX) {
            throw new IllegalArgumentException("subnet " + cidr + " is too small for a default pool (all hosts but"
                    + " the router and the server identifier); use a /" + LONGEST_PREFIX + " or wider, or name a"
                    + " pool inside it");
        }
        return new AddressRange(cidr.network() + 1, cidr.broadcast() - 1);
    }

    /** The router addresses (option 3) that lie inside {@code cidr}, from the first of {@code optionLists} that has one. */
    @SafeVarargs
    public static List<Integer> routersIn(Cidr cidr, List<DhcpOption>... optionLists) {
        // loops over the bytes, no stream nor InetAddress: every build() of a server with a default pool or server
        // identifier comes here
        for (List<DhcpOption> options : optionLists) {
            for (int i = 0; i < options.size(); i++) {
                DhcpOption router = options.get(i);
                if (!router.code().equals(OptionCode.ROUTER)) {
                    continue;
                }
                if (router.length() % 4 != 0) {
                    router.asAddresses(); // throws, saying the option is not a list of addresses
                }
                byte[] value = router.value();
                List<Integer> inside = new ArrayList<>(value.length / 4);
                for (int at = 0; at < value.length; at += 4) {
                    int address = Ipv4.readInt(value, at);
                    if (cidr.contains(address)) {
                        inside.add(address);
                    }
                }
                return inside;
            }
        }
        return List.of();
    }

    /**
     * The server identifier of a server told none, on a transport without an address of its own: the first router
     * of the first subnet (its own router option, else a server-wide one) if that lies inside the subnet, else the
     * subnet's first host address.
     */
    public static int serverId(ServerConfig config) {
        SubnetConfig first = config.subnets().get(0);
        List<Integer> routers = routersIn(first.cidr(), first.forcedOptions(), first.options(),
                config.globalOptions());
        return routers.isEmpty() ? first.cidr().network() + 1 : routers.get(0);
    }
}
