package dev.dhcpembedded.testcontainers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.dhcpembedded.agent.AgentSettings;
import dev.dhcpembedded.agent.ChannelServer;
import dev.dhcpembedded.channel.ChannelProtocol;
import dev.dhcpembedded.channel.ChannelToken;
import dev.dhcpembedded.channel.Frame;
import dev.dhcpembedded.channel.FrameCodec;
import dev.dhcpembedded.channel.FrameReader;
import dev.dhcpembedded.channel.UdpFrame;
import dev.dhcpembedded.channel.TokenDigest;
import dev.dhcpembedded.codec.DhcpCodec;
import dev.dhcpembedded.codec.DhcpMessage;
import dev.dhcpembedded.codec.DhcpOption;
import dev.dhcpembedded.codec.MessageType;
import dev.dhcpembedded.codec.OptionCode;
import dev.dhcpembedded.journal.JournalEntry;
import dev.dhcpembedded.server.DhcpServer;
import dev.dhcpembedded.tftp.TftpClient;
import dev.dhcpembedded.transport.UdpPort;
import java.io.IOException;
import java.io.OutputStream;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.Socket;
import java.util.Arrays;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The netboot TFTP server through the agent's channel, in one process: the agent's channel server on loopback TCP,
 * its interface a {@link FakeLink} on 127.0.0.1, so that the UDP ports it opens for the JVM are real loopback sockets
 * a {@link TftpClient} reaches. No Docker, no privileges (the TFTP port is a free one, not 69).
 */
class AgentTftpChannelTest {

    private static final InetSocketAddress AGENT = new InetSocketAddress("127.0.0.1", 67);

    @TempDir
    Path root;

    private final ChannelToken token = ChannelToken.random();
    private final FakeLink link = new FakeLink(AGENT);
    private final byte[] bootFile = new byte[100_000];
    private ChannelServer agent;
    private AgentTransport transport;

    @BeforeEach
    void startAgent() throws IOException {
        new Random(25).nextBytes(bootFile);
        Files.write(root.resolve("undionly.kpxe"), bootFile);
        AgentSettings settings = new AgentSettings(TokenDigest.of(token), 0, Duration.ofSeconds(30),
                ChannelProtocol.HANDSHAKE_TIMEOUT, Duration.ofSeconds(10));
        agent = new ChannelServer(settings, link).start(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        transport = AgentTransport.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), agent.port()),
                token, (java.net.Inet4Address) AGENT.getAddress(), Duration.ofSeconds(3), "test-agent");
    }

    @AfterEach
    void stopAgent() {
        transport.close();
        agent.close();
    }

    private DhcpServer server() {
        return DhcpServer.builder().transport(transport).serverId("127.0.0.1")
                .subnet("10.9.0.0/24", s -> s.pool("10.9.0.100", "10.9.0.199"))
                .netboot(n -> n.tftpRoot(root).bootFile("undionly.kpxe").tftpPort(0)).start();
    }

    @Test
    void theOfferNamesTheAgentAndTheBootFileCrossesTheChannel() throws Exception {
        try (DhcpServer server = server()) {
            InetSocketAddress tftp = server.netboot().tftpAddress();
            assertThat(tftp.getAddress()).isEqualTo(AGENT.getAddress());
            assertThat(tftp.getPort()).isNotZero();

            link.inject(pxeDiscover(), new InetSocketAddress("0.0.0.0", 68), true);
            DhcpMessage offer = DhcpCodec.decode(link.nextSent().bytes());
            assertThat(offer.messageType()).contains(MessageType.OFFER);
            assertThat(offer.siaddr()).isEqualTo(AGENT.getAddress());
            assertThat(offer.option(OptionCode.TFTP_SERVER_NAME).orElseThrow().asString()).isEqualTo("127.0.0.1");
            assertThat(offer.file()).isEqualTo("undionly.kpxe");

            TftpClient.Download d = TftpClient.to(tftp).blockSize(1024).windowSize(4).askSize().get(offer.file());

            assertThat(d.content()).isEqualTo(bootFile);
            assertThat(d.options()).containsEntry("tsize", "100000").containsEntry("blksize", "1024");
            await().atMost(Duration.ofSeconds(5)).until(() -> server.netboot().fetched("undionly.kpxe"));
            assertThat(server.journal().entries(JournalEntry::isTftp)).extracting(JournalEntry::note)
                    .first().asString().startsWith("TFTP Read Request, File: undionly.kpxe");
            assertThat(server.journal().entries(JournalEntry::isTftp)).last().satisfies(last -> {
                assertThat(last.note()).contains("sent undionly.kpxe: 100000 bytes");
                assertThat(last.destination().getAddress()).isEqualTo(AGENT.getAddress());
                assertThat(last.destination().getPort()).isNotIn(0, tftp.getPort()); // the transfer's own port
            });
            // the transfer's port is closed on the agent again: only the listening port stays
            await().atMost(Duration.ofSeconds(5)).until(() -> transport.agentPorts().openPorts() == 1);
        }
    }

    @Test
    void aPathTraversalIsRefusedWithATftpErrorAndJournaled() throws Exception {
        Files.writeString(root.getParent().resolve("secret-" + root.getFileName()), "no");
        try (DhcpServer server = server()) {
            TftpClient client = TftpClient.to(server.netboot().tftpAddress());

            assertThatThrownBy(() -> client.get("../secret-" + root.getFileName()))
                    .isInstanceOfSatisfying(TftpClient.TftpError.class, e -> assertThat(e.code()).isEqualTo(2));

            await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(server.journal()
                    .entries(JournalEntry::isTftp)).extracting(JournalEntry::note)
                    .anySatisfy(note -> assertThat(note).startsWith("TFTP Error Code, Code: 2")));
            assertThat(server.netboot().fetched("../secret-" + root.getFileName())).isFalse();
        }
    }

    @Test
    void theAgentRefusesOtherFixedPortsAndMoreThanItsLimit() throws Exception {
        AgentUdpPorts ports = transport.agentPorts();
        assertThatThrownBy(() -> ports.open(70)).isInstanceOf(IOException.class)
                .hasMessageContaining("port 69 (TFTP) or a free port, not 70");
        List<UdpPort> opened = new ArrayList<>();
        try {
            for (int i = 0; i < ChannelProtocol.MAX_UDP_PORTS; i++) {
                opened.add(ports.open(0));
            }
            assertThatThrownBy(() -> ports.open(0)).isInstanceOf(IOException.class)
                    .hasMessageContaining(ChannelProtocol.MAX_UDP_PORTS + " UDP ports are open already");
            opened.remove(0).close();
            await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> opened.add(ports.open(0)));
        } finally {
            opened.forEach(UdpPort::close);
        }
    }

    @Test
    void theAgentClosesItsPortsWhenTheSessionEnds() throws Exception {
        InetSocketAddress held;
        try (UdpPort port = transport.agentPorts().open(0)) {
            held = port.localAddress();
            assertThatThrownBy(() -> new DatagramSocket(held).close()).isInstanceOf(IOException.class);
            transport.close();
            await().atMost(Duration.ofSeconds(5)).until(agent::hasEnded);
            await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> new DatagramSocket(held).close());
            assertThatThrownBy(() -> port.receive(new java.net.DatagramPacket(new byte[8], 8), 1000))
                    .isInstanceOf(java.net.SocketException.class).hasMessageContaining("closed");
        }
    }

    @Test
    void anIpxeScriptFromTheRootCannotBeServedThroughTheAgentAndTheServerSaysWhatToDo() throws IOException {
        Files.writeString(root.resolve("boot.ipxe"), "#!ipxe\n");
        assertThatThrownBy(() -> DhcpServer.builder().transport(transport).serverId("127.0.0.1")
                .subnet("10.9.0.0/24", s -> s.pool("10.9.0.100", "10.9.0.199"))
                .netboot(n -> n.tftpRoot(root).bootFile("undionly.kpxe").ipxeScript("boot.ipxe")).start())
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("serves TFTP only")
                .hasMessageContaining("http:// URL");
    }

    @Test
    void onTheWireTheAgentRelaysEachWayAndEndsTheSessionOfAJvmThatSendsWhatOnlyItSends() throws Exception {
        AgentSettings settings = new AgentSettings(TokenDigest.of(token), 0, Duration.ofSeconds(30),
                ChannelProtocol.HANDSHAKE_TIMEOUT, Duration.ofSeconds(10));
        ChannelServer other = new ChannelServer(settings, new FakeLink(AGENT))
                .start(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), other.port());
             DatagramSocket client = new DatagramSocket(new InetSocketAddress("127.0.0.1", 0))) {
            client.setSoTimeout(5000);
            socket.setSoTimeout(5000);
            OutputStream out = socket.getOutputStream();
            FrameReader in = new FrameReader(socket.getInputStream());
            out.write(FrameCodec.encode(new Frame.Hello(ChannelProtocol.VERSION, token.bytes(),
                    (java.net.Inet4Address) AGENT.getAddress())));
            assertThat(in.read()).isInstanceOf(Frame.Welcome.class);

            out.write(FrameCodec.encode(new UdpFrame.Open(7, 0)));
            UdpFrame.Opened opened = (UdpFrame.Opened) in.read();
            assertThat(opened.id()).isEqualTo(7);
            assertThat(opened.local().getAddress()).isEqualTo(AGENT.getAddress());

            out.write(FrameCodec.encode(new UdpFrame.Data(7, (InetSocketAddress) client.getLocalSocketAddress(),
                    new byte[] {0, 5, 0, 1, 'x', 0})));
            DatagramPacket got = new DatagramPacket(new byte[100], 100);
            client.receive(got);
            assertThat(got.getSocketAddress()).isEqualTo(opened.local());
            assertThat(Arrays.copyOf(got.getData(), got.getLength())).containsExactly(0, 5, 0, 1, 'x', 0);

            client.send(new DatagramPacket(new byte[] {0, 4, 0, 1}, 4, opened.local()));
            assertThat(in.read()).isEqualTo(new UdpFrame.Data(7, (InetSocketAddress) client.getLocalSocketAddress(),
                    new byte[] {0, 4, 0, 1}));

            out.write(FrameCodec.encode(new UdpFrame.Opened(7, opened.local())));
            assertThat(in.read()).isInstanceOfSatisfying(Frame.Bye.class,
                    bye -> assertThat(bye.reason()).contains("Opened frame has no place in an open session"));
            assertThat(other.awaitEnd(Duration.ofSeconds(5)).clean()).isFalse();
        } finally {
            other.close();
        }
    }

    private static byte[] pxeDiscover() {
        return DhcpCodec.encode(DhcpMessage.builder().op(DhcpMessage.BOOTREQUEST).xid(0x2525)
                .chaddr("02:00:00:00:00:25").messageType(MessageType.DISCOVER)
                .option(DhcpOption.of(60, "PXEClient:Arch:00000:UNDI:002001".getBytes(StandardCharsets.US_ASCII)))
                .option(DhcpOption.of(93, new byte[] {0, 0})).build());
    }
}
