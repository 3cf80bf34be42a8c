package dev.dhcpembedded.testcontainers;

import dev.dhcpembedded.testcontainers.Addresses.Range;
import dev.dhcpembedded.testcontainers.Addresses.Subnet;
import java.net.Inet6Address;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Where things are on a {@link DhcpNetwork}: its IPv4 subnet, whose lower half Docker assigns from and whose first
 * address is the gateway, the DHCP pool in the upper half, and the optional IPv6 /64 (Docker assigns from
 * {@code <prefix>:8000::/96}, DHCPv6 from {@code <prefix>::100} on).
 */
record NetworkLayout(Subnet subnet, int gateway, Range pool, Inet6Address subnet6) {

    /**
     * The layout of {@code subnet}: the gateway its first address, the pool {@code pool} or else the upper half but
     * its first address and the broadcast address.
     *
     * @param pool    the pool asked for, or null
     * @param subnet6 the IPv6 /64, or null
     * @throws DhcpNetworkException when the subnet is smaller than a /29 or the pool is not in its upper half
     */
    static NetworkLayout of(Subnet subnet, Range pool, Inet6Address subnet6) {
        if (subnet.prefixLength() > 29) {
            throw new DhcpNetworkException("subnet " + subnet + " is too small: a DhcpNetwork gives the lower half to"
                    + " Docker and the upper half to DHCP, so it needs at least a /29");
        }
        Subnet dockerHalf = subnet.lowerHalf();
        Range chosen = pool != null ? pool : new Range(dockerHalf.broadcast() + 2, subnet.broadcast() - 1);
        checkPool(subnet, dockerHalf, chosen);
        return new NetworkLayout(subnet, subnet.network() + 1, chosen, subnet6);
    }

    private static void checkPool(Subnet subnet, Subnet dockerHalf, Range pool) {
        int first = pool.first();
        int last = pool.last();
        if (!subnet.contains(first) || !subnet.contains(last)) {
            throw new DhcpNetworkException("pool " + pool + " is not a range inside subnet " + subnet);
        }
        if (dockerHalf.contains(first) || dockerHalf.contains(last) || first == subnet.broadcast()
                || last == subnet.broadcast()) {
            throw new DhcpNetworkException("pool " + pool + " overlaps " + dockerHalf + ", the lower half of " + subnet
                    + " where Docker assigns container addresses and the gateway lives (or the broadcast address); "
                    + "keep the pool in " + Addresses.text(dockerHalf.broadcast() + 1) + "-"
                    + Addresses.text(subnet.broadcast() - 1));
        }
    }

    /** A random unique local /64 (RFC 4193: fd, a 40-bit global ID, a 16-bit subnet ID). */
    static Inet6Address randomUla() {
        byte[] b = new byte[16];
        ThreadLocalRandom random = ThreadLocalRandom.current();
        b[0] = (byte) 0xfd;
        for (int i = 1; i < 8; i++) {
            b[i] = (byte) random.nextInt(256);
        }
        return Addresses.ipv6(b);
    }

    /** Where Docker assigns container addresses from: the lower half of the subnet. */
    Subnet dockerRange() {
        return subnet.lowerHalf();
    }

    String gatewayText() {
        return Addresses.text(gateway);
    }

    /** The IPv6 subnet written {@code fd12:3456:789a:1::/64}. */
    Optional<String> subnet6Text() {
        return Optional.ofNullable(subnet6).map(p -> Addresses.text6(p) + "/64");
    }

    /** Docker's IPv6 range, {@code <prefix>:8000::/96}: the lower addresses are DHCPv6's pool. */
    String dockerRange6() {
        byte[] range = subnet6.getAddress();
        range[8] = (byte) 0x80;
        return Addresses.text6(range) + "/96";
    }

    /** The IPv6 gateway, {@code <prefix>::1}. */
    String gateway6() {
        byte[] gateway6 = subnet6.getAddress();
        gateway6[15] = 1;
        return Addresses.text6(gateway6);
    }

    /** The {@code n}th address of the pool, counting from 0. */
    String poolAddress(int n) {
        return Addresses.text(pool.first() + n);
    }

    boolean inPool(String address) {
        return pool.contains(Addresses.ipv4(address));
    }
}
