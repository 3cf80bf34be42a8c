package dev.dhcpembedded.testcontainers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.dhcpembedded.channel.ChannelProtocol;
import dev.dhcpembedded.channel.ChannelToken;
import dev.dhcpembedded.channel.Frame;
import dev.dhcpembedded.channel.FrameCodec;
import dev.dhcpembedded.channel.FrameReader;
import dev.dhcpembedded.codec.DhcpCodec;
import dev.dhcpembedded.codec.DhcpMessage;
import dev.dhcpembedded.codec.MacAddress;
import dev.dhcpembedded.codec.MessageType;
import dev.dhcpembedded.journal.JournalEntry;
import dev.dhcpembedded.server.DhcpServer;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The JVM's end of the agent channel survives frames it cannot take (issue 21, item 1's second reproduction, where
 * a flood through the agent ended the receive loop and DHCP with it): an oversized frame is skipped without being
 * held in memory, a frame with a bad body is dropped, each is journaled as a TRANSPORT note, and the next DISCOVER
 * is answered. Before, either one broke the channel. A stand-in agent on loopback writes the frames: no Docker.
 */
class AgentFrameBoundsTest {

    private static final String AGENT = "10.9.0.2";

    @Test
    void anOversizedFrameIsSkippedJournaledAndTheNextDiscoverIsAnswered() throws Exception {
        int oversized = 10 * ChannelProtocol.MAX_FRAME_LENGTH;
        byte[] frame = new byte[4 + oversized];
        ByteBuffer.wrap(frame).putInt(oversized).put((byte) Frame.Inbound.TYPE);
        servesAfter(frame, "outside 1-" + ChannelProtocol.MAX_FRAME_LENGTH);
    }

    @Test
    void aFrameWithABadBodyIsDroppedJournaledAndTheNextDiscoverIsAnswered() throws Exception {
        byte[] frame = ByteBuffer.allocate(4 + 3).putInt(3).put((byte) 0x7e).put((byte) 1).put((byte) 2).array();
        servesAfter(frame, "frame");
    }

    @Test
    void aFloodOfTheLargestFramesCostsNoFrameAndTheChannelStaysUp() throws Exception {
        byte[] largest = new byte[65_000];
        byte[] frame = FrameCodec.encode(new Frame.Inbound(new InetSocketAddress("10.9.0.50", 68),
                new InetSocketAddress(AGENT, 67), false, largest));
        try (StandInAgent agent = new StandInAgent();
             AgentTransport transport = agent.connect();
             DhcpServer server = DhcpServer.builder().transport(transport).serverId(AGENT)
                     .subnet("10.9.0.0/24", s -> s.pool("10.9.0.100", "10.9.0.199")).start()) {
            OutputStream out = agent.out();
            for (int i = 0; i < 6_000; i++) {
                out.write(frame);
            }
            out.write(discoverFrame());
            out.flush();
            assertThat(agent.nextOutbound()).isPresent();
            assertThat(transport.brokenReason()).isEmpty();
        }
    }

    private static void servesAfter(byte[] bad, String noteSays) throws Exception {
        try (StandInAgent agent = new StandInAgent();
             AgentTransport transport = agent.connect();
             DhcpServer server = DhcpServer.builder().transport(transport).serverId(AGENT)
                     .subnet("10.9.0.0/24", s -> s.pool("10.9.0.100", "10.9.0.199")).start()) {
            OutputStream out = agent.out();
            out.write(bad);
            out.write(discoverFrame());
            out.flush();

            Optional<Frame.Outbound> offer = agent.nextOutbound();
            assertThat(offer).as("the OFFER after the bad frame").isPresent();
            assertThat(DhcpCodec.decode(offer.get().payload()).messageType()).contains(MessageType.OFFER);
            assertThat(transport.brokenReason()).isEmpty();
            await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(server.journal()
                    .entries(e -> e.kind() == JournalEntry.Kind.TRANSPORT)).isNotEmpty());
            assertThat(server.journal().entries(e -> e.kind() == JournalEntry.Kind.TRANSPORT).get(0).toString())
                    .contains(noteSays);
        }
    }

    private static byte[] discoverFrame() {
        byte[] discover = DhcpCodec.encode(DhcpMessage.builder().op(DhcpMessage.BOOTREQUEST).xid(0x2106)
                .chaddr(MacAddress.parse("02:00:00:00:21:06")).broadcast(true).messageType(MessageType.DISCOVER)
                .build());
        return FrameCodec.encode(new Frame.Inbound(new InetSocketAddress("0.0.0.0", 68),
                new InetSocketAddress("255.255.255.255", 67), true, discover));
    }

    /** An agent's side of the channel on loopback that welcomes one JVM and then writes whatever a test gives it. */
    private static final class StandInAgent implements AutoCloseable {
        private final ServerSocket listening = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
        private final CompletableFuture<Socket> accepted = new CompletableFuture<>();
        private Socket session;
        private FrameReader fromJvm;

        StandInAgent() throws IOException {
            Thread t = new Thread(() -> {
                try {
                    Socket s = listening.accept();
                    FrameReader reader = new FrameReader(s.getInputStream());
                    reader.read(); // HELLO
                    s.getOutputStream().write(FrameCodec.encode(new Frame.Welcome(ChannelProtocol.VERSION, "eth1",
                            (Inet4Address) InetAddress.getByName(AGENT), 67,
                            List.of((Inet4Address) InetAddress.getByName("255.255.255.255")), Optional.empty())));
                    accepted.complete(s);
                } catch (IOException e) {
                    accepted.completeExceptionally(e);
                }
            }, "stand-in-agent");
            t.setDaemon(true);
            t.start();
        }

        AgentTransport connect() throws Exception {
            AgentTransport transport = AgentTransport.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(),
                    listening.getLocalPort()), ChannelToken.random(), (Inet4Address) InetAddress.getByName(AGENT),
                    Duration.ofSeconds(5), "stand-in-agent");
            session = accepted.get(5, TimeUnit.SECONDS);
            session.setSoTimeout(10_000);
            fromJvm = new FrameReader(session.getInputStream());
            return transport;
        }

        OutputStream out() throws IOException {
            return new BufferedOutputStream(session.getOutputStream(), 1 << 16);
        }

        /** The next OUTBOUND frame the JVM sent, past its pings. */
        Optional<Frame.Outbound> nextOutbound() throws IOException {
            while (true) {
                Frame f = fromJvm.read();
                if (f == null) {
                    return Optional.empty();
                }
                if (f instanceof Frame.Outbound out) {
                    return Optional.of(out);
                }
            }
        }

        @Override
        public void close() throws IOException {
            if (session != null) {
                session.close();
            }
            listening.close();
        }
    }
}
