package dev.dhcpembedded.junit.assertions;

import dev.dhcpembedded.codec.DhcpMessage;
import dev.dhcpembedded.codec.DhcpOption;
import dev.dhcpembedded.codec.MacAddress;
import dev.dhcpembedded.codec.OptionCode;
import dev.dhcpembedded.journal.Journal;
import dev.dhcpembedded.journal.JournalEntry;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntPredicate;
import java.util.stream.Collectors;
import org.assertj.core.api.AbstractAssert;

/**
 * Assertions on the messages of one type that the server received (or sent). Each refinement narrows the set and
 * asserts at once that at least one message still matches; on failure the message closest to the expectation is
 * shown side by side with it, field by field, followed by the transcript.
 *
 * <pre>{@code
 * assertThat(server).awaiting().received(DISCOVER).from("02:00:00:00:00:42")
 *     .withParameterRequestList(SUBNET_MASK, ROUTER, DOMAIN_NAME_SERVER).withHostname("probe").once();
 * }</pre>
 */
public final class DhcpMessagesAssert extends AbstractAssert<DhcpMessagesAssert, Journal> {

    private final Traffic traffic;
    private final Waiter waiter;
    private final Direction direction;
    private final List<Criterion> criteria;

    DhcpMessagesAssert(Traffic traffic, Waiter waiter, Direction direction, List<Criterion> criteria) {
        super(traffic.journal(), DhcpMessagesAssert.class);
        this.traffic = traffic;
        this.waiter = waiter;
        this.direction = direction;
        this.criteria = new ArrayList<>(criteria);
    }

    // ---- refinements: each narrows the messages and asserts one still matches ----

    /** Sent by the client with this MAC (chaddr). */
    public DhcpMessagesAssert from(String mac) {
        return from(MacAddress.parse(mac));
    }

    public DhcpMessagesAssert from(MacAddress mac) {
        return refine(Criteria.from(mac));
    }

    /** Sent to the client with this MAC (chaddr): for {@code sent(OFFER)} and the like. */
    public DhcpMessagesAssert to(String mac) {
        return refine(Criteria.to(MacAddress.parse(mac)));
    }

    /** Option 55 contains every one of {@code codes} (in any order, among others). */
    public DhcpMessagesAssert withParameterRequestList(OptionCode... codes) {
        return refine(Criteria.parameterRequestListContaining(codes));
    }

    public DhcpMessagesAssert withParameterRequestList(int... codes) {
        OptionCode[] typed = new OptionCode[codes.length];
        for (int i = 0; i < codes.length; i++) {
            typed[i] = OptionCode.of(codes[i]);
        }
        return withParameterRequestList(typed);
    }

    /** Carries option {@code code}, whatever its value. */
    public DhcpMessagesAssert withOption(OptionCode code) {
        return refine(Criteria.option(code));
    }

    /**
     * Carries option {@code code} with this value, written as the transcript prints it: {@code "10.20.0.1"},
     * {@code "10.20.0.53,10.20.0.54"}, {@code "probe"} (text without quotes), {@code "600s"}, {@code "[1,3,6]"}, or
     * {@code "0x0104"} for other options.
     */
    public DhcpMessagesAssert withOption(OptionCode code, String value) {
        return refine(Criteria.option(code, value));
    }

    /** Carries option {@code code} with exactly these value bytes. */
    public DhcpMessagesAssert withOption(OptionCode code, byte[] value) {
        return refine(Criteria.option(code, value));
    }

    /** Carries exactly this option. */
    public DhcpMessagesAssert withOption(DhcpOption option) {
        return refine(Criteria.option(option));
    }

    public DhcpMessagesAssert withoutOption(OptionCode code) {
        return refine(Criteria.noOption(code));
    }

    /** Option 12. */
    public DhcpMessagesAssert withHostname(String hostname) {
        return refine(Criteria.hostname(hostname));
    }

    /** Option 60. */
    public DhcpMessagesAssert withVendorClass(String vendorClass) {
        return refine(Criteria.vendorClass(vendorClass));
    }

    /** Option 61, type byte first. */
    public DhcpMessagesAssert withClientId(byte[] clientId) {
        return refine(Criteria.clientId(clientId));
    }

    /** Option 61 of type 1 (Ethernet) and this MAC. */
    public DhcpMessagesAssert withClientId(MacAddress mac) {
        byte[] address = mac.bytes();
        byte[] id = new byte[address.length + 1];
        id[0] = 1;
        System.arraycopy(address, 0, id, 1, address.length);
        return withClientId(id);
    }

    /** Option 50. */
    public DhcpMessagesAssert withRequestedIpAddress(String address) {
        return refine(Criteria.requestedIpAddress(address));
    }

    /** Option 54. */
    public DhcpMessagesAssert withServerIdentifier(String address) {
        return refine(Criteria.serverIdentifier(address));
    }

    public DhcpMessagesAssert withCiaddr(String address) {
        return refine(Criteria.ciaddr(address));
    }

    public DhcpMessagesAssert withYiaddr(String address) {
        return refine(Criteria.yiaddr(address));
    }

    public DhcpMessagesAssert withBroadcastFlag(boolean set) {
        return refine(Criteria.broadcastFlag(set));
    }

    public DhcpMessagesAssert withXid(int xid) {
        return refine(Criteria.xid(xid));
    }

    // ---- counts ----

    /** Exactly {@code count} messages match (retransmissions count). */
    public DhcpMessagesAssert times(int count) {
        if (count < 0) {
            throw new IllegalArgumentException("a count is at least 0, got " + count);
        }
        return verify(n -> n == count, "exactly " + Report.plural(count, "message", "messages"));
    }

    public DhcpMessagesAssert once() {
        return times(1);
    }

    public DhcpMessagesAssert atLeast(int count) {
        return verifyAtLeast(count);
    }

    public DhcpMessagesAssert atMost(int count) {
        return verify(n -> n <= count, "at most " + Report.plural(count, "message", "messages"));
    }

    // ---- getting at the messages ----

    /** The messages that match now, oldest first. */
    public List<DhcpMessage> messages() {
        return matching(traffic.entries()).stream().map(e -> e.message().get()).collect(Collectors.toList());
    }

    /** Assertions on the first message that matches. */
    public DhcpMessageAssert first() {
        return new DhcpMessageAssert(messages().get(0));
    }

    /** Assertions on the newest message that matches. */
    public DhcpMessageAssert last() {
        List<DhcpMessage> all = messages();
        return new DhcpMessageAssert(all.get(all.size() - 1));
    }

    // ---- how it checks ----

    private DhcpMessagesAssert refine(Criterion criterion) {
        criteria.add(criterion);
        return verifyAtLeast(1);
    }

    DhcpMessagesAssert verifyAtLeast(int count) {
        return verify(n -> n >= count, "at least " + Report.plural(count, "message", "messages"));
    }

    private DhcpMessagesAssert verify(IntPredicate countOk, String quantity) {
        waiter.check(() -> check(countOk, quantity), failure -> failWithMessage("%s", failure));
        return this;
    }

    private List<JournalEntry> matching(List<JournalEntry> entries) {
        return direction.filter(entries, criteria);
    }

    private String check(IntPredicate countOk, String quantity) {
        List<JournalEntry> entries = traffic.entries();
        return Report.countFailure(traffic, direction, entries, direction.candidates(entries), criteria, countOk,
                quantity);
    }
}
