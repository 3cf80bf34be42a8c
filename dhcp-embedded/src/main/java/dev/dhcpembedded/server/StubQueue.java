package dev.dhcpembedded.server;

import dev.dhcpembedded.internal.runtime.StubRegistry;
import java.util.List;

/**
 * An ordered queue of stubs registered with {@link ServerV4#queue} or {@link ServerV4#strictQueue} (DHCPv4) or
 * the same methods of {@link ServerV6} (DHCPv6): only its head rule may answer, and it leaves the queue once it has
 * answered (once, or {@code times(n)} when the stub says so). A strict queue drops whatever its head does not match,
 * and the journal says so: the model of client test suites such as ChromiumOS's "handling rules". The test passes
 * when the last rule has fired:
 *
 * <pre>{@code
 * StubQueue<Stub> rules = server.v4().strictQueue(
 *         onDiscover().respond(offer()),
 *         onRequest().respond(nak("taken").then(ack())));
 * // ... the client runs ...
 * await().until(rules::isConsumed);
 * assertThat(rules.remaining()).isEmpty();
 * }</pre>
 *
 * A live view of the server's state: once consumed, the queue no longer applies and the server answers as it did
 * before (its other stubs, then its lease engine, unless {@code dropUnscripted(true)}). {@code resetStubs()} and
 * {@code reset()} remove it.
 *
 * @param <S> {@link dev.dhcpembedded.stub.Stub} or {@link dev.dhcpembedded.stub6.Stub6}
 */
public final class StubQueue<S> {

    private final StubRegistry.Queue queue;
    private final Class<S> family;
    private final String name;

    StubQueue(StubRegistry.Queue queue, Class<S> family, String name) {
        this.queue = queue;
        this.family = family;
        this.name = name;
    }

    /** {@return every rule, in queue order} */
    public List<S> rules() {
        return queue.rules(family);
    }

    /** {@return the rules that have not fired yet, the head first; empty once the queue is consumed} */
    public List<S> remaining() {
        return queue.remaining(family);
    }

    /** {@return whether every rule has fired (the last one included), or was removed} */
    public boolean isConsumed() {
        return queue.consumed();
    }

    /** {@return whether requests the head does not match are dropped (else others answer them)} */
    public boolean isStrict() {
        return queue.strict();
    }

    /** For example {@code strict DHCPv4 stub queue, 1 of 2 rules left: [REQUEST -> ack]}. */
    @Override
    public String toString() {
        List<S> left = remaining();
        return (isStrict() ? "strict " : "") + name + " stub queue, " + (left.isEmpty() ? "consumed"
                : left.size() + " of " + rules().size() + " rules left: " + left);
    }
}
