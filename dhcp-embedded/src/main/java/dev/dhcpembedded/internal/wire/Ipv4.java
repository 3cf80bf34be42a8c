package dev.dhcpembedded.internal.wire;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.UnknownHostException;

/** IPv4 addresses as ints (network order, unsigned), without ever touching DNS. */
public final class Ipv4 {

    public static final Inet4Address ANY = fromInt(0);
    public static final Inet4Address BROADCAST = fromInt(0xFFFFFFFF);

    private Ipv4() {
    }

    /** Parses a dotted quad such as {@code 10.20.0.1}; anything else is an {@link IllegalArgumentException}. */
    public static int parseInt(String text) {
        if (text == null) {
            throw new IllegalArgumentException("an IPv4 address is required, got null");
        }
        String trimmed = text.trim();
        int value = 0;
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
                value = (value << 8) | octet;
                octets++;
                octet = -1;
                digits = 0;
            } else {
                throw new IllegalArgumentException("'" + text + "' is not an IPv4 address such as 10.20.0.1");
            }
        }
        if (octets != 4) {
            throw new IllegalArgumentException("'" + text + "' is not an IPv4 address such as 10.20.0.1");
        }
        return value;
    }

    public static Inet4Address parse(String text) {
        return fromInt(parseInt(text));
    }

    public static Inet4Address fromInt(int value) {
        byte[] bytes = {(byte) (value >>> 24), (byte) (value >>> 16), (byte) (value >>> 8), (byte) value};
        try {
            return (Inet4Address) InetAddress.getByAddress(bytes);
        } catch (UnknownHostException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    public static int toInt(InetAddress address) {
        if (!(address instanceof Inet4Address)) {
            throw new IllegalArgumentException(address + " is not an IPv4 address");
        }
        // Inet4Address's hash code is its address as an int (OpenJDK's, since 1.0): no copy of the bytes per call
        int fast = address.hashCode();
        if (Ipv4.class.desiredAssertionStatus()) {
            byte[] b = address.getAddress();
            assert fast == (((b[0] & 0xFF) << 24) | ((b[1] & 0xFF) << 16) | ((b[2] & 0xFF) << 8) | (b[3] & 0xFF));
        }
        return fast;
    }

    public static String toString(int value) {
        return (value >>> 24) + "." + ((value >>> 16) & 0xFF) + "." + ((value >>> 8) & 0xFF) + "." + (value & 0xFF);
    }

    /** Appends the dotted quad of {@code value} to {@code out}, making no String. */
    public static StringBuilder append(StringBuilder out, int value) {
        return out.append(value >>> 24).append('.').append((value >>> 16) & 0xFF).append('.')
                .append((value >>> 8) & 0xFF).append('.').append(value & 0xFF);
    }

    public static int readInt(byte[] bytes, int offset) {
        return ((bytes[offset] & 0xFF) << 24) | ((bytes[offset + 1] & 0xFF) << 16)
                | ((bytes[offset + 2] & 0xFF) << 8) | (bytes[offset + 3] & 0xFF);
    }

    public static void writeInt(byte[] bytes, int offset, int value) {
        bytes[offset] = (byte) (value >>> 24);
        bytes[offset + 1] = (byte) (value >>> 16);
        bytes[offset + 2] = (byte) (value >>> 8);
        bytes[offset + 3] = (byte) value;
    }
}
