package dev.dhcpembedded.codec6;

import dev.dhcpembedded.codec.DhcpCodecException;
import dev.dhcpembedded.codec.MacAddress;
import dev.dhcpembedded.internal.wire.ByteHash;
import dev.dhcpembedded.internal.wire.Hex;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.Arrays;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;

/**
 * A DHCP unique identifier (RFC 8415 section 11): a 2-byte type and 1 to 128 bytes of identifier. The types LLT (1),
 * EN (2), LL (3) and UUID (4, RFC 6355) have typed factories and views; any other type is kept as its bytes.
 */
public final class Duid {

    /** DUID type 1, DUID-LLT: link-layer address plus time (RFC 8415 section 11.2). */
    public static final int LLT = 1;
    /** DUID type 2, DUID-EN: assigned by vendor based on enterprise number (RFC 8415 section 11.3). */
    public static final int EN = 2;
    /** DUID type 3, DUID-LL: link-layer address (RFC 8415 section 11.4). */
    public static final int LL = 3;
    /** DUID type 4, DUID-UUID (RFC 6355). */
    public static final int UUID_TYPE = 4;
    /** The longest identifier after the type, in bytes. */
    public static final int MAX_IDENTIFIER = 128;
    /** DUID-LLT times count seconds from midnight UTC, 1 January 2000. */
    public static final Instant EPOCH = Instant.ofEpochSecond(946_684_800L); // not parsed: no date parser at start-up

    private final byte[] bytes;

    private Duid(byte[] bytes) {
        this.bytes = bytes;
    }

    /**
     * A DUID from its bytes, type included.
     *
     * @param bytes the DUID as option 1 or 2 carries it
     * @return the DUID
     * @throws DhcpCodecException when it is shorter than 3 or longer than 130 bytes, or a known type's layout is
     *     wrong (offset relative to the first byte)
     */
    public static Duid of(byte[] bytes) {
        validate(bytes, 0, bytes.length, 0);
        return new Duid(bytes.clone());
    }

    /** A DUID over an option's value, which no one changes: checked, not copied. */
    static Duid sharing(byte[] immutable) {
        validate(immutable, 0, immutable.length, 0);
        return new Duid(immutable);
    }

    /**
     * Parses hex such as {@code 000100011c39cf88080027fe8f95} (colons and spaces ignored).
     *
     * @param hex the DUID's bytes in hex, type included
     * @return the DUID
     * @throws IllegalArgumentException when {@code hex} is not hex
     * @throws DhcpCodecException when the bytes are no valid DUID, as {@link #of(byte[])}
     */
    public static Duid parse(String hex) {
        return of(Hex.parse(hex));
    }

    /**
     * DUID-LLT: hardware type 1 (Ethernet), the time, and the MAC.
     *
     * @param time the time; stored as seconds since {@link #EPOCH}, modulo 2^32
     * @param mac the Ethernet MAC
     * @return the DUID
     */
    public static Duid llt(Instant time, MacAddress mac) {
        return llt(1, time.getEpochSecond() - EPOCH.getEpochSecond(), mac.bytes());
    }

    /**
     * DUID-LLT of any hardware type; {@code seconds} since {@link #EPOCH}, modulo 2^32.
     *
     * @param hardwareType the IANA hardware type, 0 to 65535 (1: Ethernet)
     * @param seconds seconds since {@link #EPOCH}
     * @param linkLayerAddress the link-layer address, 1 to 122 bytes
     * @return the DUID
     */
    public static Duid llt(int hardwareType, long seconds, byte[] linkLayerAddress) {
        ByteBuffer b = ByteBuffer.allocate(8 + linkLayerAddress.length);
        b.putShort((short) LLT).putShort((short) hardwareType).putInt((int) seconds).put(linkLayerAddress);
        return of(b.array());
    }

    /**
     * DUID-EN: an IANA enterprise number and an identifier.
     *
     * @param enterpriseNumber the IANA enterprise number, 0 to 2^32-1
     * @param identifier the identifier, 1 to 124 bytes
     * @return the DUID
     */
    public static Duid en(long enterpriseNumber, byte[] identifier) {
        ByteBuffer b = ByteBuffer.allocate(6 + identifier.length);
        b.putShort((short) EN).putInt((int) enterpriseNumber).put(identifier);
        return of(b.array());
    }

    /**
     * DUID-LL of an Ethernet MAC.
     *
     * @param mac the Ethernet MAC
     * @return the DUID
     */
    public static Duid ll(MacAddress mac) {
        return ll(1, mac.bytes());
    }

    /**
     * DUID-LL of any hardware type.
     *
     * @param hardwareType the IANA hardware type, 0 to 65535 (1: Ethernet)
     * @param linkLayerAddress the link-layer address, 1 to 126 bytes
     * @return the DUID
     */
    public static Duid ll(int hardwareType, byte[] linkLayerAddress) {
        ByteBuffer b = ByteBuffer.allocate(4 + linkLayerAddress.length);
        b.putShort((short) LL).putShort((short) hardwareType).put(linkLayerAddress);
        return of(b.array());
    }

    /**
     * DUID-UUID (RFC 6355).
     *
     * @param uuid the UUID
     * @return the DUID
     */
    public static Duid uuid(UUID uuid) {
        ByteBuffer b = ByteBuffer.allocate(18);
        b.putShort((short) UUID_TYPE).putLong(uuid.getMostSignificantBits()).putLong(uuid.getLeastSignificantBits());
        return of(b.array());
    }

    static Duid decoded(byte[] p, int at, int length) {
        validate(p, at, length, at);
        return new Duid(Arrays.copyOfRange(p, at, at + length));
    }

    /** Checks a DUID of {@code length} bytes at {@code p[at]}; {@code base} is added to offsets in errors. */
    static void validate(byte[] p, int at, int length, int base) {
        if (length == 0) {
            throw new DhcpCodecException("DUID of length 0", base);
        }
        if (length < 3) {
            throw new DhcpCodecException("DUID of " + length + " bytes has no identifier after its type", base);
        }
        if (length - 2 > MAX_IDENTIFIER) {
            throw new DhcpCodecException("DUID identifier of " + (length - 2) + " bytes is over 128", base);
        }
        int type = ((p[at] & 0xFF) << 8) | (p[at + 1] & 0xFF);
        int minimum = type == LLT ? 9 : type == EN ? 7 : type == LL ? 5 : 3;
        if (type == UUID_TYPE && length != 18) {
            throw new DhcpCodecException("DUID-UUID of " + length + " bytes is not 18", base);
        }
        if (length < minimum) {
            throw new DhcpCodecException("DUID type " + type + " of " + length + " bytes is shorter than "
                    + minimum, base);
        }
    }

    /**
     * Whether this DUID is the bytes at {@code p[offset, offset + length)}, as an option carries it: compared where
     * they lie, nothing copied.
     *
     * @param p a buffer holding a DUID
     * @param offset where it starts
     * @param length how many bytes it has
     * @return whether they are this DUID's bytes
     */
    public boolean matches(byte[] p, int offset, int length) {
        return Arrays.equals(bytes, 0, bytes.length, p, offset, offset + length);
    }

    /** {@return a copy of the DUID's bytes, type included} */
    public byte[] bytes() {
        return bytes.clone();
    }

    /** {@return the DUID type, such as {@link #LLT}; 0 to 65535} */
    public int type() {
        return ((bytes[0] & 0xFF) << 8) | (bytes[1] & 0xFF);
    }

    /** {@return a copy of the bytes after the type} */
    public byte[] identifier() {
        return Arrays.copyOfRange(bytes, 2, bytes.length);
    }

    /** {@return the DUID's length in bytes, type included: 3 to 130} */
    public int length() {
        return bytes.length;
    }

    /** {@return the hardware type of a DUID-LLT or DUID-LL; empty for other types} */
    public Optional<Integer> hardwareType() {
        return type() == LLT || type() == LL
                ? Optional.of(((bytes[2] & 0xFF) << 8) | (bytes[3] & 0xFF)) : Optional.empty();
    }

    /** {@return a copy of the link-layer address of a DUID-LLT or DUID-LL; empty for other types} */
    public Optional<byte[]> linkLayerAddress() {
        if (type() == LLT) {
            return Optional.of(Arrays.copyOfRange(bytes, 8, bytes.length));
        }
        return type() == LL ? Optional.of(Arrays.copyOfRange(bytes, 4, bytes.length)) : Optional.empty();
    }

    /** {@return the MAC of an Ethernet DUID-LLT or DUID-LL with a 6-byte address; empty otherwise} */
    public Optional<MacAddress> mac() {
        return hardwareType().filter(h -> h == 1).flatMap(h -> linkLayerAddress())
                .filter(a -> a.length == 6).map(MacAddress::of);
    }

    /** {@return the time of a DUID-LLT; empty for other types} */
    public Optional<Instant> time() {
        if (type() != LLT) {
            return Optional.empty();
        }
        long seconds = ByteBuffer.wrap(bytes, 4, 4).getInt() & 0xFFFFFFFFL;
        return Optional.of(EPOCH.plusSeconds(seconds));
    }

    /** {@return the enterprise number of a DUID-EN; empty for other types} */
    public OptionalLong enterpriseNumber() {
        return type() == EN ? OptionalLong.of(ByteBuffer.wrap(bytes, 2, 4).getInt() & 0xFFFFFFFFL)
                : OptionalLong.empty();
    }

    /** {@return the UUID of a DUID-UUID; empty for other types} */
    public Optional<UUID> uuid() {
        if (type() != UUID_TYPE) {
            return Optional.empty();
        }
        ByteBuffer b = ByteBuffer.wrap(bytes, 2, 16);
        return Optional.of(new UUID(b.getLong(), b.getLong()));
    }

    /** {@return lowercase hex of the whole DUID, as Wireshark prints it} */
    public String hex() {
        return Hex.of(bytes);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Duid d && Arrays.equals(bytes, d.bytes);
    }

    @Override
    public int hashCode() {
        return ByteHash.of(bytes);
    }

    /**
     * The DUID by its kind and fields: {@code DUID-LLT hw=Ethernet(1) time=2030-01-01T00:00:00Z
     * lladdr=02:00:00:00:00:0a}, {@code DUID-EN enterprise=32473 id=0a0b0c}, {@code DUID-LL hw=Ethernet(1)
     * lladdr=02:00:00:00:00:0a}, {@code DUID-UUID uuid=...}, or {@code DUID type=n id=...} for another type;
     * {@link #hex()} gives its bytes.
     */
    @Override
    public String toString() {
        return Dhcp6Text.duid(this);
    }
}
