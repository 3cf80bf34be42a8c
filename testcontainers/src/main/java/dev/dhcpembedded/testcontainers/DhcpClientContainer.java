package dev.dhcpembedded.testcontainers;

import com.github.dockerjava.api.model.Capability;
import com.github.dockerjava.api.model.HostConfig;
import dev.dhcpembedded.lab.Signal;
import dev.dhcpembedded.lab.ClientCommands;
import dev.dhcpembedded.lab.ClientScript;
import dev.dhcpembedded.lab.DhclientCommand;
import dev.dhcpembedded.lab.DhcpEvent;
import dev.dhcpembedded.lab.DhcpcdCommand;
import dev.dhcpembedded.lab.UdhcpcCommand;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.testcontainers.containers.Container.ExecResult;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.images.builder.Transferable;
import org.testcontainers.utility.DockerImageName;

/**
 * A container that runs a real DHCP client ({@code udhcpc}, {@code dhclient} or {@code dhcpcd}) on a
 * {@link DhcpNetwork}, with the verified command lines of {@link ClientCommands} and the event scripts of
 * {@link ClientScript} (copied into the container; each prints {@code DHCP-EVENT ...} lines to the container log).
 *
 * <p>At start it gets NET_ADMIN and NET_RAW, flushes the IPv4 address Docker assigned to its interface, prints
 * {@code DHCP-CONTAINER ready ...} (the default wait) and starts the client in the foreground. The client keeps
 * running and renewing, as on a device, unless {@link #oneShot()}; either way the container stays up so that
 * {@link #ipv4Addresses()} and {@link #routes()} can read back what the client configured.
 *
 * <pre>{@code
 * @Container
 * DhcpClientContainer device = DhcpClientContainer.udhcpc()
 *     .withNetwork(network)
 *     .withMacAddress("02:42:ac:11:00:42")
 *     .waitingForLease();
 * }</pre>
 *
 * <p>Images: {@link #udhcpc()} uses {@value #DEFAULT_BUSYBOX_IMAGE} (any busybox with the {@code udhcpc} and
 * {@code ip} applets works), overridden by the system property {@value #BUSYBOX_IMAGE_PROPERTY} or the environment
 * variable {@code DHCP_CLIENT_IMAGE_BUSYBOX}. {@link #dhclient()} and {@link #dhcpcd()} need an image with
 * {@code isc-dhcp-client} / {@code dhcpcd-base} and {@code iproute2} installed, named by the system property
 * {@value #DEBIAN_IMAGE_PROPERTY} or {@code DHCP_CLIENT_IMAGE_DEBIAN}; or pass any image to
 * {@link #DhcpClientContainer(DockerImageName, Client)}.
 */
public class DhcpClientContainer extends GenericContainer<DhcpClientContainer> {

    /** Which DHCP client the container runs. */
    public enum Client {
        /** busybox udhcpc: events {@code bound}, {@code renew}, {@code nak}, {@code leasefail}, {@code deconfig}. */
        UDHCPC(ClientScript.UDHCPC),
        /** ISC dhclient: events {@code BOUND}, {@code RENEW}, {@code REBIND}, {@code REBOOT}, {@code EXPIRE}, ... */
        DHCLIENT(ClientScript.DHCLIENT),
        /** dhcpcd 9 (configures the address itself): events {@code BOUND}, {@code RENEW}, {@code NAK}, ... */
        DHCPCD(ClientScript.DHCPCD);

        private final ClientScript script;

        Client(ClientScript script) {
            this.script = script;
        }

        public ClientScript script() {
            return script;
        }
    }

    public static final String BUSYBOX_IMAGE_PROPERTY = "dhcp.clientImage.busybox";
    public static final String DEBIAN_IMAGE_PROPERTY = "dhcp.clientImage.debian";
    public static final String DEFAULT_BUSYBOX_IMAGE = "busybox:1.36.1";
    /** The log line printed once the Docker address is flushed and the client is about to start. */
    public static final String READY_MARKER = "DHCP-CONTAINER ready";

    private static final String LEASE_REGEX = ".*DHCP-EVENT event=(?i:bound|renew|rebind|reboot|inform) .*";

    private final Client client;
    private String iface = "eth0";
    private String mac;
    private boolean oneShot;
    private Consumer<UdhcpcCommand> udhcpcShape = c -> { };
    private Consumer<DhclientCommand> dhclientShape = c -> { };
    private Consumer<DhcpcdCommand> dhcpcdShape = c -> { };
    private String stateDir;
    private List<String> clientCommand = List.of();
    private List<String> releaseCommand = List.of();

    /** Any image that has the client, {@code ip} and a POSIX {@code sh}. */
    public DhcpClientContainer(DockerImageName image, Client client) {
        super(image);
        this.client = Objects.requireNonNull(client, "client");
        waitingFor(Wait.forLogMessage(".*" + READY_MARKER + ".*", 1).withStartupTimeout(Duration.ofSeconds(60)));
    }

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
        return new DhcpClientContainer(debianImage("dhclient"), Client.DHCLIENT);
    }

    /** dhcpcd in the image named by {@value #DEBIAN_IMAGE_PROPERTY} (there is no public default). */
    public static DhcpClientContainer dhcpcd() {
        return new DhcpClientContainer(debianImage("dhcpcd"), Client.DHCPCD);
    }

    private static String debianImage(String what) {
        return configured(DEBIAN_IMAGE_PROPERTY, "DHCP_CLIENT_IMAGE_DEBIAN").orElseThrow(() ->
                new IllegalStateException(what + " needs an image with it installed, and no image is named: set the "
                        + "system property " + DEBIAN_IMAGE_PROPERTY + " (or env DHCP_CLIENT_IMAGE_DEBIAN), or use "
                        + "new DhcpClientContainer(image, Client." + what.toUpperCase(java.util.Locale.ROOT) + "). "
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

    public Client client() {
        return client;
    }

    /** The interface inside the container the client runs on (default {@code eth0}). */
    public DhcpClientContainer withInterface(String name) {
        this.iface = Objects.requireNonNull(name);
        return this;
    }

    /** Gives the container this MAC address (e.g. for a static lease). Default: the one Docker derives. */
    public DhcpClientContainer withMacAddress(String address) {
        this.mac = Objects.requireNonNull(address);
        return this;
    }

    /** The client exits once bound (udhcpc {@code -q -n}, dhclient and dhcpcd {@code -1}); the container stays up. */
    public DhcpClientContainer oneShot() {
        this.oneShot = true;
        return this;
    }

    /** Waits at start until the client reports a configured lease (bound, renew, rebind, reboot, inform). */
    public DhcpClientContainer waitingForLease() {
        return waitingFor(Wait.forLogMessage(LEASE_REGEX, 1).withStartupTimeout(Duration.ofSeconds(60)));
    }

    /** Shapes the udhcpc command line (hostname, vendor class, requested options, retries...). */
    public DhcpClientContainer withUdhcpc(Consumer<UdhcpcCommand> shape) {
        requireClient(Client.UDHCPC);
        this.udhcpcShape = this.udhcpcShape.andThen(shape);
        return this;
    }

    /** Shapes the dhclient command line and dhclient.conf. */
    public DhcpClientContainer withDhclient(Consumer<DhclientCommand> shape) {
        requireClient(Client.DHCLIENT);
        this.dhclientShape = this.dhclientShape.andThen(shape);
        return this;
    }

    /** Shapes the dhcpcd command line and dhcpcd.conf. */
    public DhcpClientContainer withDhcpcd(Consumer<DhcpcdCommand> shape) {
        requireClient(Client.DHCPCD);
        this.dhcpcdShape = this.dhcpcdShape.andThen(shape);
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
            if (client == Client.DHCPCD) {
                // dhcpcd 9 turns on promote_secondaries of its interface at start and exits 1 ("if_init: Read-only
                // file system") when it cannot, since Docker mounts /proc/sys read-only; when the value is 1
                // already it writes nothing. Docker may set net.* sysctls of the container's own namespace.
                java.util.Map<String, String> sysctls = new java.util.HashMap<>(
                        host.getSysctls() == null ? java.util.Map.of() : host.getSysctls());
                sysctls.putIfAbsent("net.ipv4.conf." + iface + ".promote_secondaries", "1");
                host.withSysctls(sysctls);
            }
            if (mac != null) {
                cmd.withMacAddress(mac);
            }
            // Docker (20.10, API < 1.44) applies the container's MacAddress only to the network its NetworkMode
            // names by name; Testcontainers gives the network's id, so the MAC would be ignored
            if (cmd.getMacAddress() != null && getNetwork() instanceof DhcpNetwork dhcp
                    && dhcp.getId().equals(host.getNetworkMode())) {
                host.withNetworkMode(dhcp.getName());
            }
            cmd.withHostConfig(host);
        });
        prepareClient();
        withCommand("/bin/sh", "-c", wrapper());
    }

    /** Builds the client's command line with {@link ClientCommands} and copies its script and files in. */
    private void prepareClient() {
        Path host;
        try {
            host = Files.createTempDirectory("dhcp-embedded-client");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot make a temporary directory for the client's files", e);
        }
        try {
            stateDir = host.toString();
            Path script = host.resolve(client.script().resourceName());
            List<String> cmd;
            List<String> release;
            switch (client) {
                case UDHCPC -> {
                    UdhcpcCommand u = ClientCommands.udhcpc(iface, script);
                    if (oneShot) {
                        u.oneShot();
                    }
                    udhcpcShape.accept(u);
                    cmd = inContainer(u.build(), "udhcpc");
                    release = List.of();
                }
                case DHCLIENT -> {
                    DhclientCommand d = ClientCommands.dhclient(iface, script, host);
                    if (oneShot) {
                        d.oneShot();
                    }
                    dhclientShape.accept(d);
                    cmd = inContainer(d.build(), "dhclient");
                    release = inContainer(d.releaseCommand(), "dhclient");
                }
                default -> {
                    DhcpcdCommand d = ClientCommands.dhcpcd(iface, script, host);
                    if (oneShot) {
                        d.oneShot();
                    }
                    dhcpcdShape.accept(d);
                    cmd = inContainer(d.build(), "dhcpcd");
                    release = inContainer(d.releaseCommand(), "dhcpcd");
                }
            }
            clientCommand = cmd;
            releaseCommand = release;
            withCopyToContainer(Transferable.of(client.script().text().getBytes(StandardCharsets.UTF_8), 0755),
                    script.toString());
            try (Stream<Path> files = Files.list(host)) {
                for (Path f : files.toList()) {
                    withCopyToContainer(Transferable.of(Files.readAllBytes(f), 0644), f.toString());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare the client's files: " + e.getMessage(), e);
        } finally {
            deleteTree(host);
        }
    }

    /** The host's binary path (from ClientCommands) becomes the bare name, found on the container's PATH. */
    private static List<String> inContainer(List<String> hostCommand, String binary) {
        List<String> out = new ArrayList<>();
        boolean found = false;
        for (String arg : hostCommand) {
            String base = arg.substring(arg.lastIndexOf('/') + 1);
            if (!found && (base.equals("busybox"))) {
                continue;
            }
            if (!found && base.equals(binary)) {
                out.add(binary);
                found = true;
                continue;
            }
            out.add(arg);
        }
        return List.copyOf(out);
    }

    private String wrapper() {
        String pidFile = stateDir + "/client.pid";
        return String.join("\n",
                "iface=" + quote(iface),
                "ip link set dev \"$iface\" up",
                "ip -4 addr flush dev \"$iface\" || exit 1",
                "echo \"" + READY_MARKER + " iface=$iface mac=$(cat /sys/class/net/$iface/address) client="
                        + client.name().toLowerCase(java.util.Locale.ROOT) + "\"",
                join(clientCommand) + " &",
                "echo $! > " + quote(pidFile),
                "wait $!",
                "echo \"DHCP-CONTAINER client-exited rc=$?\"",
                "while :; do sleep 3600; done");
    }

    private static String join(List<String> cmd) {
        StringBuilder s = new StringBuilder();
        for (String arg : cmd) {
            if (s.length() > 0) {
                s.append(' ');
            }
            s.append(quote(arg));
        }
        return s.toString();
    }

    private static String quote(String arg) {
        return "'" + arg.replace("'", "'\\''") + "'";
    }

    private static void deleteTree(Path dir) {
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // best effort
        }
    }

    // ---- reading back ----

    /** The client command line as run inside the container. */
    public List<String> clientCommand() {
        return clientCommand;
    }

    /** The MAC address of the client's interface, lower case, e.g. {@code 02:42:ac:12:00:02}. */
    public String macAddress() {
        return exec("cat", "/sys/class/net/" + iface + "/address").strip();
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
        return awaitEvent(DhcpEvent::isConfigured, "a lease (bound/renew/rebind/reboot)", timeout, 0);
    }

    /** Waits until the client reports event {@code name} (any case) at least {@code count} times. */
    public DhcpEvent awaitEvent(String name, int count, Duration timeout) {
        return awaitEvent(e -> e.is(name), "event " + name + " x" + count, timeout, count - 1);
    }

    private DhcpEvent awaitEvent(java.util.function.Predicate<DhcpEvent> wanted, String what, Duration timeout,
                                 int skip) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            List<DhcpEvent> matching = events().stream().filter(wanted).toList();
            if (matching.size() > skip) {
                return matching.get(skip);
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the " + client + " client in container " + getContainerName() + " reported "
                        + "no " + what + " within " + timeout + "; its log:\n" + getLogs());
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for " + what, e);
            }
        }
    }

    /** The IPv4 addresses on the client's interface now, with prefix length, e.g. {@code [172.18.128.0/16]}. */
    public List<String> ipv4Addresses() {
        List<String> out = new ArrayList<>();
        for (String line : exec("ip", "-4", "-o", "addr", "show", "dev", iface).split("\n")) {
            String[] tokens = line.trim().split("\\s+");
            for (int i = 0; i + 1 < tokens.length; i++) {
                if (tokens[i].equals("inet")) {
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
        exec("sh", "-c", "kill -" + signal.name() + " \"$(cat " + quote(stateDir + "/client.pid") + ")\"");
    }

    /**
     * Makes the client send RELEASE: udhcpc on SIGUSR2 (it keeps running, unconfigured); dhclient {@code -r} and
     * dhcpcd {@code -k} (they exit).
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
