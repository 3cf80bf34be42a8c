package dev.dhcpembedded.testcontainers;

import dev.dhcpembedded.codec.IpAddresses;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.UnknownHostException;
import java.util.Arrays;

/**
 * The address arithmetic of a {@link DhcpNetwork}, on the JDK's types: IPv4 addresses as ints, IPv4 subnets and
 * ranges, and the IPv6 /64 of the network. Written once here for the network, its layout and its Docker calls.
 */
final class Addresses {

    private Addresses() {
    }

    /** An IPv4 subnet such as {@code 10.20.0.0/24}, its network address as an int. */
    record Subnet(int network, int prefixLength) {

        Subnet {
            if (prefixLength < 0 || prefixLength > 32) {
                throw new IllegalArgumentException("prefix length " + prefixLength + " is outside 0..32");
            }
            if ((network & ~mask(prefixLength)) != 0) {
                throw new IllegalArgumentException(text(network) + "/" + prefixLength + " has host bits set; write "
                        + text(network & mask(prefixLength)) + "/" + prefixLength);
            }
        }

        /** Parses {@code 10.20.0.0/24}; the message says what is wrong. */
        static Subnet parse(String text) {
            int slash = text == null ? -1 : text.indexOf('/');
            if (slash < 0) {
                throw new IllegalArgumentException("subnet '" + text + "' needs a prefix length, e.g. 10.20.0.0/24");
            }
            int prefix;
            try {
                prefix = Integer.parseInt(text.substring(slash + 1).trim());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("subnet '" + text + "' has no valid prefix length, e.g. /24");
            }
            return new Subnet(ipv4(text.substring(0, slash)), prefix);
        }

        private static int mask(int prefixLength) {
            return prefixLength == 0 ? 0 : -1 << (32 - prefixLength);
        }

        int broadcast() {
            return network | ~mask(prefixLength);
        }

        boolean contains(int address) {
            return (address & mask(prefixLength)) == network;
        }

        /** The lower half, e.g. {@code 10.20.0.0/25} of {@code 10.20.0.0/24}. */
        Subnet lowerHalf() {
            return new Subnet(network, prefixLength + 1);
        }

        @Override
        public String toString() {
            return text(network) + "/" + prefixLength;
        }
    }

    /** An IPv4 range, both ends included, the lower first. */
    record Range(int first, int last) {

        /** {@code 10.20.0.100-10.20.0.199}; the message says what is wrong. */
        static Range parse(String text) {
            int dash = text == null ? -1 : text.indexOf('-');
            if (dash < 0 || text.indexOf('-', dash + 1) >= 0) {
                throw new IllegalArgumentException("pool '" + text + "' is not written FIRST-LAST, e.g. "
                        + "10.20.0.100-10.20.0.199");
            }
            return of(text.substring(0, dash).trim(), text.substring(dash + 1).trim());
        }

        /** The range from {@code first} to {@code last}; the message says what is wrong. */
        static Range of(String first, String last) {
            int from = ipv4(first);
            int to = ipv4(last);
            if (Integer.compareUnsigned(from, to) > 0) {
                throw new IllegalArgumentException("pool " + first + "-" + last + " ends before it starts; write the"
                        + " lower address first");
            }
            return new Range(from, to);
        }

        boolean contains(int address) {
            return Integer.compareUnsigned(address, first) >= 0 && Integer.compareUnsigned(address, last) <= 0;
        }

        @Override
        public String toString() {
            return text(first) + "-" + text(last);
        }
    }

    /** Parses a dotted quad such as {@code 10.20.0.1} (no host name lookup). */
    static int ipv4(String text) {
        return ipv4Int(IpAddresses.ipv4(text));
    }

    private static int ipv4Int(java.net.Inet4Address address) {
        byte[] b = address.getAddress();
        return ((b[0] & 0xFF) << 24) | ((b[1] & 0xFF) << 16) | ((b[2] & 0xFF) << 8) | (b[3] & 0xFF);
    }

    /** The dotted quad of {@code address}. */
    static String text(int address) {
        return (address >>> 24) + "." + ((address >>> 16) & 0xFF) + "." + ((address >>> 8) & 0xFF) + "."
                + (address & 0xFF);
    }

    /**
     * The network of an IPv6 /64 written {@code fd12:3456:789a:1::/64}.
     *
     * @throws IllegalArgumentException when it is not a /64, not an IPv6 address, or has host bits set
     */
    static Inet6Address slash64(String prefix) {
        int slash = prefix == null ? -1 : prefix.indexOf('/');
        if (slash < 0 || !prefix.substring(slash + 1).equals("64")) {
            throw new IllegalArgumentException("subnet6 '" + prefix + "' must be a /64, e.g. fd12:3456:789a:1::/64");
        }
        String address = prefix.substring(0, slash);
        byte[] b;
        try {
            if (address.indexOf(':') < 0 || address.indexOf('%') >= 0 || address.indexOf('[') >= 0) {
                throw new UnknownHostException(address);
            }
            b = InetAddress.getByName(address).getAddress(); // a literal: no lookup
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("subnet6 '" + prefix + "' is not an IPv6 /64, e.g. "
                    + "fd12:3456:789a:1::/64");
        }
        if (b.length != 16) { // ::ffff:a.b.c.d comes back as IPv4
            throw new IllegalArgumentException("subnet6 '" + prefix + "' is an IPv4-mapped address, not a /64");
        }
        for (int i = 8; i < 16; i++) {
            if (b[i] != 0) {
                throw new IllegalArgumentException("subnet6 '" + prefix + "' has host bits set; write its network, "
                        + text6(Arrays.copyOf(Arrays.copyOf(b, 8), 16)) + "/64");
            }
        }
        return ipv6(b);
    }

    /** The IPv6 address of these 16 bytes, without a zone. */
    static Inet6Address ipv6(byte[] b) {
        try {
            return Inet6Address.getByAddress(null, b, (NetworkInterface) null);
        } catch (UnknownHostException impossible) {
            throw new IllegalStateException(impossible); // 16 bytes are always an address
        }
    }

    /** The RFC 5952 text of {@code address}, e.g. {@code fd12:3456:789a:1::}. */
    static String text6(InetAddress address) {
        return IpAddresses.text(address);
    }

    /** The RFC 5952 text of these 16 bytes: lower case, the longest run of two or more zero words as {@code ::}. */
    static String text6(byte[] b) {
        return IpAddresses.text(ipv6(b));
    }
}
