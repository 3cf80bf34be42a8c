package dev.dhcpembedded.internal.engine6;

import dev.dhcpembedded.codec6.Dhcp6Message;
import dev.dhcpembedded.codec6.Dhcp6Option;
import dev.dhcpembedded.codec6.Dhcp6OptionCode;
import dev.dhcpembedded.codec6.IaNa;
import dev.dhcpembedded.codec6.IaPd;
import dev.dhcpembedded.codec6.StatusCode;
import java.util.List;

/**
 * A link's limits on the IA_NA and IA_PD of one client message, and the bound on a reply's size that the engine
 * checks before it binds anything. The IAs over a limit get NoAddrsAvail or NoPrefixAvail (RFC 8415 section 21.13)
 * and bind nothing; past {@link #REFUSALS_SHOWN} of a kind they are left out of the reply, so that the reply stays
 * bounded whatever the request holds.
 */
final class IaLimits {

    /** Over-limit IAs of one kind answered with a status code; those after them are left out of the reply. */
    static final int REFUSALS_SHOWN = 64;
    /** The largest DHCPv6 message a UDP datagram carries (65535 minus the UDP header). */
    static final int MAX_PAYLOAD = 65527;
    /** An IA served goes out at most this many bytes longer than it came in (an IAADDR or status added). */
    private static final int IA_SLACK = 80;
    /** The header, preference or rapid commit, and a message-level status code. */
    private static final int FIXED = 4 + 5 + 64;

    private IaLimits() {
    }

    /** The first {@code limit} of {@code ias}: the ones the engine serves. */
    static <T> List<T> within(List<T> ias, int limit) {
        return ias.size() <= limit ? ias : ias.subList(0, limit);
    }

    /** The IA_NA refused because {@code limit} came before it: NoAddrsAvail, nothing bound. */
    static Dhcp6Option refusedNa(long iaid, int limit) {
        return Dhcp6Option.iaNa(IaNa.of(iaid, 0, 0, Dhcp6Option.statusCode(StatusCode.NO_ADDRS_AVAIL,
                "over the limit of " + limit + " IA_NA per message")));
    }

    /** The IA_PD refused because {@code limit} came before it: NoPrefixAvail, nothing bound. */
    static Dhcp6Option refusedPd(long iaid, int limit) {
        return Dhcp6Option.iaPd(IaPd.of(iaid, 0, 0, Dhcp6Option.statusCode(StatusCode.NO_PREFIX_AVAIL,
                "over the limit of " + limit + " IA_PD per message")));
    }

    /** Adds the refusals of the IA_NA after the first {@code limit}, at most {@link #REFUSALS_SHOWN}. */
    static void refuseNa(Dhcp6Message.Builder reply, List<IaNa> ias, int limit) {
        for (int i = limit; i < ias.size() && i - limit < REFUSALS_SHOWN; i++) {
            reply.option(refusedNa(ias.get(i).iaid(), limit));
        }
    }

    /** Adds the refusals of the IA_PD after the first {@code limit}, at most {@link #REFUSALS_SHOWN}. */
    static void refusePd(Dhcp6Message.Builder reply, List<IaPd> ias, int limit) {
        for (int i = limit; i < ias.size() && i - limit < REFUSALS_SHOWN; i++) {
            reply.option(refusedPd(ias.get(i).iaid(), limit));
        }
    }

    /** For the journal: what the limits refused in {@code m}, starting with "; ", or "" when nothing was. */
    static String note(Dhcp6Message m, Subnet6Config link) {
        int na = 0;
        int pd = 0;
        List<Dhcp6Option> options = m.options();
        for (int i = 0; i < options.size(); i++) {
            Dhcp6OptionCode code = options.get(i).code();
            na += code == Dhcp6OptionCode.IA_NA ? 1 : 0;
            pd += code == Dhcp6OptionCode.IA_PD ? 1 : 0;
        }
        return note(na, link.iaNaLimit(), "IA_NA", "NoAddrsAvail") + note(pd, link.iaPdLimit(), "IA_PD",
                "NoPrefixAvail");
    }

    private static String note(int count, int limit, String kind, String status) {
        if (count <= limit) {
            return "";
        }
        int over = count - limit;
        String note = "; " + over + " " + kind + " over the limit of " + limit + " per message: " + status
                + ", nothing bound (RFC 8415 21.13)";
        return over <= REFUSALS_SHOWN ? note
                : note + ", " + (over - REFUSALS_SHOWN) + " of them left out of the reply";
    }

    /**
     * An upper bound of the size of the engine's answer to {@code m} on {@code link}, before any relay wraps it:
     * the fixed part, the identifiers, each IA served (as long as it came, plus {@link #IA_SLACK}), the refusals
     * shown, and every option the link offers.
     */
    static long replyBound(Dhcp6Message m, Subnet6Config link, int serverIdLength) {
        long bound = FIXED + 4L + serverIdLength;
        int na = 0;
        int pd = 0;
        int refusalNa = refusalSize(link.iaNaLimit());
        int refusalPd = refusalSize(link.iaPdLimit());
        List<Dhcp6Option> options = m.options();
        for (int i = 0; i < options.size(); i++) {
            Dhcp6Option o = options.get(i);
            Dhcp6OptionCode code = o.code();
            if (code == Dhcp6OptionCode.CLIENTID) {
                bound += 4 + o.length();
            } else if (code == Dhcp6OptionCode.IA_NA) {
                bound += na < link.iaNaLimit() ? 4 + o.length() + IA_SLACK
                        : na - link.iaNaLimit() < REFUSALS_SHOWN ? refusalNa : 0;
                na++;
            } else if (code == Dhcp6OptionCode.IA_PD) {
                bound += pd < link.iaPdLimit() ? 4 + o.length() + IA_SLACK
                        : pd - link.iaPdLimit() < REFUSALS_SHOWN ? refusalPd : 0;
                pd++;
            }
        }
        List<Dhcp6Option> offered = link.options();
        for (int i = 0; i < offered.size(); i++) {
            bound += 4 + offered.get(i).length();
        }
        return bound;
    }

    /**
     * The bytes of {@link #refusedNa} or {@link #refusedPd} with their header, counted without building them (limits up to 999): IA
     * header and fields, status code header and code, and "over the limit of N IA_xx per message".
     */
    static int refusalSize(int limit) {
        return 4 + 12 + 4 + 2 + "over the limit of ".length() + (limit < 10 ? 1 : limit < 100 ? 2 : 3)
                + " IA_NA per message".length();
    }

    /**
     * Whether the answer to a message of {@code length} bytes with {@code ias} IA_NA and IA_PD, all within the
     * link's limits, surely fits: {@link #replyBound} is never more than this (the identifiers and IAs are in the
     * message, each IA grows by at most {@link #IA_SLACK}), so that the packet path checks the size without reading
     * the options. {@code serverIdBytes} and {@code offeredBytes} count option headers.
     */
    static boolean fitsSurely(int length, int ias, int serverIdBytes, int offeredBytes) {
        return FIXED + 4L + serverIdBytes + length + (long) IA_SLACK * ias + offeredBytes <= MAX_PAYLOAD;
    }

    /**
     * Why the answer to {@code m} is not made, as ": ..." after the message's name, or null when it fits: its bound
     * ({@link #replyBound}) with every RELAY-REPL that wraps it is over {@link #MAX_PAYLOAD}. Checked before any
     * binding is made, so that a reply that cannot be sent binds nothing.
     */
    static String oversize(Dhcp6Message m, Subnet6Config link, int serverIdLength, List<Dhcp6Message> relays) {
        long bound = replyBound(m, link, serverIdLength);
        for (Dhcp6Message relay : relays) { // RELAY-REPL header, relay message option, interface-id echoed
            bound += 34 + 4 + relay.option(Dhcp6OptionCode.INTERFACE_ID).map(o -> 4 + o.length()).orElse(0);
        }
        return bound <= MAX_PAYLOAD ? null : ": its reply could reach " + bound + " bytes, over the " + MAX_PAYLOAD
                + "-byte UDP payload limit: nothing bound, no reply";
    }
}
