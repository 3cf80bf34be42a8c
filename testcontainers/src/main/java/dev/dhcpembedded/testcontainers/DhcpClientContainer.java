package dev.dhcpembedded.testcontainers;

import com.github.dockerjava.api.model.Capability;
import com.github.dockerjava.api.model.HostConfig;
import dev.dhcpembedded.codec.MacAddress;
import dev.dhcpembedded.lab.ClientScript;
import dev.dhcpembedded.lab.DhclientCommand;
import dev.dhcpembedded.lab.Dhclient6Command;
import dev.dhcpembedded.lab.Dhcp6Event;
import dev.dhcpembedded.lab.DhcpEvent;
import dev.dhcpembedded.lab.DhcpcdCommand;
import dev.dhcpembedded.lab.Dhcpcd6Command;
import dev.dhcpembedded.lab.Signal;
import dev.dhcpembedded.lab.UdhcpcCommand;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Predicate;
import org.testcontainers.containers.Container.ExecResult;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.images.builder.Transferable;
import org.testcontainers.utility.DockerImageName;

/**
 * A container that runs a real DHCP client ({@code udhcpc}, {@code dhclient} or {@code dhcpcd}; for DHCPv6
 * {@code dhclient -6} or {@code dhcpcd -6}) on a {@link DhcpNetwork}, with the verified command lines of
 * {@link dev.dhcpembedded.lab.ClientCommands} and the event scripts of {@link ClientScript} (copied into the
 * container; each prints {@code DHCP-EVENT ...} or {@code DHCP6-EVENT ...} lines to the container log).
 *
 * <p>At start it gets NET_ADMIN and NET_RAW, gives its interface the MAC of {@link #withMacAddress(String)} (set
 * inside the container, which every engine honours, and read back: a container whose MAC differs fails to start),
 * flushes the address the engine assigned in the client's family, for a v6 client waits until the link-local
 * address has passed duplicate address detection, prints {@code DHCP-CONTAINER ready ...} (the default wait) and
 * starts the client in the foreground. The client keeps running and renewing, as on a device, unless
 * {@link #oneShot()}; either way the container stays up so that {@link #ipv4Addresses()}, {@link #ipv6Addresses()}
 * and {@link #routes()} can read back what the client configured.
 *
 * <pre>{@code
 * @Container
 * DhcpClientContainer device = DhcpClientContainer.udhcpc()
 *     .withNetwork(network)
 *     .withMacAddress("02:42:ac:11:00:42")
 *     .waitingForLease();
 *
 * // DHCPv6, on a DhcpNetwork.builder().ipv6() network
 * DhcpClientContainer v6 = DhcpClientContainer.dhclient6().withNetwork(network6)
 *     .withDhclient6(Dhclient6Command::prefixDelegation);
 * v6.start();
 * Dhcp6Event lease = v6.awaitLease6(Duration.ofSeconds(30)); // lease.address(), lease.prefix()
 * }</pre>
 *
 * <p>Images: {@link #udhcpc()} uses {@value #DEFAULT_BUSYBOX_IMAGE} (any busybox with the {@code udhcpc} and
 * {@code ip} applets works), overridden by the system property {@value #BUSYBOX_IMAGE_PROPERTY} or the environment
 * variable {@code DHCP_CLIENT_IMAGE_BUSYBOX}. {@link #dhclient()}, {@link #dhcpcd()}, {@link #dhclient6()} and
 * {@link #dhcpcd6()} need an image with {@code isc-dhcp-client} / {@code dhcpcd-base} and {@code iproute2}
 * installed, named by the system property {@value #DEBIAN_IMAGE_PROPERTY} or {@code DHCP_CLIENT_IMAGE_DEBIAN}; or
 * pass any image to {@link #DhcpClientContainer(DockerImageName, Client)}.
 */
public class DhcpClientContainer extends GenericContainer<DhcpClientContainer> {

    /** Which DHCP client the container runs. */
    public enum Client {
        /** busybox udhcpc: events {@code bound}, {@code renew}, {@code nak}, {@code leasefail}, {@code deconfig}. */
        UDHCPC(ClientScript.UDHCPC),
        /** ISC dhclient: events {@code BOUND}, {@code RENEW}, {@code REBIND}, {@code REBOOT}, {@code EXPIRE}, ... */
        DHCLIENT(ClientScript.DHCLIENT),
        /** dhcpcd 9 (configures the address itself): events {@code BOUND}, {@code RENEW}, {@code NAK}, ... */
        DHCPCD(ClientScript.DHCPCD),
        /** ISC {@code dhclient -6} (IA_NA; IA_PD when asked): events {@code BOUND6}, {@code RENEW6}, ... */
        DHCLIENT6(ClientScript.DHCLIENT6),
        /** dhcpcd 9 {@code -6} (IA_NA and IA_PD; configures the address itself): events {@code BOUND6}, ... */
        DHCPCD6(ClientScript.DHCPCD6);

        private final ClientScript script;

        Client(ClientScript script) {
            this.script = script;
        }

        /**
         * The event script the client runs.
         *
         * @return the script
         */
        public ClientScript script() {
            return script;
        }

        /**
         * Whether this is a DHCPv6 client (events {@link Dhcp6Event}, lease {@link #awaitLease6(Duration)}).
         *
         * @return whether it is
         */
        public boolean ipv6() {
            return this == DHCLIENT6 || this == DHCPCD6;
        }
    }

    /** The system property naming the busybox image of {@link #udhcpc()}. */
    public static final String BUSYBOX_IMAGE_PROPERTY = "dhcp.clientImage.busybox";
    /** The system property naming the Debian image of the dhclient and dhcpcd factories. */
    public static final String DEBIAN_IMAGE_PROPERTY = "dhcp.clientImage.debian";
    /** The busybox image {@link #udhcpc()} uses when none is named. */
    public static final String DEFAULT_BUSYBOX_IMAGE = "busybox:1.36.1";
    /** The log line printed once the interface is ready and the client is about to start. */
    public static final String READY_MARKER = "DHCP-CONTAINER ready";

    private static final String LEASE_REGEX = ".*DHCP-EVENT event=(?i:bound|renew|rebind|reboot|inform) .*";
    private static final String LEASE6_REGEX = ".*DHCP6-EVENT event=(?i:bound6|renew6|rebind6|reboot6|inform6) .*";

    private final Client client;
    private final ClientLaunch launch;
    private String stateDir;
    private List<String> clientCommand = List.of();
    private List<String> releaseCommand = List.of();
    private boolean wantsAddress6;
    private boolean wantsPrefix6;

    /**
     * A container of any image that has the client, {@code ip} and a POSIX {@code sh}.
     *
     * @param image the image
     * @param client the client it runs
     */
    public DhcpClientContainer(DockerImageName image, Client client) {
        super(image);
        this.client = Objects.requireNonNull(client, "client");
        this.launch = new ClientLaunch(client);
        waitingFor(Wait.forLogMessage(".*" + READY_MARKER + ".*", 1).withStartupTimeout(Duration.ofSeconds(60)));
    }

    /**
     * A container of any image that has the client, {@code ip} and a POSIX {@code sh}.
     *
     * @param image the image's name
     * @param client the client it runs
     */
    public DhcpClientContainer(String image, Client client) {
        this(DockerImageName.parse(image), client);
    }

    /** busybox udhcpc in {@value #DEFAULT_BUSYBOX_IMAGE}, or the image named by {@value #BUSYBOX_IMAGE_PROPERTY}. */
    public static DhcpClientContainer udhcpc() {
        return new DhcpClientContainer(configured(BUSYBOX_IMAGE_PROPERTY, "DHCP_CLIENT_IMAGE_BUSYBOX")
                .orElse(DEFAULT_BUSYBOX_IMAGE), Client.UDHCPC);
    }

    /** ISC dhclient in the image named by {@value #DEBIAN_IMAGE_PROPERTY} (there is no public default). */
    public static DhcpClientContainer dhclient() {
        return new DhcpClientContainer(debianImage(Client.DHCLIENT), Client.DHCLIENT);
    }

    /** dhcpcd in the image named by {@value #DEBIAN_IMAGE_PROPERTY} (there is no public default). */
    public static DhcpClientContainer dhcpcd() {
        return new DhcpClientContainer(debianImage(Client.DHCPCD), Client.DHCPCD);
    }

    /**
     * ISC {@code dhclient -6} (IA_NA; IA_PD with {@code withDhclient6(Dhclient6Command::prefixDelegation)}) in the
     * image named by {@value #DEBIAN_IMAGE_PROPERTY}. Its network must have IPv6 ({@link DhcpNetworkBuilder#ipv6()}).
     *
     * @return the container
     */
    public static DhcpClientContainer dhclient6() {
        return new DhcpClientContainer(debianImage(Client.DHCLIENT6), Client.DHCLIENT6);
    }

    /**
     * dhcpcd 9 {@code -6} (IA_NA and IA_PD; IA_NA only with {@code withDhcpcd6(Dhcpcd6Command::noPrefixDelegation)})
     * in the image named by {@value #DEBIAN_IMAGE_PROPERTY}. Its network must have IPv6
     * ({@link DhcpNetworkBuilder#ipv6()}). A DhcpNetwork sends no Router Advertisement, so dhcpcd runs with
     * {@code noipv6rs} and SOLICITs at once.
     *
     * @return the container
     */
    public static DhcpClientContainer dhcpcd6() {
        return new DhcpClientContainer(debianImage(Client.DHCPCD6), Client.DHCPCD6);
    }

    private static String debianImage(Client client) {
        String what = client.name().toLowerCase(java.util.Locale.ROOT);
        return configured(DEBIAN_IMAGE_PROPERTY, "DHCP_CLIENT_IMAGE_DEBIAN").orElseThrow(() ->
                new IllegalStateException(what + " needs an image with it installed, and no image is named: set the "
                        + "system property " + DEBIAN_IMAGE_PROPERTY + " (or env DHCP_CLIENT_IMAGE_DEBIAN), or use "
                        + "new DhcpClientContainer(image, Client." + client.name() + "). "
                        + "E.g. FROM debian:bookworm-slim + apt-get install isc-dhcp-client dhcpcd-base iproute2"));
    }

    private static Optional<String> configured(String property, String env) {
        String value = System.getProperty(property);
        if (value == null || value.isBlank()) {
            value = System.getenv(env);
        }
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.strip());
    }

    // ---- settings ----

    /**
     * The client this container runs.
     *
     * @return the client
     */
    public Client client() {
        return client;
    }

    /** The interface inside the container the client runs on (default {@code eth0}). */
    public DhcpClientContainer withInterface(String name) {
        launch.iface = Objects.requireNonNull(name);
        return this;
    }

    /**
     * Gives the client's interface this MAC address (e.g. for a static lease). Default: the one the engine derives.
     * The container sets it on its interface itself, before the client starts (a container-level MAC is ignored by
     * Podman and deprecated by Docker 25+), and reads it back: when the interface has another MAC, the client is not
     * started and {@link #start()} fails naming the asked and the actual MAC and the engine.
     *
     * @param address a unicast MAC such as {@code 02:42:ac:11:00:42}
     * @return this
     * @throws IllegalArgumentException if it is not a 6-byte MAC
     */
    public DhcpClientContainer withMacAddress(String address) {
        MacAddress parsed = MacAddress.parse(Objects.requireNonNull(address, "address"));
        if (parsed.length() != 6) {
            throw new IllegalArgumentException("'" + address + "' has " + parsed.length() + " bytes; a container's "
                    + "interface needs a 6-byte MAC such as 02:42:ac:11:00:42");
        }
        if ((parsed.bytes()[0] & 1) != 0) {
            throw new IllegalArgumentException("'" + address + "' is a multicast MAC (its first byte is odd); use a "
                    + "unicast one such as 02:42:ac:11:00:42");
        }
        launch.mac = parsed.toString().toLowerCase(java.util.Locale.ROOT);
        return this;
    }

    /** The interface's MAC is not set inside the container: for the test of the read-back only. */
    DhcpClientContainer withoutSettingTheMacInside() {
        launch.setMacInside = false;
        return this;
    }

    /**
     * The client exits once bound (udhcpc {@code -q -n}, dhclient and dhcpcd {@code -1}, dhclient -6 {@code -1});
     * the container stays up. Not for dhcpcd -6.
     */
    public DhcpClientContainer oneShot() {
        launch.oneShot = true;
        return this;
    }

    /** Waits at start until the client reports a configured lease (bound, renew, rebind, reboot, inform; v6 too). */
    public DhcpClientContainer waitingForLease() {
        return waitingFor(Wait.forLogMessage(client.ipv6() ? LEASE6_REGEX : LEASE_REGEX, 1)
                .withStartupTimeout(Duration.ofSeconds(60)));
    }

    /** Shapes the udhcpc command line (hostname, vendor class, requested options, retries...). */
    public DhcpClientContainer withUdhcpc(Consumer<UdhcpcCommand> shape) {
        requireClient(Client.UDHCPC);
        launch.udhcpcShape = launch.udhcpcShape.andThen(shape);
        return this;
    }

    /** Shapes the dhclient command line and dhclient.conf. */
    public DhcpClientContainer withDhclient(Consumer<DhclientCommand> shape) {
        requireClient(Client.DHCLIENT);
        launch.dhclientShape = launch.dhclientShape.andThen(shape);
        return this;
    }

    /** Shapes the dhcpcd command line and dhcpcd.conf. */
    public DhcpClientContainer withDhcpcd(Consumer<DhcpcdCommand> shape) {
        requireClient(Client.DHCPCD);
        launch.dhcpcdShape = launch.dhcpcdShape.andThen(shape);
        return this;
    }

    /**
     * Shapes the {@code dhclient -6} command line and its dhclient.conf, e.g. {@link Dhclient6Command#prefixDelegation()}.
     *
     * @param shape what to change
     * @return this
     */
    public DhcpClientContainer withDhclient6(Consumer<Dhclient6Command> shape) {
        requireClient(Client.DHCLIENT6);
        launch.dhclient6Shape = launch.dhclient6Shape.andThen(shape);
        return this;
    }

    /**
     * Shapes the {@code dhcpcd -6} command line and its dhcpcd.conf, e.g. {@link Dhcpcd6Command#noPrefixDelegation()}.
     *
     * @param shape what to change
     * @return this
     */
    public DhcpClientContainer withDhcpcd6(Consumer<Dhcpcd6Command> shape) {
        requireClient(Client.DHCPCD6);
        launch.dhcpcd6Shape = launch.dhcpcd6Shape.andThen(shape);
        return this;
    }

    private void requireClient(Client expected) {
        if (client != expected) {
            throw new IllegalStateException("this container runs " + client + ", not " + expected);
        }
    }

    // ---- start ----

    @Override
    protected void configure() {
        super.configure();
        if (getNetwork() == null) {
            throw new IllegalStateException("a DhcpClientContainer must be on a DhcpNetwork: .withNetwork(network)");
        }
        withCreateContainerCmdModifier(cmd -> {
            HostConfig host = cmd.getHostConfig() != null ? cmd.getHostConfig() : HostConfig.newHostConfig();
            Set<Capability> caps = new LinkedHashSet<>();
            if (host.getCapAdd() != null) {
                caps.addAll(Arrays.asList(host.getCapAdd()));
            }
            caps.add(Capability.NET_ADMIN);
            caps.add(Capability.NET_RAW);
            host.withCapAdd(caps.toArray(new Capability[0]));
            if (client == Client.DHCPCD || client == Client.DHCPCD6) {
                // dhcpcd 9 (-6 too) turns on promote_secondaries of its interface at start and exits 1 ("if_init:
                // Read-only file system") when it cannot, since Docker mounts /proc/sys read-only; when the value is
                // 1 already it writes nothing. Docker may set net.* sysctls of the container's own namespace.
                java.util.Map<String, String> sysctls = new java.util.HashMap<>(
                        host.getSysctls() == null ? java.util.Map.of() : host.getSysctls());
                sysctls.putIfAbsent("net.ipv4.conf." + launch.iface + ".promote_secondaries", "1");
                host.withSysctls(sysctls);
            }
            // A container-level MacAddress set by the caller's own modifier: Docker (20.10, API < 1.44) applies it
            // only to the network its NetworkMode names by name; Testcontainers gives the network's id. This class
            // sets no container-level MAC itself (Podman ignores it, Docker 25+ deprecates it): see withMacAddress.
            if (cmd.getMacAddress() != null && getNetwork() instanceof DhcpNetwork dhcp
                    && dhcp.getId().equals(host.getNetworkMode())) {
                host.withNetworkMode(dhcp.getName());
            }
            cmd.withHostConfig(host);
        });
        ClientLaunch.Prepared prepared = launch.prepare();
        stateDir = prepared.stateDir();
        clientCommand = prepared.command();
        releaseCommand = prepared.release();
        wantsAddress6 = prepared.wantsAddress6();
        wantsPrefix6 = prepared.wantsPrefix6();
        String script = stateDir + "/" + client.script().resourceName();
        prepared.files().forEach((path, bytes) ->
                withCopyToContainer(Transferable.of(bytes, path.equals(script) ? 0755 : 0644), path));
        withCommand("/bin/sh", "-c", launch.wrapper(clientCommand, stateDir + "/client.pid"));
    }

    /**
     * Waits for the wrapper's {@link #READY_MARKER} (or its failure line), checks the MAC the interface really has
     * against {@link #withMacAddress(String)}, then runs the configured wait strategy (e.g. {@link #waitingForLease()}).
     */
    @Override
    protected void waitUntilContainerStarted() {
        ClientLaunch.awaitReady(this, Duration.ofSeconds(60));
        if (launch.mac != null) {
            MacCheck.verify(launch.mac, macAddress(), launch.iface, getContainerName(), getLogs());
        }
        super.waitUntilContainerStarted();
    }

    static void sleep(String what) {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for " + what, e);
        }
    }

    // ---- reading back ----

    /** The client command line as run inside the container. */
    public List<String> clientCommand() {
        return clientCommand;
    }

    /** The MAC address of the client's interface, lower case, e.g. {@code 02:42:ac:12:00:02}. */
    public String macAddress() {
        return exec("cat", "/sys/class/net/" + launch.iface + "/address").strip();
    }

    /** Every {@code DHCP-EVENT} line the client's script printed so far, in order. */
    public List<DhcpEvent> events() {
        return DhcpEvent.all(getLogs());
    }

    /** The last event that configured an address (bound, renew, rebind, reboot, inform), if any. */
    public Optional<DhcpEvent> lease() {
        List<DhcpEvent> configured = events().stream().filter(DhcpEvent::isConfigured).toList();
        return configured.isEmpty() ? Optional.empty() : Optional.of(configured.get(configured.size() - 1));
    }

    /** Waits until the client reports a configured address; fails with the container's log otherwise. */
    public DhcpEvent awaitLease(Duration timeout) {
        if (client.ipv6()) {
            throw new IllegalStateException("this container runs " + client + ", a DHCPv6 client: use awaitLease6");
        }
        return awaitEvent(DhcpEvent::isConfigured, "a lease (bound/renew/rebind/reboot)", timeout, 0);
    }

    /** Waits until the client reports event {@code name} (any case) at least {@code count} times. */
    public DhcpEvent awaitEvent(String name, int count, Duration timeout) {
        return awaitEvent(e -> e.is(name), "event " + name + " x" + count, timeout, count - 1);
    }

    private DhcpEvent awaitEvent(Predicate<DhcpEvent> wanted, String what, Duration timeout, int skip) {
        return awaitLog(() -> {
            List<DhcpEvent> matching = events().stream().filter(wanted).toList();
            return matching.size() > skip ? Optional.of(matching.get(skip)) : Optional.empty();
        }, what, timeout);
    }

    /**
     * Every {@code DHCP6-EVENT} line the v6 client's script printed so far, in order.
     *
     * @return the events
     */
    public List<Dhcp6Event> events6() {
        return Dhcp6Event.all(getLogs());
    }

    /**
     * Waits until the DHCPv6 client reports its lease: the IA_NA address, and the delegated prefix when the client
     * asks for one (dhclient reports them in two events, dhcpcd in one).
     *
     * @param timeout how long to wait
     * @return the lease: {@link Dhcp6Event#address()}, {@link Dhcp6Event#prefix()} (when asked), DNS and search
     *     list, named after the last event it comes from
     * @throws AssertionError with the container's log, when it did not come in time
     * @throws IllegalStateException when this is not a DHCPv6 client, or it was not started
     */
    public Dhcp6Event awaitLease6(Duration timeout) {
        if (!client.ipv6()) {
            throw new IllegalStateException("this container runs " + client + ", a DHCPv4 client: use awaitLease");
        }
        if (stateDir == null) {
            throw new IllegalStateException("the container is not started: start() it first");
        }
        String what = (wantsAddress6 ? "an IA_NA address" : "") + (wantsAddress6 && wantsPrefix6 ? " and " : "")
                + (wantsPrefix6 ? "a delegated prefix" : "") + (wantsAddress6 || wantsPrefix6 ? "" : "INFORM6");
        return awaitLog(() -> {
            List<Dhcp6Event> configured = events6().stream().filter(Dhcp6Event::isConfigured).toList();
            Optional<Dhcp6Event> address = configured.stream().filter(Dhcp6Event::hasAddress).reduce((a, b) -> b);
            Optional<Dhcp6Event> prefix = configured.stream().filter(Dhcp6Event::hasPrefix).reduce((a, b) -> b);
            if ((wantsAddress6 && address.isEmpty()) || (wantsPrefix6 && prefix.isEmpty()) || configured.isEmpty()) {
                return Optional.empty();
            }
            Dhcp6Event last = configured.get(configured.size() - 1);
            Dhcp6Event info = address.orElse(last);
            return Optional.of(new Dhcp6Event(last.event(), info.iface(), address.map(Dhcp6Event::address).orElse(""),
                    prefix.map(Dhcp6Event::prefix).orElse(""), info.dns(), info.search()));
        }, what, timeout);
    }

    private <T> T awaitLog(java.util.function.Supplier<Optional<T>> found, String what, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            Optional<T> result = found.get();
            if (result.isPresent()) {
                return result.get();
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the " + client + " client in container " + getContainerName() + " reported "
                        + "no " + what + " within " + timeout + "; its log:\n" + getLogs());
            }
            sleep(what);
        }
    }

    /**
     * The global IPv6 addresses on the client's interface now, with prefix length, e.g.
     * {@code [fd00:1:2:3::100/128]} (the engine's own address is flushed at start for a v6 client; link-local
     * addresses are not listed).
     *
     * @return the addresses
     */
    public List<String> ipv6Addresses() {
        return addresses("-6", "inet6", "global");
    }

    /** The IPv4 addresses on the client's interface now, with prefix length, e.g. {@code [172.18.128.0/16]}. */
    public List<String> ipv4Addresses() {
        return addresses("-4", "inet", null);
    }

    private List<String> addresses(String family, String keyword, String scope) {
        List<String> cmd = new ArrayList<>(List.of("ip", family, "-o", "addr", "show", "dev", launch.iface));
        if (scope != null) {
            cmd.addAll(List.of("scope", scope));
        }
        List<String> out = new ArrayList<>();
        for (String line : exec(cmd.toArray(new String[0])).split("\n")) {
            String[] tokens = line.trim().split("\\s+");
            for (int i = 0; i + 1 < tokens.length; i++) {
                if (tokens[i].equals(keyword)) {
                    out.add(tokens[i + 1]);
                }
            }
        }
        return List.copyOf(out);
    }

    /** The first IPv4 address on the client's interface, without prefix length. */
    public Optional<String> ipv4Address() {
        return ipv4Addresses().stream().findFirst().map(a -> a.substring(0, a.indexOf('/') < 0 ? a.length()
                : a.indexOf('/')));
    }

    /** The IPv4 routing table of the container, one {@code ip -4 route} line each. */
    public List<String> routes() {
        return exec("ip", "-4", "route", "show").lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
    }

    /** The gateway of the default route, if the client set one. */
    public Optional<String> defaultGateway() {
        return routes().stream().filter(l -> l.startsWith("default via ")).map(l -> l.split("\\s+")[2]).findFirst();
    }

    /**
     * Sends {@code signal} to the client (udhcpc renews now on {@link Signal#USR1} and releases on
     * {@link Signal#USR2}).
     *
     * @param signal the signal
     */
    public void signalClient(Signal signal) {
        exec("sh", "-c", "kill -" + signal.name() + " \"$(cat " + ClientLaunch.quote(stateDir + "/client.pid") + ")\"");
    }

    /**
     * Makes the client send RELEASE: udhcpc on SIGUSR2 (it keeps running, unconfigured); dhclient {@code -r} and
     * dhcpcd {@code -k}, v4 or v6 (they exit).
     */
    public void release() {
        if (client == Client.UDHCPC) {
            signalClient(Signal.USR2);
        } else {
            exec(releaseCommand.toArray(new String[0]));
        }
    }

    /** Runs a command in the container and returns its stdout; fails with stderr on a non-zero exit. */
    public String exec(String... command) {
        ExecResult result;
        try {
            result = execInContainer(command);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run " + String.join(" ", command) + " in " + getContainerName(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running " + String.join(" ", command), e);
        }
        if (result.getExitCode() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " exited " + result.getExitCode() + " in "
                    + getContainerName() + ": " + result.getStderr().strip() + " " + result.getStdout().strip());
        }
        return result.getStdout();
    }
}
