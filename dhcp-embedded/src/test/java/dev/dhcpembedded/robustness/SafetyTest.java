package dev.dhcpembedded.robustness;

import dev.dhcpembedded.internal.wire.Ipv4;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.dhcpembedded.client.ClientLease;
import dev.dhcpembedded.client.DhcpTestClient;
import dev.dhcpembedded.codec.DhcpMessage;
import dev.dhcpembedded.codec.DhcpOption;
import dev.dhcpembedded.codec.DhcpOptions;
import dev.dhcpembedded.codec.MessageType;
import dev.dhcpembedded.journal.JournalEntry;
import dev.dhcpembedded.server.DhcpServer;
import dev.dhcpembedded.internal.transport.LoopbackTransport;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A server started by a test answers on loopback only, and only to whoever asked: never to a forged relay, never
 * to a client's claimed address, never to broadcast. (That a server bound to one interface never answers a client
 * on another is proven by the root-only namespace test in {@code dev.dhcpembedded.realclients}.)
 */
class SafetyTest {

    static DhcpServer server(RecordingTransport transport) {
        return DhcpServer.builder().transport(transport).serverId("10.20.0.1")
                .subnet("10.20.0.0/24", s -> s.pool("10.20.0.100", "10.20.0.199").router("10.20.0.1"))
                .subnet("10.30.0.0/24", s -> s.pool("10.30.0.100", "10.30.0.199").router("10.30.0.1"))
                .start();
    }

    static RecordingTransport loopback() {
        return new RecordingTransport(new LoopbackTransport(
                new InetSocketAddress(InetAddress.getLoopbackAddress(), 0)));
    }

    @Test
    void theDefaultBindIsLoopback() throws Exception {
        try (DhcpServer server = DhcpServer.builder()
                .subnet("10.20.0.0/24", s -> s.pool("10.20.0.100", "10.20.0.199")).start()) {
            InetSocketAddress bound = server.address();
            assertThat(bound.getAddress()).isEqualTo(InetAddress.getByName("127.0.0.1"));
            assertThat(bound.getAddress().isLoopbackAddress()).isTrue();
            assertThat(bound.getPort()).isPositive().isNotEqualTo(67);
            assertThat(server.interfaceName()).isEmpty();
            assertThat(server.transport().interfaceName()).isEqualTo("lo");
        }
        assertThatThrownBy(() -> DhcpServer.builder().bind(new InetSocketAddress("0.0.0.0", 0)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not a loopback address");
        assertThatThrownBy(() -> DhcpServer.builder().bind(new InetSocketAddress("192.0.2.1", 0)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not a loopback address");
    }

    @Test
    void aForgedGiaddrOutsideEverySubnetGetsNoReplyAndIsJournaled() {
        RecordingTransport transport = loopback();
        try (DhcpServer server = server(transport);
             DhcpTestClient relay = DhcpTestClient.builder().server(server.address()).mac("02:00:00:00:88:01")
                     .giaddr("203.0.113.9").timeout(Duration.ofMillis(200)).attempts(1).build()) {
            assertThat(relay.discover()).isEmpty();
            assertThat(relay.initReboot("10.20.0.150")).isEmpty();
            relay.send(relay.newMessage(MessageType.INFORM).ciaddr("10.20.0.160").build());
            relay.send(relay.newMessage(MessageType.REQUEST).option(DhcpOptions.requestedIpAddress("10.20.0.100"))
                    .option(DhcpOptions.serverIdentifier("10.20.0.1")).build());
            List<JournalEntry> received = await().atMost(Duration.ofSeconds(5))
                    .until(() -> server.journal().received(), r -> r.size() == 4);
            assertThat(received).allSatisfy(e -> {
                assertThat(e.note()).contains("giaddr 203.0.113.9 is in no configured subnet");
                assertThat(e.source()).as("journaled as from the relay").isEqualTo(
                        new InetSocketAddress("203.0.113.9", 67));
            });
            assertThat(server.journal().sent()).isEmpty();
            assertThat(transport.sent()).as("datagrams sent").isZero();
            assertThat(relay.receive(Duration.ofMillis(50))).isEmpty();
        }
    }

    /**
     * A relayed request whose giaddr is in a subnet, a renewal whose ciaddr is a real address, a broadcast-flag
     * DISCOVER, a NAK: on loopback every reply goes back to the asking socket, never to giaddr, ciaddr, yiaddr or
     * 255.255.255.255.
     */
    @Test
    void repliesGoOnlyToTheSocketThatAsked() {
        RecordingTransport transport = loopback();
        try (DhcpServer server = server(transport);
             DhcpTestClient client = DhcpTestClient.builder().server(server.address()).mac("02:00:00:00:88:02")
                     .broadcast(true).timeout(Duration.ofMillis(500)).attempts(2).build();
             DhcpTestClient relayed = DhcpTestClient.builder().server(server.address()).mac("02:00:00:00:88:03")
                     .giaddr("10.30.0.1").timeout(Duration.ofMillis(500)).attempts(2).build()) {
            ClientLease lease = client.dora();
            assertThat(client.renew(lease)).isPresent();
            assertThat(client.initReboot("10.30.0.150")).hasValueSatisfying(m -> m.is(MessageType.NAK));
            ClientLease viaRelay = relayed.dora();
            assertThat(viaRelay.address().getHostAddress()).startsWith("10.30.0.");
            List<JournalEntry> sent = server.journal().sent();
            assertThat(transport.sent()).isPositive();
            assertThat(sent).hasSize((int) transport.sent());
            assertThat(transport.destinations().keySet())
                    .containsExactlyInAnyOrder(client.localAddress(), relayed.localAddress());
            // the journal still shows the RFC view: to the relay on 67, NAK broadcast, renewal to ciaddr
            assertThat(sent.stream().map(e -> e.destination().getAddress().getHostAddress()))
                    .contains("10.30.0.1", "255.255.255.255", lease.address().getHostAddress());
            assertThat(sent).allSatisfy(e -> assertThat(e.peer().getAddress().isLoopbackAddress()).isTrue());
            DhcpMessage nak = sent.stream().filter(e -> e.is(MessageType.NAK)).findFirst().orElseThrow()
                    .message().orElseThrow();
            assertThat(Ipv4.toInt(nak.yiaddr())).isZero();
        }
    }
}
