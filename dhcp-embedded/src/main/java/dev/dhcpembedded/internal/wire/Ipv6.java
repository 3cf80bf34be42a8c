package dev.dhcpembedded.internal.wire;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.UnknownHostException;
import java.util.Arrays;

/** IPv6 addresses from and to bytes and text (RFC 5952 text: lowercase, longest zero run as {@code ::}). */
public final class Ipv6 {

    private Ipv6() {
    }

    /** The address of 16 bytes at {@code at}; always an {@link Inet6Address}, IPv4-mapped ones included. */
    public static Inet6Address read(byte[] b, int at) {
        try {
            return Inet6Address.getByAddress(null, Arrays.copyOfRange(b, at, at + 16), (NetworkInterface) null);
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Parses a literal IPv6 address; brackets, a zone and anything but hex digits, colons and dots are refused, so
     * only a literal reaches {@link InetAddress#getByName}, which then never asks DNS.
     */
    public static Inet6Address parse(String text) {
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
            return read(bytes, 0);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("not an IPv6 address: " + text, e);
        }
    }

    /** RFC 5952 text of an address. */
    public static String format(InetAddress address) {
        return format(address.getAddress(), 0);
    }

    /** RFC 5952 text of the 16 bytes at {@code at}. */
    public static String format(byte[] b, int at) {
        int[] words = new int[8];
        for (int i = 0; i < 8; i++) {
            words[i] = ((b[at + 2 * i] & 0xFF) << 8) | (b[at + 2 * i + 1] & 0xFF);
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
}
