package dev.dhcpembedded.codec;

/**
 * Checks the value of a typed option as it is decoded, so that typed accessors never fail later. Each rule names
 * the option and the byte offset in the packet.
 */
final class OptionValidator {

    private OptionValidator() {
    }

    static void validate(int code, byte[] value, int offset) {
        validate(code, value, 0, value.length, offset);
    }

    /** As {@link #validate(int, byte[], int)} for the value at {@code b[from, from + length)}; copies nothing. */
    static void validate(int code, byte[] b, int from, int length, int offset) {
        switch (code) {
            case 1: case 28: case 50: case 54:
                exactLength(code, length, offset, 4);
                break;
            case 3: case 6: case 42:
                if (length == 0 || length % 4 != 0) {
                    throw new DhcpCodecException("option " + code + " length " + length
                            + " is not a positive multiple of 4", offset - 1);
                }
                break;
            case 12:
                validateHostname(b, from, length, offset);
                break;
            case 15: case 56: case 60: case 66: case 67:
                minLength(code, length, offset, 1);
                break;
            case 51: case 58: case 59:
                exactLength(code, length, offset, 4);
                break;
            case 52:
                exactLength(code, length, offset, 1);
                if (b[from] < 1 || b[from] > 3) {
                    throw new DhcpCodecException("option 52 overload value " + b[from] + " is not 1, 2 or 3", offset);
                }
                break;
            case 53:
                exactLength(code, length, offset, 1);
                if (b[from] == 0) {
                    throw new DhcpCodecException("option 53 message type 0 is not defined", offset);
                }
                break;
            case 55:
                minLength(code, length, offset, 1);
                break;
            case 57:
                exactLength(code, length, offset, 2);
                int size = ((b[from] & 0xFF) << 8) | (b[from + 1] & 0xFF);
                if (size < 576) {
                    throw new DhcpCodecException("option 57 maximum message size " + size + " is below 576", offset);
                }
                break;
            case 61:
                minLength(code, length, offset, 2);
                break;
            case 81:
                ClientFqdn.parse(slice(b, from, length), offset);
                break;
            case 82:
                minLength(code, length, offset, 2);
                SubOption.parse(slice(b, from, length), offset, "option 82");
                break;
            case 119:
                DomainNames.decodeSearchList(slice(b, from, length), offset);
                break;
            case 121:
                minLength(code, length, offset, 5);
                ClasslessRoute.parse(slice(b, from, length), offset);
                break;
            default:
                break;
        }
    }

    private static byte[] slice(byte[] b, int from, int length) {
        return from == 0 && length == b.length ? b : java.util.Arrays.copyOfRange(b, from, from + length);
    }

    private static void validateHostname(byte[] value, int from, int length, int offset) {
        minLength(12, length, offset, 1);
        int end = length;
        if (value[from + end - 1] == 0 && end > 1) {
            end--; // some clients terminate the name with NUL
        }
        for (int i = 0; i < end; i++) {
            int b = value[from + i] & 0xFF;
            if (b < 0x20 || b == 0x7F) {
                throw new DhcpCodecException("option 12 host name has control byte 0x" + Integer.toHexString(b),
                        offset + i);
            }
        }
    }

    private static void exactLength(int code, int actual, int offset, int length) {
        if (actual != length) {
            throw new DhcpCodecException("option " + code + " length " + actual + " is not " + length,
                    offset - 1);
        }
    }

    private static void minLength(int code, int actual, int offset, int length) {
        if (actual < length) {
            throw new DhcpCodecException("option " + code + " length " + actual + " is below " + length,
                    offset - 1);
        }
    }
}
