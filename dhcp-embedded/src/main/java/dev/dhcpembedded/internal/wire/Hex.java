package dev.dhcpembedded.internal.wire;

/** Lowercase hex, as the decode verb and the transcript print it. */
public final class Hex {

    private static final char[] DIGITS = "0123456789abcdef".toCharArray();

    private Hex() {
    }

    public static String of(byte[] bytes) {
        return of(bytes, 0, bytes.length);
    }

    public static String of(byte[] bytes, int offset, int length) {
        char[] out = new char[length * 2];
        for (int i = 0; i < length; i++) {
            int b = bytes[offset + i] & 0xFF;
            out[2 * i] = DIGITS[b >>> 4];
            out[2 * i + 1] = DIGITS[b & 0xF];
        }
        return new String(out);
    }

    public static String colons(byte[] bytes, int offset, int length) {
        StringBuilder out = new StringBuilder(length * 3);
        for (int i = 0; i < length; i++) {
            if (i > 0) {
                out.append(':');
            }
            int b = bytes[offset + i] & 0xFF;
            out.append(DIGITS[b >>> 4]).append(DIGITS[b & 0xF]);
        }
        return out.toString();
    }

    /** Parses hex digits, ignoring spaces, colons and line breaks (so golden vectors can be laid out with comments). */
    public static byte[] parse(String text) {
        String digits = text.replaceAll("[\\s:]", "");
        if (digits.length() % 2 != 0) {
            throw new IllegalArgumentException("odd number of hex digits");
        }
        byte[] out = new byte[digits.length() / 2];
        for (int i = 0; i < out.length; i++) {
            out[i] = (byte) Integer.parseInt(digits.substring(2 * i, 2 * i + 2), 16);
        }
        return out;
    }
}
