package dev.dhcpembedded.stub;

import static dev.dhcpembedded.codec.MessageType.ACK;
import static dev.dhcpembedded.codec.MessageType.NAK;
import static dev.dhcpembedded.codec.RequestState.RENEWING;
import static dev.dhcpembedded.stub.RequestMatcher.onRequest;
import static dev.dhcpembedded.stub.Responses.ack;
import static dev.dhcpembedded.stub.Responses.nak;
import static org.assertj.core.api.Assertions.assertThat;

import dev.dhcpembedded.client.ClientLease;
import dev.dhcpembedded.client.DhcpTestClient;
import dev.dhcpembedded.journal.JournalEntry;
import dev.dhcpembedded.server.DhcpServer;
import dev.dhcpembedded.transport.Datagram;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 23, item 5: a stub chooses where its reply goes ({@code broadcast()}, {@code unicastTo(...)},
 * {@code unicastToClientAddress()}), overriding RFC 2131 §4.1; the journal and the transport show where it went.
 */
class ReplyDestinationTest {

    final ScriptedWire wire = new ScriptedWire();

    @AfterEach
    void stop() {
        wire.close();
    }

    private static String to(InetSocketAddress end) {
        return end.getAddress().getHostAddress() + ":" + end.getPort();
    }

    /** Where the last reply went, as the journal shows it and as the transport sent it. */
    private List<String> lastReplyWent() {
        List<JournalEntry> sent = wire.server.journal().sent();
        List<Datagram> datagrams = wire.memory.sent();
        return List.of(to(sent.get(sent.size() - 1).destination()),
                to(datagrams.get(datagrams.size() - 1).destination()));
    }

    @Test
    void rfc2131BroadcastsANakToARenewalAndUnicastToClientAddressSendsItToTheClient() {
        String address = wire.dora();
        wire.server.stub(onRequest().inState(RENEWING).respond(nak("moved")).once());
        wire.send(ScriptedWire.renewing(2, address));
        assertThat(lastReplyWent()).as("RFC 2131 §4.1").containsOnly("255.255.255.255:68");

        wire.server.stub(onRequest().inState(RENEWING).respond(nak("moved").unicastToClientAddress()).once());
        assertThat(wire.send(ScriptedWire.renewing(3, address))).extracting(m -> m.messageType().get())
                .containsExactly(NAK);
        assertThat(lastReplyWent()).containsOnly(address + ":68");
        List<JournalEntry> sent = wire.server.journal().sent();
        assertThat(sent.get(sent.size() - 1).note()).contains("to " + address);
    }

    @Test
    void broadcastOverridesAUnicastAck() {
        String address = wire.dora();
        wire.send(ScriptedWire.renewing(2, address));
        assertThat(lastReplyWent()).as("RFC 2131 §4.1").containsOnly(address + ":68");

        wire.server.stub(onRequest().respond(ack().broadcast()));
        wire.send(ScriptedWire.renewing(3, address));
        assertThat(lastReplyWent()).containsOnly("255.255.255.255:68");
    }

    @Test
    void unicastToSendsToTheAddressGiven() {
        String address = wire.dora();
        wire.server.stub(onRequest().respond(ack().unicastTo("10.20.0.250")));

        wire.send(ScriptedWire.renewing(2, address));

        assertThat(lastReplyWent()).containsOnly("10.20.0.250:68");
    }

    @Test
    void unicastToClientAddressWithoutCiaddrFallsBackToRfc2131AndSaysSo() {
        wire.server.stub(onRequest().respond(nak("no").unicastToClientAddress()));
        wire.send(ScriptedWire.discover(1));

        wire.send(ScriptedWire.selecting(1, "10.20.0.100"));

        assertThat(lastReplyWent()).containsOnly("255.255.255.255:68");
        List<JournalEntry> sent = wire.server.journal().sent();
        assertThat(sent.get(sent.size() - 1).note()).contains("no client address (ciaddr 0.0.0.0)");
    }

    @Test
    void eachReplyOfASequenceGoesWhereItsPartSays() {
        String address = wire.dora();
        wire.server.stub(onRequest().respond(nak("a").unicastToClientAddress().then(ack().broadcast())));

        wire.send(ScriptedWire.renewing(2, address));

        List<Datagram> datagrams = wire.memory.sent();
        assertThat(datagrams.subList(datagrams.size() - 2, datagrams.size())).extracting(d -> to(d.destination()))
                .containsExactly(address + ":68", "255.255.255.255:68");
    }

    @Test
    void overLoopbackTheJournalShowsTheChosenDestinationAndTheClientStillHearsIt() {
        try (DhcpServer server = DhcpServer.builder().serverId("10.20.0.1")
                .subnet("10.20.0.0/24", s -> s.pool("10.20.0.100", "10.20.0.199")).start();
             DhcpTestClient client = DhcpTestClient.builder().server(server.address()).mac(ScriptedWire.MAC)
                     .timeout(Duration.ofSeconds(2)).build()) {
            ClientLease lease = client.dora();
            server.stub(onRequest().inState(RENEWING).respond(nak("moved").unicastToClientAddress()));

            assertThat(client.renew(lease)).hasValueSatisfying(m -> assertThat(m.is(NAK)).isTrue());

            JournalEntry nak = server.journal().sent(NAK).get(0);
            assertThat(to(nak.destination())).isEqualTo(lease.address().getHostAddress() + ":68");
            assertThat(server.journal().sent(ACK).get(0).destination().getAddress().getHostAddress())
                    .as("the ACK of the DORA went where RFC 2131 says").isIn("255.255.255.255", "10.20.0.100");
        }
    }
}
