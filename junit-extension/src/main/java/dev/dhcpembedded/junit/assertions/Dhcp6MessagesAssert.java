package dev.dhcpembedded.junit.assertions;

import dev.dhcpembedded.codec6.Dhcp6Message;
import dev.dhcpembedded.codec6.Dhcp6OptionCode;
import dev.dhcpembedded.codec6.Dhcp6MessageType;
import dev.dhcpembedded.codec6.Duid;
import dev.dhcpembedded.journal.Journal;
import dev.dhcpembedded.journal.JournalEntry;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.IntPredicate;
import java.util.function.Predicate;
import org.assertj.core.api.AbstractAssert;

/**
 * Assertions on the DHCPv6 messages of one type that the server received (or sent); relayed messages count by the
 * message inside their relay layers. Each refinement narrows the set and asserts at once that at least one message
 * still matches; on failure the transcript follows.
 *
 * <pre>{@code
 * assertThat(server).awaiting().received(Dhcp6MessageType.SOLICIT).fromDuid(duid).withIaNa().withOro(23, 24);
 * }</pre>
 */
public final class Dhcp6MessagesAssert extends AbstractAssert<Dhcp6MessagesAssert, Journal> {

    private record Condition(String phrase, Predicate<Dhcp6Message> test) {
    }

    private final Traffic traffic;
    private final Waiter waiter;
    private final boolean received;
    private final Dhcp6MessageType type;
    private final List<Condition> conditions = new ArrayList<>();

    Dhcp6MessagesAssert(Traffic traffic, Waiter waiter, boolean received, Dhcp6MessageType type) {
        super(traffic.journal(), Dhcp6MessagesAssert.class);
        this.traffic = traffic;
        this.waiter = waiter;
        this.received = received;
        this.type = type;
    }

    /** Sent by (or, for sent messages, to) the client with this DUID (option 1). */
    public Dhcp6MessagesAssert fromDuid(Duid duid) {
        return refine("client DUID " + duid, m -> m.clientId().map(duid::equals).orElse(false));
    }

    /** {@link #fromDuid(Duid)}, for messages the server sent. */
    public Dhcp6MessagesAssert toDuid(Duid duid) {
        return fromDuid(duid);
    }

    /** Carries an IA_NA (with {@code iaid}, when given). */
    public Dhcp6MessagesAssert withIaNa(long... iaid) {
        return refine("an IA_NA" + (iaid.length > 0 ? " with IAID " + iaid[0] : ""), m -> m.iaNa().stream()
                .anyMatch(ia -> iaid.length == 0 || ia.iaid() == iaid[0]));
    }

    /** Carries an IA_PD (with {@code iaid}, when given). */
    public Dhcp6MessagesAssert withIaPd(long... iaid) {
        return refine("an IA_PD" + (iaid.length > 0 ? " with IAID " + iaid[0] : ""), m -> m.iaPd().stream()
                .anyMatch(ia -> iaid.length == 0 || ia.iaid() == iaid[0]));
    }

    /** The option request option (6) contains every one of {@code codes}. */
    public Dhcp6MessagesAssert withOro(Dhcp6OptionCode... codes) {
        List<Dhcp6OptionCode> wanted = List.of(codes);
        return refine("an ORO containing " + wanted, m -> m.oro().containsAll(wanted));
    }

    /** The option request option (6) contains every one of the option numbers {@code codes}. */
    public Dhcp6MessagesAssert withOro(int... codes) {
        return withOro(Arrays.stream(codes).mapToObj(Dhcp6OptionCode::of).toArray(Dhcp6OptionCode[]::new));
    }

    /** Carries option {@code code}. */
    public Dhcp6MessagesAssert withOption(Dhcp6OptionCode code) {
        return refine("option " + code, m -> m.hasOption(code));
    }

    /** Carries no option {@code code}. */
    public Dhcp6MessagesAssert withoutOption(Dhcp6OptionCode code) {
        return refine("no option " + code, m -> !m.hasOption(code));
    }

    /** Carries the elapsed time option (8). */
    public Dhcp6MessagesAssert withElapsedTime() {
        return withOption(Dhcp6OptionCode.ELAPSED_TIME);
    }

    /** Carries rapid commit (14). */
    public Dhcp6MessagesAssert withRapidCommit() {
        return withOption(Dhcp6OptionCode.RAPID_COMMIT);
    }

    /** Carries the transaction id {@code xid}. */
    public Dhcp6MessagesAssert withXid(int xid) {
        return refine(String.format("transaction id 0x%06x", xid), m -> m.transactionId() == xid);
    }

    /** Exactly {@code count} messages match. */
    public Dhcp6MessagesAssert times(int count) {
        return verify(n -> n == count, "exactly " + Report.plural(count, "message", "messages"));
    }

    public Dhcp6MessagesAssert once() {
        return times(1);
    }

    public Dhcp6MessagesAssert atLeast(int count) {
        return verifyAtLeast(count);
    }

    /** The messages that match now (the client's message, inside any relay layers), oldest first. */
    public List<Dhcp6Message> messages() {
        return matching(traffic.entries()).stream().map(e -> e.message6().orElseThrow().innermost()).toList();
    }

    private Dhcp6MessagesAssert refine(String phrase, Predicate<Dhcp6Message> test) {
        conditions.add(new Condition(phrase, test));
        return verifyAtLeast(1);
    }

    Dhcp6MessagesAssert verifyAtLeast(int count) {
        return verify(n -> n >= count, "at least " + Report.plural(count, "message", "messages"));
    }

    private Dhcp6MessagesAssert verify(IntPredicate countOk, String quantity) {
        isNotNull();
        waiter.check(() -> {
            List<JournalEntry> entries = traffic.entries();
            int found = matching(entries).size();
            if (countOk.test(found)) {
                return null;
            }
            StringBuilder what = new StringBuilder(type.rfcName());
            conditions.forEach(c -> what.append(", ").append(c.phrase()));
            return "Expecting " + traffic.subject() + " to have " + (received ? "received " : "sent ") + quantity
                    + ": " + what + "\nbut found " + found + "\n"
                    + Report.transcript("Transcript", entries, traffic.journal());
        }, failure -> failWithMessage("%s", failure));
        return myself;
    }

    private List<JournalEntry> matching(List<JournalEntry> entries) {
        List<JournalEntry> out = new ArrayList<>();
        for (JournalEntry e : entries) {
            if (!e.isV6() || (received ? !e.isReceived() : !e.isSent()) || !e.is(type)) {
                continue;
            }
            Dhcp6Message m = e.message6().orElseThrow().innermost();
            if (conditions.stream().allMatch(c -> c.test().test(m))) {
                out.add(e);
            }
        }
        return out;
    }
}
