package dev.dhcpembedded.internal.engine6;

import dev.dhcpembedded.codec6.Dhcp6Message;
import dev.dhcpembedded.codec6.Dhcp6MessageType;
import dev.dhcpembedded.codec6.Dhcp6Option;
import dev.dhcpembedded.codec6.Dhcp6OptionCode;
import dev.dhcpembedded.codec6.Duid;
import dev.dhcpembedded.codec6.IaAddress;
import dev.dhcpembedded.codec6.IaNa;
import dev.dhcpembedded.codec6.IaPd;
import dev.dhcpembedded.codec6.IaPrefix;
import dev.dhcpembedded.codec6.StatusCode;
import dev.dhcpembedded.internal.wire.Ipv6;
import java.net.Inet6Address;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The parts of a DHCPv6 reply that depend only on the request and the bindings: IA options written straight into
 * their bytes, and the link's options in the order the ORO asks for them.
 */
final class Reply6Options {

    private Reply6Options() {
    }

    /**
     * The IA_NA (with one IAADDR) or IA_PD (with one IAPREFIX) option of {@code b}, written straight into its value:
     * the same bytes as {@code Dhcp6Option.iaNa(iaNa(iaid, b))}, and as its IA_PD twin with an IAPREFIX.
     */
    static Dhcp6Option iaOption(long iaid, Binding6 b) {
        Subnet6Config s = b.subnet();
        boolean na = b.key().kind() == Binding6.Kind.NA;
        byte[] v = new byte[12 + 4 + (na ? 24 : 25)];
        putInt(v, 0, iaid);
        putInt(v, 4, seconds(s.t1()));
        putInt(v, 8, seconds(s.t2()));
        v[12] = 0;
        v[13] = (byte) (na ? Dhcp6OptionCode.IAADDR : Dhcp6OptionCode.IAPREFIX).code();
        v[14] = 0;
        v[15] = (byte) (na ? 24 : 25);
        if (na) {
            b.resource().write(v, 16);
            putInt(v, 32, seconds(s.preferredLifetime()));
            putInt(v, 36, seconds(s.validLifetime()));
        } else {
            putInt(v, 16, seconds(s.preferredLifetime()));
            putInt(v, 20, seconds(s.validLifetime()));
            v[24] = (byte) b.prefixLength();
            b.resource().write(v, 25);
        }
        return Dhcp6Option.of(na ? Dhcp6OptionCode.IA_NA : Dhcp6OptionCode.IA_PD, v);
    }

    static int u16(byte[] p, int at) {
        return ((p[at] & 0xFF) << 8) | (p[at + 1] & 0xFF);
    }

    static void putInt(byte[] out, int at, long v) {
        out[at] = (byte) (v >>> 24);
        out[at + 1] = (byte) (v >>> 16);
        out[at + 2] = (byte) (v >>> 8);
        out[at + 3] = (byte) v;
    }

    static IaNa iaNa(long iaid, Binding6 b) {
        Subnet6Config s = b.subnet();
        return IaNa.of(iaid, seconds(s.t1()), seconds(s.t2()), Dhcp6Option.iaAddress(IaAddress.of(
                Prefix6.address(b.resource()), seconds(s.preferredLifetime()), seconds(s.validLifetime()))));
    }

    static long seconds(Duration d) {
        return Math.min(0xFFFFFFFFL, Math.max(0, d.getSeconds()));
    }

    /** The link's options the ORO asks for, in the ORO's order; all of them when there is no ORO. */
    static void configuration(Dhcp6Message.Builder reply, Dhcp6Message m, Subnet6Config link) {
        Dhcp6Option oro = null;
        List<Dhcp6Option> asked = m.options();
        for (int i = 0; i < asked.size() && oro == null; i++) {
            if (asked.get(i).code().equals(Dhcp6OptionCode.ORO)) {
                oro = asked.get(i);
            }
        }
        List<Dhcp6Option> offered = link.options();
        if (oro == null) {
            for (int i = 0; i < offered.size(); i++) {
                reply.option(offered.get(i));
            }
            return;
        }
        byte[] codes = oro.value(); // pairs of bytes: the decoder checked the length is even
        // One pass over the ORO, each code compared with the link's few options only: an option goes out at the
        // first place the ORO names its code, once (a mark per offered option), so the order is the ORO's.
        int n = offered.size();
        long sent = 0; // marks of the first 64 offered options; a link with more has its marks in 'more'
        long[] more = n > 64 ? new long[(n - 1) >>> 6] : null;
        int left = n;
        for (int c = 0; c + 1 < codes.length && left > 0; c += 2) {
            int code = u16(codes, c);
            for (int i = 0; i < n; i++) {
                if (offered.get(i).code().code() != code) {
                    continue;
                }
                if (i < 64) {
                    if ((sent & (1L << i)) != 0) {
                        continue;
                    }
                    sent |= 1L << i;
                } else {
                    int w = (i - 64) >>> 6;
                    if ((more[w] & (1L << i)) != 0) {
                        continue;
                    }
                    more[w] |= 1L << i;
                }
                reply.option(offered.get(i));
                left--;
            }
        }
    }
}
