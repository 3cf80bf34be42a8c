package dev.dhcpembedded.testcontainers;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.Network.Ipam;
import dev.dhcpembedded.internal.wire.Ipv4;
import dev.dhcpembedded.internal.wire.Ipv6;
import dev.dhcpembedded.journal.Journal;
import dev.dhcpembedded.junit.FailedTestTraffic;
import dev.dhcpembedded.internal.engine.AddressRange;
import dev.dhcpembedded.internal.engine.AddressText;
import dev.dhcpembedded.internal.engine.Cidr;
import dev.dhcpembedded.server.DhcpServer;
import dev.dhcpembedded.server.DhcpServerBuilder;
import dev.dhcpembedded.server.Subnet6Builder;
import dev.dhcpembedded.server.SubnetBuilder;
import dev.dhcpembedded.channel.ChannelToken;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Consumer;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.Network;
import org.testcontainers.lifecycle.Startable;
import org.testcontainers.utility.DockerImageName;

/**
 * A Testcontainers {@link Network} whose DHCP comes from a {@link DhcpServer} in this JVM.
 *
 * <p>Starting it (explicitly, through {@code @Container}, as a JUnit extension, or lazily when a container asks for
 * its {@link #getId()}) creates a Docker bridge network whose traffic is not masqueraded off the host (with the
 * agent; from the host bridge the network is also <em>internal</em>: Docker's internal networks drop bridged
 * broadcasts such as a DISCOVER from 0.0.0.0 when the host filters bridged traffic, so the agent could not hear it),
 * splits its subnet in two halves, lets Docker assign container addresses from the lower half only, and serves the
 * upper half from a DhcpServer in this JVM. Closing it stops the server, the agent, and removes the network.
 *
 * <p><b>The agent (default).</b> A small DHCP agent container joins the network and owns UDP port 67 of its
 * interface there; it carries every datagram to and from this JVM over a TCP channel on a published port, reached
 * like any Testcontainers port ({@code getHost()}, {@code getMappedPort()}). The server's brain stays here: lease
 * engine, stubs, journal, TestClock. So this JVM needs no privilege, and it works wherever Testcontainers works
 * (Docker Desktop, rootless Docker, Docker-in-Docker, a remote Docker host). The server identifier is the agent's
 * address on the network; the router offered is the network's gateway. The channel is authenticated by a random
 * token per network; if it breaks (the agent was killed, say) the running test fails naming the agent. The image
 * is {@code dev.dhcpembedded/dhcp-agent:<version>}; change it with {@link Builder#agentImage(DockerImageName)} or
 * Testcontainers' image-name substitution.
 *
 * <p><b>The host bridge ({@link Builder#serveFromHostBridge()}).</b> The server binds port 67 of the network's bridge
 * interface on this host instead (interface mode: it answers nothing that arrived elsewhere). No agent, but root on
 * a Linux Docker host is needed.
 *
 * <pre>{@code
 * @Container
 * static DhcpNetwork network = DhcpNetwork.builder()
 *     .configureSubnet(s -> s.leaseTime(Duration.ofMinutes(2)).dns("10.1.2.3"))
 *     .staticLease("02:42:ac:11:00:42", 200)          // the 200th address of the pool
 *     .build();
 * @Container
 * DhcpClientContainer device = DhcpClientContainer.udhcpc().withNetwork(network);
 * }</pre>
 *
 * <p>From the host bridge, the bridge must be an interface of the host this JVM runs on and the JVM must be allowed
 * to bind port 67 on it (root, or CAP_NET_BIND_SERVICE and CAP_NET_RAW): a rootful Docker engine on Linux. With
 * Docker Desktop, rootless Docker or a remote engine the bridge is in another network namespace and {@link #start()}
 * fails with a {@link DhcpNetworkException} that says so; the agent has no such limit.
 *
 * <p>As a JUnit 5 extension ({@code @RegisterExtension static DhcpNetwork network = ...}) it starts before the
 * tests, closes after them, injects itself into parameters of type {@code DhcpNetwork}, and writes the journal of
 * a failed test to {@code target/dhcp-traffic/<class>/<method>.pcap} (as the server extension does, with
 * {@code [n]} per invocation of a parameterized or repeated test). It injects no {@code DhcpServer}, so it can
 * sit next to {@code @DhcpServerTest}; use {@link #server()} for assertions:
 * {@code DhcpAssertions.assertThat(network.server())}.
 */
public final class DhcpNetwork implements Network, Startable, BeforeAllCallback, BeforeEachCallback,
        AfterEachCallback, AfterAllCallback, ParameterResolver {

    /** The label put on every network this class creates. */
    public static final String LABEL = "dev.dhcpembedded.network";
    /** The Docker bridge driver option that names the host-side bridge interface. */
    static final String BRIDGE_NAME_OPTION = "com.docker.network.bridge.name";
    /** The Docker bridge driver option that turns NAT to the outside off. */
    static final String MASQUERADE_OPTION = "com.docker.network.bridge.enable_ip_masquerade";

    private final Builder config;

    private String id;
    private String name;
    private String bridge;
    private Cidr subnet;
    private int gateway;
    private int poolFirst;
    private int poolLast;
    private Inet6Address subnet6;
    private DhcpServer server;
    private AgentContainer agent;
    private volatile String channelFailure;
    private boolean startedForClass;
    private boolean closed;

    private DhcpNetwork(Builder config) {
        this.config = config;
    }

    /** A network with the defaults: a subnet from Docker's IPAM, the upper half as the pool, router = gateway. */
    public static DhcpNetwork newNetwork() {
        return builder().build();
    }

    public static Builder builder() {
        return new Builder();
    }

    // ---- lifecycle ----

    /**
     * Creates the Docker network and starts the server on its bridge; does nothing when already started.
     *
     * @throws DhcpNetworkException when Docker is not reachable, the bridge is not an interface of this host, or
     *                              port 67 cannot be bound on it (the message says what to do)
     */
    @Override
    public synchronized void start() {
        if (server != null) {
            return;
        }
        if (closed) {
            throw new IllegalStateException("this DhcpNetwork was closed; build a new one");
        }
        DockerClient docker = docker();
        String suffix = randomHex(10);
        String networkName = config.namePrefix + suffix;
        String bridgeName = "dhebr" + suffix;
        Cidr chosen = config.subnet != null ? config.subnet : askDockerForSubnet(docker, networkName);
        if (chosen.prefixLength() > 29) {
            throw new DhcpNetworkException("subnet " + chosen + " is too small: a DhcpNetwork gives the lower half to"
                    + " Docker and the upper half to DHCP, so it needs at least a /29");
        }
        Cidr dockerHalf = new Cidr(chosen.network(), chosen.prefixLength() + 1);
        int gw = chosen.network() + 1;
        int first = config.pool != null ? config.pool.first() : dockerHalf.broadcast() + 2;
        int last = config.pool != null ? config.pool.last() : chosen.broadcast() - 1;
        checkPool(chosen, dockerHalf, first, last);

        Inet6Address prefix6 = !config.ipv6 ? null : config.subnet6 != null ? config.subnet6 : randomUla();
        Map<String, String> labels = new HashMap<>(DockerClientFactory.DEFAULT_LABELS);
        labels.put(DockerClientFactory.TESTCONTAINERS_SESSION_ID_LABEL, DockerClientFactory.SESSION_ID);
        labels.put(LABEL, "true");
        String createdId;
        try {
            createdId = docker.createNetworkCmd()
                    .withName(networkName)
                    .withDriver("bridge")
                    .withInternal(config.hostBridge)
                    .withCheckDuplicate(true)
                    .withOptions(config.hostBridge ? Map.of(BRIDGE_NAME_OPTION, bridgeName)
                            : Map.of(BRIDGE_NAME_OPTION, bridgeName, MASQUERADE_OPTION, "false"))
                    .withLabels(labels)
                    .withEnableIpv6(prefix6 != null)
                    .withIpam(new Ipam().withConfig(ipamConfigs(chosen, dockerHalf, gw, prefix6)))
                    .exec().getId();
        } catch (RuntimeException e) {
            throw new DhcpNetworkException("Docker could not create internal network " + networkName + " with subnet "
                    + chosen + (prefix6 != null ? " and " + Ipv6.format(prefix6) + "/64" : "") + ": " + e.getMessage()
                    + (config.subnet != null
                    ? ". Choose a subnet no other Docker network or host route uses, or leave it to Docker's IPAM" : ""),
                    e);
        }
        try {
            com.github.dockerjava.api.model.Network inspected = docker.inspectNetworkCmd().withNetworkId(createdId).exec();
            String actualBridge = Optional.ofNullable(inspected.getOptions()).map(o -> o.get(BRIDGE_NAME_OPTION))
                    .orElse("br-" + createdId.substring(0, 12));
            if (config.hostBridge) {
                requireHostInterface(actualBridge, networkName);
            }
            DhcpServerBuilder builder = DhcpServer.builder();
            config.serverSteps.forEach(step -> step.accept(builder));
            builder.subnet(chosen.toString(), s -> {
                s.pool(Ipv4.toString(first), Ipv4.toString(last));
                if (config.router) {
                    s.router(Ipv4.toString(gw));
                }
                config.subnetSteps.forEach(step -> step.accept(s));
            });
            config.staticLeases.forEach((mac, address) -> builder.staticLease(mac, address.apply(first)));
            if (prefix6 != null) {
                builder.subnet6(Ipv6.format(prefix6) + "/64", s -> {
                    s.defaultPool();
                    config.subnet6Steps.forEach(step -> step.accept(s));
                });
            }
            AgentTransport channel = null;
            if (config.hostBridge) {
                builder.bindInterface(actualBridge); // last: the bridge, whatever a step said
            } else {
                channel = startAgent(networkName, prefix6 != null);
                // last: the agent, whatever a step said; clients unicast to the server identifier (RENEWING), so it
                // must be the agent's own address on the network
                builder.transport(channel).serverId(channel.localAddress().getAddress().getHostAddress());
                if (prefix6 != null) {
                    builder.transport6(channel.dhcp6());
                }
            }
            DhcpServer built;
            try {
                built = builder.build();
            } catch (IllegalArgumentException | IllegalStateException e) {
                throw new DhcpNetworkException("the DHCP server of network " + networkName + " is misconfigured: "
                        + e.getMessage(), e);
            }
            try {
                built.start();
            } catch (UncheckedIOException e) {
                if (!config.hostBridge) {
                    throw new DhcpNetworkException("cannot serve DHCP through the agent " + agent.describe() + ": "
                            + e.getMessage(), e);
                }
                throw new DhcpNetworkException("cannot serve DHCP on bridge " + actualBridge + " of Docker network "
                        + networkName + ": " + e.getMessage() + ". A DhcpNetwork binds UDP port 67 on the bridge, "
                        + "which needs root or the capabilities CAP_NET_BIND_SERVICE and CAP_NET_RAW for java", e);
            }
            this.id = createdId;
            this.name = networkName;
            this.bridge = actualBridge;
            this.subnet = chosen;
            this.gateway = gw;
            this.poolFirst = first;
            this.poolLast = last;
            this.subnet6 = prefix6;
            this.server = built;
        } catch (RuntimeException e) {
            stopAgentQuietly();
            removeQuietly(docker, createdId);
            throw e;
        }
    }

    /** Starts the agent on its own network, connects it to this one, and opens the channel to it. */
    private AgentTransport startAgent(String networkName, boolean serve6) {
        ChannelToken token = ChannelToken.random();
        AgentContainer started = new AgentContainer(config.agentImage, token, networkName, serve6);
        agent = started;
        try {
            started.start();
        } catch (RuntimeException e) {
            throw new DhcpNetworkException("the DHCP agent container (image " + config.agentImage + ") did not "
                    + "start: " + e.getMessage() + ". Is the image there? .ci/build-images.sh builds it locally; "
                    + "agent/Dockerfile is what a release builds from", e);
        }
        Inet4Address address;
        try {
            docker().connectToNetworkCmd().withNetworkId(networkName).withContainerId(started.getContainerId())
                    .exec();
            address = (Inet4Address) InetAddress.getByName(started.addressOn(networkName));
        } catch (IOException | RuntimeException e) {
            throw new DhcpNetworkException("cannot connect the DHCP agent " + started.describe() + " to network "
                    + networkName + ": " + e.getMessage(), e);
        }
        InetSocketAddress control = new InetSocketAddress(started.getHost(), started.controlPortNow());
        AgentTransport transport;
        try {
            transport = AgentTransport.connect(control, token, address, serve6, Duration.ofSeconds(10),
                    started.describe());
        } catch (IOException e) {
            throw new DhcpNetworkException("cannot open the channel to the DHCP agent " + started.describe() + " at "
                    + control + ": " + e.getMessage(), e);
        }
        transport.onBroken(reason -> channelBroke(started, networkName, reason));
        return transport;
    }

    private void channelBroke(AgentContainer broken, String networkName, String reason) {
        channelFailure = "the DHCP agent " + broken.describe() + " of network " + networkName + " is gone: " + reason
                + ". DHCP on this network has stopped; the containers on it get no more answers";
    }

    private void stopAgentQuietly() {
        AgentContainer current = agent;
        agent = null;
        if (current != null) {
            try {
                current.stop();
            } catch (RuntimeException ignored) {
                // best effort: it may be gone already
            }
        }
    }

    /** Stops the server and removes the network (disconnecting containers still on it). Safe to call twice. */
    @Override
    public synchronized void close() {
        closed = true;
        if (server != null) {
            server.close();
        }
        stopAgentQuietly();
        if (id != null) {
            try {
                DockerClient docker = DockerClientFactory.instance().client();
                remove(docker, id);
            } catch (NotFoundException e) {
                // already gone
            }
        }
        id = null;
    }

    /** Same as {@link #close()}. */
    @Override
    public void stop() {
        close();
    }

    /** The Docker network id; creates the network and starts the server first if needed (as Testcontainers does). */
    @Override
    public synchronized String getId() {
        start();
        return id;
    }

    public synchronized boolean isRunning() {
        return server != null && id != null;
    }

    // ---- what it made ----

    /** The server answering on this network; starts the network first if needed. */
    public synchronized DhcpServer server() {
        start();
        return server;
    }

    /** The server's journal: everything the clients on this network sent and the server answered. */
    public Journal journal() {
        return server().journal();
    }

    /**
     * The DHCP agent's container id, while it runs; empty when serving {@link Builder#serveFromHostBridge() from the
     * host bridge}.
     */
    public synchronized Optional<String> agentContainerId() {
        start();
        return Optional.ofNullable(agent).map(AgentContainer::getContainerId);
    }

    /** Why DHCP stopped on this network, if the channel to its agent broke. */
    public Optional<String> failure() {
        return Optional.ofNullable(channelFailure);
    }

    /** The Docker network's name ({@code dhcp-embedded-<random>} unless a prefix was given). */
    public synchronized String getName() {
        start();
        return name;
    }

    /**
     * The host-side bridge interface of the network, e.g. {@code dhebr1a2b3c4d5e}: the server is bound to it when
     * serving from the host bridge. With the agent it exists only where the Docker engine runs.
     */
    public synchronized String bridgeInterface() {
        start();
        return bridge;
    }

    /** The network's subnet, e.g. {@code 172.18.0.0/16}. */
    public synchronized String subnet() {
        start();
        return subnet.toString();
    }

    /**
     * The network's IPv6 /64, e.g. {@code fd12:3456:789a:1::/64}, when it was built with {@link Builder#ipv6()};
     * DHCPv6 hands out its {@code ::100} to {@code ::ffff}.
     */
    public synchronized Optional<String> subnet6() {
        start();
        return Optional.ofNullable(subnet6).map(p -> Ipv6.format(p) + "/64");
    }

    /** The prefix length of the subnet, as clients configure it. */
    public synchronized int prefixLength() {
        start();
        return subnet.prefixLength();
    }

    /**
     * The gateway: the bridge's address on the Docker host and the default router offered; also the server
     * identifier when serving from the host bridge (with the agent, the server identifier is the agent's address).
     */
    public synchronized String gateway() {
        start();
        return Ipv4.toString(gateway);
    }

    /** Where Docker assigns container addresses from: the lower half of the subnet. */
    public synchronized String dockerRange() {
        start();
        return new Cidr(subnet.network(), subnet.prefixLength() + 1).toString();
    }

    /** The first address of the DHCP pool. */
    public synchronized String poolFirst() {
        start();
        return Ipv4.toString(poolFirst);
    }

    /** The last address of the DHCP pool. */
    public synchronized String poolLast() {
        start();
        return Ipv4.toString(poolLast);
    }

    /** True when {@code address} is in the DHCP pool. */
    public synchronized boolean inPool(String address) {
        start();
        long a = Integer.toUnsignedLong(Ipv4.parseInt(address));
        return a >= Integer.toUnsignedLong(poolFirst) && a <= Integer.toUnsignedLong(poolLast);
    }

    /** The {@code n}th address of the pool, counting from 0. */
    public synchronized String poolAddress(int n) {
        start();
        return Ipv4.toString(poolFirst + n);
    }

    @Override
    public synchronized String toString() {
        return server == null ? "DhcpNetwork(not started)"
                : "DhcpNetwork(" + name + (agent != null ? ", agent " + agent.describe() : ", bridge " + bridge)
                + ", subnet " + subnet + ", pool "
                + Ipv4.toString(poolFirst) + "-" + Ipv4.toString(poolLast) + ")";
    }

    // ---- JUnit 5 ----

    @Override
    public void beforeAll(ExtensionContext context) {
        synchronized (this) {
            startedForClass = true;
        }
        start();
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        boolean perTest;
        synchronized (this) {
            perTest = !startedForClass;
        }
        start();
        if (perTest) {
            context.getStore(ExtensionContext.Namespace.create(DhcpNetwork.class, this))
                    .put("network", new Closer(this));
        }
    }

    @Override
    public void afterEach(ExtensionContext context) {
        DhcpServer s;
        synchronized (this) {
            s = server;
        }
        if (s != null) {
            FailedTestTraffic.writeIfFailed(context, s.journal());
        }
        String broken = channelFailure;
        if (broken != null) {
            Optional<Throwable> failure = context.getExecutionException();
            if (failure.isPresent()) {
                failure.get().addSuppressed(new DhcpNetworkException(broken));
            } else {
                throw new DhcpNetworkException(broken);
            }
        }
    }

    @Override
    public void afterAll(ExtensionContext context) {
        close();
    }

    @Override
    public boolean supportsParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        return parameterContext.getParameter().getType() == DhcpNetwork.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        start();
        return this;
    }

    @SuppressWarnings("deprecation")
    private static final class Closer implements ExtensionContext.Store.CloseableResource, AutoCloseable {
        private final DhcpNetwork network;

        Closer(DhcpNetwork network) {
            this.network = network;
        }

        @Override
        public void close() {
            network.close();
        }
    }

    // ---- Docker ----

    private static DockerClient docker() {
        try {
            return DockerClientFactory.instance().client();
        } catch (RuntimeException e) {
            throw new DhcpNetworkException("a DhcpNetwork needs a Docker engine, and none is reachable ("
                    + e.getMessage() + "). Start one (e.g. dockerd as root), or skip such tests when "
                    + "DockerClientFactory.instance().isDockerAvailable() is false", e);
        }
    }

    /** Lets Docker's IPAM choose a free subnet: creates a throw-away network, reads its subnet, removes it. */
    private Cidr askDockerForSubnet(DockerClient docker, String networkName) {
        String probe = networkName + "-ipam";
        String probeId;
        try {
            probeId = docker.createNetworkCmd().withName(probe).withDriver("bridge").withInternal(true)
                    .withLabels(Map.of(LABEL, "probe")).exec().getId();
        } catch (RuntimeException e) {
            throw new DhcpNetworkException("Docker could not create a network to learn a free subnet from its IPAM: "
                    + e.getMessage() + ". Give one with DhcpNetwork.builder().subnet(\"10.77.0.0/24\")", e);
        }
        try {
            com.github.dockerjava.api.model.Network inspected = docker.inspectNetworkCmd().withNetworkId(probeId).exec();
            List<Ipam.Config> configs = inspected.getIpam() == null ? List.of() : inspected.getIpam().getConfig();
            for (Ipam.Config c : configs == null ? List.<Ipam.Config>of() : configs) {
                if (c.getSubnet() != null && !c.getSubnet().contains(":")) {
                    return Cidr.parse(c.getSubnet());
                }
            }
            throw new DhcpNetworkException("Docker's IPAM gave network " + probe + " no IPv4 subnet; give one with "
                    + "DhcpNetwork.builder().subnet(\"10.77.0.0/24\")");
        } finally {
            removeQuietly(docker, probeId);
        }
    }

    private static void requireHostInterface(String bridgeName, String networkName) {
        NetworkInterface nic;
        try {
            nic = NetworkInterface.getByName(bridgeName);
        } catch (SocketException e) {
            nic = null;
        }
        if (nic == null) {
            throw new DhcpNetworkException("Docker created network " + networkName + " on bridge " + bridgeName
                    + ", but this JVM sees no interface of that name, so the embedded server cannot serve it. "
                    + "The Docker engine runs in another network namespace or machine: Docker Desktop's VM (macOS, "
                    + "Windows, Docker Desktop for Linux), rootless Docker, a remote DOCKER_HOST, or this JVM itself "
                    + "runs in a container. Run these tests on a Linux host with a rootful Docker engine (as CI does),"
                    + " or run the JVM in a container started with --network host --cap-add NET_ADMIN --cap-add "
                    + "NET_RAW and the host's /var/run/docker.sock");
        }
    }

    private static void checkPool(Cidr subnet, Cidr dockerHalf, int first, int last) {
        String range = Ipv4.toString(first) + "-" + Ipv4.toString(last);
        if (!subnet.contains(first) || !subnet.contains(last)) {
            throw new DhcpNetworkException("pool " + range + " is not a range inside subnet " + subnet);
        }
        if (dockerHalf.contains(first) || dockerHalf.contains(last) || first == subnet.broadcast()
                || last == subnet.broadcast()) {
            throw new DhcpNetworkException("pool " + range + " overlaps " + dockerHalf + ", the lower half of " + subnet
                    + " where Docker assigns container addresses and the gateway lives (or the broadcast address); "
                    + "keep the pool in " + Ipv4.toString(dockerHalf.broadcast() + 1) + "-"
                    + Ipv4.toString(subnet.broadcast() - 1));
        }
    }

    private static void remove(DockerClient docker, String networkId) {
        com.github.dockerjava.api.model.Network inspected = docker.inspectNetworkCmd().withNetworkId(networkId).exec();
        if (inspected.getContainers() != null) {
            for (String container : new ArrayList<>(inspected.getContainers().keySet())) {
                try {
                    docker.disconnectFromNetworkCmd().withNetworkId(networkId).withContainerId(container)
                            .withForce(true).exec();
                } catch (RuntimeException ignored) {
                    // gone meanwhile
                }
            }
        }
        docker.removeNetworkCmd(networkId).exec();
    }

    private static void removeQuietly(DockerClient docker, String networkId) {
        try {
            remove(docker, networkId);
        } catch (RuntimeException ignored) {
            // best effort
        }
    }

    /** The IPv4 subnet, Docker's half and gateway; with IPv6, the /64 with Docker's range {@code :8000::/96}. */
    private static List<Ipam.Config> ipamConfigs(Cidr chosen, Cidr dockerHalf, int gw, Inet6Address prefix6) {
        List<Ipam.Config> configs = new ArrayList<>();
        configs.add(new Ipam.Config().withSubnet(chosen.toString()).withIpRange(dockerHalf.toString())
                .withGateway(Ipv4.toString(gw)));
        if (prefix6 != null) {
            byte[] range = prefix6.getAddress();
            range[8] = (byte) 0x80; // the lower addresses are DHCPv6's pool
            byte[] gateway = prefix6.getAddress();
            gateway[15] = 1;
            configs.add(new Ipam.Config().withSubnet(Ipv6.format(prefix6) + "/64")
                    .withIpRange(Ipv6.format(Ipv6.read(range, 0)) + "/96")
                    .withGateway(Ipv6.format(Ipv6.read(gateway, 0))));
        }
        return configs;
    }

    /** A random unique local /64 (RFC 4193: fd, a 40-bit global ID, a 16-bit subnet ID). */
    private static Inet6Address randomUla() {
        byte[] b = new byte[16];
        ThreadLocalRandom random = ThreadLocalRandom.current();
        b[0] = (byte) 0xfd;
        for (int i = 1; i < 8; i++) {
            b[i] = (byte) random.nextInt(256);
        }
        return Ipv6.read(b, 0);
    }

    private static String randomHex(int digits) {
        StringBuilder s = new StringBuilder();
        ThreadLocalRandom random = ThreadLocalRandom.current();
        for (int i = 0; i < digits; i++) {
            s.append(Character.forDigit(random.nextInt(16), 16));
        }
        return s.toString();
    }

    // ---- the builder ----

    /** Shapes a {@link DhcpNetwork}; every setting is optional. */
    public static final class Builder {
        private Cidr subnet;
        private AddressRange pool;
        private boolean router = true;
        private String namePrefix = "dhcp-embedded-";
        private boolean hostBridge;
        private DockerImageName agentImage = AgentContainer.DEFAULT_IMAGE;
        private final List<Consumer<DhcpServerBuilder>> serverSteps = new ArrayList<>();
        private final List<Consumer<SubnetBuilder>> subnetSteps = new ArrayList<>();
        private final Map<String, java.util.function.IntFunction<String>> staticLeases = new java.util.LinkedHashMap<>();
        private boolean ipv6;
        private Inet6Address subnet6;
        private final List<Consumer<Subnet6Builder>> subnet6Steps = new ArrayList<>();

        private Builder() {
        }

        /**
         * IPv6 on the network too: Docker creates it with IPv6 and a /64 (a random unique local one unless
         * {@link #subnet6(String)} names it), assigns container addresses from {@code <prefix>:8000::/96}, and the
         * same server answers DHCPv6 on it (through the agent, or from the bridge), handing out
         * {@code <prefix>::100} to {@code <prefix>::ffff}. Clients find the server by multicast (ff02::1:2); there is
         * no Router Advertisement, so start the client's DHCPv6 directly (e.g. {@code dhclient -6}).
         */
        public Builder ipv6() {
            this.ipv6 = true;
            return this;
        }

        /**
         * IPv6 with this /64, e.g. {@code fd12:3456:789a:1::/64}; implies {@link #ipv6()}.
         *
         * @param prefix a /64
         * @return this builder
         */
        public Builder subnet6(String prefix) {
            int slash = prefix.indexOf('/');
            if (slash < 0 || !prefix.substring(slash + 1).equals("64")) {
                throw new IllegalArgumentException("subnet6 '" + prefix + "' must be a /64, e.g. fd12:3456:789a:1::/64");
            }
            Inet6Address network = Ipv6.parse(prefix.substring(0, slash));
            byte[] b = network.getAddress();
            for (int i = 8; i < 16; i++) {
                if (b[i] != 0) {
                    throw new IllegalArgumentException("subnet6 '" + prefix + "' has host bits set; write its network, "
                            + Ipv6.format(Ipv6.read(java.util.Arrays.copyOf(java.util.Arrays.copyOf(b, 8), 16), 0)) + "/64");
                }
            }
            this.subnet6 = network;
            this.ipv6 = true;
            return this;
        }

        /** Shapes the network's DHCPv6 subnet: DNS, domain list, lifetimes, more pools, prefix delegation. */
        public Builder configureSubnet6(Consumer<Subnet6Builder> step) {
            subnet6Steps.add(Objects.requireNonNull(step));
            this.ipv6 = true;
            return this;
        }

        /**
         * The network's subnet, e.g. {@code 10.77.0.0/24} (at least a /29). Default: one Docker's IPAM picks as free.
         * Docker assigns container addresses from its lower half; the upper half is the DHCP pool.
         */
        public Builder subnet(String cidr) {
            this.subnet = Cidr.parse(cidr);
            return this;
        }

        /**
         * The DHCP pool, inside the upper half of the subnet. Default: the upper half but its first address (which
         * would end in .0 or .128) and the broadcast address.
         */
        public Builder pool(String first, String last) {
            this.pool = AddressText.range(first, last);
            return this;
        }

        /**
         * The DHCP pool written {@code FIRST-LAST}, e.g. {@code 10.77.0.130-10.77.0.250}; see
         * {@link #pool(String, String)}.
         *
         * @param range the first and the last address handed out, joined by a dash
         * @return this builder
         */
        public Builder pool(String range) {
            this.pool = AddressText.range(range);
            return this;
        }

        /** The Docker network name starts with this (a random suffix follows). Default {@code dhcp-embedded-}. */
        public Builder namePrefix(String prefix) {
            this.namePrefix = Objects.requireNonNull(prefix);
            return this;
        }

        /**
         * Serve from the network's bridge on this host instead of through the agent container: the server binds port
         * 67 of the bridge interface. Needs root (or CAP_NET_BIND_SERVICE and CAP_NET_RAW) and a Docker engine whose
         * bridges are interfaces of this host: rootful Docker on Linux.
         */
        public Builder serveFromHostBridge() {
            this.hostBridge = true;
            return this;
        }

        /**
         * The agent's image. Default {@code dev.dhcpembedded/dhcp-agent:<this version>}; Testcontainers' image-name
         * substitution (e.g. a registry prefix) applies to it as to any image.
         */
        public Builder agentImage(DockerImageName image) {
            this.agentImage = Objects.requireNonNull(image, "image");
            return this;
        }

        /** Same as {@link #agentImage(DockerImageName)}, from a name such as {@code registry.example/dhcp-agent:1.0}. */
        public Builder agentImage(String image) {
            return agentImage(DockerImageName.parse(image));
        }

        /** Offer no router (option 3). By default the gateway, i.e. the bridge on the host, is offered. */
        public Builder withoutRouter() {
            this.router = false;
            return this;
        }

        /**
         * Anything of the server's builder: static leases, options, authoritative, a TestClock... Binding is not
         * yours: the server always serves the network, through its agent or from its bridge.
         */
        public Builder configureServer(Consumer<DhcpServerBuilder> step) {
            serverSteps.add(Objects.requireNonNull(step));
            return this;
        }

        /** Shapes the network's subnet: lease time, T1/T2, DNS, domain, options, exclusions, more pools. */
        public Builder configureSubnet(Consumer<SubnetBuilder> step) {
            subnetSteps.add(Objects.requireNonNull(step));
            return this;
        }

        /** Shortcut for {@code configureSubnet(s -> s.leaseTime(time))}. */
        public Builder leaseTime(Duration time) {
            return configureSubnet(s -> s.leaseTime(time));
        }

        /** A static lease with a fixed address (it must be in the subnet, and should not be in the Docker half). */
        public Builder staticLease(String mac, String address) {
            AddressText.MacAndAddress checked = AddressText.staticLease(mac + "=" + address);
            staticLeases.put(checked.mac(), first -> checked.address());
            return this;
        }

        /**
         * A static lease for the {@code n}th address of the pool (counting from 0), for when Docker's IPAM picks
         * the subnet and the address is not known in advance; read it back with {@link DhcpNetwork#poolAddress(int)}.
         */
        public Builder staticLease(String mac, int poolIndex) {
            staticLeases.put(mac, first -> Ipv4.toString(first + poolIndex));
            return this;
        }

        public DhcpNetwork build() {
            Builder copy = new Builder();
            copy.subnet = subnet;
            copy.pool = pool;
            copy.router = router;
            copy.namePrefix = namePrefix;
            copy.hostBridge = hostBridge;
            copy.agentImage = agentImage;
            copy.serverSteps.addAll(serverSteps);
            copy.subnetSteps.addAll(subnetSteps);
            copy.staticLeases.putAll(staticLeases);
            copy.ipv6 = ipv6;
            copy.subnet6 = subnet6;
            copy.subnet6Steps.addAll(subnet6Steps);
            return new DhcpNetwork(copy);
        }
    }
}
