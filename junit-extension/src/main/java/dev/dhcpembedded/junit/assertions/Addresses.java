package dev.dhcpembedded.junit.assertions;

import dev.dhcpembedded.codec.IpAddresses;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.UnknownHostException;
import java.util.HexFormat;

/**
 * The addresses and bytes the assertions take and print: IPv4 and IPv6 literals parsed without ever asking DNS,
 * IPv6 addresses printed as RFC 5952 text, bytes as lowercase hex.
 */
final class Addresses {

    private static final HexFormat HEX = HexFormat.of();
    private static final HexFormat COLONS = HexFormat.ofDelimiter(":");

    private Addresses() {
    }

    /**
     * A dotted quad such as {@code 10.20.0.1} (surrounding blanks ignored); anything else is an
     * {@link IllegalArgumentException}.
     */
    static Inet4Address ipv4(String text) {
        return IpAddresses.ipv4(text);
    }

    /**
     * An IPv6 literal such as {@code 2001:db8::1} ({@code ::ffff:a.b.c.d} stays an IPv6 address); a zone, brackets
     * or anything but hex digits, colons and dots is an {@link IllegalArgumentException}. Only such text reaches
     * {@link InetAddress#getByName}, which then parses it as a literal and never asks DNS.
     */
    static Inet6Address ipv6(String text) {
        return IpAddresses.ipv6(text);
    }

    /**
     * RFC 5952 text, as the server's lease table prints it: lowercase, the longest run of two or more zero words as
     * {@code ::}.
     */
    static String text(Inet6Address address) {
        return IpAddresses.text(address);
    }

    /** Lowercase hex without separators, e.g. {@code 01020000000042}. */
    static String hex(byte[] bytes) {
        return HEX.formatHex(bytes);
    }

    /** Lowercase hex with colons, e.g. {@code 01:02:00:00:00:00:42}. */
    static String colons(byte[] bytes) {
        return COLONS.formatHex(bytes);
    }
}
