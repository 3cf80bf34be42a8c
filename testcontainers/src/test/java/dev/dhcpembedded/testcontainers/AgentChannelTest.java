package dev.dhcpembedded.testcontainers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dhcpembedded.agent.AgentSettings;
import dev.dhcpembedded.agent.ChannelServer;
import dev.dhcpembedded.agent.SessionOutcome;
import dev.dhcpembedded.codec.DhcpCodec;
import dev.dhcpembedded.codec.DhcpMessage;
import dev.dhcpembedded.codec.MessageType;
import dev.dhcpembedded.channel.ChannelProtocol;
import dev.dhcpembedded.channel.ChannelToken;
import dev.dhcpembedded.channel.TokenDigest;
import dev.dhcpembedded.channel.Frame;
import dev.dhcpembedded.channel.FrameCodec;
import dev.dhcpembedded.channel.FrameReader;
import dev.dhcpembedded.codec.MacAddress;
import dev.dhcpembedded.codec6.Dhcp6Codec;
import dev.dhcpembedded.codec6.Dhcp6Message;
import dev.dhcpembedded.codec6.Dhcp6MessageType;
import dev.dhcpembedded.codec6.Dhcp6Option;
import dev.dhcpembedded.codec6.Duid;
import dev.dhcpembedded.codec6.IaNa;
import dev.dhcpembedded.journal.Journal;
import dev.dhcpembedded.journal.JournalEntry;
import dev.dhcpembedded.server.DhcpServer;
import dev.dhcpembedded.server.TestClock;
import dev.dhcpembedded.transport.Datagram;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The agent's channel server and the JVM's AgentTransport, in one process over loopback TCP, with the agent's
 * interface replaced by a {@link FakeLink}: the handshake, the refusals, a DORA through the channel, and how each
 * end notices the other's end. No Docker, no privileges.
 */
class AgentChannelTest {

    private static final String MAC = "02:00:00:00:00:42";
    private static final Duration IDLE = Duration.ofMillis(1500);

    private final ChannelToken token = ChannelToken.random();
    private final FakeLink link = new FakeLink();
    private ChannelServer agent;
    private InetSocketAddress control;

    @BeforeEach
    void startAgent() throws IOException {
        AgentSettings settings = new AgentSettings(TokenDigest.of(token), 0, Duration.ofSeconds(30),
                ChannelProtocol.HANDSHAKE_TIMEOUT, IDLE);
        agent = new ChannelServer(settings, link).start(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        control = new InetSocketAddress(InetAddress.getLoopbackAddress(), agent.port());
    }

    @AfterEach
    void stopAgent() {
        agent.close();
    }

    private AgentTransport connect() throws IOException {
        return AgentTransport.connect(control, token, FakeLink.ip("10.9.0.2"), Duration.ofSeconds(3), "test-agent");
    }

    private static byte[] discover(boolean broadcastFlag) {
        return DhcpCodec.encode(DhcpMessage.builder().op(DhcpMessage.BOOTREQUEST).xid(0x1234).chaddr(MAC)
                .broadcast(broadcastFlag).messageType(MessageType.DISCOVER).build());
    }

    @Test
    void aDiscoverCrossesTheChannelAndItsOfferGoesToYiaddrWithAnArpEntry() throws Exception {
        try (AgentTransport transport = connect();
             DhcpServer server = DhcpServer.builder().transport(transport).serverId("10.9.0.2")
                     .subnet("10.9.0.0/24", s -> s.pool("10.9.0.100", "10.9.0.199")).start()) {
            assertThat(link.askedFor()).isEqualTo(FakeLink.ip("10.9.0.2"));
            assertThat(server.serverIdentifier().getHostAddress()).isEqualTo("10.9.0.2");
            assertThat(transport.interfaceName()).isEqualTo("eth1");

            link.inject(discover(false), new InetSocketAddress("0.0.0.0", 68), true);
            Datagram offer = link.nextSent();

            assertThat(DhcpCodec.decode(offer.bytes()).messageType()).contains(MessageType.OFFER);
            assertThat(offer.destination()).isEqualTo(new InetSocketAddress("10.9.0.100", 68));
            assertThat(link.arpEntries()).containsEntry(FakeLink.ip("10.9.0.100"), MAC);
            assertThat(server.journal().entries()).extracting(JournalEntry::kind)
                    .containsExactly(JournalEntry.Kind.RECEIVED, JournalEntry.Kind.SENT);
            JournalEntry received = server.journal().entries().get(0);
            assertThat(received.source()).isEqualTo(new InetSocketAddress("0.0.0.0", 68));
            assertThat(received.destination()).isEqualTo(new InetSocketAddress("255.255.255.255", 67));
            assertThat(received.interfaceName()).isEqualTo("eth1");
            assertThat(server.journal().entries().get(1).destination())
                    .isEqualTo(new InetSocketAddress("10.9.0.100", 68));
        }
    }

    @Test
    void aSolicitCrossesTheChannelAndItsAdvertiseGoesBackToTheClientsLinkLocalAddress() throws Exception {
        Duid duid = Duid.ll(MacAddress.parse(MAC));
        byte[] solicit = Dhcp6Codec.encode(Dhcp6Message.builder(Dhcp6MessageType.SOLICIT).transactionId(0x4242)
                .option(Dhcp6Option.clientId(duid)).option(Dhcp6Option.elapsedTime(0))
                .option(Dhcp6Option.iaNa(IaNa.of(7, 0, 0))).build());
        InetSocketAddress client = new InetSocketAddress(InetAddress.getByName("fe80::ff:fe00:42"), 546);
        try (AgentTransport transport = AgentTransport.connect(control, token, FakeLink.ip("10.9.0.2"), true,
                Duration.ofSeconds(3), "test-agent");
             DhcpServer server = DhcpServer.builder().transport(transport).serverId("10.9.0.2")
                     .subnet("10.9.0.0/24", s -> s.pool("10.9.0.100", "10.9.0.199"))
                     .subnet6("fd00:9::/64", s -> s.pool("fd00:9::100", "fd00:9::1ff"))
                     .transport6(transport.dhcp6()).start()) {
            assertThat(transport.dhcp6().localAddress()).isEqualTo(FakeLink.V6.AGENT6);

            link.v6().inject(solicit, client);
            Datagram advertise = link.v6().nextSent();

            Dhcp6Message decoded = Dhcp6Codec.decode(advertise.bytes());
            assertThat(decoded.type()).contains(Dhcp6MessageType.ADVERTISE);
            assertThat(decoded.transactionId()).isEqualTo(0x4242);
            assertThat(advertise.destination().getAddress().getAddress())
                    .isEqualTo(client.getAddress().getAddress());
            assertThat(advertise.destination().getPort()).isEqualTo(546);
            assertThat(server.journal().received(Dhcp6MessageType.SOLICIT)).singleElement()
                    .satisfies(e -> assertThat(e.source()).isEqualTo(client));
            assertThat(server.journal().sent(Dhcp6MessageType.ADVERTISE)).singleElement()
                    .satisfies(e -> assertThat(e.destination()).isEqualTo(client));
        }
        assertThat(agent.awaitEnd(Duration.ofSeconds(5)).clean()).isTrue();
        assertThat(link.v6().isClosed()).as("the agent's DHCPv6 socket is released").isTrue();
    }

    @Test
    void withoutDhcpv6AskedForTheAgentOpensNoV6Socket() throws Exception {
        try (AgentTransport transport = connect()) {
            assertThatThrownBy(transport::dhcp6).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("does not serve DHCPv6");
        }
    }

    @Test
    void aClientWithTheBroadcastFlagGetsABroadcastAndNoArpEntry() throws Exception {
        try (AgentTransport transport = connect();
             DhcpServer server = DhcpServer.builder().transport(transport).serverId("10.9.0.2")
                     .subnet("10.9.0.0/24", s -> s.pool("10.9.0.100", "10.9.0.199")).start()) {
            link.inject(discover(true), new InetSocketAddress("0.0.0.0", 68), true);
            Datagram offer = link.nextSent();

            assertThat(offer.destination()).isEqualTo(new InetSocketAddress("255.255.255.255", 68));
            assertThat(offer.broadcast()).isTrue();
            assertThat(link.arpEntries()).isEmpty();
        }
    }

    @Test
    void aWrongTokenIsRefusedAndTheAgentStillAdmitsTheRightOne() throws Exception {
        assertThatThrownBy(() -> AgentTransport.connect(control, ChannelToken.random(), FakeLink.ip("10.9.0.2"),
                Duration.ofSeconds(3), "test-agent"))
                .isInstanceOf(AgentTransport.RefusedException.class)
                .hasMessageContaining("test-agent refused the channel: wrong token");
        assertThat(agent.hasEnded()).isFalse();
        try (AgentTransport transport = connect()) {
            assertThat(transport.localAddress()).isEqualTo(FakeLink.AGENT);
        }
    }

    @Test
    void aPeerThatSaysNothingIsClosedWithinTheHandshakeTimeout() throws Exception {
        try (Socket silent = new Socket()) {
            silent.connect(control);
            silent.setSoTimeout(5000);
            long start = System.nanoTime();
            int first = silent.getInputStream().read();
            long tookMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);

            assertThat(first).isEqualTo(-1);
            assertThat(tookMs).isBetween(1500L, 2600L);
        }
        assertThat(agent.hasEnded()).isFalse();
    }

    @Test
    void garbageIsRefusedAndTheAgentStaysUp() throws Exception {
        Frame answer = rawExchange("GET / HTTP/1.1\r\nHost: x\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        assertThat(answer).isInstanceOf(Frame.Refused.class);
        assertThat(((Frame.Refused) answer).reason()).contains("not a channel peer").contains("frame length");

        byte[] badMagic = ByteBuffer.allocate(12).putInt(8).put((byte) 1).put("XXXX".getBytes(StandardCharsets.US_ASCII))
                .array();
        assertThat(((Frame.Refused) rawExchange(badMagic)).reason()).contains("without the magic DHCA");

        try (AgentTransport transport = connect()) {
            assertThat(transport.brokenReason()).isEmpty();
        }
    }

    @Test
    void anOversizedFrameIsRefusedBeforeItsBodyAndTheAgentStaysUp() throws Exception {
        byte[] header = ByteBuffer.allocate(5).putInt(ChannelProtocol.MAX_FRAME_LENGTH + 1).put((byte) 0x01).array();
        Frame answer = rawExchange(header);
        assertThat(((Frame.Refused) answer).reason()).contains("outside 1-" + ChannelProtocol.MAX_FRAME_LENGTH);
        try (AgentTransport transport = connect()) {
            assertThat(transport.brokenReason()).isEmpty();
        }
    }

    @Test
    void aFrameOtherThanHelloFirstIsRefused() throws Exception {
        Frame answer = rawExchange(FrameCodec.encode(new Frame.Ping(1)));
        assertThat(((Frame.Refused) answer).reason()).contains("first frame must be a HELLO");
    }

    @Test
    void exactlyOneSession() throws Exception {
        try (AgentTransport first = connect()) {
            assertThatThrownBy(this::connect).isInstanceOf(AgentTransport.RefusedException.class)
                    .hasMessageContaining("already serves its one session");
            assertThat(first.brokenReason()).isEmpty();
        }
    }

    @Test
    void theSessionEndsCleanlyWhenTheJvmClosesAndTheLinkIsReleased() throws Exception {
        AgentTransport transport = connect();
        transport.start(d -> { });
        transport.close();

        SessionOutcome outcome = agent.awaitEnd(Duration.ofSeconds(5));
        assertThat(outcome).isNotNull();
        assertThat(outcome.clean()).isTrue();
        assertThat(outcome.reason()).contains("the test closed its DhcpNetwork");
        assertThat(link.isClosed()).isTrue();
    }

    @Test
    void theAgentEndsWhenTheJvmVanishesWithoutBye() throws Exception {
        Socket socket = new Socket();
        socket.connect(control);
        socket.getOutputStream().write(FrameCodec.encode(new Frame.Hello(ChannelProtocol.VERSION, token.bytes(),
                FakeLink.ip("10.9.0.2"))));
        assertThat(new FrameReader(socket.getInputStream()).read()).isInstanceOf(Frame.Welcome.class);
        socket.close(); // as the kernel does when the JVM dies

        SessionOutcome outcome = agent.awaitEnd(Duration.ofSeconds(5));
        assertThat(outcome.clean()).isFalse();
        assertThat(outcome.reason()).contains("closed the channel without BYE");
    }

    @Test
    void theAgentEndsWhenTheJvmFallsSilent() throws Exception {
        try (Socket socket = new Socket()) {
            socket.connect(control);
            socket.getOutputStream().write(FrameCodec.encode(new Frame.Hello(ChannelProtocol.VERSION,
                    token.bytes(), FakeLink.ip("10.9.0.2"))));
            long start = System.nanoTime();
            SessionOutcome outcome = agent.awaitEnd(Duration.ofSeconds(5));

            assertThat(outcome.reason()).contains("silent");
            assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start)).isBetween(1000L, 3000L);
        }
    }

    @Test
    void anAgentThatDiesBreaksTheChannelOnceAndSendingFailsNamingIt() throws Exception {
        AgentTransport transport = connect();
        CompletableFuture<String> reported = new CompletableFuture<>();
        transport.onBroken(reported::complete);
        TestClock clock = TestClock.at(java.time.Instant.parse("2030-01-01T00:00:00Z"));
        DhcpServer server = DhcpServer.builder().transport(transport).serverId("10.9.0.2").clock(clock)
                .subnet("10.9.0.0/24", s -> s.pool("10.9.0.100", "10.9.0.199")).start();
        agent.abort(); // as a killed process does: its sockets close, without a BYE

        String reason = reported.get(5, TimeUnit.SECONDS);
        assertThat(reason).contains("the agent closed the channel");
        Journal journal = server.journal();
        assertThat(journal.entries()).singleElement().satisfies(entry -> {
            assertThat(entry.kind()).isEqualTo(JournalEntry.Kind.TRANSPORT);
            assertThat(entry.note()).isEqualTo("channel to agent test-agent closed: " + reason);
            assertThat(entry.serverTime()).isEqualTo(clock.instant());
            assertThat(entry.interfaceName()).isEqualTo("eth1");
        });
        assertThat(transport.brokenReason()).contains(reason);
        assertThatThrownBy(() -> transport.send(new Datagram(new byte[1], FakeLink.AGENT,
                new InetSocketAddress("10.9.0.100", 68), "eth1", false)))
                .isInstanceOf(IOException.class).hasMessageContaining("test-agent is broken");
        server.close();
    }

    @Test
    void anAgentAskedForAnAddressItDoesNotHoldRefusesSaying() {
        assertThatThrownBy(() -> AgentTransport.connect(control, token, FakeLink.ip("10.9.0.77"),
                Duration.ofSeconds(3), "test-agent"))
                .isInstanceOf(AgentTransport.RefusedException.class)
                .hasMessageContaining("no interface of this container holds 10.9.0.77");
    }

    private Frame rawExchange(byte[] bytes) throws IOException {
        try (Socket socket = new Socket()) {
            socket.connect(control);
            socket.setSoTimeout(5000);
            OutputStream out = socket.getOutputStream();
            out.write(bytes);
            out.flush();
            InputStream in = socket.getInputStream();
            Frame answer = new FrameReader(in).read();
            assertThat(in.read()).as("the agent closes after refusing").isEqualTo(-1);
            return answer;
        }
    }
}
