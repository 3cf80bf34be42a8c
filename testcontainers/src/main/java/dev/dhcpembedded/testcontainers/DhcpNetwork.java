package dev.dhcpembedded.testcontainers;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.exception.NotFoundException;
import dev.dhcpembedded.journal.Journal;
import dev.dhcpembedded.server.DhcpServer;
import dev.dhcpembedded.server.DhcpServerBuilder;
import dev.dhcpembedded.testcontainers.Addresses.Subnet;
import java.io.UncheckedIOException;
import java.net.Inet6Address;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.Network;
import org.testcontainers.lifecycle.Startable;

/**
 * A Testcontainers {@link Network} whose DHCP comes from a {@link DhcpServer} in this JVM.
 *
 * <p>Starting it (explicitly, through {@code @Container}, through {@link DhcpNetworkExtension}, or lazily when a
 * container asks for its {@link #getId()}) creates a Docker bridge network whose traffic is not masqueraded off the
 * host (with the agent; from the host bridge the network is also <em>internal</em>: Docker's internal networks drop
 * bridged broadcasts such as a DISCOVER from 0.0.0.0 when the host filters bridged traffic, so the agent could not
 * hear it), splits its subnet in two halves, lets Docker assign container addresses from the lower half only, and
 * serves the upper half from a DhcpServer in this JVM. Closing it stops the server, the agent, and removes the
 * network.
 *
 * <p><b>The agent (default).</b> A small DHCP agent container joins the network and owns UDP port 67 of its
 * interface there; it carries every datagram to and from this JVM over a TCP channel on a published port, reached
 * like any Testcontainers port ({@code getHost()}, {@code getMappedPort()}). The server's brain stays here: lease
 * engine, stubs, journal, TestClock. So this JVM needs no privilege, and it works wherever Testcontainers works
 * (Docker Desktop, rootless Docker, Docker-in-Docker, a remote Docker host). The server identifier is the agent's
 * address on the network; the router offered is the network's gateway. The channel is authenticated by a random
 * token per network; if it breaks (the agent was killed, say) the running test fails naming the agent. The image
 * is {@code dev.dhcpembedded/dhcp-agent:<version>}; change it with {@link DhcpNetworkBuilder#agentImage(String)} or
 * Testcontainers' image-name substitution.
 *
 * <p><b>The host bridge ({@link DhcpNetworkBuilder#serveFromHostBridge()}).</b> The server binds port 67 of the
 * network's bridge interface on this host instead (interface mode: it answers nothing that arrived elsewhere). No
 * agent, but root on a Linux Docker host is needed.
 *
 * <pre>{@code
 * @Container
 * static DhcpNetwork network = DhcpNetwork.builder()
 *     .subnet(s -> s.leaseTime(Duration.ofMinutes(2)).dns("10.1.2.3"))   // the network's subnet: a SubnetBuilder
 *     .server(b -> b.authoritative())                                      // anything of DhcpServerBuilder
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
 * <p>With JUnit 5, {@link DhcpNetworkExtension} starts and closes the networks in a test class's fields, injects
 * them into parameters, writes the journal of a failed test as a pcap, and fails the running test when the agent's
 * channel broke. Use {@link #server()} for assertions: {@code DhcpAssertions.assertThat(network.server())}.
 */
public final class DhcpNetwork implements Network, Startable {

    /** The label put on every network this class creates. */
    public static final String LABEL = "dev.dhcpembedded.network";

    private final DhcpNetworkBuilder config;

    private String id;
    private String name;
    private String bridge;
    private NetworkLayout layout;
    private DhcpServer server;
    private volatile AgentLink agent; // volatile: failure() is read without the lock
    private boolean closed;

    DhcpNetwork(DhcpNetworkBuilder config) {
        this.config = config;
    }

    /**
     * A network with the defaults: a subnet from Docker's IPAM, the upper half as the pool, router = gateway.
     *
     * @return the network, not yet started
     */
    public static DhcpNetwork newNetwork() {
        return builder().build();
    }

    /**
     * A builder for a network; every setting is optional.
     *
     * @return a new builder
     */
    public static DhcpNetworkBuilder builder() {
        return new DhcpNetworkBuilder();
    }

    // ---- life cycle ----

    /**
     * Creates the Docker network and starts the server on it; does nothing when already started.
     *
     * @throws DhcpNetworkException when Docker is not reachable, the agent does not start, the bridge is not an
     *                              interface of this host, or port 67 cannot be bound on it (the message says what
     *                              to do)
     */
    @Override
    public synchronized void start() {
        if (server != null) {
            return;
        }
        if (closed) {
            throw new IllegalStateException("this DhcpNetwork was closed; build a new one");
        }
        DockerClient docker = DockerNetworks.docker();
        String suffix = randomHex(10);
        String networkName = config.namePrefix + suffix;
        Subnet chosen = config.subnet != null ? config.subnet : DockerNetworks.askForSubnet(docker, networkName);
        Inet6Address prefix6 = !config.ipv6 ? null : config.subnet6 != null ? config.subnet6
                : NetworkLayout.randomUla();
        NetworkLayout planned = NetworkLayout.of(chosen, config.pool, prefix6);
        String createdId = DockerNetworks.create(docker, networkName, "dhebr" + suffix, planned, config.hostBridge,
                config.subnet != null);
        AgentLink link = null;
        try {
            String actualBridge = DockerNetworks.bridgeOf(docker, createdId);
            DhcpServerBuilder builder = serverBuilder(planned);
            if (config.hostBridge) {
                DockerNetworks.requireHostInterface(actualBridge, networkName);
                builder.bindInterface(actualBridge); // last: the bridge, whatever a step said
            } else {
                link = AgentLink.start(config.agentImage, networkName, prefix6 != null);
                link.serve(builder, prefix6 != null); // last: the agent, whatever a step said
            }
            this.server = startServer(builder, networkName, actualBridge, link);
            this.id = createdId;
            this.name = networkName;
            this.bridge = actualBridge;
            this.layout = planned;
            this.agent = link;
        } catch (RuntimeException e) {
            if (link != null) {
                link.stopQuietly();
            }
            DockerNetworks.removeQuietly(docker, createdId);
            throw e;
        }
    }

    /** The server's builder: the user's steps, then the network's subnet (pool, router) and its /64. */
    private DhcpServerBuilder serverBuilder(NetworkLayout planned) {
        DhcpServerBuilder builder = DhcpServer.builder();
        config.serverSteps.forEach(step -> step.accept(builder));
        builder.subnet(planned.subnet().toString(), s -> {
            s.pool(Addresses.text(planned.pool().first()), Addresses.text(planned.pool().last()));
            if (config.router) {
                s.router(planned.gatewayText());
            }
            config.subnetSteps.forEach(step -> step.accept(s));
        });
        planned.subnet6Text().ifPresent(subnet6 -> builder.subnet6(subnet6, s -> {
            s.defaultPool();
            config.subnet6Steps.forEach(step -> step.accept(s));
        }));
        return builder;
    }

    private DhcpServer startServer(DhcpServerBuilder builder, String networkName, String actualBridge,
                                   AgentLink link) {
        DhcpServer built;
        try {
            built = builder.build();
        } catch (IllegalArgumentException | IllegalStateException e) {
            throw new DhcpNetworkException("the DHCP server of network " + networkName + " is misconfigured: "
                    + e.getMessage(), e);
        }
        try {
            return built.start();
        } catch (UncheckedIOException e) {
            if (link != null) {
                throw new DhcpNetworkException("cannot serve DHCP through the agent " + link.describe() + ": "
                        + e.getMessage(), e);
            }
            throw new DhcpNetworkException("cannot serve DHCP on bridge " + actualBridge + " of Docker network "
                    + networkName + ": " + e.getMessage() + ". A DhcpNetwork binds UDP port 67 on the bridge, "
                    + "which needs root or the capabilities CAP_NET_BIND_SERVICE and CAP_NET_RAW for java", e);
        }
    }

    /** Stops the server and removes the network (disconnecting containers still on it). Safe to call twice. */
    @Override
    public synchronized void close() {
        closed = true;
        if (server != null) {
            server.close();
        }
        if (agent != null) {
            agent.stopQuietly();
        }
        if (id != null) {
            try {
                DockerNetworks.remove(DockerClientFactory.instance().client(), id);
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

    /**
     * The Docker network id; creates the network and starts the server first if needed (as Testcontainers does).
     *
     * @return the id Docker gave the network
     */
    @Override
    public synchronized String getId() {
        start();
        return id;
    }

    /**
     * Whether the network exists and its server runs.
     *
     * @return true between {@link #start()} and {@link #close()}
     */
    public synchronized boolean isRunning() {
        return server != null && id != null;
    }

    // ---- what it made ----

    /**
     * The server answering on this network; starts the network first if needed.
     *
     * @return the server
     */
    public synchronized DhcpServer server() {
        start();
        return server;
    }

    /**
     * The server's journal: everything the clients on this network sent and the server answered.
     *
     * @return the journal of {@link #server()}
     */
    public Journal journal() {
        return server().journal();
    }

    /**
     * The DHCP agent's container id; empty when serving
     * {@link DhcpNetworkBuilder#serveFromHostBridge() from the host bridge}.
     *
     * @return the container id, if there is an agent
     */
    public synchronized Optional<String> agentContainerId() {
        start();
        return Optional.ofNullable(agent).map(AgentLink::containerId);
    }

    /**
     * Why DHCP stopped on this network, if the channel to its agent broke.
     *
     * @return the reason, naming the agent; empty while DHCP works
     */
    public Optional<String> failure() {
        AgentLink current = agent;
        return current == null ? Optional.empty() : current.failure();
    }

    /**
     * The Docker network's name ({@code dhcp-embedded-<random>} unless a prefix was given).
     *
     * @return the name
     */
    public synchronized String getName() {
        start();
        return name;
    }

    /**
     * The host-side bridge interface of the network, e.g. {@code dhebr1a2b3c4d5e}: the server is bound to it when
     * serving from the host bridge. With the agent it exists only where the Docker engine runs.
     *
     * @return the interface name
     */
    public synchronized String bridgeInterface() {
        start();
        return bridge;
    }

    private synchronized NetworkLayout layout() {
        start();
        return layout;
    }

    /**
     * The network's subnet, e.g. {@code 172.18.0.0/16}.
     *
     * @return the subnet in CIDR notation
     */
    public synchronized String subnet() {
        return layout().subnet().toString();
    }

    /**
     * The network's IPv6 /64, e.g. {@code fd12:3456:789a:1::/64}, when it was built with
     * {@link DhcpNetworkBuilder#ipv6()}; DHCPv6 hands out its {@code ::100} to {@code ::ffff}.
     *
     * @return the /64, if the network has IPv6
     */
    public synchronized Optional<String> subnet6() {
        return layout().subnet6Text();
    }

    /**
     * The prefix length of the subnet, as clients configure it.
     *
     * @return e.g. 24
     */
    public synchronized int prefixLength() {
        return layout().subnet().prefixLength();
    }

    /**
     * The gateway: the bridge's address on the Docker host and the default router offered; also the server
     * identifier when serving from the host bridge (with the agent, the server identifier is the agent's address).
     *
     * @return the gateway's address
     */
    public synchronized String gateway() {
        return layout().gatewayText();
    }

    /**
     * Where Docker assigns container addresses from: the lower half of the subnet.
     *
     * @return the range in CIDR notation
     */
    public synchronized String dockerRange() {
        return layout().dockerRange().toString();
    }

    /**
     * The first address of the DHCP pool.
     *
     * @return the address
     */
    public synchronized String poolFirst() {
        return Addresses.text(layout().pool().first());
    }

    /**
     * The last address of the DHCP pool.
     *
     * @return the address
     */
    public synchronized String poolLast() {
        return Addresses.text(layout().pool().last());
    }

    /**
     * Whether {@code address} is in the DHCP pool.
     *
     * @param address an IPv4 address, e.g. {@code 172.18.128.5}
     * @return true when it is in the pool
     */
    public synchronized boolean inPool(String address) {
        return layout().inPool(address);
    }

    /**
     * The {@code n}th address of the pool, counting from 0: e.g. for a static lease added once the network runs,
     * {@code network.server().addStaticLease(mac, network.poolAddress(5))}, when Docker's IPAM chose the subnet.
     *
     * @param n the index in the pool
     * @return the address
     */
    public synchronized String poolAddress(int n) {
        return layout().poolAddress(n);
    }

    @Override
    public synchronized String toString() {
        return server == null ? "DhcpNetwork(not started)"
                : "DhcpNetwork(" + name + (agent != null ? ", agent " + agent.describe() : ", bridge " + bridge)
                + ", subnet " + layout.subnet() + ", pool " + layout.pool() + ")";
    }

    private static String randomHex(int digits) {
        StringBuilder s = new StringBuilder();
        ThreadLocalRandom random = ThreadLocalRandom.current();
        for (int i = 0; i < digits; i++) {
            s.append(Character.forDigit(random.nextInt(16), 16));
        }
        return s.toString();
    }
}
