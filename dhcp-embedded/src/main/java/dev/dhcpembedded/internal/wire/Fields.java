package dev.dhcpembedded.internal.wire;

import dev.dhcpembedded.codec.DhcpMessage;

/**
 * The four address fields of a {@link DhcpMessage} as {@code int}s, for the lease engine and the packet path,
 * which compare and store addresses as numbers. Users see {@code Inet4Address} and {@code String} only; the codec
 * installs the implementation when {@code DhcpMessage} is loaded.
 */
public final class Fields {

    /** What the codec gives this class: reads and writes of the int fields. */
    public interface Access {
        /** @param m a message @param field 0 ciaddr, 1 yiaddr, 2 siaddr, 3 giaddr @return the field */
        int get(DhcpMessage m, int field);

        /** @param b a builder @param field as in get @param value the address @return the builder */
        DhcpMessage.Builder set(DhcpMessage.Builder b, int field, int value);

        /** The decoder's check of one option value at {@code b[from, from + length)}; throws when it fails. */
        void validate(int code, byte[] b, int from, int length, int offset);

        /** The option's value array itself, not a copy: read it, never write it. */
        byte[] valueUnsafe(dev.dhcpembedded.codec.DhcpOption option);

        /** The address's byte array itself, not a copy. */
        byte[] macUnsafe(dev.dhcpembedded.codec.MacAddress mac);
    }

    private static volatile Access access;

    private Fields() {
    }

    /**
     * Called once by {@code DhcpMessage}'s class initialiser.
     *
     * @param codec the codec's access
     */
    public static void install(Access codec) {
        if (access != null) {
            throw new IllegalStateException("Fields.install is for DhcpMessage alone");
        }
        access = codec;
    }

    private static Access access() {
        Access a = access;
        if (a == null) {
            DhcpMessage.builder(); // loads DhcpMessage, which installs the access
            a = access;
        }
        return a;
    }

    /** The decoder's check of one option value (the codec's {@code OptionValidator}). */
    public static void validate(int code, byte[] b, int from, int length, int offset) {
        access().validate(code, b, from, length, offset);
    }

    /** An option's value array, not a copy: for writing it into a packet. */
    public static byte[] valueUnsafe(dev.dhcpembedded.codec.DhcpOption option) {
        return access().valueUnsafe(option);
    }

    /** Whether {@code mac} is the bytes at {@code b[from, from + length)}; copies nothing. */
    public static boolean macEquals(dev.dhcpembedded.codec.MacAddress mac, byte[] b, int from, int length) {
        byte[] own = access().macUnsafe(mac);
        return java.util.Arrays.equals(own, 0, own.length, b, from, from + length);
    }

    public static int ciaddr(DhcpMessage m) {
        return access().get(m, 0);
    }

    public static int yiaddr(DhcpMessage m) {
        return access().get(m, 1);
    }

    public static int siaddr(DhcpMessage m) {
        return access().get(m, 2);
    }

    public static int giaddr(DhcpMessage m) {
        return access().get(m, 3);
    }

    public static DhcpMessage.Builder ciaddr(DhcpMessage.Builder b, int address) {
        return access().set(b, 0, address);
    }

    public static DhcpMessage.Builder yiaddr(DhcpMessage.Builder b, int address) {
        return access().set(b, 1, address);
    }

    public static DhcpMessage.Builder siaddr(DhcpMessage.Builder b, int address) {
        return access().set(b, 2, address);
    }

    public static DhcpMessage.Builder giaddr(DhcpMessage.Builder b, int address) {
        return access().set(b, 3, address);
    }
}
