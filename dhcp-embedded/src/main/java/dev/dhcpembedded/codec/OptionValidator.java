package dev.dhcpembedded.codec;

/**
 * Checks the value of a typed option as it is decoded, so that typed accessors never fail later. Each rule names
 * the option and the byte offset in the packet.
 */
final class OptionValidator {

    private OptionValidator() {
    }

    static void validate(int code, byte[] value, int offset) {
        switch (code) {
            case 1: case 28: case 50: case 54:
                exactLength(code, value, offset, 4);
                break;
            case 3: case 6: case 42:
                if (value.length == 0 || value.length % 4 != 0) {
                    throw new DhcpCodecException("option " + code + " length " + value.length
                            + " is not a positive multiple of 4", offset - 1);
                }
                break;
            case 12:
                validateHostname(value, offset);
                break;
            case 15: case 56: case 60: case 66: case 67:
                minLength(code, value, offset, 1);
                break;
            case 51: case 58: case 59:
                exactLength(code, value, offset, 4);
                break;
            case 52:
                exactLength(code, value, offset, 1);
                if (value[0] < 1 || value[0] > 3) {
                    throw new DhcpCodecException("option 52 overload value " + value[0] + " is not 1, 2 or 3", offset);
                }
                break;
            case 53:
                exactLength(code, value, offset, 1);
                if (value[0] == 0) {
                    throw new DhcpCodecException("option 53 message type 0 is not defined", offset);
                }
                break;
            case 55:
                minLength(code, value, offset, 1);
                break;
            case 57:
                exactLength(code, value, offset, 2);
                int size = ((value[0] & 0xFF) << 8) | (value[1] & 0xFF);
                if (size < 576) {
                    throw new DhcpCodecException("option 57 maximum message size " + size + " is below 576", offset);
                }
                break;
            case 61:
                minLength(code, value, offset, 2);
                break;
            case 81:
                ClientFqdn.parse(value, offset);
                break;
            case 82:
                minLength(code, value, offset, 2);
                SubOption.parse(value, offset, "option 82");
                break;
            case 119:
                DomainNames.decodeSearchList(value, offset);
                break;
            case 121:
                minLength(code, value, offset, 5);
                ClasslessRoute.parse(value, offset);
                break;
            default:
                break;
        }
    }

    private static void validateHostname(byte[] value, int offset) {
        minLength(12, value, offset, 1);
        int end = value.length;
        if (value[end - 1] == 0 && end > 1) {
            end--; // some clients terminate the name with NUL
        }
        for (int i = 0; i < end; i++) {
            int b = value[i] & 0xFF;
            if (b < 0x20 || b == 0x7F) {
                throw new DhcpCodecException("option 12 host name has control byte 0x" + Integer.toHexString(b),
                        offset + i);
            }
        }
    }

    private static void exactLength(int code, byte[] value, int offset, int length) {
        if (value.length != length) {
            throw new DhcpCodecException("option " + code + " length " + value.length + " is not " + length,
                    offset - 1);
        }
    }

    private static void minLength(int code, byte[] value, int offset, int length) {
        if (value.length < length) {
            throw new DhcpCodecException("option " + code + " length " + value.length + " is below " + length,
                    offset - 1);
        }
    }
}
