package dev.dhcpembedded.codec;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import dev.dhcpembedded.internal.wire.Hex;

/** A sub-option of option 43 (vendor-specific) or 82 (relay agent information): a code and its value bytes. */
public final class SubOption {

    /** Option 82 sub-option 1: agent circuit ID (RFC 3046). */
    public static final int AGENT_CIRCUIT_ID = 1;
    /** Option 82 sub-option 2: agent remote ID (RFC 3046). */
    public static final int AGENT_REMOTE_ID = 2;
    /** Option 82 sub-option 5: link selection (RFC 3527). */
    public static final int LINK_SELECTION = 5;
    /** Option 82 sub-option 6: subscriber ID (RFC 3993). */
    public static final int SUBSCRIBER_ID = 6;

    private final int code;
    private final byte[] value;

    private SubOption(int code, byte[] value) {
        if (code < 0 || code > 255) {
            throw new IllegalArgumentException("sub-option code " + code + " is outside 0..255");
        }
        if (value.length > 255) {
            throw new IllegalArgumentException("sub-option " + code + " is " + value.length + " bytes; at most 255 fit");
        }
        this.code = code;
        this.value = value;
    }

    /**
     * A sub-option of these bytes.
     *
     * @param code the code, 0 to 255
     * @param value up to 255 bytes, copied
     * @return the sub-option
     * @throws IllegalArgumentException if the code or the length does not fit one byte
     */
    public static SubOption of(int code, byte[] value) {
        return new SubOption(code, value.clone());
    }

    /**
     * A sub-option of this text, one byte per char (ISO 8859-1).
     *
     * @param code the code, 0 to 255
     * @param value up to 255 chars
     * @return the sub-option
     * @throws IllegalArgumentException if the code or the length does not fit one byte
     */
    public static SubOption of(int code, String value) {
        return new SubOption(code, value.getBytes(StandardCharsets.ISO_8859_1));
    }

    /** {@return the code, 0 to 255} */
    public int code() {
        return code;
    }

    /** {@return a copy of the value bytes} */
    public byte[] value() {
        return value.clone();
    }

    /** {@return the value as text, one char per byte (ISO 8859-1)} */
    public String valueAsString() {
        return new String(value, StandardCharsets.ISO_8859_1);
    }

    /** Parses code-length-value triples; {@code baseOffset} is where {@code bytes} starts in the packet. */
    static List<SubOption> parse(byte[] bytes, int baseOffset, String owner) {
        List<SubOption> out = new ArrayList<>();
        int i = 0;
        while (i < bytes.length) {
            int code = bytes[i] & 0xFF;
            if (i + 1 >= bytes.length) {
                throw new DhcpCodecException(owner + " sub-option " + code + " has no length byte", baseOffset + i);
            }
            int length = bytes[i + 1] & 0xFF;
            if (i + 2 + length > bytes.length) {
                throw new DhcpCodecException(owner + " sub-option " + code + " length " + length
                        + " runs past the end of the option", baseOffset + i + 1);
            }
            out.add(new SubOption(code, Arrays.copyOfRange(bytes, i + 2, i + 2 + length)));
            i += 2 + length;
        }
        return out;
    }

    static byte[] encode(List<SubOption> subOptions) {
        int size = 0;
        for (SubOption s : subOptions) {
            size += 2 + s.value.length;
        }
        byte[] out = new byte[size];
        int i = 0;
        for (SubOption s : subOptions) {
            out[i++] = (byte) s.code;
            out[i++] = (byte) s.value.length;
            System.arraycopy(s.value, 0, out, i, s.value.length);
            i += s.value.length;
        }
        return out;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof SubOption && ((SubOption) other).code == code
                && Arrays.equals(((SubOption) other).value, value);
    }

    @Override
    public int hashCode() {
        return 31 * code + Arrays.hashCode(value);
    }

    @Override
    public String toString() {
        return code + "=" + Hex.of(value);
    }
}
