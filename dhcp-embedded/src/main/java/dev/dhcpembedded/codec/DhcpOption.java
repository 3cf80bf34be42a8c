package dev.dhcpembedded.codec;

import java.net.Inet4Address;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import dev.dhcpembedded.internal.wire.Ipv4;

/**
 * One DHCP option: its code and value bytes. Values are kept as the bytes seen on the wire, so options of any code
 * survive decode and encode byte for byte. {@link DhcpOptions} builds typed values; the {@code as...} views read them.
 */
public final class DhcpOption {

    private final OptionCode code;
    private final byte[] value;

    private DhcpOption(OptionCode code, byte[] value) {
        this.code = code;
        this.value = value;
    }

    /**
     * An option with any code from 1 to 254 and any value; long values are split on encode (RFC 3396).
     *
     * @param code the code
     * @param value the value bytes, copied
     * @return the option
     * @throws IllegalArgumentException for code 0 (PAD) or 255 (END)
     */
    public static DhcpOption of(OptionCode code, byte[] value) {
        return create(code, value.clone());
    }

    /**
     * An option with any code from 1 to 254 and any value; long values are split on encode (RFC 3396).
     *
     * @param code the code, 1 to 254
     * @param value the value bytes, copied
     * @return the option
     * @throws IllegalArgumentException for a code outside 1..254
     */
    public static DhcpOption of(int code, byte[] value) {
        return of(OptionCode.of(code), value);
    }

    static DhcpOption create(OptionCode code, byte[] owned) {
        if (code.code() == 0 || code.code() == 255) {
            throw new IllegalArgumentException(code + " is framing, not an option");
        }
        return new DhcpOption(code, owned);
    }

    /**
     * Checks a typed option's value as the decoder would; offset 0 refers to the value's first byte.
     *
     * @return this option
     * @throws DhcpCodecException if the value is malformed for its code (e.g. a subnet mask of 3 bytes)
     */
    public DhcpOption validated() {
        OptionValidator.validate(code.code(), value, 0);
        return this;
    }

    // ---- views ----

    /** {@return the option's code} */
    public OptionCode code() {
        return code;
    }

    /** {@return a copy of the value bytes} */
    public byte[] value() {
        return value.clone();
    }

    /** {@return the value's length in bytes (without the code and length bytes)} */
    public int length() {
        return value.length;
    }

    byte[] valueUnsafe() {
        return value;
    }

    /**
     * Copies the value into {@code destination} at {@code offset}, without allocating: for an encoder that writes
     * options in place.
     *
     * @param destination where the value goes; it needs {@link #length()} bytes from {@code offset}
     * @param offset the first byte written
     */
    public void copyValueTo(byte[] destination, int offset) {
        System.arraycopy(value, 0, destination, offset, value.length);
    }

    /**
     * The value as one IPv4 address.
     *
     * @return the address
     * @throws IllegalStateException if the value is not 4 bytes
     */
    public Inet4Address asAddress() {
        requireLength(4);
        return Ipv4.fromInt(Ipv4.readInt(value, 0));
    }

    /**
     * The value as a list of IPv4 addresses.
     *
     * @return the addresses, in order
     * @throws IllegalStateException if the length is not a multiple of 4
     */
    public List<Inet4Address> asAddresses() {
        if (value.length % 4 != 0) {
            throw new IllegalStateException(code + " of " + value.length + " bytes is not a list of addresses");
        }
        List<Inet4Address> out = new ArrayList<>(value.length / 4);
        for (int i = 0; i < value.length; i += 4) {
            out.add(Ipv4.fromInt(Ipv4.readInt(value, i)));
        }
        return out;
    }

    /** {@return the value as text (bytes 0-255 map to the same chars; a trailing NUL is dropped)} */
    public String asString() {
        int end = value.length;
        if (end > 0 && value[end - 1] == 0) {
            end--;
        }
        return new String(value, 0, end, StandardCharsets.ISO_8859_1);
    }

    /**
     * The value as a 32-bit unsigned number.
     *
     * @return the number, 0 to 2^32-1
     * @throws IllegalStateException if the value is not 4 bytes
     */
    public long asUint32() {
        requireLength(4);
        return Ipv4.readInt(value, 0) & 0xFFFFFFFFL;
    }

    /**
     * The value as a time in seconds (32-bit unsigned), e.g. a lease time.
     *
     * @return the time
     * @throws IllegalStateException if the value is not 4 bytes
     */
    public Duration asDuration() {
        return Duration.ofSeconds(asUint32());
    }

    /**
     * The value as a 16-bit unsigned number.
     *
     * @return the number, 0 to 65535
     * @throws IllegalStateException if the value is not 2 bytes
     */
    public int asUint16() {
        requireLength(2);
        return ((value[0] & 0xFF) << 8) | (value[1] & 0xFF);
    }

    /**
     * The value as one unsigned byte.
     *
     * @return the number, 0 to 255
     * @throws IllegalStateException if the value is not 1 byte
     */
    public int asUint8() {
        requireLength(1);
        return value[0] & 0xFF;
    }

    /**
     * The value as a message type (53).
     *
     * @return the type; an undefined code gives a type whose {@link MessageType#isKnown()} is false
     * @throws IllegalStateException if the value is not 1 byte
     */
    public MessageType asMessageType() {
        return MessageType.of(asUint8());
    }

    /** {@return the value as option codes, one per byte: a parameter request list (55)} */
    public List<OptionCode> asCodes() {
        List<OptionCode> out = new ArrayList<>(value.length);
        for (byte b : value) {
            out.add(OptionCode.of(b & 0xFF));
        }
        return out;
    }

    /**
     * The value as sub-options (43 or 82).
     *
     * @return the sub-options, in order
     * @throws DhcpCodecException if a sub-option runs past the end of the value
     */
    public List<SubOption> asSubOptions() {
        return SubOption.parse(value, 0, code.toString());
    }

    /**
     * The value as a client FQDN (81).
     *
     * @return the flags and name
     * @throws DhcpCodecException if the value is not a valid option 81
     */
    public ClientFqdn asClientFqdn() {
        return ClientFqdn.parse(value, 0);
    }

    /**
     * The value as a domain search list (119), compression pointers resolved.
     *
     * @return the names, in order
     * @throws DhcpCodecException if the value is not a valid option 119
     */
    public List<String> asDomainSearch() {
        return DomainNames.decodeSearchList(value, 0);
    }

    /**
     * The value as classless static routes (121).
     *
     * @return the routes, in order
     * @throws DhcpCodecException if the value is not a valid option 121
     */
    public List<ClasslessRoute> asClasslessRoutes() {
        return ClasslessRoute.parse(value, 0);
    }

    private void requireLength(int length) {
        if (value.length != length) {
            throw new IllegalStateException(code + " has " + value.length + " bytes, not " + length);
        }
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof DhcpOption && ((DhcpOption) other).code.equals(code)
                && Arrays.equals(((DhcpOption) other).value, value);
    }

    @Override
    public int hashCode() {
        return code.hashCode() * 31 + Arrays.hashCode(value);
    }

    /**
     * The value as people read it: addresses dotted, names as text, durations in seconds, anything else as
     * {@code 0x} and hex. Assertion messages and the transcript use it.
     *
     * @return the text
     */
    public String valueText() {
        return OptionFormatter.format(this);
    }

    @Override
    public String toString() {
        return code.code() + "=" + valueText();
    }
}
