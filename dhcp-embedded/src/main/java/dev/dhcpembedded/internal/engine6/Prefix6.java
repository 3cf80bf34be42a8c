package dev.dhcpembedded.internal.engine6;

import dev.dhcpembedded.internal.wire.Ipv6;
import java.net.Inet6Address;

/** An IPv6 prefix, its network as a 128-bit number. */
public record Prefix6(Addr6 network, int length) {

    public Prefix6 {
        if (length < 0 || length > 128) {
            throw new IllegalArgumentException("prefix length " + length + " is outside 0..128");
        }
        if (!network.and(hostMask(length)).isZero()) {
            throw new IllegalArgumentException(Ipv6.format(address(network)) + "/" + length
                    + " has bits set after the prefix length");
        }
    }

    /** Parses {@code 2001:db8:1::/64}. */
    public static Prefix6 parse(String text) {
        int slash = text.indexOf('/');
        if (slash < 0) {
            throw new IllegalArgumentException("'" + text + "' is not an IPv6 prefix (ADDRESS/LENGTH)");
        }
        int length;
        try {
            length = Integer.parseInt(text.substring(slash + 1));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + text + "' has no valid prefix length");
        }
        return new Prefix6(number(Ipv6.parse(text.substring(0, slash))), length);
    }

    static Addr6 hostMask(int length) {
        return Addr6.hostMask(length);
    }

    public static Addr6 number(Inet6Address address) {
        return Addr6.of(address);
    }

    public static Inet6Address address(Addr6 number) {
        return number.toInet6Address();
    }

    public boolean contains(Addr6 address) {
        return contains(address.hi(), address.lo());
    }

    /** Whether the address of high and low halves {@code hi} and {@code lo} lies in this prefix (nothing made). */
    public boolean contains(long hi, long lo) {
        long hiMask = length >= 64 ? -1L : length == 0 ? 0 : -1L << (64 - length);
        long loMask = length <= 64 ? 0 : -1L << (128 - length);
        return (hi & hiMask) == network.hi() && (lo & loMask) == network.lo();
    }

    public boolean contains(Inet6Address address) {
        return contains(number(address));
    }

    /** Whether {@code other} lies wholly inside this prefix. */
    public boolean covers(Prefix6 other) {
        return other.length >= length && contains(other.network);
    }

    public Inet6Address networkAddress() {
        return address(network);
    }

    @Override
    public String toString() {
        return Ipv6.format(networkAddress()) + "/" + length;
    }
}
