package dev.dhcpembedded.stub;

import static dev.dhcpembedded.codec.MessageType.ACK;
import static dev.dhcpembedded.codec.MessageType.DISCOVER;
import static dev.dhcpembedded.codec.MessageType.NAK;
import static dev.dhcpembedded.codec.MessageType.OFFER;
import static dev.dhcpembedded.codec.MessageType.REQUEST;
import static dev.dhcpembedded.stub.RequestMatcher.onDiscover;
import static dev.dhcpembedded.stub.RequestMatcher.onRequest;
import static dev.dhcpembedded.stub.Responses.ack;
import static dev.dhcpembedded.stub.Responses.nak;
import static dev.dhcpembedded.stub.Responses.offer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dhcpembedded.codec.DhcpMessage;
import dev.dhcpembedded.journal.JournalEntry;
import dev.dhcpembedded.server.StubQueue;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 23, item 2: an ordered rule queue (only the head answers, it leaves once it has answered, a strict queue
 * drops anything else) and a server that answers nothing unscripted.
 */
class StubQueueTest {

    final ScriptedWire wire = new ScriptedWire();

    @AfterEach
    void stop() {
        wire.close();
    }

    private JournalEntry lastReceived() {
        List<JournalEntry> received = wire.server.journal().received();
        return received.get(received.size() - 1);
    }

    @Test
    void aStrictQueueAnswersWithItsHeadOnlyAndDropsTheRest() {
        StubQueue<Stub> rules = wire.server.v4().strictQueue(
                onDiscover().respond(offer().address("10.20.0.150")),
                onRequest().respond(nak("taken").then(ack())));

        assertThat(wire.send(ScriptedWire.selecting(1, "10.20.0.150"))).as("not the head: dropped").isEmpty();
        assertThat(lastReceived().note()).isEqualTo("dropped by the strict stub queue: its head, rule 1 of 2 (stub #1"
                + " (DISCOVER -> offer 10.20.0.150)), does not match");
        assertThat(wire.send(ScriptedWire.discover(1))).extracting(DhcpMessage::yiaddr)
                .extracting(a -> a.getHostAddress()).containsExactly("10.20.0.150");
        assertThat(rules.isConsumed()).isFalse();
        assertThat(rules.remaining()).containsExactly(rules.rules().get(1));
        assertThat(wire.send(ScriptedWire.discover(2))).as("the DISCOVER rule fired already").isEmpty();

        assertThat(wire.send(ScriptedWire.selecting(1, "10.20.0.150"))).extracting(m -> m.messageType().get())
                .containsExactly(NAK, ACK);
        assertThat(rules.isConsumed()).isTrue();
        assertThat(rules.remaining()).isEmpty();
        assertThat(rules).hasToString("strict DHCPv4 stub queue, consumed");
        assertThat(wire.server.unmatchedRequests()).as("the dropped requests").hasSize(2);

        assertThat(wire.send(ScriptedWire.discover(3))).as("consumed: the engine answers again")
                .extracting(m -> m.messageType().get()).containsExactly(OFFER);
    }

    @Test
    void aLenientQueueOrdersItsRulesWithoutPrioritiesAndLetsTheEngineAnswerTheRest() {
        StubQueue<Stub> rules = wire.server.v4().queue(onRequest().respond(nak("first")),
                onRequest().respond(ack()));

        String offered = wire.send(ScriptedWire.discover(1)).get(0).yiaddr().getHostAddress();
        assertThat(lastReceived().note()).doesNotContain("stub");
        assertThat(wire.send(ScriptedWire.selecting(1, offered))).extracting(m -> m.messageType().get())
                .containsExactly(NAK);
        assertThat(rules).hasToString("DHCPv4 stub queue, 1 of 2 rules left: [REQUEST -> ack]");
        assertThat(wire.send(ScriptedWire.selecting(1, offered))).extracting(m -> m.messageType().get())
                .containsExactly(ACK);
        assertThat(rules.isConsumed()).isTrue();
    }

    @Test
    void theHeadAnswersBeforeAnyOtherStubWhateverItsPriority() {
        wire.server.stub(onDiscover().respond(Responses.ignore()).atPriority(100));
        wire.server.v4().queue(onDiscover().respond(offer().address("10.20.0.150")));

        assertThat(wire.send(ScriptedWire.discover(1))).hasSize(1);
        assertThat(wire.send(ScriptedWire.discover(2))).as("consumed: the other stub again").isEmpty();
    }

    @Test
    void aRuleWithACountStaysTheHeadUntilItIsUsedUp() {
        StubQueue<Stub> rules = wire.server.v4().strictQueue(onDiscover().respond(offer()).times(2),
                onRequest().respond(ack()));

        assertThat(wire.send(ScriptedWire.discover(1))).hasSize(1);
        assertThat(rules.remaining()).hasSize(2);
        assertThat(wire.send(ScriptedWire.discover(2))).hasSize(1);
        assertThat(rules.remaining()).hasSize(1);
    }

    @Test
    void oneQueueOfAFamilyRunsAtATime() {
        wire.server.v4().strictQueue(onDiscover().respond(offer()));

        assertThatThrownBy(() -> wire.server.v4().queue(onRequest().respond(ack())))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("a DHCPv4 stub queue has rules left ([DISCOVER -> offer]); one queue");
        wire.server.resetStubs();
        assertThat(wire.server.v4().queue(onRequest().respond(ack())).remaining()).hasSize(1);
        assertThatThrownBy(() -> wire.server.v4().queue()).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aQueueWithARuleRegisteredAlreadyIsRefusedWhole() {
        Stub registered = wire.server.stub(onRequest().respond(ack()));
        Stub fresh = onDiscover().respond(offer());

        assertThatThrownBy(() -> wire.server.v4().strictQueue(fresh, registered))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("is registered already");
        assertThat(wire.server.stubs()).containsExactly(registered);
        assertThatThrownBy(() -> wire.server.v4().queue(fresh, fresh)).hasMessageContaining("twice in the queue");
    }

    @Test
    void aRemovedRuleLeavesTheQueue() {
        Stub first = onDiscover().respond(offer());
        StubQueue<Stub> rules = wire.server.v4().strictQueue(first, onRequest().respond(ack()));

        wire.server.removeStub(first);

        assertThat(rules.remaining()).extracting(Stub::toString).containsExactly("REQUEST -> ack");
    }

    @Test
    void dropUnscriptedAnswersNothingNoStubScripts() {
        wire.server.v4().dropUnscripted(true);
        assertThat(wire.send(ScriptedWire.discover(1))).isEmpty();
        assertThat(lastReceived().note()).isEqualTo("dropped: no stub answers it, and DHCPv4 answers only what stubs"
                + " script (dropUnscripted)");

        wire.server.stub(onDiscover().respond(offer()));
        assertThat(wire.send(ScriptedWire.discover(2))).hasSize(1);
        assertThat(wire.send(ScriptedWire.selecting(2, "10.20.0.100"))).isEmpty();
        assertThat(wire.server.unmatchedRequests()).extracting(e -> e.messageType().get())
                .containsExactly(DISCOVER, REQUEST);

        wire.server.v4().dropUnscripted(false);
        assertThat(wire.send(ScriptedWire.selecting(2, "10.20.0.100"))).hasSize(1);
    }

    @Test
    void resetStubsEndsDropUnscripted() {
        wire.server.v4().dropUnscripted(true);
        wire.server.resetStubs();

        assertThat(wire.send(ScriptedWire.discover(1))).hasSize(1);
    }
}
