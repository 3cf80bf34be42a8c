package dev.dhcpembedded.testcontainers;

import com.github.dockerjava.api.model.Capability;
import com.github.dockerjava.api.model.ContainerNetwork;
import com.github.dockerjava.api.model.ExposedPort;
import com.github.dockerjava.api.model.LogConfig;
import com.github.dockerjava.api.model.PortBinding;
import com.github.dockerjava.api.model.Ports;
import dev.dhcpembedded.channel.ChannelProtocol;
import dev.dhcpembedded.channel.ChannelToken;
import dev.dhcpembedded.channel.TokenDigest;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.utility.DockerImageName;

/**
 * The DHCP agent container of a {@link DhcpNetwork}: on an ordinary network of its own, with its control port
 * published (on the host's loopback address when the Docker host is this machine), and given the SHA-256 of the
 * network's token in its environment (the token itself never leaves this JVM, so {@code docker inspect} does not
 * show it). Locked down:
 * <ul>
 *   <li>all capabilities dropped; added back only NET_ADMIN (the ARP entries of unicast replies) and
 *   NET_BIND_SERVICE (UDP 67 and 547), which the agent keeps, and SETUID and SETGID, which it needs only to switch
 *   from root to its own user at start, and which it gives up then (Docker grants added capabilities to uid 0
 *   only: see the agent's {@code Privileges});</li>
 *   <li>a read-only root file system, no-new-privileges, a memory and a pids limit;</li>
 *   <li>a capped log (json-file, {@value #LOG_MAX_SIZE} times {@value #LOG_MAX_FILES} files);</li>
 *   <li>its control port listening on its control network's address only, never on the DHCP network.</li>
 * </ul>
 */
final class AgentContainer extends GenericContainer<AgentContainer> {

    /** The image of this version of dhcp-embedded, before Testcontainers' image-name substitution. */
    static final DockerImageName DEFAULT_IMAGE = DockerImageName.parse("dev.dhcpembedded/dhcp-agent")
            .withTag(version());
    /** The label put on every agent container. */
    static final String LABEL = "dev.dhcpembedded.agent";
    private static final String READY = "dhcp-agent ready";
    /** Capabilities added after dropping all: what the agent keeps, and what it needs to switch user. */
    static final List<Capability> CAPABILITIES = List.of(Capability.NET_ADMIN, Capability.NET_BIND_SERVICE,
            Capability.SETUID, Capability.SETGID);
    /** The agent's memory limit: its JVM's 48 MiB heap, its metaspace and threads, with room to spare. */
    static final long MEMORY_BYTES = 160L * 1024 * 1024;
    /** The agent's task limit: about 20 JVM threads, its own few, and at most 16 handshakes at once. */
    static final long PIDS_LIMIT = 64;
    static final String LOG_MAX_SIZE = "1m";
    static final String LOG_MAX_FILES = "2";

    AgentContainer(DockerImageName image, ChannelToken token, String networkName) {
        this(image, token, networkName, false);
    }

    /**
     * With {@code ipv6}, IPv6 is on in the agent's namespace from the start (Docker turns it off in a container
     * whose first network has none, and a JVM that starts without an IPv6 address never uses IPv6), so that it can
     * serve DHCPv6 on the network it joins later.
     */
    AgentContainer(DockerImageName image, ChannelToken token, String networkName, boolean ipv6) {
        super(image);
        boolean loopback = dockerHostIsLoopback();
        withEnv("DHCP_AGENT_TOKEN_SHA256", TokenDigest.of(token).text());
        withEnv("DHCP_AGENT_PORT", String.valueOf(ChannelProtocol.DEFAULT_PORT));
        withExposedPorts(ChannelProtocol.DEFAULT_PORT);
        withLabels(Map.of(LABEL, networkName, DhcpNetwork.LABEL, "agent"));
        withCreateContainerCmdModifier(cmd -> {
            cmd.withName(networkName + "-agent");
            cmd.getHostConfig().withCapDrop(Capability.ALL)
                    .withCapAdd(CAPABILITIES.toArray(Capability[]::new))
                    .withReadonlyRootfs(true)
                    .withSecurityOpts(List.of("no-new-privileges"))
                    .withMemory(MEMORY_BYTES)
                    .withMemorySwap(MEMORY_BYTES)
                    .withPidsLimit(PIDS_LIMIT)
                    .withLogConfig(new LogConfig(LogConfig.LoggingType.JSON_FILE,
                            Map.of("max-size", LOG_MAX_SIZE, "max-file", LOG_MAX_FILES)));
            if (ipv6) {
                cmd.getHostConfig().withSysctls(Map.of("net.ipv6.conf.all.disable_ipv6", "0",
                        "net.ipv6.conf.default.disable_ipv6", "0"));
            }
            if (loopback) {
                cmd.getHostConfig().withPortBindings(new PortBinding(Ports.Binding.bindIp("127.0.0.1"),
                        ExposedPort.tcp(ChannelProtocol.DEFAULT_PORT)));
            }
        });
        waitingFor(Wait.forLogMessage(".*" + READY + ".*\\n", 1).withStartupTimeout(Duration.ofSeconds(30)));
    }

    /**
     * The host port its control port is published on, as Docker says now: connecting the agent to a network with
     * IPv6 makes that network its gateway, and Docker then publishes the port anew, on another host port (the one
     * {@link #getMappedPort} read at start no longer answers).
     */
    int controlPortNow() {
        Ports.Binding[] bindings = DockerClientFactory.instance().client().inspectContainerCmd(getContainerId())
                .exec().getNetworkSettings().getPorts().getBindings()
                .get(ExposedPort.tcp(ChannelProtocol.DEFAULT_PORT));
        if (bindings == null || bindings.length == 0) {
            throw new DhcpNetworkException("the control port " + ChannelProtocol.DEFAULT_PORT + " of the DHCP agent "
                    + describe() + " is not published");
        }
        return Integer.parseInt(bindings[0].getHostPortSpec());
    }

    /** The agent's IPv4 address on {@code networkName}, once connected to it. */
    String addressOn(String networkName) {
        Map<String, ContainerNetwork> networks = DockerClientFactory.instance().client()
                .inspectContainerCmd(getContainerId()).exec().getNetworkSettings().getNetworks();
        ContainerNetwork on = networks == null ? null : networks.get(networkName);
        if (on == null || on.getIpAddress() == null || on.getIpAddress().isEmpty()) {
            throw new DhcpNetworkException("the DHCP agent " + describe() + " has no IPv4 address on network "
                    + networkName + " (its networks: " + (networks == null ? "none" : networks.keySet()) + ")");
        }
        return on.getIpAddress();
    }

    /** How messages name it: its container name and short id. */
    String describe() {
        String id = getContainerId();
        String name = getContainerName();
        return (name == null ? "" : name.replaceFirst("^/", "") + " ") + "(container "
                + (id == null ? "not created" : id.substring(0, Math.min(12, id.length()))) + ", image "
                + getDockerImageName() + ")";
    }

    /** True when the Docker host Testcontainers reaches is this machine's loopback: publish there only. */
    static boolean dockerHostIsLoopback() {
        try {
            return InetAddress.getByName(DockerClientFactory.instance().dockerHostIpAddress()).isLoopbackAddress();
        } catch (UnknownHostException | RuntimeException e) {
            return false;
        }
    }

    private static String version() {
        Properties properties = new Properties();
        try (InputStream in = AgentContainer.class.getResourceAsStream("agent-image.properties")) {
            if (in == null) {
                throw new IllegalStateException("agent-image.properties is missing from the dhcp-embedded "
                        + "Testcontainers jar");
            }
            properties.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String version = properties.getProperty("version", "");
        if (version.isEmpty() || version.startsWith("${")) {
            throw new IllegalStateException("agent-image.properties holds no version: the jar was not built by Maven");
        }
        return version;
    }
}
