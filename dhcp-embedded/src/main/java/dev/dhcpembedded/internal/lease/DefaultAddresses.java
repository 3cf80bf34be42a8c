package dev.dhcpembedded.internal.lease;

import dev.dhcpembedded.codec.DhcpOption;
import dev.dhcpembedded.codec.OptionCode;
import dev.dhcpembedded.internal.codec.Ipv4;
import java.net.Inet4Address;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

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
        for (List<DhcpOption> options : optionLists) {
            Optional<DhcpOption> router = options.stream().filter(o -> o.code().equals(OptionCode.ROUTER))
                    .findFirst();
            if (router.isPresent()) {
                List<Integer> inside = new ArrayList<>();
                for (Inet4Address address : router.get().asAddresses()) {
                    int value = Ipv4.toInt(address);
                    if (cidr.contains(value)) {
                        inside.add(value);
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
