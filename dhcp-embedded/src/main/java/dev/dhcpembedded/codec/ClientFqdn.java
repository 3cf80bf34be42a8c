package dev.dhcpembedded.codec;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/** Option 81 (RFC 4702): flags, two deprecated RCODE bytes, and a domain name. */
public final class ClientFqdn {

    /** S flag: the client asks the server to update the A record (RFC 4702 §2.1). */
    public static final int FLAG_S = 0x01;
    /** O flag: the server overrode the client's S flag (set by servers only). */
    public static final int FLAG_O = 0x02;
    /** E flag: the name is in canonical wire format, not ASCII. */
    public static final int FLAG_E = 0x04;
    /** N flag: the server should do no DNS updates. */
    public static final int FLAG_N = 0x08;

    private final int flags;
    private final int rcode1;
    private final int rcode2;
    private final String name;

    private ClientFqdn(int flags, int rcode1, int rcode2, String name) {
        if ((flags & ~0xFF) != 0) {
            throw new IllegalArgumentException("option 81 flags must fit one byte");
        }
        this.flags = flags;
        this.rcode1 = rcode1 & 0xFF;
        this.rcode2 = rcode2 & 0xFF;
        this.name = name;
    }

    /**
     * A name in canonical wire format (E flag set); end it with '.' for a fully qualified name.
     *
     * @param flags the flags ({@link #FLAG_S}, ...), one byte; {@link #FLAG_E} is added
     * @param name the domain name, e.g. {@code host.example.test.}
     * @return the option value
     * @throws IllegalArgumentException if the flags do not fit one byte or the name is not a valid domain name
     */
    public static ClientFqdn of(int flags, String name) {
        DomainNames.encodeUncompressed(name);
        return new ClientFqdn(flags | FLAG_E, 0, 0, name);
    }

    /** {@return the flags byte, 0 to 255} */
    public int flags() {
        return flags;
    }

    /** {@return the first RCODE byte (deprecated, 0 or 255)} */
    public int rcode1() {
        return rcode1;
    }

    /** {@return the second RCODE byte (deprecated, 0 or 255)} */
    public int rcode2() {
        return rcode2;
    }

    /** {@return the domain name as text, with its trailing '.' if it was fully qualified} */
    public String name() {
        return name;
    }

    /** {@return whether the S flag is set: the server should update the A record} */
    public boolean serverUpdates() {
        return (flags & FLAG_S) != 0;
    }

    /** {@return whether the E flag is set: the name is in canonical wire format} */
    public boolean canonicalEncoding() {
        return (flags & FLAG_E) != 0;
    }

    static ClientFqdn parse(byte[] value, int baseOffset) {
        if (value.length < 3) {
            throw new DhcpCodecException("option 81 needs at least 3 bytes, has " + value.length, baseOffset);
        }
        int flags = value[0] & 0xFF;
        if ((flags & 0xF0) != 0) {
            throw new DhcpCodecException("option 81 flags 0x" + Integer.toHexString(flags)
                    + " set must-be-zero bits", baseOffset);
        }
        String name;
        if ((flags & FLAG_E) != 0) {
            name = DomainNames.decodeUncompressed(value, 3, baseOffset, "option 81");
        } else {
            for (int i = 3; i < value.length; i++) {
                int b = value[i] & 0xFF;
                if (b < 0x20 || b == 0x7F) {
                    throw new DhcpCodecException("option 81 name has control byte 0x" + Integer.toHexString(b),
                            baseOffset + i);
                }
            }
            name = new String(value, 3, value.length - 3, StandardCharsets.ISO_8859_1);
            for (String label : name.split("\\.")) {
                if (label.length() > 63) {
                    throw new DhcpCodecException("option 81 label of " + label.length() + " bytes is over 63",
                            baseOffset + 3);
                }
            }
        }
        return new ClientFqdn(flags, value[1], value[2], name);
    }

    byte[] encode() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(flags);
        out.write(rcode1);
        out.write(rcode2);
        byte[] encodedName = (flags & FLAG_E) != 0
                ? DomainNames.encodeUncompressed(name) : name.getBytes(StandardCharsets.ISO_8859_1);
        out.write(encodedName, 0, encodedName.length);
        return out.toByteArray();
    }

    @Override
    public boolean equals(Object other) {
        if (!(other instanceof ClientFqdn)) {
            return false;
        }
        ClientFqdn o = (ClientFqdn) other;
        return o.flags == flags && o.rcode1 == rcode1 && o.rcode2 == rcode2 && o.name.equals(name);
    }

    @Override
    public int hashCode() {
        return (flags * 31 + rcode1 * 7 + rcode2) * 31 + name.hashCode();
    }

    @Override
    public String toString() {
        return "flags=0x" + Integer.toHexString(flags) + " name=" + name;
    }
}
