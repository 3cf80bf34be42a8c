package dev.dhcpembedded.junit.assertions;

import dev.dhcpembedded.codec.MacAddress;
import dev.dhcpembedded.codec.MessageType;
import dev.dhcpembedded.codec6.Dhcp6MessageType;
import dev.dhcpembedded.codec6.Duid;
import dev.dhcpembedded.journal.JournalEntry;
import java.time.Duration;
import java.util.List;
import org.assertj.core.api.AbstractAssert;

/**
 * Assertions on the traffic a server saw: what it received and sent, and how each client behaved. Call
 * {@link #awaiting()} or {@link #awaitingAtMost(Duration)} first to wait for asynchronous clients instead of sleeping.
 */
public abstract class AbstractTrafficAssert<SELF extends AbstractTrafficAssert<SELF, ACTUAL>, ACTUAL>
        extends AbstractAssert<SELF, ACTUAL> {

    private Waiter waiter = Waiter.now();

    protected AbstractTrafficAssert(ACTUAL actual, Class<?> selfType) {
        super(actual, selfType);
    }

    abstract Traffic traffic();

    /**
     * Every assertion after this one waits (polling, with Awaitility) up to {@code timeout} for the traffic to meet
     * it, then fails with what was awaited and what arrived instead.
     */
    public SELF awaitingAtMost(Duration timeout) {
        isNotNull();
        this.waiter = Waiter.atMost(timeout);
        return myself;
    }

    /** {@link #awaitingAtMost(Duration)} with 5 seconds. */
    public SELF awaiting() {
        return awaitingAtMost(Waiter.DEFAULT_TIMEOUT);
    }

    Waiter waiter() {
        return waiter;
    }

    /** Asserts that at least one {@code type} arrived; refine with {@code .from(mac)}, {@code .times(n)} and more. */
    public DhcpMessagesAssert received(MessageType type) {
        isNotNull();
        return new DhcpMessagesAssert(traffic(), waiter, Direction.RECEIVED, List.of(Criteria.type(type)))
                .describedAs(info.description()).verifyAtLeast(1);
    }

    /** Asserts that the server sent at least one {@code type}; refine with {@code .to(mac)} and more. */
    public DhcpMessagesAssert sent(MessageType type) {
        isNotNull();
        return new DhcpMessagesAssert(traffic(), waiter, Direction.SENT, List.of(Criteria.type(type)))
                .describedAs(info.description()).verifyAtLeast(1);
    }

    /**
     * Asserts that at least one DHCPv6 {@code type} arrived (a relayed one counts by the message inside); refine
     * with {@code .fromDuid(duid)}, {@code .withIaNa()}, {@code .times(n)} and more.
     */
    public Dhcp6MessagesAssert received(Dhcp6MessageType type) {
        isNotNull();
        return new Dhcp6MessagesAssert(traffic(), waiter, true, type).describedAs(info.description())
                .verifyAtLeast(1);
    }

    /** Asserts that the server sent at least one DHCPv6 {@code type}. */
    public Dhcp6MessagesAssert sent(Dhcp6MessageType type) {
        isNotNull();
        return new Dhcp6MessagesAssert(traffic(), waiter, false, type).describedAs(info.description())
                .verifyAtLeast(1);
    }

    /** Assertions on the DHCPv6 client with this DUID: what it sent, and its addresses and delegated prefixes. */
    public Dhcp6ClientAssert client(Duid duid) {
        isNotNull();
        return new Dhcp6ClientAssert(traffic(), waiter, duid).describedAs(info.description());
    }

    /** Asserts that no {@code type} arrived (so far: awaiting makes no sense here and is ignored). */
    public SELF hasNotReceived(MessageType type) {
        isNotNull();
        List<JournalEntry> entries = traffic().entries();
        List<JournalEntry> found = Direction.RECEIVED.filter(entries, List.of(Criteria.type(type)));
        if (!found.isEmpty()) {
            failWithMessage("%s", "Expecting " + traffic().subject() + " to have received no " + type.name()
                    + "\nbut it received " + found.size() + ": " + refs(found) + "\n"
                    + Report.transcript("Transcript", entries, traffic().journal()));
        }
        return myself;
    }

    /** Assertions on what the client with this MAC (chaddr) sent, and on its lease. */
    public DhcpClientAssert client(String mac) {
        return client(MacAddress.parse(mac));
    }

    public DhcpClientAssert client(MacAddress mac) {
        isNotNull();
        return new DhcpClientAssert(traffic(), waiter, ClientRef.ofMac(mac)).describedAs(info.description());
    }

    /** Assertions on the client that sends client identifier (61) {@code clientId}, type byte first. */
    public DhcpClientAssert clientWithId(byte[] clientId) {
        isNotNull();
        return new DhcpClientAssert(traffic(), waiter, ClientRef.ofClientId(clientId))
                .describedAs(info.description());
    }

    static String refs(List<JournalEntry> entries) {
        StringBuilder out = new StringBuilder();
        for (JournalEntry entry : entries) {
            if (out.length() > 0) {
                out.append(", ");
            }
            out.append(Report.ref(entry));
        }
        return out.toString();
    }
}
