package dev.dhcpembedded.codec;

import dev.dhcpembedded.internal.wire.ByteHash;
import dev.dhcpembedded.internal.wire.Hex;
import java.util.Arrays;

/** A hardware address (chaddr, up to 16 bytes; usually a 6-byte Ethernet MAC), written {@code 02:00:00:00:00:42}. */
public final class MacAddress {

    private final byte[] bytes;

    private MacAddress(byte[] bytes) {
        this.bytes = bytes;
    }

    /**
     * The address of these bytes.
     *
     * @param bytes up to 16 bytes, copied (usually 6)
     * @return the address
     * @throws IllegalArgumentException if there are more than 16 bytes
     */
    public static MacAddress of(byte... bytes) {
        if (bytes.length > 16) {
            throw new IllegalArgumentException("a hardware address has at most 16 bytes, got " + bytes.length);
        }
        return new MacAddress(bytes.clone());
    }

    /**
     * Parses {@code 02:00:00:00:00:42} or {@code 02-00-00-00-00-42}.
     *
     * @param text hex bytes (one or two digits each) separated by ':' or '-', at most 16
     * @return the address
     * @throws IllegalArgumentException if {@code text} is null, blank or not such a list
     */
    public static MacAddress parse(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("a MAC address such as 02:00:00:00:00:42 is required");
        }
        String[] parts = text.trim().split("[:-]", -1);
        if (parts.length > 16) {
            throw new IllegalArgumentException("'" + text + "' has more than 16 bytes");
        }
        byte[] bytes = new byte[parts.length];
        for (int i = 0; i < parts.length; i++) {
            String part = parts[i];
            if (part.isEmpty() || part.length() > 2) {
                throw new IllegalArgumentException("'" + text + "' is not a MAC address such as 02:00:00:00:00:42");
            }
            try {
                bytes[i] = (byte) Integer.parseInt(part, 16);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("'" + text + "' is not a MAC address such as 02:00:00:00:00:42");
            }
        }
        return new MacAddress(bytes);
    }

    byte[] bytesUnsafe() {
        return bytes;
    }

    /**
     * Whether {@code b[from, from + length)} holds this address, e.g. a chaddr read where it lies; copies nothing.
     *
     * @param b the bytes
     * @param from the first byte compared
     * @param length how many bytes (a MAC of another length never matches)
     * @return whether they are this address
     */
    public boolean matches(byte[] b, int from, int length) {
        return java.util.Arrays.equals(bytes, 0, bytes.length, b, from, from + length);
    }

    /** {@return a copy of the address bytes} */
    public byte[] bytes() {
        return bytes.clone();
    }

    /** {@return the number of bytes, 0 to 16} */
    public int length() {
        return bytes.length;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof MacAddress && Arrays.equals(((MacAddress) other).bytes, bytes);
    }

    @Override
    public int hashCode() {
        return ByteHash.of(bytes);
    }

    @Override
    public String toString() {
        return Hex.colons(bytes, 0, bytes.length);
    }
}
