package dev.dhcpembedded.codec;

import dev.dhcpembedded.internal.wire.Ipv4;
import dev.dhcpembedded.internal.wire.Ipv6;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;

/**
 * Address literals as tests write them, read and printed without DNS: a dotted quad such as {@code 10.20.0.1}, an
 * IPv6 literal such as {@code 2001:db8::1}, and the RFC 5952 text of an IPv6 address (lowercase, the longest run of
 * two or more zero words as {@code ::}), which the JDK's {@code getHostAddress()} does not shorten. The server's
 * journal, the assertions and the CLI print addresses this way.
 */
public final class IpAddresses {

    private IpAddresses() {
    }

    /**
     * Reads a dotted quad (surrounding blanks ignored).
     *
     * @param text e.g. {@code 10.20.0.1}
     * @return the address
     * @throws IllegalArgumentException saying what is wrong, for anything else (a host name included)
     */
    public static Inet4Address ipv4(String text) {
        return Ipv4.parse(text);
    }

    /**
     * Reads an IPv6 literal; {@code ::ffff:a.b.c.d} stays an IPv6 address. Brackets, a zone and host names are
     * refused, so no DNS lookup ever happens.
     *
     * @param text e.g. {@code 2001:db8::1}
     * @return the address
     * @throws IllegalArgumentException saying what is wrong, for anything else
     */
    public static Inet6Address ipv6(String text) {
        return Ipv6.parse(text);
    }

    /**
     * The text of an address: a dotted quad for IPv4, RFC 5952 for IPv6 (without a zone).
     *
     * @param address the address
     * @return e.g. {@code 10.20.0.1} or {@code 2001:db8::1}
     */
    public static String text(InetAddress address) {
        return address instanceof Inet4Address ? Ipv4.toString(Ipv4.toInt(address)) : Ipv6.format(address);
    }
}
