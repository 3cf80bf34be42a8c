package dev.dhcpembedded.stub;

import static dev.dhcpembedded.codec.MessageType.ACK;
import static dev.dhcpembedded.codec.MessageType.NAK;
import static dev.dhcpembedded.stub.RequestMatcher.onRequest;
import static dev.dhcpembedded.stub.Responses.ack;
import static dev.dhcpembedded.stub.Responses.ignore;
import static dev.dhcpembedded.stub.Responses.nak;
import static org.assertj.core.api.Assertions.assertThat;

import dev.dhcpembedded.codec.DhcpMessage;
import dev.dhcpembedded.codec.DhcpOptions;
import dev.dhcpembedded.codec.MessageType;
import dev.dhcpembedded.codec.OptionCode;
import dev.dhcpembedded.journal.JournalEntry;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Issue 23, item 1: two different replies to one REQUEST, in either order (ChromiumOS's RejectAndRespondToRequest). */
class ReplySequenceTest {

    final ScriptedWire wire = new ScriptedWire();

    @AfterEach
    void stop() {
        wire.close();
    }

    private List<MessageType> typesOf(List<DhcpMessage> replies) {
        return replies.stream().map(m -> m.messageType().orElseThrow()).toList();
    }

    @Test
    void nakThenAckSendsBothInThatOrderAndTheAckBindsTheLease() {
        wire.server.stub(onRequest().respond(nak("taken").then(ack())));
        String offered = wire.send(ScriptedWire.discover(1)).get(0).yiaddr().getHostAddress();

        List<DhcpMessage> replies = wire.send(ScriptedWire.selecting(1, offered));

        assertThat(typesOf(replies)).containsExactly(NAK, ACK);
        assertThat(replies.get(0).message()).contains("taken");
        assertThat(replies.get(1).yiaddr().getHostAddress()).isEqualTo(offered);
        assertThat(wire.server.lease(offered)).isPresent();
        assertThat(wire.server.journal().sent()).extracting(e -> e.messageType().orElseThrow())
                .containsSubsequence(NAK, ACK);
    }

    @Test
    void ackThenNakSendsBothInThatOrder() {
        wire.server.stub(onRequest().respond(ack().then(nak("taken"))));
        String offered = wire.send(ScriptedWire.discover(1)).get(0).yiaddr().getHostAddress();

        assertThat(typesOf(wire.send(ScriptedWire.selecting(1, offered)))).containsExactly(ACK, NAK);
    }

    @Test
    void eachPartKeepsItsOwnModifiersAndTheSequencesApplyToEvery() {
        wire.server.stub(onRequest().respond(nak("taken").then(ack().withOption(DhcpOptions.interfaceMtu(1400)))
                .withOption(DhcpOptions.message("both"))));
        String offered = wire.send(ScriptedWire.discover(1)).get(0).yiaddr().getHostAddress();

        List<DhcpMessage> replies = wire.send(ScriptedWire.selecting(1, offered));

        assertThat(replies.get(0).hasOption(OptionCode.INTERFACE_MTU)).isFalse();
        assertThat(replies.get(1).option(OptionCode.INTERFACE_MTU).orElseThrow().asUint16()).isEqualTo(1400);
        assertThat(replies).allSatisfy(r -> assertThat(r.message()).contains("both"));
    }

    @Test
    void chainsOfThreeAndIgnoredPartsSendWhatTheyScript() {
        wire.server.stub(onRequest().respond(nak("one").then(ignore()).then(ack()).then(nak("three"))));
        String offered = wire.send(ScriptedWire.discover(1)).get(0).yiaddr().getHostAddress();

        assertThat(typesOf(wire.send(ScriptedWire.selecting(1, offered)))).containsExactly(NAK, ACK, NAK);
    }

    @Test
    void aDelayedPartGoesOutWhenItsDelayHasPassed() {
        wire.server.stub(onRequest().respond(ack().delayOnServerClock(Duration.ofSeconds(2)).then(nak("first"))));
        String offered = wire.send(ScriptedWire.discover(1)).get(0).yiaddr().getHostAddress();

        assertThat(typesOf(wire.send(ScriptedWire.selecting(1, offered)))).containsExactly(NAK);
        wire.clock.advance(Duration.ofSeconds(2));
        assertThat(wire.server.journal().sent(ACK)).hasSize(1);
    }

    @Test
    void theJournalNamesTheSequenceAndEachPart() {
        Stub stub = onRequest().respond(nak("taken").then(ack()));
        wire.server.stub(stub);
        String offered = wire.send(ScriptedWire.discover(1)).get(0).yiaddr().getHostAddress();
        wire.send(ScriptedWire.selecting(1, offered));

        assertThat(stub.toString()).isEqualTo("REQUEST -> (nak \"taken\") then (ack)");
        List<JournalEntry> sent = wire.server.journal().sent();
        assertThat(sent.get(sent.size() - 2).note()).contains("part 1 of 2");
        assertThat(sent.get(sent.size() - 1).note()).contains("part 2 of 2");
    }
}
