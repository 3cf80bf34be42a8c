package dev.dhcpembedded.junit.assertions;

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
        if (text == null) {
            throw new IllegalArgumentException("an IPv4 address is required, got null");
        }
        String trimmed = text.trim();
        byte[] bytes = new byte[4];
        int octets = 0;
        int octet = -1;
        int digits = 0;
        for (int i = 0; i <= trimmed.length(); i++) {
            char c = i < trimmed.length() ? trimmed.charAt(i) : '.';
            if (c >= '0' && c <= '9' && digits < 3) {
                octet = (octet < 0 ? 0 : octet * 10) + (c - '0');
                digits++;
            } else if (c == '.' && digits > 0 && octets < 4) {
                if (octet > 255) {
                    throw new IllegalArgumentException("'" + text + "' has an octet over 255");
                }
                bytes[octets++] = (byte) octet;
                octet = -1;
                digits = 0;
            } else {
                throw new IllegalArgumentException("'" + text + "' is not an IPv4 address such as 10.20.0.1");
            }
        }
        if (octets != 4) {
            throw new IllegalArgumentException("'" + text + "' is not an IPv4 address such as 10.20.0.1");
        }
        try {
            return (Inet4Address) InetAddress.getByAddress(bytes);
        } catch (UnknownHostException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    /**
     * An IPv6 literal such as {@code 2001:db8::1} ({@code ::ffff:a.b.c.d} stays an IPv6 address); a zone, brackets
     * or anything but hex digits, colons and dots is an {@link IllegalArgumentException}. Only such text reaches
     * {@link InetAddress#getByName}, which then parses it as a literal and never asks DNS.
     */
    static Inet6Address ipv6(String text) {
        if (text == null || text.indexOf(':') < 0 || !(Character.digit(text.charAt(0), 16) >= 0
                || text.charAt(0) == ':') || !text.chars().allMatch(c -> Character.digit(c, 16) >= 0 || c == ':'
                || c == '.')) {
            throw new IllegalArgumentException("not an IPv6 address: " + text);
        }
        try {
            byte[] bytes = InetAddress.getByName(text).getAddress();
            if (bytes.length == 4) { // ::ffff:a.b.c.d comes back as IPv4
                byte[] mapped = new byte[16];
                mapped[10] = (byte) 0xFF;
                mapped[11] = (byte) 0xFF;
                System.arraycopy(bytes, 0, mapped, 12, 4);
                bytes = mapped;
            }
            return Inet6Address.getByAddress(null, bytes, (NetworkInterface) null);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("not an IPv6 address: " + text, e);
        }
    }

    /**
     * RFC 5952 text, as the server's lease table prints it: lowercase, the longest run of two or more zero words as
     * {@code ::}.
     */
    static String text(Inet6Address address) {
        byte[] b = address.getAddress();
        int[] words = new int[8];
        for (int i = 0; i < 8; i++) {
            words[i] = ((b[2 * i] & 0xFF) << 8) | (b[2 * i + 1] & 0xFF);
        }
        int bestStart = -1;
        int bestLength = 1; // a single zero word is not shortened
        for (int i = 0; i < 8; ) {
            if (words[i] != 0) {
                i++;
                continue;
            }
            int j = i;
            while (j < 8 && words[j] == 0) {
                j++;
            }
            if (j - i > bestLength) {
                bestStart = i;
                bestLength = j - i;
            }
            i = j;
        }
        StringBuilder out = new StringBuilder(39);
        for (int i = 0; i < 8; i++) {
            if (i == bestStart) {
                out.append("::");
                i += bestLength - 1;
                continue;
            }
            if (out.length() > 0 && out.charAt(out.length() - 1) != ':') {
                out.append(':');
            }
            out.append(Integer.toHexString(words[i]));
        }
        return out.toString();
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
