package dev.dhcpembedded.junit.assertions;

import dev.dhcpembedded.codec.DhcpMessage;
import dev.dhcpembedded.codec.MessageType;
import dev.dhcpembedded.codec.OptionCode;
import dev.dhcpembedded.journal.Journal;
import dev.dhcpembedded.journal.JournalEntry;
import dev.dhcpembedded.lease.Lease;
import dev.dhcpembedded.lease.LeaseTimes;
import dev.dhcpembedded.lease.LeaseState;
import dev.dhcpembedded.server.DhcpServer;
import dev.dhcpembedded.codec.RequestState;
import java.net.Inet4Address;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiPredicate;
import java.util.stream.Collectors;
import org.assertj.core.api.AbstractAssert;

/**
 * Assertions on one client, named by MAC or client identifier: the order of its messages, its lease, how it renewed
 * and rebound, what it did after a NAK, and whether its messages follow RFC 2131.
 */
public final class DhcpClientAssert extends AbstractAssert<DhcpClientAssert, Journal> {

    private final Traffic traffic;
    private final Waiter waiter;
    private final ClientRef client;

    DhcpClientAssert(Traffic traffic, Waiter waiter, ClientRef client) {
        super(traffic.journal(), DhcpClientAssert.class);
        this.traffic = traffic;
        this.waiter = waiter;
        this.client = client;
    }

    /** At least one {@code type} from this client; refine it like {@code received(type)}. */
    public DhcpMessagesAssert sent(MessageType type) {
        return new DhcpMessagesAssert(traffic, waiter, Direction.RECEIVED,
                List.of(Criteria.type(type), client.criterion())).describedAs(info.description()).verifyAtLeast(1);
    }

    /**
     * The client sent these types in this order; other messages (retransmissions, say) may come between them.
     * {@code sentInOrder(DISCOVER, REQUEST)} holds for DISCOVER, DISCOVER, REQUEST.
     */
    public DhcpClientAssert sentInOrder(MessageType... types) {
        List<MessageType> expected = List.of(types);
        check(() -> {
            List<JournalEntry> sent = client.sent(traffic.entries());
            List<JournalEntry> matched = new ArrayList<>();
            int next = 0;
            for (JournalEntry entry : sent) {
                if (next < expected.size() && entry.is(expected.get(next))) {
                    matched.add(entry);
                    next++;
                }
            }
            if (next == expected.size()) {
                return null;
            }
            String how = matched.isEmpty()
                    ? "no " + expected.get(0).name() + " came at all"
                    : "the order holds up to " + AbstractTrafficAssert.refs(matched.subList(matched.size() - 1,
                            matched.size())) + ", after which no " + expected.get(next).name() + " came";
            return "Expecting " + client.describe() + " to have sent, in this order:\n  " + names(expected)
                    + "\nbut it sent:\n  " + typesOf(sent) + "\n(" + how + ")\n" + clientTranscript();
        });
        return this;
    }

    /** The client sent exactly these types, in this order, and nothing else (retransmissions included). */
    public DhcpClientAssert sentExactly(MessageType... types) {
        List<String> expected = List.of(types).stream().map(MessageType::name).collect(Collectors.toList());
        check(() -> {
            List<JournalEntry> sent = client.sent(traffic.entries());
            if (typesList(sent).equals(expected)) {
                return null;
            }
            return "Expecting " + client.describe() + " to have sent exactly:\n  " + expected
                    + "\nbut it sent:\n  " + typesOf(sent) + "\n" + clientTranscript();
        });
        return this;
    }

    /** The server's lease table has {@code address} BOUND to this client. Needs {@code assertThat(server)}. */
    public DhcpClientAssert hasLease(String address) {
        Inet4Address wanted = Addresses.ipv4(address);
        return checkLease("to hold a BOUND lease on " + address,
                l -> wanted.equals(l.address()) && l.state() == LeaseState.BOUND);
    }

    /** The server's lease table has some address BOUND to this client. */
    public DhcpClientAssert hasLease() {
        return checkLease("to hold a BOUND lease", l -> l.state() == LeaseState.BOUND);
    }

    /** The server's lease table has nothing BOUND to this client (released, expired, declined or never leased). */
    public DhcpClientAssert hasNoLease() {
        DhcpServer server = requireServer("hasNoLease()");
        check(() -> {
            List<Lease> bound = leases(server).stream().filter(l -> l.state() == LeaseState.BOUND)
                    .collect(Collectors.toList());
            if (bound.isEmpty()) {
                return null;
            }
            return "Expecting " + client.describe() + " to hold no BOUND lease\nbut it holds:\n"
                    + leaseLines(bound) + clientTranscript();
        });
        return this;
    }

    /**
     * The client renewed by unicast: a REQUEST with ciaddr set, without requested IP address (50) or server
     * identifier (54), addressed to the server rather than to everyone, which the server's classifier
     * ({@link RequestState#of}) calls RENEWING. The broadcast flag does not matter: it asks for a broadcast reply,
     * it does not make the request a broadcast. (On loopback the journal shows each datagram as it would appear on
     * a link, so this is decided from the message.)
     */
    public DhcpClientAssert renewedByUnicast() {
        return checkRequest("to have renewed by unicast (RENEWING)", entries -> List.of(
                Criteria.type(MessageType.REQUEST), client.criterion(), Criteria.ciaddrSet(),
                Criteria.noOption(OptionCode.REQUESTED_IP_ADDRESS), Criteria.noOption(OptionCode.SERVER_IDENTIFIER),
                unicastDestination(), inState(RequestState.RENEWING)));
    }

    /**
     * The client rebound by broadcast: a REQUEST with ciaddr set, without 50 or 54, sent to all servers, which
     * means addressed to 255.255.255.255, or, where the transport cannot show the destination (loopback), sent at
     * or after T2 of the ACK that granted the lease (on the server's clock).
     */
    public DhcpClientAssert rebindedByBroadcast() {
        return checkRequest("to have rebound by broadcast (REBINDING)", entries -> List.of(
                Criteria.type(MessageType.REQUEST), client.criterion(), Criteria.ciaddrSet(),
                Criteria.noOption(OptionCode.REQUESTED_IP_ADDRESS), Criteria.noOption(OptionCode.SERVER_IDENTIFIER),
                toAllServers(entries)));
    }

    /** Same as {@link #rebindedByBroadcast()}. */
    public DhcpClientAssert reboundByBroadcast() {
        return rebindedByBroadcast();
    }

    /** After the first NAK the server sent it, the client's next message was a DISCOVER: it went back to INIT. */
    public DhcpClientAssert wentBackToInitAfterNak() {
        check(() -> {
            List<JournalEntry> entries = client.entries(traffic.entries());
            int nak = -1;
            for (int i = 0; i < entries.size(); i++) {
                if (entries.get(i).isSent() && entries.get(i).is(MessageType.NAK)) {
                    nak = i;
                    break;
                }
            }
            String expectation = "Expecting " + client.describe() + " to go back to INIT (send a DISCOVER) after a"
                    + " NAK\n";
            if (nak < 0) {
                return expectation + "but the server sent it no NAK\n" + clientTranscript();
            }
            for (int i = nak + 1; i < entries.size(); i++) {
                JournalEntry next = entries.get(i);
                if (next.isReceived()) {
                    if (next.is(MessageType.DISCOVER)) {
                        return null;
                    }
                    return expectation + "but after the NAK " + Report.ref(entries.get(nak)) + " it sent "
                            + Report.ref(next) + "\n" + clientTranscript();
                }
            }
            return expectation + "but after the NAK " + Report.ref(entries.get(nak)) + " it sent nothing\n"
                    + clientTranscript();
        });
        return this;
    }

    /** The client sent a RELEASE. */
    public DhcpClientAssert released() {
        sent(MessageType.RELEASE);
        return this;
    }

    /** The client sent a RELEASE for {@code address} (ciaddr). */
    public DhcpClientAssert released(String address) {
        sent(MessageType.RELEASE).withCiaddr(address);
        return this;
    }

    /** The client sent a DECLINE for {@code address} (option 50). */
    public DhcpClientAssert declined(String address) {
        sent(MessageType.DECLINE).withRequestedIpAddress(address);
        return this;
    }

    /**
     * The client used rapid commit (RFC 4039): it sent a DISCOVER carrying option 80, the server answered that
     * DISCOVER with an ACK carrying 80, and the client sent no SELECTING REQUEST for that transaction.
     */
    public DhcpClientAssert usedRapidCommit() {
        check(() -> {
            List<JournalEntry> entries = client.entries(traffic.entries());
            String expectation = "Expecting " + client.describe() + " to have used rapid commit (RFC 4039): a"
                    + " DISCOVER with option 80 answered by an ACK with 80, and no REQUEST after it\n";
            List<JournalEntry> discovers = entries.stream().filter(e -> e.isReceived() && e.is(MessageType.DISCOVER))
                    .collect(Collectors.toList());
            if (discovers.stream().noneMatch(e -> e.message().get().rapidCommit())) {
                return expectation + "but " + (discovers.isEmpty() ? "it sent no DISCOVER"
                        : "none of its " + Report.plural(discovers.size(), "DISCOVER", "DISCOVERs")
                        + " carried option 80") + "\n" + clientTranscript();
            }
            String why = null;
            for (JournalEntry discover : discovers) {
                int xid = discover.message().get().xid();
                if (!discover.message().get().rapidCommit()) {
                    continue;
                }
                Optional<JournalEntry> ack = entries.stream().filter(e -> e.sequence() > discover.sequence()
                        && e.isSent() && e.is(MessageType.ACK) && e.message().get().xid() == xid
                        && e.message().get().rapidCommit()).findFirst();
                if (ack.isEmpty()) {
                    why = "the server answered " + Report.ref(discover) + " with no ACK carrying option 80";
                    continue;
                }
                Optional<JournalEntry> request = entries.stream().filter(e -> e.sequence() > ack.get().sequence()
                        && e.isReceived() && e.is(MessageType.REQUEST) && e.message().get().xid() == xid
                        && e.message().get().hasOption(OptionCode.SERVER_IDENTIFIER)).findFirst();
                if (request.isPresent()) {
                    why = "after the rapid ACK " + Report.ref(ack.get()) + " it still sent " + Report.ref(request.get());
                    continue;
                }
                return null;
            }
            return expectation + "but " + why + "\n" + clientTranscript();
        });
        return this;
    }

    /**
     * The client honoured IPv6-only preferred (RFC 8925): the server sent it an OFFER carrying option 108, and it
     * sent no REQUEST after that OFFER (it stopped DHCPv4 for V6ONLY_WAIT).
     */
    public DhcpClientAssert stoppedForIpv6Only() {
        check(() -> {
            List<JournalEntry> entries = client.entries(traffic.entries());
            String expectation = "Expecting " + client.describe() + " to have stopped DHCPv4 for IPv6-only preferred"
                    + " (RFC 8925): no REQUEST after an OFFER with option 108\n";
            Optional<JournalEntry> offer = entries.stream().filter(e -> e.isSent() && e.is(MessageType.OFFER)
                    && e.message().get().hasOption(OptionCode.IPV6_ONLY_PREFERRED)).findFirst();
            if (offer.isEmpty()) {
                return expectation + "but the server sent it no OFFER with option 108 (did it ask for 108 in its"
                        + " parameter request list, and does the subnet have ipv6OnlyPreferred(...)?)\n"
                        + clientTranscript();
            }
            Optional<JournalEntry> request = entries.stream().filter(e -> e.sequence() > offer.get().sequence()
                    && e.isReceived() && e.is(MessageType.REQUEST)).findFirst();
            if (request.isPresent()) {
                return expectation + "but after " + Report.ref(offer.get()) + " it sent " + Report.ref(request.get())
                        + "\n" + clientTranscript();
            }
            return null;
        });
        return this;
    }

    /**
     * The client renewed (a REQUEST in RENEWING) between {@code from} and {@code to} after the ACK that granted the
     * address it renews, measured on the journal's wall time (real clients run on real time, not on a TestClock).
     * E.g. T1 ± 2 s: {@code renewedWithin(Duration.ofSeconds(8), Duration.ofSeconds(12))} for T1 = 10 s.
     */
    public DhcpClientAssert renewedWithin(Duration from, Duration to) {
        return requestedWithin(RequestState.RENEWING, "renewed", "renewedWithin", from, to,
                (entries, e) -> Rfc2131Conformance.stateOf(e) == RequestState.RENEWING);
    }

    /**
     * The client rebound (a REQUEST in REBINDING, broadcast at T2) between {@code from} and {@code to} after the
     * ACK that granted the address it rebinds, on the journal's wall time; the T2 twin of
     * {@link #renewedWithin(Duration, Duration)}. E.g. T2 ± 2 s:
     * {@code reboundWithin(Duration.ofSeconds(16), Duration.ofSeconds(20))} for T2 = 18 s (the server ignoring its
     * RENEWING requests, e.g. {@code onRequest().inState(RENEWING).respond(ignore())}). Where the link cannot show
     * the broadcast (loopback), a REQUEST with ciaddr at or after the ACK's T2 on the server clock counts, as for
     * {@link #rebindedByBroadcast()}.
     */
    public DhcpClientAssert reboundWithin(Duration from, Duration to) {
        return requestedWithin(RequestState.REBINDING, "rebound", "reboundWithin", from, to, this::rebinding);
    }

    /** The first REQUEST in {@code state} came {@code from} to {@code to} after the ACK granting its address. */
    private DhcpClientAssert requestedWithin(RequestState state, String verb, String method, Duration from,
                                             Duration to, BiPredicate<List<JournalEntry>, JournalEntry> inState) {
        if (from.isNegative() || to.compareTo(from) < 0) {
            throw new IllegalArgumentException(method + "(" + from + ", " + to + "): need 0 <= from <= to");
        }
        check(() -> {
            List<JournalEntry> entries = traffic.entries();
            String expectation = "Expecting " + client.describe() + " to have " + verb + " " + seconds(from) + " to "
                    + seconds(to) + " after the ACK of its address (wall time)\n";
            List<JournalEntry> requests = client.sent(entries).stream().filter(e -> e.is(MessageType.REQUEST)
                    && inState.test(entries, e)).collect(Collectors.toList());
            if (requests.isEmpty()) {
                return expectation + "but it sent no " + state + " REQUEST\n" + clientTranscript();
            }
            JournalEntry request = requests.get(0);
            Optional<JournalEntry> ack = grantingAck(entries, request);
            if (ack.isEmpty()) {
                return expectation + "but no ACK granted " + request.message().get().ciaddr().getHostAddress()
                        + " before its " + state + " REQUEST " + Report.ref(request) + "\n" + clientTranscript();
            }
            Duration took = Duration.between(ack.get().wallTime(), request.wallTime());
            if (took.compareTo(from) >= 0 && took.compareTo(to) <= 0) {
                return null;
            }
            return expectation + "but it " + verb + " " + millis(took) + " after " + Report.ref(ack.get()) + ": "
                    + Report.ref(request) + "\n" + clientTranscript();
        });
        return this;
    }

    /**
     * The client's first retransmitted message (the same type and xid sent again) was repeated on the schedule of
     * RFC 2131 §4.1: 4 s, then 8, 16, 32 and 64 s, each ±1 s, measured on the journal's wall time. At least one
     * retransmission is needed; the check stops where the client stopped.
     */
    public DhcpClientAssert retransmittedWithBackoff() {
        return retransmittedWithBackoff(List.of(Duration.ofSeconds(4), Duration.ofSeconds(8), Duration.ofSeconds(16),
                Duration.ofSeconds(32), Duration.ofSeconds(64)), Duration.ofSeconds(1));
    }

    /** As {@link #retransmittedWithBackoff()} for a client with its own schedule, each interval ±1 s. */
    public DhcpClientAssert retransmittedWithBackoff(List<Duration> intervals) {
        return retransmittedWithBackoff(intervals, Duration.ofSeconds(1));
    }

    /**
     * As {@link #retransmittedWithBackoff()} with the intervals expected between consecutive copies (the last one
     * repeats for longer runs) and the tolerance of each.
     */
    public DhcpClientAssert retransmittedWithBackoff(List<Duration> intervals, Duration tolerance) {
        if (intervals.isEmpty() || tolerance.isNegative()) {
            throw new IllegalArgumentException("retransmittedWithBackoff: give at least one interval and a tolerance"
                    + " of 0 or more");
        }
        List<Duration> expected = List.copyOf(intervals);
        check(() -> {
            List<JournalEntry> run = firstRetransmissionRun(client.sent(traffic.entries()));
            String expectation = "Expecting " + client.describe() + " to have retransmitted with backoff "
                    + expected.stream().map(DhcpClientAssert::seconds).collect(Collectors.joining(", ", "[", ", ...]"))
                    + " ±" + millis(tolerance) + " (wall time)\n";
            if (run.size() < 2) {
                return expectation + "but it never sent the same message (type and xid) twice\n" + clientTranscript();
            }
            StringBuilder observed = new StringBuilder();
            String wrong = null;
            for (int i = 1; i < run.size(); i++) {
                Duration gap = Duration.between(run.get(i - 1).wallTime(), run.get(i).wallTime());
                Duration want = expected.get(Math.min(i - 1, expected.size() - 1));
                observed.append(i == 1 ? "" : ", ").append(millis(gap));
                if (wrong == null && gap.minus(want).abs().compareTo(tolerance) > 0) {
                    wrong = "retransmission " + i + " " + Report.ref(run.get(i)) + " came " + millis(gap)
                            + " after the previous copy, not " + seconds(want) + " ±" + millis(tolerance);
                }
            }
            if (wrong == null) {
                return null;
            }
            return expectation + "but " + wrong + "\n  intervals: [" + observed + "] of "
                    + run.get(0).messageType().map(MessageType::name).orElse("BOOTP") + String.format(" xid 0x%08x",
                    run.get(0).message().get().xid()) + "\n" + clientTranscript();
        });
        return this;
    }

    /** The copies of the first message the client sent more than once (same type and xid), in order. */
    private static List<JournalEntry> firstRetransmissionRun(List<JournalEntry> sent) {
        for (int i = 0; i < sent.size(); i++) {
            DhcpMessage first = sent.get(i).message().get();
            List<JournalEntry> run = new ArrayList<>();
            run.add(sent.get(i));
            for (int j = i + 1; j < sent.size(); j++) {
                DhcpMessage m = sent.get(j).message().get();
                if (m.xid() == first.xid() && m.messageType().equals(first.messageType())) {
                    run.add(sent.get(j));
                }
            }
            if (run.size() > 1) {
                return run;
            }
        }
        return List.of();
    }

    private static String millis(Duration d) {
        return d.toMillis() % 1000 == 0 ? d.getSeconds() + "s" : String.format("%.3fs", d.toMillis() / 1000.0);
    }

    /**
     * The client fetched {@code file} whole from the server's netboot root, by TFTP or HTTP: a fetch from its leased
     * address (on loopback, from any client). Waits up to 5 s (or the {@code within} time) for a transfer to end: a
     * TFTP transfer is whole when the client's last acknowledgement arrives.
     */
    public DhcpClientAssert fetched(String file) {
        (waiter.awaits() ? waiter : Waiter.atMost(Waiter.DEFAULT_TIMEOUT)).check(
                () -> NetbootFetches.missing(traffic, client, file), failure -> failWithMessage("%s", failure));
        return this;
    }

    /** The client sent an INFORM. */
    public DhcpClientAssert informed() {
        sent(MessageType.INFORM);
        return this;
    }

    /** Every message the client sent follows RFC 2131; fails listing each rule broken, message by message. */
    public DhcpClientAssert conformsToRfc2131() {
        return conformsToRfc2131Except();
    }

    /** As {@link #conformsToRfc2131()}, not checking {@code ignored}. */
    public DhcpClientAssert conformsToRfc2131Except(Rfc2131Rule... ignored) {
        Set<Rfc2131Rule> skip = ignored.length == 0 ? EnumSet.noneOf(Rfc2131Rule.class)
                : EnumSet.copyOf(List.of(ignored));
        check(() -> {
            List<JournalEntry> entries = traffic.entries();
            List<Rfc2131Violation> violations = Rfc2131Conformance.check(entries, client).stream()
                    .filter(v -> !skip.contains(v.rule())).collect(Collectors.toList());
            if (violations.isEmpty()) {
                if (client.sent(entries).isEmpty()) {
                    return "Expecting " + client.describe() + " to conform to RFC 2131\nbut it sent nothing to "
                            + "check\n" + Report.transcript("Transcript", entries, traffic.journal());
                }
                return null;
            }
            StringBuilder out = new StringBuilder("Expecting ").append(client.describe())
                    .append(" to conform to RFC 2131\nbut its messages broke ")
                    .append(Report.plural(violations.size(), "rule", "rules")).append(":\n");
            int n = 1;
            for (Rfc2131Violation violation : violations) {
                out.append("  ").append(n++).append(". ").append(violation).append('\n')
                        .append("     rule ").append(violation.rule().name()).append(": ")
                        .append(violation.rule().text()).append(" (").append(violation.rule().reference())
                        .append(")\n");
            }
            return out.append(clientTranscript()).toString();
        });
        return this;
    }

    /** The rules broken, without failing: for custom reporting. */
    public List<Rfc2131Violation> rfc2131Violations() {
        return Rfc2131Conformance.check(traffic.entries(), client);
    }

    // ---- helpers ----

    private interface CriteriaFor {
        List<Criterion> of(List<JournalEntry> entries);
    }

    private DhcpClientAssert checkRequest(String what, CriteriaFor criteriaFor) {
        check(() -> {
            List<JournalEntry> entries = traffic.entries();
            List<Criterion> criteria = criteriaFor.of(entries);
            if (!Direction.RECEIVED.filter(entries, criteria).isEmpty()) {
                return null;
            }
            List<JournalEntry> requests = Direction.RECEIVED.filter(entries, criteria.subList(0, 2));
            StringBuilder out = new StringBuilder("Expecting ").append(client.describe()).append(' ').append(what)
                    .append(":\n  ").append(criteria.stream().map(Criterion::phrase).collect(Collectors.joining(" ")))
                    .append('\n');
            Optional<JournalEntry> closest = Report.closest(requests, criteria);
            if (closest.isEmpty()) {
                out.append("but it sent no REQUEST at all\n");
            } else {
                out.append("but none of its ").append(Report.plural(requests.size(), "REQUEST", "REQUESTs"))
                        .append(" does; the closest is ").append(Report.ref(closest.get())).append(":\n")
                        .append(Report.sideBySide(closest.get(), criteria));
            }
            return out.append(clientTranscript()).toString();
        });
        return this;
    }

    private static Criterion inState(RequestState state) {
        return new Criterion("in " + state.rfcName(), "RFC 2131 state", state.rfcName(),
                e -> Rfc2131Conformance.stateOf(e).rfcName(), e -> Rfc2131Conformance.stateOf(e) == state, 1);
    }

    private static Criterion unicastDestination() {
        return new Criterion("to the server", "sent to", "the server (unicast)",
                e -> e.destination().getAddress().getHostAddress() + ":" + e.destination().getPort(),
                e -> !Rfc2131Conformance.sentToBroadcast(e), 1);
    }

    private Criterion toAllServers(List<JournalEntry> entries) {
        return new Criterion("to all servers", "sent to", "all servers (255.255.255.255, or at/after T2)",
                e -> {
                    String to = e.destination().getAddress().getHostAddress() + ":" + e.destination().getPort();
                    return grantingAck(entries, e).map(ack -> to + ", " + seconds(since(ack, e))
                            + " after ACK #" + ack.sequence() + " (T2 = " + seconds(t2(ack)) + ")")
                            .orElse(to + ", no ACK for its address before it");
                },
                e -> Rfc2131Conformance.sentToBroadcast(e)
                        || grantingAck(entries, e).map(ack -> since(ack, e).compareTo(t2(ack)) >= 0).orElse(false), 1);
    }

    /** A REBINDING REQUEST: broadcast, or (where the link cannot show that) a renewal at or after T2. */
    private boolean rebinding(List<JournalEntry> entries, JournalEntry e) {
        RequestState state = Rfc2131Conformance.stateOf(e);
        return state == RequestState.REBINDING || state == RequestState.RENEWING
                && grantingAck(entries, e).map(ack -> since(ack, e).compareTo(t2(ack)) >= 0).orElse(false);
    }

    /** The last ACK the server sent before {@code request} granting the address the request names in ciaddr. */
    private Optional<JournalEntry> grantingAck(List<JournalEntry> entries, JournalEntry request) {
        Inet4Address ciaddr = request.message().get().ciaddr();
        if (ciaddr.isAnyLocalAddress()) {
            return Optional.empty();
        }
        JournalEntry found = null;
        for (JournalEntry entry : client.entries(entries)) {
            if (entry.sequence() >= request.sequence()) {
                break;
            }
            if (entry.isSent() && entry.is(MessageType.ACK)
                    && entry.message().get().yiaddr().equals(ciaddr)) {
                found = entry;
            }
        }
        return Optional.ofNullable(found);
    }

    private static Duration since(JournalEntry ack, JournalEntry request) {
        return Duration.between(ack.serverTime(), request.serverTime());
    }

    /**
     * The rebinding time (T2) the ACK gave: its option 59, else RFC 2131 §4.4.5's default of seven eighths of its
     * lease time (51), as the server and the test client compute it; zero when it carries neither.
     */
    private static Duration t2(JournalEntry ack) {
        DhcpMessage m = ack.message().get();
        return m.rebindingTime().orElseGet(() -> m.leaseTime().map(LeaseTimes::rebinding).orElse(Duration.ZERO));
    }

    private static String seconds(Duration duration) {
        return duration.getSeconds() + "s";
    }

    private DhcpClientAssert checkLease(String what, java.util.function.Predicate<Lease> wanted) {
        DhcpServer server = requireServer("hasLease(...)");
        check(() -> {
            List<Lease> leases = leases(server);
            if (leases.stream().anyMatch(wanted)) {
                return null;
            }
            return "Expecting " + client.describe() + " " + what + "\nbut "
                    + (leases.isEmpty() ? "the server has no lease for it\n" : "its leases are:\n"
                    + leaseLines(leases)) + clientTranscript();
        });
        return this;
    }

    private List<Lease> leases(DhcpServer server) {
        return server.leases().stream().filter(client::holds).collect(Collectors.toList());
    }

    private static String leaseLines(List<Lease> leases) {
        StringBuilder out = new StringBuilder();
        for (Lease lease : leases) {
            out.append("  ").append(lease).append('\n');
        }
        return out.toString();
    }

    private DhcpServer requireServer(String method) {
        return traffic.server().orElseThrow(() -> new IllegalStateException(method
                + " reads the server's lease table: use assertThat(server) rather than assertThat(journal)"));
    }

    private void check(java.util.function.Supplier<String> check) {
        isNotNull();
        waiter.check(check, failure -> failWithMessage("%s", failure));
    }

    private String clientTranscript() {
        return Report.transcript("Transcript of " + client.describe(), client.entries(traffic.entries()),
                traffic.journal());
    }

    private static String names(List<MessageType> types) {
        return types.stream().map(MessageType::name).collect(Collectors.joining(", ", "[", "]"));
    }

    private static List<String> typesList(List<JournalEntry> entries) {
        return entries.stream().map(e -> e.messageType().map(MessageType::name).orElse("BOOTP"))
                .collect(Collectors.toList());
    }

    private static String typesOf(List<JournalEntry> entries) {
        return typesList(entries).toString();
    }
}
