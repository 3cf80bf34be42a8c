package dev.dhcpembedded.testcontainers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.model.ExposedPort;
import com.github.dockerjava.api.model.Ports;
import dev.dhcpembedded.channel.ChannelProtocol;
import dev.dhcpembedded.channel.ChannelToken;
import dev.dhcpembedded.channel.Frame;
import dev.dhcpembedded.channel.FrameCodec;
import dev.dhcpembedded.channel.FrameReader;
import dev.dhcpembedded.journal.JournalEntry;
import java.io.IOException;
import java.io.InputStream;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Event;
import org.testcontainers.DockerClientFactory;

/**
 * What happens when something breaks: the agent is killed mid-test, the JVM dies or falls silent, a stranger or
 * garbage reaches the published port.
 */
@RequiresDockerAgent
class AgentFaultTest {

    private static final String FIXTURES = "dhcp.embedded.fixtures";
    private static final String KILLED_PREFIX = "dhcp-embedded-killed-";

    @Test
    void anAgentKilledMidTestFailsTheTestNamingItAndLeavesNothingBehind() {
        List<Event> failed = EngineTestKit.engine("junit-jupiter")
                .selectors(selectClass(KilledAgentFixture.class))
                .configurationParameter(FIXTURES, "true")
                .execute().testEvents().failed().list();

        assertThat(failed).singleElement().satisfies(event -> assertThat(
                event.getPayload(org.junit.platform.engine.TestExecutionResult.class).orElseThrow()
                        .getThrowable().orElseThrow())
                .isInstanceOf(DhcpNetworkException.class)
                .hasMessageContaining("the DHCP agent " + KILLED_PREFIX)
                .hasMessageContaining("-agent (container ")
                .hasMessageContaining("is gone: the agent closed the channel")
                .hasMessageContaining("DHCP on this network has stopped"));
        assertThat(KilledAgentFixture.transportEvents).as("the journal of the killed agent's network")
                .singleElement().satisfies(entry -> {
                    assertThat(entry.note()).startsWith("channel to agent " + KILLED_PREFIX)
                            .contains("-agent (container ")
                            .endsWith("closed: the agent closed the channel (the container stopped or was killed)");
                    assertThat(entry.transcriptLine()).startsWith("transport eth").contains(entry.note());
                    assertThat(entry.message()).isEmpty();
                });
        DockerClient docker = DockerClientFactory.instance().client();
        assertThat(docker.listContainersCmd().withShowAll(true).exec())
                .noneMatch(c -> c.getNames() != null && List.of(c.getNames()).stream()
                        .anyMatch(n -> n.contains(KILLED_PREFIX)));
        assertThat(docker.listNetworksCmd().exec()).noneMatch(n -> n.getName().startsWith(KILLED_PREFIX));
    }

    /** Run by the test above only: kills its network's agent while the test runs. */
    @EnabledIf("runByTheTestKit")
    @ExtendWith(DhcpNetworkExtension.class)
    static class KilledAgentFixture {

        static final DhcpNetwork NETWORK = DhcpNetwork.builder().namePrefix(KILLED_PREFIX).build();

        static volatile List<JournalEntry> transportEvents;

        static boolean runByTheTestKit(ExtensionContext context) {
            return context.getConfigurationParameter(FIXTURES).isPresent();
        }

        @Test
        void theAgentIsKilled() throws InterruptedException {
            DockerClientFactory.instance().client().killContainerCmd(NETWORK.agentContainerId().orElseThrow())
                    .exec();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (NETWORK.failure().isEmpty() && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            transportEvents = NETWORK.journal().entries(e -> e.kind() == JournalEntry.Kind.TRANSPORT);
        }
    }

    @Test
    void strangersAndGarbageOnThePublishedPortAreRefusedAndTheSessionGoesOn() throws Exception {
        try (DhcpNetwork network = DhcpNetwork.builder().build()) {
            InetSocketAddress control = publishedControlPort(network.agentContainerId().orElseThrow());

            Frame answer = exchange(control, FrameCodec.encode(new Frame.Hello(ChannelProtocol.VERSION,
                    ChannelToken.random().bytes(), (Inet4Address) network.server().serverIdentifier())));
            assertThat(answer).isInstanceOf(Frame.Refused.class);
            assertThat(((Frame.Refused) answer).reason()).contains("already serves its one session");
            assertThat(exchange(control, "GET / HTTP/1.1\r\n\r\n".getBytes(StandardCharsets.US_ASCII)))
                    .isInstanceOf(Frame.Refused.class);
            assertThat(exchange(control, ByteBuffer.allocate(5).putInt(ChannelProtocol.MAX_FRAME_LENGTH + 1)
                    .put((byte) 1).array())).isInstanceOf(Frame.Refused.class);

            try (DhcpClientContainer device = TestImages.udhcpc().withNetwork(network).waitingForLease()) {
                device.start();
                assertThat(device.ipv4Address()).hasValueSatisfying(a -> assertThat(network.inPool(a)).isTrue());
            }
            assertThat(network.failure()).isEmpty();
        }
    }

    @Test
    void aFreshAgentRefusesAWrongTokenAndClosesASilentPeerWithinTwoSeconds() throws Exception {
        ChannelToken token = ChannelToken.random();
        try (AgentContainer agent = new AgentContainer(AgentContainer.DEFAULT_IMAGE, token, "dhcp-embedded-fresh-"
                + Long.toHexString(System.nanoTime()))) {
            agent.start();
            InetSocketAddress control = new InetSocketAddress(agent.getHost(),
                    agent.getMappedPort(ChannelProtocol.DEFAULT_PORT));
            Inet4Address own = (Inet4Address) InetAddress.getByName(
                    agent.getContainerInfo().getNetworkSettings().getIpAddress());

            Frame refused = exchange(control, FrameCodec.encode(new Frame.Hello(ChannelProtocol.VERSION,
                    ChannelToken.random().bytes(), own)));
            assertThat(((Frame.Refused) refused).reason()).contains("wrong token");

            try (Socket silent = new Socket()) {
                silent.connect(control);
                silent.setSoTimeout(5000);
                long start = System.nanoTime();
                assertThat(silent.getInputStream().read()).isEqualTo(-1);
                assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start)).isLessThan(2600);
            }
            assertThat(agent.isRunning()).as("the agent stays up for its JVM").isTrue();
        }
    }

    @Test
    void whenTheJvmDiesTheAgentExitsWithinTenSeconds() throws Exception {
        ChannelToken token = ChannelToken.random();
        try (AgentContainer agent = new AgentContainer(AgentContainer.DEFAULT_IMAGE, token, "dhcp-embedded-orphan-"
                + Long.toHexString(System.nanoTime()))) {
            agent.start();
            InetSocketAddress control = new InetSocketAddress(agent.getHost(),
                    agent.getMappedPort(ChannelProtocol.DEFAULT_PORT));
            Inet4Address own = (Inet4Address) InetAddress.getByName(
                    agent.getContainerInfo().getNetworkSettings().getIpAddress());
            Socket session = new Socket();
            session.connect(control);
            session.getOutputStream().write(FrameCodec.encode(new Frame.Hello(ChannelProtocol.VERSION, token.bytes(),
                    own)));
            assertThat(new FrameReader(session.getInputStream()).read()).isInstanceOf(Frame.Welcome.class);

            session.setSoLinger(true, 0);
            session.close(); // the kernel resets the JVM's connections when the JVM dies
            long start = System.nanoTime();
            long deadline = start + TimeUnit.SECONDS.toNanos(10);
            while (running(agent) && System.nanoTime() < deadline) {
                Thread.sleep(100);
            }
            assertThat(running(agent)).as("the agent exited within 10 s").isFalse();
            assertThat(agent.getLogs()).contains("dhcp-agent exits");
        }
    }

    private static boolean running(AgentContainer agent) {
        Boolean running = DockerClientFactory.instance().client().inspectContainerCmd(agent.getContainerId()).exec()
                .getState().getRunning();
        return Boolean.TRUE.equals(running);
    }

    private static InetSocketAddress publishedControlPort(String containerId) {
        Map<ExposedPort, Ports.Binding[]> bindings = DockerClientFactory.instance().client()
                .inspectContainerCmd(containerId).exec().getNetworkSettings().getPorts().getBindings();
        Ports.Binding binding = bindings.get(ExposedPort.tcp(ChannelProtocol.DEFAULT_PORT))[0];
        return new InetSocketAddress(DockerClientFactory.instance().dockerHostIpAddress(),
                Integer.parseInt(binding.getHostPortSpec()));
    }

    private static Frame exchange(InetSocketAddress control, byte[] bytes) throws IOException {
        try (Socket socket = new Socket()) {
            socket.connect(control);
            socket.setSoTimeout(5000);
            socket.getOutputStream().write(bytes);
            InputStream in = socket.getInputStream();
            Frame answer = new FrameReader(in).read();
            assertThat(in.read()).as("the agent closes after refusing").isEqualTo(-1);
            return answer;
        }
    }

}
