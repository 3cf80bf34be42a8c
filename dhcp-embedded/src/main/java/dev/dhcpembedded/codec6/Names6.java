package dev.dhcpembedded.codec6;

import dev.dhcpembedded.codec.DhcpCodecException;
import dev.dhcpembedded.internal.wire.DnsNames;
import dev.dhcpembedded.internal.wire.WireFormatException;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;

/** Domain names as DHCPv6 carries them (RFC 8415 section 10): DNS wire format, never compressed. */
final class Names6 {

    static final int MAX_NAME = DnsNames.MAX_NAME;

    private Names6() {
    }

    /** Decodes names filling {@code p[start, end)} exactly; offsets in errors are absolute in {@code p}. */
    static List<String> decodeList(byte[] p, int start, int end, String owner) {
        List<String> names = new ArrayList<>();
        int i = start;
        while (i < end) {
            StringBuilder name = new StringBuilder();
            i = readName(p, i, end, owner, name, false);
            names.add(name.toString());
        }
        return names;
    }

    /**
     * Reads one name from {@code at}; returns the offset after it. With {@code partialAllowed} a name may end at
     * {@code end} without its root label (RFC 4704's partial name).
     */
    static int readName(byte[] p, int at, int end, String owner, StringBuilder name, boolean partialAllowed) {
        try {
            return DnsNames.readName(p, at, end, owner, name, partialAllowed);
        } catch (WireFormatException e) {
            throw new DhcpCodecException(e.getMessage(), e.offset());
        }
    }

    /** Encodes a name; with {@code fullyQualified} false the root label is left out (a partial name). */
    static void writeName(ByteArrayOutputStream out, String name, boolean fullyQualified) {
        DnsNames.writeName(out, name, fullyQualified);
    }
}
