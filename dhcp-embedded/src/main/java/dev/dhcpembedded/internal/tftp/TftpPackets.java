package dev.dhcpembedded.internal.tftp;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** TFTP packets (RFC 1350 §5, RFC 2347 §3): reading requests, writing the server's packets, naming them. */
public final class TftpPackets {

    public static final int RRQ = 1;
    public static final int WRQ = 2;
    public static final int DATA = 3;
    public static final int ACK = 4;
    public static final int ERROR = 5;
    public static final int OACK = 6;

    /** RFC 1350's error codes, and RFC 2347's 8. */
    public static final int NOT_DEFINED = 0;
    public static final int FILE_NOT_FOUND = 1;
    public static final int ACCESS_VIOLATION = 2;
    public static final int ILLEGAL_OPERATION = 4;
    public static final int UNKNOWN_TID = 5;
    public static final int OPTION_REFUSED = 8;

    private TftpPackets() {
    }

    /** A read or write request: file, mode and options (names in lower case, in their order). */
    public record Request(int opcode, String file, String mode, Map<String, String> options) {
    }

    /** A packet that is no valid request: why, and at which byte. */
    public static final class Malformed extends Exception {
        private static final long serialVersionUID = 1L;
        private final int offset;

        Malformed(String reason, int offset) {
            super(reason, null, false, false);
            this.offset = offset;
        }

        /** {@return the byte offset of the fault} */
        public int offset() {
            return offset;
        }
    }

    /** {@return the opcode, or -1 when the packet is shorter than one} */
    public static int opcode(byte[] b, int length) {
        return length < 2 ? -1 : ((b[0] & 0xFF) << 8) | (b[1] & 0xFF);
    }

    /** {@return the block number of a DATA or ACK, or the code of an ERROR} */
    public static int number(byte[] b, int length) {
        return length < 4 ? -1 : ((b[2] & 0xFF) << 8) | (b[3] & 0xFF);
    }

    /**
     * Reads an RRQ or WRQ: opcode, file name, NUL, mode, NUL, then option name and value pairs each NUL-ended.
     *
     * @throws Malformed when a string is not NUL-ended, the name or mode is empty, or an option has no value
     */
    public static Request request(byte[] b, int length) throws Malformed {
        int op = opcode(b, length);
        if (op != RRQ && op != WRQ) {
            throw new Malformed("opcode " + op + " is no request", 0);
        }
        int[] at = {2};
        String file = string(b, length, at, "file name");
        if (file.isEmpty()) {
            throw new Malformed("empty file name", 2);
        }
        String mode = string(b, length, at, "mode").toLowerCase(Locale.ROOT);
        Map<String, String> options = new LinkedHashMap<>();
        while (at[0] < length) {
            String name = string(b, length, at, "option name").toLowerCase(Locale.ROOT);
            if (at[0] >= length) {
                throw new Malformed("option " + name + " has no value", at[0]);
            }
            options.putIfAbsent(name, string(b, length, at, "value of option " + name));
        }
        return new Request(op, file, mode, options);
    }

    private static String string(byte[] b, int length, int[] at, String what) throws Malformed {
        int start = at[0];
        for (int i = start; i < length; i++) {
            if (b[i] == 0) {
                at[0] = i + 1;
                return new String(b, start, i - start, StandardCharsets.US_ASCII);
            }
        }
        throw new Malformed(what + " is not NUL-terminated", start);
    }

    /** {@return an ERROR packet} */
    public static byte[] error(int code, String message) {
        byte[] text = message.getBytes(StandardCharsets.US_ASCII);
        byte[] out = new byte[4 + text.length + 1];
        out[1] = ERROR;
        out[2] = (byte) (code >> 8);
        out[3] = (byte) code;
        System.arraycopy(text, 0, out, 4, text.length);
        return out;
    }

    /** {@return an OACK packet with these options, in order} */
    public static byte[] oack(Map<String, String> options) {
        return withStrings(OACK, new StringBuilder(), options);
    }

    /** {@return an ACK packet} */
    public static byte[] ack(int block) {
        return new byte[] {0, ACK, (byte) (block >> 8), (byte) block};
    }

    /** {@return an RRQ packet} */
    public static byte[] rrq(String file, String mode, Map<String, String> options) {
        return withStrings(RRQ, new StringBuilder().append(file).append('\0').append(mode).append('\0'), options);
    }

    /** A packet of {@code opcode}: {@code text}, then each option's name and value, each NUL-terminated. */
    private static byte[] withStrings(int opcode, StringBuilder text, Map<String, String> options) {
        options.forEach((name, value) -> text.append(name).append('\0').append(value).append('\0'));
        byte[] body = text.toString().getBytes(StandardCharsets.US_ASCII);
        byte[] out = new byte[2 + body.length];
        out[1] = (byte) opcode;
        System.arraycopy(body, 0, out, 2, body.length);
        return out;
    }

    /** {@return the message text of an ERROR packet} */
    public static String errorMessage(byte[] b, int length) {
        int end = 4;
        while (end < length && b[end] != 0) {
            end++;
        }
        return length <= 4 ? "" : new String(b, 4, end - 4, StandardCharsets.US_ASCII);
    }

    /** {@return options as Wireshark lists them: {@code blksize=1468, tsize=0}} */
    public static String options(Map<String, String> options) {
        StringBuilder out = new StringBuilder();
        options.forEach((name, value) -> out.append(out.length() == 0 ? "" : ", ").append(name).append('=')
                .append(value));
        return out.toString();
    }
}
