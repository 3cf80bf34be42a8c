package dev.dhcpembedded.junit.assertions;

import dev.dhcpembedded.codec6.Dhcp6Message;
import dev.dhcpembedded.codec6.Dhcp6MessageType;
import dev.dhcpembedded.codec6.Dhcp6OptionCode;
import dev.dhcpembedded.codec6.IaNa;
import dev.dhcpembedded.codec6.IaPd;
import dev.dhcpembedded.journal.JournalEntry;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Checks what one DHCPv6 client sent against RFC 8415: each finding names the journal entry and the rule.
 * <ul>
 *   <li>an elapsed time option (8) in every message (21.9), never decreasing over the retransmissions of one
 *       transaction (15);</li>
 *   <li>a client identifier in every message but INFORMATION-REQUEST (16);</li>
 *   <li>a server identifier in REQUEST, RENEW, RELEASE and DECLINE, never in SOLICIT, REBIND or CONFIRM (16);</li>
 *   <li>an option request option in SOLICIT, REQUEST, RENEW, REBIND and INFORMATION-REQUEST (18.2);</li>
 *   <li>IA_NA and IA_PD T1/T2 zero, or T1 no later than T2 (21.4, 21.21);</li>
 *   <li>a transaction id reused only to retransmit the same message (16.1: a new exchange, a new xid).</li>
 * </ul>
 */
final class Rfc8415Conformance {

    private static final Set<Dhcp6MessageType> NEED_SERVER_ID = EnumSet.of(Dhcp6MessageType.REQUEST,
            Dhcp6MessageType.RENEW, Dhcp6MessageType.RELEASE, Dhcp6MessageType.DECLINE);
    private static final Set<Dhcp6MessageType> NO_SERVER_ID = EnumSet.of(Dhcp6MessageType.SOLICIT,
            Dhcp6MessageType.REBIND, Dhcp6MessageType.CONFIRM);
    private static final Set<Dhcp6MessageType> NEED_ORO = EnumSet.of(Dhcp6MessageType.SOLICIT,
            Dhcp6MessageType.REQUEST, Dhcp6MessageType.RENEW, Dhcp6MessageType.REBIND,
            Dhcp6MessageType.INFORMATION_REQUEST);

    private Rfc8415Conformance() {
    }

    /** The findings for the messages a client sent (RECEIVED DHCPv6 entries), oldest first. */
    static List<String> check(List<JournalEntry> sentByClient) {
        List<String> out = new ArrayList<>();
        Map<Integer, Dhcp6Message> firstOfXid = new HashMap<>();
        Map<Integer, Integer> lastElapsed = new HashMap<>();
        for (JournalEntry e : sentByClient) {
            Dhcp6Message m = e.message6().orElseThrow().innermost();
            if (m.type().isEmpty() || m.isRelay()) {
                continue;
            }
            Dhcp6MessageType type = m.type().get();
            String where = "#" + e.sequence() + " " + type.rfcName() + String.format(" (xid 0x%06x)", m.transactionId());
            if (m.elapsedTime().isEmpty()) {
                out.add(where + ": no elapsed time option (8) (RFC 8415 21.9)");
            }
            if (type != Dhcp6MessageType.INFORMATION_REQUEST && m.clientId().isEmpty()) {
                out.add(where + ": no client identifier (1) (RFC 8415 16)");
            }
            if (NEED_SERVER_ID.contains(type) && m.serverId().isEmpty()) {
                out.add(where + ": no server identifier (2), which " + type.rfcName() + " must carry (RFC 8415 16)");
            }
            if (NO_SERVER_ID.contains(type) && m.serverId().isPresent()) {
                out.add(where + ": a server identifier (2), which " + type.rfcName()
                        + " must not carry (RFC 8415 16)");
            }
            if (NEED_ORO.contains(type) && !m.hasOption(Dhcp6OptionCode.ORO)) {
                out.add(where + ": no option request option (6) (RFC 8415 18.2)");
            }
            for (IaNa ia : m.iaNa()) {
                if (ia.t1() != 0 && ia.t2() != 0 && ia.t1() > ia.t2()) {
                    out.add(where + ": IA_NA " + ia.iaid() + " T1 " + ia.t1() + " after T2 " + ia.t2()
                            + " (RFC 8415 21.4)");
                }
            }
            for (IaPd ia : m.iaPd()) {
                if (ia.t1() != 0 && ia.t2() != 0 && ia.t1() > ia.t2()) {
                    out.add(where + ": IA_PD " + ia.iaid() + " T1 " + ia.t1() + " after T2 " + ia.t2()
                            + " (RFC 8415 21.21)");
                }
            }
            Dhcp6Message first = firstOfXid.putIfAbsent(m.transactionId(), m);
            if (first != null) {
                if (!sameExceptElapsedTime(first, m)) {
                    out.add(where + ": reuses the transaction id of an earlier, different " + first.typeName()
                            + " (RFC 8415 16.1: a new exchange takes a new transaction id)");
                }
                int previous = lastElapsed.getOrDefault(m.transactionId(), 0);
                if (m.elapsedTime().isPresent() && m.elapsedTime().getAsInt() < previous) {
                    out.add(where + ": elapsed time " + m.elapsedTime().getAsInt() + " is less than the "
                            + previous + " of the previous transmission (RFC 8415 21.9)");
                }
            }
            m.elapsedTime().ifPresent(t -> lastElapsed.put(m.transactionId(), t));
        }
        return out;
    }

    private static boolean sameExceptElapsedTime(Dhcp6Message a, Dhcp6Message b) {
        return a.messageCode() == b.messageCode() && a.toBuilder().removeOption(Dhcp6OptionCode.ELAPSED_TIME)
                .build().equals(b.toBuilder().removeOption(Dhcp6OptionCode.ELAPSED_TIME).build());
    }
}
