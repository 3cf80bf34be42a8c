package dev.dhcpembedded.stub;

import dev.dhcpembedded.codec.OptionCode;
import java.util.Arrays;
import java.util.Objects;
import java.util.function.UnaryOperator;

/**
 * A deliberate defect applied to an encoded reply, for testing how a client copes with bad packets. Only ever
 * sent because a stub asked for it; the journal records it as malformed. The five kinds are also offered by
 * {@link Responses}, under the same names: {@code defaultReply().malformed(missingEnd())}.
 */
public final class Malformation {

    private static final int OPTIONS_OFFSET = 240;

    private final String description;
    private final UnaryOperator<byte[]> defect;

    private Malformation(String description, UnaryOperator<byte[]> defect) {
        this.description = description;
        this.defect = defect;
    }

    /**
     * Cuts the packet to {@code length} bytes.
     *
     * @param length the length to keep, 0 or more; a longer length leaves the packet as it is
     * @return the malformation
     * @throws IllegalArgumentException if {@code length} is negative
     */
    public static Malformation truncatedTo(int length) {
        if (length < 0) {
            throw new IllegalArgumentException("truncatedTo(" + length + "): a length cannot be negative");
        }
        return new Malformation("truncated to " + length + " bytes",
                bytes -> Arrays.copyOf(bytes, Math.min(length, bytes.length)));
    }

    /**
     * Replaces the magic cookie with 00000000.
     *
     * @return the malformation
     */
    public static Malformation badMagicCookie() {
        return new Malformation("bad magic cookie", bytes -> {
            byte[] out = bytes.clone();
            Arrays.fill(out, 236, 240, (byte) 0);
            return out;
        });
    }

    /**
     * Makes option {@code code} claim {@code length} bytes, whatever it holds.
     *
     * @param code the option to change; the reply must carry it, or sending fails with {@link IllegalStateException}
     * @param length the claimed length, 0 to 255
     * @return the malformation
     * @throws IllegalArgumentException if {@code length} is outside 0 to 255
     */
    public static Malformation badOptionLength(OptionCode code, int length) {
        Objects.requireNonNull(code, "code");
        if (length < 0 || length > 255) {
            throw new IllegalArgumentException("badOptionLength(" + code.code() + ", " + length + "): an option"
                    + " length is one byte, 0 to 255");
        }
        return new Malformation("option " + code.code() + " length set to " + length, bytes -> {
            byte[] out = bytes.clone();
            int at = find(out, code);
            out[at + 1] = (byte) length;
            return out;
        });
    }

    /**
     * Ends the packet in the middle of option {@code code}'s value, with no END.
     *
     * @param code the option to cut; the reply must carry it, or sending fails with {@link IllegalStateException}
     * @return the malformation
     */
    public static Malformation truncatedOption(OptionCode code) {
        Objects.requireNonNull(code, "code");
        return new Malformation("option " + code.code() + " truncated", bytes -> {
            int at = find(bytes, code);
            int length = bytes[at + 1] & 0xFF;
            return Arrays.copyOf(bytes, at + 2 + Math.max(length / 2, 0));
        });
    }

    /**
     * Removes the END option (and the padding after it).
     *
     * @return the malformation
     */
    public static Malformation missingEnd() {
        return new Malformation("END removed", bytes -> {
            int i = OPTIONS_OFFSET;
            while (i < bytes.length && (bytes[i] & 0xFF) != 255) {
                i = (bytes[i] & 0xFF) == 0 ? i + 1 : i + 2 + (bytes[i + 1] & 0xFF);
            }
            return Arrays.copyOf(bytes, Math.min(i, bytes.length));
        });
    }

    /**
     * Any other defect.
     *
     * @param description what it does, for the journal
     * @param defect makes the bad bytes from the encoded reply; must not change its argument
     * @return the malformation
     */
    public static Malformation custom(String description, UnaryOperator<byte[]> defect) {
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(defect, "defect");
        return new Malformation(description, defect);
    }

    /** The bytes with this defect, made from {@code encoded} (which is left as it is). */
    byte[] apply(byte[] encoded) {
        return defect.apply(encoded);
    }

    /** {@return what it does, e.g. {@code bad magic cookie}} */
    public String description() {
        return description;
    }

    private static int find(byte[] bytes, OptionCode code) {
        int i = OPTIONS_OFFSET;
        while (i + 1 < bytes.length) {
            int c = bytes[i] & 0xFF;
            if (c == 255) {
                break;
            }
            if (c == 0) {
                i++;
                continue;
            }
            if (c == code.code()) {
                return i;
            }
            i += 2 + (bytes[i + 1] & 0xFF);
        }
        throw new IllegalStateException("the reply has no option " + code.code() + " to malform");
    }

    @Override
    public String toString() {
        return description;
    }
}
