package dev.dhcpembedded.junit.assertions;

import dev.dhcpembedded.codec6.Dhcp6Message;
import dev.dhcpembedded.codec6.Dhcp6OptionCode;
import dev.dhcpembedded.codec6.Dhcp6MessageType;
import dev.dhcpembedded.codec6.Duid;
import dev.dhcpembedded.codec6.StatusCode;
import dev.dhcpembedded.journal.Journal;
import dev.dhcpembedded.journal.JournalEntry;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.IntPredicate;
import org.assertj.core.api.AbstractAssert;

/**
 * Assertions on the DHCPv6 messages of one type that the server received (or sent); relayed messages count by the
 * message inside their relay layers. Each refinement narrows the set and asserts at once that at least one message
 * still matches; on failure the message closest to the expectation is shown side by side with it, field by field,
 * followed by the transcript, as for DHCPv4.
 *
 * <pre>{@code
 * assertThat(server).awaiting().received(Dhcp6MessageType.SOLICIT).fromDuid(duid).withIaNa().withOro(23, 24);
 * }</pre>
 */
public final class Dhcp6MessagesAssert extends AbstractAssert<Dhcp6MessagesAssert, Journal> {

    private final Traffic traffic;
    private final Waiter waiter;
    private final Direction direction;
    private final List<Criterion> criteria = new ArrayList<>();

    Dhcp6MessagesAssert(Traffic traffic, Waiter waiter, boolean received, Dhcp6MessageType type) {
        super(traffic.journal(), Dhcp6MessagesAssert.class);
        this.traffic = traffic;
        this.waiter = waiter;
        this.direction = received ? Direction.RECEIVED : Direction.SENT;
        this.criteria.add(Criteria6.type(type));
    }

    /** Sent by the client with this DUID (option 1). */
    public Dhcp6MessagesAssert fromDuid(Duid duid) {
        return refine(Criteria6.clientId("from", duid));
    }

    /** Sent to the client with this DUID (option 1): for {@code sent(ADVERTISE)} and the like. */
    public Dhcp6MessagesAssert toDuid(Duid duid) {
        return refine(Criteria6.clientId("to", duid));
    }

    /** Carries the server identifier (2) {@code duid}. */
    public Dhcp6MessagesAssert withServerId(Duid duid) {
        return refine(Criteria6.serverId(duid));
    }

    /** Carries an IA_NA (with {@code iaid}, when given). */
    public Dhcp6MessagesAssert withIaNa(long... iaid) {
        return refine(Criteria6.iaNa(iaid));
    }

    /** Carries an IA_PD (with {@code iaid}, when given). */
    public Dhcp6MessagesAssert withIaPd(long... iaid) {
        return refine(Criteria6.iaPd(iaid));
    }

    /** An IA_NA holds {@code address}, e.g. {@code 2001:db8:1::100}. */
    public Dhcp6MessagesAssert withIaNaAddress(String address) {
        return refine(Criteria6.iaNaAddress(address));
    }

    /** An IA_PD holds {@code prefix}, e.g. {@code 2001:db8:100::/56}. */
    public Dhcp6MessagesAssert withIaPdPrefix(String prefix) {
        return refine(Criteria6.iaPdPrefix(prefix));
    }

    /** The message-level status code (13) is {@code code}, e.g. {@code StatusCode.NO_ADDRS_AVAIL}. */
    public Dhcp6MessagesAssert withStatusCode(StatusCode.Code code) {
        return refine(Criteria6.statusCode(code));
    }

    /** The option request option (6) contains every one of {@code codes}. */
    public Dhcp6MessagesAssert withOro(Dhcp6OptionCode... codes) {
        return refine(Criteria6.oro(List.of(codes)));
    }

    /** The option request option (6) contains every one of the option numbers {@code codes}. */
    public Dhcp6MessagesAssert withOro(int... codes) {
        return withOro(Arrays.stream(codes).mapToObj(Dhcp6OptionCode::of).toArray(Dhcp6OptionCode[]::new));
    }

    /** Carries option {@code code}. */
    public Dhcp6MessagesAssert withOption(Dhcp6OptionCode code) {
        return refine(Criteria6.option(code));
    }

    /** Carries no option {@code code}. */
    public Dhcp6MessagesAssert withoutOption(Dhcp6OptionCode code) {
        return refine(Criteria6.noOption(code));
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
        return refine(Criteria6.xid(xid));
    }

    /** Exactly {@code count} messages match. */
    public Dhcp6MessagesAssert times(int count) {
        if (count < 0) {
            throw new IllegalArgumentException("a count is at least 0, got " + count);
        }
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

    /** Assertions on the first message that matches (inside any relay layers). */
    public Dhcp6MessageAssert first() {
        return new Dhcp6MessageAssert(messages().get(0));
    }

    /** Assertions on the newest message that matches (inside any relay layers). */
    public Dhcp6MessageAssert last() {
        List<Dhcp6Message> all = messages();
        return new Dhcp6MessageAssert(all.get(all.size() - 1));
    }

    private Dhcp6MessagesAssert refine(Criterion criterion) {
        criteria.add(criterion);
        return verifyAtLeast(1);
    }

    Dhcp6MessagesAssert verifyAtLeast(int count) {
        return verify(n -> n >= count, "at least " + Report.plural(count, "message", "messages"));
    }

    private Dhcp6MessagesAssert verify(IntPredicate countOk, String quantity) {
        isNotNull();
        waiter.check(() -> {
            List<JournalEntry> entries = traffic.entries();
            return Report.countFailure(traffic, direction, entries, direction.candidates6(entries), criteria,
                    countOk, quantity);
        }, failure -> failWithMessage("%s", failure));
        return myself;
    }

    private List<JournalEntry> matching(List<JournalEntry> entries) {
        List<JournalEntry> out = new ArrayList<>();
        for (JournalEntry e : direction.candidates6(entries)) {
            if (criteria.stream().allMatch(c -> c.matches(e))) {
                out.add(e);
            }
        }
        return out;
    }
}
