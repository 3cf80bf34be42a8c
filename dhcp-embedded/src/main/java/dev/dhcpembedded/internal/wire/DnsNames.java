package dev.dhcpembedded.internal.wire;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Domain names in DNS wire format, never compressed, as DHCPv6 (RFC 8415 section 10) and the RA's DNS search list
 * (RFC 8106 section 5.2) carry them: the one place that knows the label rules.
 */
public final class DnsNames {

    /** The longest name on the wire, root label included. */
    public static final int MAX_NAME = 255;

    private DnsNames() {
    }

    /**
     * Reads one name from {@code at}; returns the offset after it. With {@code partialAllowed} a name may end at
     * {@code end} without its root label (RFC 4704's partial name).
     */
    public static int readName(byte[] p, int at, int end, String owner, StringBuilder name, boolean partialAllowed) {
        return read(p, at, end, owner, name, partialAllowed, false);
    }

    /**
     * Reads one fully qualified name from {@code at} whose labels are text that {@link #writeName} writes back the
     * same (printable ASCII, no dot inside a label); returns the offset after it.
     */
    public static int readTextName(byte[] p, int at, int end, String owner, StringBuilder name) {
        return read(p, at, end, owner, name, false, true);
    }

    private static int read(byte[] p, int at, int end, String owner, StringBuilder name, boolean partialAllowed,
                            boolean textOnly) {
        int i = at;
        int wireLength = 0;
        while (true) {
            if (i == end) {
                if (partialAllowed) {
                    return i;
                }
                throw new WireFormatException(owner + ": domain name runs past the end without its root label", i);
            }
            int length = p[i] & 0xFF;
            if (length == 0) {
                return i + 1;
            }
            if (length > 63) {
                throw new WireFormatException(owner + ": label length " + length
                        + " is over 63 (DHCPv6 names are not compressed)", i);
            }
            if (i + 1 + length > end) {
                throw new WireFormatException(owner + ": label of " + length + " bytes runs past the end", i);
            }
            wireLength += 1 + length;
            if (wireLength + 1 > MAX_NAME) {
                throw new WireFormatException(owner + ": domain name is over 255 bytes", i);
            }
            String label = new String(p, i + 1, length, StandardCharsets.ISO_8859_1);
            if (textOnly && !isTextLabel(label)) {
                throw new WireFormatException(owner + ": label '" + label
                        + "' is not printable ASCII without dots", i);
            }
            if (name.length() > 0) {
                name.append('.');
            }
            name.append(label);
            i += 1 + length;
        }
    }

    /** Encodes a name; with {@code fullyQualified} false the root label is left out (a partial name). */
    public static void writeName(ByteArrayOutputStream out, String name, boolean fullyQualified) {
        String trimmed = name.endsWith(".") ? name.substring(0, name.length() - 1) : name;
        int total = 0;
        if (!trimmed.isEmpty()) {
            for (String label : trimmed.split("\\.", -1)) {
                byte[] bytes = label.getBytes(StandardCharsets.US_ASCII);
                if (bytes.length == 0 || bytes.length > 63 || !isTextLabel(label)) {
                    throw new IllegalArgumentException("bad label '" + label + "' in domain name '" + name + "'");
                }
                total += 1 + bytes.length;
                out.write(bytes.length);
                out.writeBytes(bytes);
            }
        }
        if (total + 1 > MAX_NAME) {
            throw new IllegalArgumentException("domain name '" + name + "' is over 255 bytes");
        }
        if (fullyQualified) {
            out.write(0);
        }
    }

    /** A label {@link #writeName} accepts: printable ASCII, no space, no dot (which would split it in two). */
    private static boolean isTextLabel(String label) {
        return label.chars().allMatch(c -> c > 32 && c < 127 && c != '.');
    }
}
