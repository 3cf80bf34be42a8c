package dev.dhcpembedded.junit.assertions;

import dev.dhcpembedded.codec6.Dhcp6Message;
import dev.dhcpembedded.codec6.Dhcp6MessageType;
import dev.dhcpembedded.codec6.Duid;
import dev.dhcpembedded.journal.Journal;
import dev.dhcpembedded.journal.JournalEntry;
import dev.dhcpembedded.server.DhcpServer;
import dev.dhcpembedded.lease.Lease6;
import dev.dhcpembedded.lease.LeaseState;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;
import org.assertj.core.api.AbstractAssert;

/**
 * Assertions on one DHCPv6 client, known by its DUID: what it sent, and what the server's lease table holds for it.
 *
 * <pre>{@code
 * assertThat(server).awaiting().client6(duid).hasAddress("2001:db8:1::100").hasDelegatedPrefix("2001:db8:100::/56");
 * }</pre>
 */
public final class Dhcp6ClientAssert extends AbstractAssert<Dhcp6ClientAssert, Journal> {

    private final Traffic traffic;
    private final Waiter waiter;
    private final Duid duid;

    Dhcp6ClientAssert(Traffic traffic, Waiter waiter, Duid duid) {
        super(traffic.journal(), Dhcp6ClientAssert.class);
        this.traffic = traffic;
        this.waiter = waiter;
        this.duid = duid;
    }

    /** The server's lease table holds {@code address} BOUND to this client (an IA_NA). */
    public Dhcp6ClientAssert hasAddress(String address) {
        String wanted = Addresses.text(Addresses.ipv6(address));
        return leaseCheck("the address " + wanted + " bound", () -> leases().stream().anyMatch(l ->
                l.kind() == Lease6.Kind.ADDRESS && l.state() == LeaseState.BOUND && l.text().equals(wanted)));
    }

    /** The server's lease table holds the delegated prefix {@code prefix} (e.g. {@code 2001:db8:100::/56}) BOUND. */
    public Dhcp6ClientAssert hasDelegatedPrefix(String prefix) {
        int slash = prefix.indexOf('/');
        String wanted = Addresses.text(Addresses.ipv6(prefix.substring(0, slash))) + prefix.substring(slash);
        return leaseCheck("the delegated prefix " + wanted + " bound", () -> leases().stream().anyMatch(l ->
                l.kind() == Lease6.Kind.PREFIX && l.state() == LeaseState.BOUND && l.text().equals(wanted)));
    }

    /** The client sent RELEASE, and none of its leases is still bound. */
    public Dhcp6ClientAssert released() {
        sentInOrder(Dhcp6MessageType.RELEASE);
        return leaseCheck("no lease still bound after RELEASE", () -> leases().stream()
                .noneMatch(l -> l.state() == LeaseState.BOUND));
    }

    /** The client sent these types in this order (other messages may come between them). */
    public Dhcp6ClientAssert sentInOrder(Dhcp6MessageType... types) {
        isNotNull();
        waiter.check(() -> {
            List<Dhcp6MessageType> sent = sent();
            int i = 0;
            for (Dhcp6MessageType t : sent) {
                if (i < types.length && t == types[i]) {
                    i++;
                }
            }
            return i == types.length ? null : "Expecting the client with DUID " + duid + " to have sent, in order, "
                    + Arrays.toString(types) + "\nbut it sent " + sent + "\n"
                    + transcript();
        }, failure -> failWithMessage("%s", failure));
        return myself;
    }

    /**
     * The client sent RENEW no earlier than T1 (of the IA in the last REPLY it got before; one second of slack) on
     * the server's clock, naming this server.
     */
    public Dhcp6ClientAssert renewedAtT1() {
        return timed(Dhcp6MessageType.RENEW, true);
    }

    /** The client sent REBIND, without a server identifier, no earlier than T2 of the last REPLY before it. */
    public Dhcp6ClientAssert reboundAfterT2() {
        return timed(Dhcp6MessageType.REBIND, false);
    }

    private Dhcp6ClientAssert timed(Dhcp6MessageType type, boolean atT1) {
        isNotNull();
        waiter.check(() -> {
            JournalEntry reply = null;
            List<String> seen = new ArrayList<>();
            for (JournalEntry e : traffic.entries()) {
                if (!e.isV6() || !e.clientDuid().map(duid::equals).orElse(false)) {
                    continue;
                }
                Dhcp6Message m = e.message6().orElseThrow().innermost();
                if (e.isSent() && m.is(Dhcp6MessageType.REPLY) && (!m.iaNa().isEmpty() || !m.iaPd().isEmpty())) {
                    reply = e;
                } else if (e.isReceived() && m.is(type) && reply != null) {
                    Dhcp6Message r = reply.message6().orElseThrow().innermost();
                    long due = !r.iaNa().isEmpty() ? (atT1 ? r.iaNa().get(0).t1() : r.iaNa().get(0).t2())
                            : (atT1 ? r.iaPd().get(0).t1() : r.iaPd().get(0).t2());
                    long after = e.serverTime().toEpochMilli() - reply.serverTime().toEpochMilli();
                    boolean serverIdOk = atT1 ? m.serverId().isPresent() : m.serverId().isEmpty();
                    if (after >= due * 1000 - 1000 && serverIdOk) {
                        return null;
                    }
                    seen.add("#" + e.sequence() + " " + type.rfcName() + " " + after / 1000.0 + " s after REPLY #"
                            + reply.sequence() + " (" + (atT1 ? "T1" : "T2") + " " + due + " s)"
                            + (serverIdOk ? "" : atT1 ? " without a server identifier" : " with a server identifier"));
                }
            }
            return "Expecting the client with DUID " + duid + " to have sent " + type.rfcName() + " at "
                    + (atT1 ? "T1" : "T2") + " of its last REPLY\nbut " + (seen.isEmpty() ? "it sent none after a REPLY"
                    : String.join(", ", seen)) + "\n" + transcript();
        }, failure -> failWithMessage("%s", failure));
        return myself;
    }

    /**
     * What the client sent follows RFC 8415: elapsed time present and never decreasing over retransmissions, the
     * server identifier only where allowed (and where required), an ORO, sane IA T1/T2, transaction ids reused
     * only for retransmissions. The failure lists every finding with its journal entry.
     */
    public Dhcp6ClientAssert conformsToRfc8415() {
        isNotNull();
        waiter.check(() -> {
            List<JournalEntry> mine = new ArrayList<>();
            for (JournalEntry e : traffic.entries()) {
                if (e.isV6() && e.isReceived() && e.clientDuid().map(duid::equals).orElse(false)) {
                    mine.add(e);
                }
            }
            if (mine.isEmpty()) {
                return "Expecting the client with DUID " + duid + " to conform to RFC 8415\nbut it sent nothing\n"
                        + transcript();
            }
            List<String> findings = Rfc8415Conformance.check(mine);
            return findings.isEmpty() ? null : "Expecting the client with DUID " + duid
                    + " to conform to RFC 8415\nbut:\n  " + String.join("\n  ", findings) + "\n"
                    + transcript();
        }, failure -> failWithMessage("%s", failure));
        return myself;
    }

    private List<Dhcp6MessageType> sent() {
        List<Dhcp6MessageType> out = new ArrayList<>();
        for (JournalEntry e : traffic.entries()) {
            if (e.isV6() && e.isReceived() && e.clientDuid().map(duid::equals).orElse(false)) {
                Dhcp6Message m = e.message6().orElseThrow().innermost();
                m.type().ifPresent(out::add);
            }
        }
        return out;
    }

    private List<Lease6> leases() {
        DhcpServer server = traffic.server().orElseThrow(() -> new IllegalStateException(
                "lease assertions need a server, not a bare journal"));
        return server.v6().leases(duid);
    }

    private Dhcp6ClientAssert leaseCheck(String what, Supplier<Boolean> ok) {
        isNotNull();
        waiter.check(() -> ok.get() ? null : "Expecting the client with DUID " + duid + " to have " + what
                + "\nbut its leases are " + leases() + "\n" + transcript(),
                failure -> failWithMessage("%s", failure));
        return myself;
    }

    private String transcript() {
        return Report.transcript("Transcript", traffic.entries(), traffic.journal());
    }
}
