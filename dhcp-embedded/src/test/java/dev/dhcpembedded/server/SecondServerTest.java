package dev.dhcpembedded.server;

import dev.dhcpembedded.lease.Lease;
import dev.dhcpembedded.lease.LeaseState;

import static dev.dhcpembedded.stub.RequestMatcher.onDiscover;
import static dev.dhcpembedded.stub.RequestMatcher.onRequest;
import static dev.dhcpembedded.stub.Responses.defaultReply;
import static dev.dhcpembedded.stub.Responses.nak;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dhcpembedded.client.DhcpTestClient;
import dev.dhcpembedded.codec.DhcpMessage;
import dev.dhcpembedded.codec.MessageType;
import dev.dhcpembedded.journal.JournalEntry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Two servers on one link ({@code secondServer}), over loopback with the project's client. */
class SecondServerTest {

    static final String MAC = "02:00:00:00:0b:01";
    final List<AutoCloseable> toClose = new ArrayList<>();

    @AfterEach
    void closeAll() throws Exception {
        for (AutoCloseable c : toClose) {
            c.close();
        }
    }

    DhcpServer twoServers() {
        DhcpServer server = DhcpServer.builder().serverId("10.20.0.1")
                .subnet("10.20.0.0/24", s -> s.pool("10.20.0.100", "10.20.0.149").router("10.20.0.1"))
                .secondServer("10.20.0.2", s -> s.pool("10.20.0.150", "10.20.0.199").router("10.20.0.1"))
                .start();
        toClose.add(server);
        return server;
    }

    DhcpTestClient client(DhcpServer server) {
        DhcpTestClient client = DhcpTestClient.builder().server(server.address()).mac(MAC)
                .timeout(Duration.ofSeconds(2)).attempts(1).build();
        toClose.add(client);
        return client;
    }

    static String serverOf(DhcpMessage message) {
        return message.serverIdentifier().orElseThrow().getHostAddress();
    }

    @Test
    void anOfferFromEachThenTheOtherSeesTheRequestNamingTheFirst() {
        DhcpServer server = twoServers();
        SecondServer other = server.secondServer();
        DhcpTestClient client = client(server);

        List<DhcpMessage> offers = client.discoverAll(Duration.ofSeconds(1));

        assertThat(offers).extracting(SecondServerTest::serverOf).containsExactlyInAnyOrder("10.20.0.1", "10.20.0.2");
        DhcpMessage ours = offers.stream().filter(o -> serverOf(o).equals("10.20.0.1")).findFirst().orElseThrow();
        DhcpMessage theirs = offers.stream().filter(o -> serverOf(o).equals("10.20.0.2")).findFirst().orElseThrow();
        assertThat(ours.yiaddr().getHostAddress()).isEqualTo("10.20.0.100");
        assertThat(theirs.yiaddr().getHostAddress()).isEqualTo("10.20.0.150");
        assertThat(other.lease(MAC)).get().extracting(Lease::state).isEqualTo(LeaseState.OFFERED);

        Optional<DhcpMessage> ack = client.request(ours);

        assertThat(ack).get().extracting(m -> m.messageType().orElseThrow()).isEqualTo(MessageType.ACK);
        assertThat(serverOf(ack.get())).isEqualTo("10.20.0.1");
        List<JournalEntry> seen = other.requestsNamingAnotherServer();
        assertThat(seen).hasSize(1);
        assertThat(seen.get(0).note()).contains("as 10.20.0.2: REQUEST(SELECTING) names server 10.20.0.1, not this one");
        assertThat(other.lease(MAC)).as("the other server forgets its offer").isEmpty();
        assertThat(server.lease(MAC)).get().extracting(Lease::state).isEqualTo(LeaseState.BOUND);
        // one journal entry per frame: DISCOVER, two OFFERs, REQUEST, ACK
        assertThat(server.journal().entries()).hasSize(5);
        assertThat(server.journal().sent(MessageType.OFFER)).hasSize(2);
        assertThat(server.secondServer().requestsNamingAnotherServer()).isEqualTo(seen);
    }

    @Test
    void oursHeldBackTheClientTakesTheSecondsOfferAndOursStillSendsItsOwn() {
        DhcpServer server = twoServers();
        server.stub(onDiscover().respond(defaultReply().delay(Duration.ofMillis(200))));
        DhcpTestClient client = client(server);

        DhcpMessage first = client.discover().orElseThrow();
        DhcpMessage ack = client.request(first).orElseThrow();

        assertThat(serverOf(first)).isEqualTo("10.20.0.2");
        assertThat(serverOf(ack)).isEqualTo("10.20.0.2");
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(5)).until(() ->
                server.journal().sent(MessageType.OFFER).size() == 2);
        assertThat(server.journal().sent(MessageType.OFFER)).extracting(e -> serverOf(e.message().orElseThrow()))
                .containsExactly("10.20.0.2", "10.20.0.1");
    }

    @Test
    void theRequestNamingTheSecondIsAnsweredByItAlone() {
        DhcpServer server = twoServers();
        DhcpTestClient client = client(server);
        DhcpMessage theirs = client.discoverAll(Duration.ofSeconds(1)).stream()
                .filter(o -> serverOf(o).equals("10.20.0.2")).findFirst().orElseThrow();

        DhcpMessage ack = client.request(theirs).orElseThrow();

        assertThat(ack.messageType()).contains(MessageType.ACK);
        assertThat(serverOf(ack)).isEqualTo("10.20.0.2");
        assertThat(ack.yiaddr().getHostAddress()).isEqualTo("10.20.0.150");
        assertThat(client.receive(Duration.ofMillis(300))).as("the first server stays silent").isEmpty();
        assertThat(server.secondServer().lease(MAC)).get().extracting(Lease::state).isEqualTo(LeaseState.BOUND);
        assertThat(server.lease(MAC)).isEmpty();
        assertThat(server.secondServer().requestsNamingAnotherServer()).isEmpty();
        assertThat(server.journal().received(MessageType.REQUEST).get(0).note())
                .contains("names server 10.20.0.2, not this one").contains("as 10.20.0.2: REQUEST(SELECTING)");
    }

    @Test
    void aNakFromTheOtherServerThenAnAckFromOurs() {
        DhcpServer server = twoServers();
        DhcpTestClient client = client(server);
        DhcpMessage ours = client.discoverAll(Duration.ofSeconds(1)).stream()
                .filter(o -> serverOf(o).equals("10.20.0.1")).findFirst().orElseThrow();
        client.request(ours).orElseThrow();
        server.secondServer().stub(onRequest().respond(nak("not on my books")).once());
        server.stub(onRequest().respond(defaultReply().delay(Duration.ofMillis(150))).once());

        DhcpMessage first = client.initReboot("10.20.0.100").orElseThrow();
        DhcpMessage second = client.receive(Duration.ofSeconds(2)).orElseThrow();

        assertThat(first.messageType()).contains(MessageType.NAK);
        assertThat(serverOf(first)).isEqualTo("10.20.0.2");
        assertThat(second.messageType()).contains(MessageType.ACK);
        assertThat(serverOf(second)).isEqualTo("10.20.0.1");
        assertThat(second.yiaddr().getHostAddress()).isEqualTo("10.20.0.100");
        assertThat(server.secondServer().unusedStubs()).isEmpty();
        assertThat(server.unusedStubs()).isEmpty();
        List<JournalEntry> sent = server.journal().entries(e -> e.isSent() && e.message().isPresent()
                && e.message().get().is(MessageType.NAK) || e.isSent() && e.note().contains("delayed"));
        assertThat(sent).hasSize(2);
    }

    @Test
    void resetForgetsTheSecondServersStubsAndLeases() {
        DhcpServer server = twoServers();
        DhcpTestClient client = client(server);
        client.discoverAll(Duration.ofSeconds(1));
        server.secondServer().stub(onRequest().respond(nak("no")));

        server.reset();

        assertThat(server.secondServer().leases()).isEmpty();
        assertThat(server.secondServer().unusedStubs()).isEmpty();
    }

    @Test
    void aServerWithoutOneSaysHowToAddIt() {
        DhcpServer server = DhcpServer.builder().subnet("10.20.0.0/24", s -> s.pool("10.20.0.100", "10.20.0.149"))
                .start();
        toClose.add(server);
        assertThatThrownBy(server::secondServer).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(".secondServer(\"ADDRESS\"");
        assertThat(server.journal().entries()).isEmpty();
    }

    @Test
    void badAddressesFailFast() {
        assertThatThrownBy(() -> DhcpServer.builder().subnet("10.20.0.0/24", s -> s.pool("10.20.0.100", "10.20.0.149"))
                .secondServer("10.30.0.2", s -> s.pool("10.20.0.150", "10.20.0.199")).build())
                .hasMessageContaining("second server 10.30.0.2 is outside every subnet (10.20.0.0/24)");
        assertThatThrownBy(() -> DhcpServer.builder().subnet("10.20.0.0/24", s -> s.pool("10.20.0.100", "10.20.0.149"))
                .secondServer("10.20.0.120", s -> s.pool("10.20.0.150", "10.20.0.199")).build())
                .hasMessageContaining("inside the first server's pool");
        assertThatThrownBy(() -> DhcpServer.builder().serverId("10.20.0.1")
                .subnet("10.20.0.0/24", s -> s.pool("10.20.0.100", "10.20.0.149"))
                .secondServer("10.20.0.1", s -> s.pool("10.20.0.150", "10.20.0.199")).build())
                .hasMessageContaining("has the first server's identifier");
    }
}
