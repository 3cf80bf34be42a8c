package dev.dhcpembedded.testcontainers;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.InspectContainerResponse;
import com.github.dockerjava.api.command.TopContainerResponse;
import com.github.dockerjava.api.model.Capability;
import com.github.dockerjava.api.model.HostConfig;
import com.github.dockerjava.api.model.LogConfig;
import dev.dhcpembedded.channel.ChannelProtocol;
import dev.dhcpembedded.channel.ChannelToken;
import dev.dhcpembedded.channel.TokenDigest;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.Container.ExecResult;

/**
 * The agent container is locked down (issue 21, item 6), each property read from {@code docker inspect} of a running
 * DhcpNetwork's agent, or from what a container on the DHCP network can reach. Needs no privilege in this JVM (CI
 * runs it as an ordinary user in the docker group too).
 */
@RequiresDockerAgent
class AgentLockdownTest {

    private static DhcpNetwork network;
    private static InspectContainerResponse agent;

    @BeforeAll
    static void startNetwork() {
        network = DhcpNetwork.builder().build();
        network.start();
        agent = docker().inspectContainerCmd(network.agentContainerId().orElseThrow()).exec();
        System.out.println("AgentLockdownTest: docker inspect of " + agent.getName() + ": " + summary(agent));
    }

    @AfterAll
    static void closeNetwork() {
        if (network != null) {
            network.close();
        }
    }

    private static DockerClient docker() {
        return DockerClientFactory.instance().client();
    }

    private static HostConfig host() {
        return agent.getHostConfig();
    }

    /** The fields the closing note gives, as this test reads them. */
    static String summary(InspectContainerResponse inspected) {
        HostConfig h = inspected.getHostConfig();
        LogConfig log = h.getLogConfig();
        return "User=" + inspected.getConfig().getUser() + " CapDrop=" + Arrays.toString(h.getCapDrop())
                + " CapAdd=" + Arrays.toString(h.getCapAdd()) + " ReadonlyRootfs=" + h.getReadonlyRootfs()
                + " SecurityOpt=" + h.getSecurityOpts() + " Memory=" + h.getMemory() + " MemorySwap="
                + h.getMemorySwap() + " PidsLimit=" + h.getPidsLimit() + " LogConfig="
                + (log == null ? null : log.getType() + " " + log.getConfig()) + " Env="
                + Arrays.toString(inspected.getConfig().getEnv());
    }

    @Test
    void theAgentRunsAsItsOwnUserNotAsRoot() {
        assertThat(agent.getConfig().getEnv()).contains("DHCP_AGENT_USER=10067:10067");
        assertThat(logs()).contains("running as uid 10067 gid 10067");   // the kernel's word, on every engine
        if (Engines.onPodman()) {
            return; // Podman's Docker-compatible API has no container top
        }
        TopContainerResponse top = docker().topContainerCmd(agent.getId()).exec();
        int column = Math.max(Arrays.asList(top.getTitles()).indexOf("UID"),
                Arrays.asList(top.getTitles()).indexOf("USER"));
        assertThat(column).as("a user column in %s", Arrays.toString(top.getTitles())).isNotNegative();
        assertThat(Arrays.asList(top.getProcesses())).isNotEmpty()
                .allSatisfy(process -> assertThat(process[column]).isIn("10067", "dhcp-agent"));
        assertThat(agent.getConfig().getEnv()).contains("DHCP_AGENT_USER=10067:10067");
        assertThat(logs()).contains("running as uid 10067 gid 10067");
    }

    @Test
    void allCapabilitiesAreDroppedAndOnlyWhatTheAgentNeedsIsAdded() {
        if (Engines.onPodman()) {
            // Podman reports both lists against its own default set: ALL dropped as those defaults one by one, and
            // as added only what its defaults lack (NET_BIND_SERVICE, SETUID and SETGID are among them)
            assertThat(host().getCapDrop()).contains(Capability.NET_RAW, Capability.CHOWN, Capability.DAC_OVERRIDE,
                    Capability.KILL).doesNotContain(Capability.NET_ADMIN, Capability.NET_BIND_SERVICE);
            assertThat(host().getCapAdd()).contains(Capability.NET_ADMIN).isSubsetOf(Capability.NET_ADMIN,
                    Capability.NET_BIND_SERVICE, Capability.SETUID, Capability.SETGID);
        } else {
            assertThat(host().getCapDrop()).containsExactly(Capability.ALL);
            assertThat(host().getCapAdd()).containsExactlyInAnyOrder(Capability.NET_ADMIN,
                    Capability.NET_BIND_SERVICE, Capability.SETUID, Capability.SETGID);
        }
        // SETUID and SETGID serve the switch of user only: the agent's threads keep these two, the kernel says
        assertThat(logs()).contains("capabilities NET_BIND_SERVICE NET_ADMIN,");
    }

    @Test
    void theRootFileSystemIsReadOnly() {
        assertThat(host().getReadonlyRootfs()).isTrue();
    }

    @Test
    void noNewPrivilegesIsOn() {
        assertThat(host().getSecurityOpts()).contains("no-new-privileges");
        assertThat(logs()).contains("no_new_privs 1");
    }

    @Test
    void memoryAndPidsAreLimited() {
        assumeFalse(Engines.limitsIgnored(), "rootless Podman on cgroup v1 ignores memory and pids limits (the agent "
                + "asks for them; Docker and cgroup v2 apply them)");
        assertThat(host().getMemory()).isEqualTo(AgentContainer.MEMORY_BYTES);
        assertThat(host().getMemorySwap()).as("no swap beyond the memory").isEqualTo(AgentContainer.MEMORY_BYTES);
        assertThat(host().getPidsLimit()).isEqualTo(AgentContainer.PIDS_LIMIT);
    }

    @Test
    void theContainerLogIsCapped() {
        LogConfig log = host().getLogConfig();
        assumeFalse((log == null || log.getConfig() == null) && Engines.onPodman(), "Podman's Docker-compatible "
                + "API does not report the log driver's options");
        // Podman's Docker-compatible API keeps its json-file as its own k8s-file driver, which rotates by size only
        assertThat(log.getType().getType()).isIn("json-file", "k8s-file");
        assertThat(log.getConfig()).containsEntry("max-size", AgentContainer.LOG_MAX_SIZE);
        if (log.getType().getType().equals("json-file")) {
            assertThat(log.getConfig()).containsEntry("max-file", AgentContainer.LOG_MAX_FILES);
        }
    }

    @Test
    void theTokenIsNotInTheEnvironmentOnlyItsDigest() {
        ChannelToken token = ChannelToken.random();
        try (AgentContainer fresh = new AgentContainer(AgentContainer.DEFAULT_IMAGE, token, "dhcp-embedded-token-"
                + Long.toHexString(System.nanoTime()))) {
            fresh.start();
            List<String> env = List.of(docker().inspectContainerCmd(fresh.getContainerId()).exec().getConfig()
                    .getEnv());
            assertThat(env).noneMatch(e -> e.contains(token.text()))
                    .noneMatch(e -> e.startsWith("DHCP_AGENT_TOKEN="))
                    .contains("DHCP_AGENT_TOKEN_SHA256=" + TokenDigest.of(token).text());
        }
        assertThat(Arrays.toString(agent.getConfig().getEnv())).doesNotContain("DHCP_AGENT_TOKEN=");
    }

    @Test
    void aContainerOnTheDhcpNetworkCannotReachTheControlPortAndStillGetsItsLease() throws Exception {
        String agentOnDhcpNetwork = network.server().serverIdentifier().getHostAddress();
        try (DhcpClientContainer device = TestImages.udhcpc().withNetwork(network).waitingForLease()) {
            device.start();
            assertThat(device.ipv4Address()).hasValueSatisfying(a -> assertThat(network.inPool(a)).isTrue());

            ExecResult tried = device.execInContainer("sh", "-c", "nc -w 3 " + agentOnDhcpNetwork + " "
                    + ChannelProtocol.DEFAULT_PORT + " </dev/null; echo exit=$?");
            assertThat(tried.getStdout() + tried.getStderr()).as("nc to the agent's control port on the DHCP "
                    + "network").contains("exit=1").containsIgnoringCase("refused");
        }
        assertThat(network.failure()).isEmpty();
    }

    private static String logs() {
        return docker().logContainerCmd(agent.getId()).withStdOut(true).withStdErr(true)
                .exec(new LogCollector()).text();
    }

    /** Collects a container's log. */
    private static final class LogCollector extends com.github.dockerjava.api.async.ResultCallback.Adapter<
            com.github.dockerjava.api.model.Frame> {
        private final StringBuilder text = new StringBuilder();

        @Override
        public void onNext(com.github.dockerjava.api.model.Frame frame) {
            text.append(new String(frame.getPayload(), java.nio.charset.StandardCharsets.UTF_8));
        }

        String text() {
            try {
                awaitCompletion(10, java.util.concurrent.TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return text.toString();
        }
    }
}
