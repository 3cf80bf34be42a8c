package dev.dhcpembedded.internal.engine6;

import dev.dhcpembedded.codec6.Dhcp6Message;
import dev.dhcpembedded.codec6.Dhcp6Option;
import dev.dhcpembedded.codec6.Dhcp6OptionCode;
import dev.dhcpembedded.codec6.IaAddress;
import dev.dhcpembedded.codec6.IaNa;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The parts of a DHCPv6 reply that depend only on the request and the bindings: IA options written straight into
 * their bytes, and the link's options in the order the ORO asks for them.
 */
final class Reply6Options {

    private Reply6Options() {
    }

    /** Writes the IA_NA (with one IAADDR) or IA_PD (with one IAPREFIX) option {@code iaid} of {@code b}. */
    static void ia(Reply6Writer w, long iaid, Binding6 b) {
        Subnet6Config s = b.subnet();
        boolean na = b.key().kind() == Binding6.Kind.NA;
        int ia = w.open((na ? Dhcp6OptionCode.IA_NA : Dhcp6OptionCode.IA_PD).code());
        w.u32(iaid);
        w.u32(seconds(s.t1()));
        w.u32(seconds(s.t2()));
        int entry = w.open((na ? Dhcp6OptionCode.IAADDR : Dhcp6OptionCode.IAPREFIX).code());
        if (na) {
            w.address(b.resource());
            w.u32(seconds(s.preferredLifetime()));
            w.u32(seconds(s.validLifetime()));
        } else {
            w.u32(seconds(s.preferredLifetime()));
            w.u32(seconds(s.validLifetime()));
            w.u8(b.prefixLength());
            w.address(b.resource());
        }
        w.close(entry);
        w.close(ia);
    }

    /** {@link #ia} as an option of its own. */
    static Dhcp6Option iaOption(long iaid, Binding6 b) {
        Reply6Writer w = new Reply6Writer().begin(0, 0);
        ia(w, iaid, b);
        return Dhcp6Option.of(Wire6Request.u16(w.bytes(), 4),
                java.util.Arrays.copyOfRange(w.bytes(), 8, w.length()));
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
        List<Dhcp6Option> offered = link.options();
        Optional<Dhcp6Option> oro = m.option(Dhcp6OptionCode.ORO);
        if (oro.isEmpty()) {
            offered.forEach(reply::option);
            return;
        }
        byte[] codes = oro.get().value();
        int[] asked = new int[offered.size()];
        int n = asked(codes, 0, codes.length, offered, asked);
        for (int i = 0; i < n; i++) {
            reply.option(offered.get(asked[i]));
        }
    }

    /**
     * Which of {@code offered} the ORO at {@code codes[at, at + length)} asks for, in its order, each once: their
     * indexes into {@code into} (as long as {@code offered}); returns how many.
     */
    static int asked(byte[] codes, int at, int length, List<Dhcp6Option> offered, int[] into) {
        // One pass over the ORO, each code compared with the link's few options only: an option goes out at the
        // first place the ORO names its code, once (a mark per offered option), so the order is the ORO's.
        int n = offered.size();
        long sent = 0; // marks of the first 64 offered options; a link with more has its marks in 'more'
        long[] more = n > 64 ? new long[(n - 1) >>> 6] : null;
        int count = 0;
        for (int c = at; c + 1 < at + length && count < n; c += 2) {
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
                into[count++] = i;
            }
        }
        return count;
    }
}
