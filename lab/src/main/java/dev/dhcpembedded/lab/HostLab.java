package dev.dhcpembedded.lab;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A throw-away test host: a network namespace joined to the root namespace by a veth pair.
 *
 * <pre>{@code
 * try (HostLab lab = HostLab.create()) {
 *     // server side: lab.serverInterface() (root namespace), lab.serverAddress() = x.y.z.1/24
 *     BackgroundProcess client = lab.start(ClientCommands.udhcpc(lab.clientInterface(),
 *             lab.script(ClientScript.UDHCPC)).oneShot().build());
 *     client.awaitLineContaining("event=bound", Duration.ofSeconds(10));
 *     assertThat(lab.clientAddresses()).contains(lab.subnet24().host(100) + "/24");
 * }
 * }</pre>
 *
 * <p>Names are unique per JVM and lab: namespace {@code dhe-<pid36>-<n36>}, interfaces
 * {@code <namespace>s} (root side) and {@code <namespace>c} (inside), with a digit suffix for extra
 * links. The subnet is a free /24 of {@code 10.231.0.0/16} unless told otherwise. Inside the namespace
 * {@code /etc/resolv.conf} is a private copy ({@code /etc/netns/<name>/resolv.conf}), so a client
 * script that writes it cannot change the host's.
 *
 * <p>{@link #close()} stops the lab's processes, deletes its interfaces, namespace and files and never
 * throws; a shutdown hook closes labs left open.
 */
public final class HostLab implements AutoCloseable {

    private static final AtomicLong COUNTER = new AtomicLong();
    private static final Duration IP_TIMEOUT = Duration.ofSeconds(15);
    private static final Pattern INET = Pattern.compile("\\binet (\\d+\\.\\d+\\.\\d+\\.\\d+/\\d+)");
    private static final Pattern MAC = Pattern.compile("(?i)[0-9a-f]{2}(:[0-9a-f]{2}){5}");
    private static final System.Logger LOG = System.getLogger(HostLab.class.getName());

    private final String name;
    private final SubnetAllocator allocator;
    private final Path workDir;
    private final List<LabLink> links = new CopyOnWriteArrayList<>();
    private final List<BackgroundProcess> processes = new CopyOnWriteArrayList<>();
    private volatile boolean closed;

    private HostLab(String name, SubnetAllocator allocator, Path workDir) {
        this.name = name;
        this.allocator = allocator;
        this.workDir = workDir;
    }

    /** A lab with a free /24 of 10.231.0.0/16 and a client MAC derived from that subnet. */
    public static HostLab create() {
        return builder().build();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Options for a new lab. */
    public static final class Builder {
        private String addressPool = SubnetAllocator.DEFAULT_POOL;
        private Subnet24 subnet;
        private String clientMac;

        private Builder() {
        }

        /** The /16 from which the lab's /24 is picked (default {@code 10.231.0.0/16}). */
        public Builder addressPool(String cidr16) {
            this.addressPool = Objects.requireNonNull(cidr16);
            return this;
        }

        /** Use exactly this /24 (fails if another lab holds it). */
        public Builder subnet(String cidr24) {
            this.subnet = Subnet24.parse(cidr24);
            return this;
        }

        /** The client interface's MAC (default {@code 02:00:<a>:<b>:<c>:10} from the subnet). */
        public Builder clientMac(String mac) {
            this.clientMac = checkMac(mac);
            return this;
        }

        public HostLab build() {
            RealHostSupport.missingReason().ifPresent(r -> {
                throw new LabException(r);
            });
            LabJanitor.reapStaleOnce();
            long pid = ProcessHandle.current().pid();
            long n = COUNTER.incrementAndGet();
            String name = "dhe-" + Long.toString(pid, 36) + "-" + Long.toString(n, 36);
            SubnetAllocator allocator = new SubnetAllocator(addressPool, SubnetAllocator.defaultLockDir());
            Path dir;
            try {
                dir = Files.createTempDirectory(name + "-");
            } catch (IOException e) {
                throw new LabException("cannot create a work directory for lab " + name + ": " + e.getMessage(), e);
            }
            HostLab lab = new HostLab(name, allocator, dir);
            LabJanitor.opened(lab);
            try {
                lab.createNamespace();
                Subnet24 s = subnet != null ? allocator.claim(subnet) : allocator.allocate(pid * 31 + n * 7);
                lab.wire(s, clientMac);
                return lab;
            } catch (RuntimeException e) {
                lab.close();
                throw e;
            }
        }
    }

    // ---------------------------------------------------------------- identity

    /** The network namespace's name. */
    public String name() {
        return name;
    }

    /** The first veth pair. */
    public LabLink link() {
        return links.get(0);
    }

    /** All veth pairs, the first one first. */
    public List<LabLink> links() {
        return Collections.unmodifiableList(new ArrayList<>(links));
    }

    /** The root-namespace end of the first veth pair: bind a DHCP server here. */
    public String serverInterface() {
        return link().serverInterface();
    }

    /** The namespace end of the first veth pair: run a DHCP client here. */
    public String clientInterface() {
        return link().clientInterface();
    }

    /** The root-side address of the first veth pair, {@code x.y.z.1}. */
    public String serverAddress() {
        return link().serverAddress();
    }

    /** The first pair's subnet as CIDR, e.g. {@code 10.231.7.0/24}. */
    public String subnet() {
        return link().cidr();
    }

    /** The first pair's subnet, handy for {@code host(100)}-style pool bounds. */
    public Subnet24 subnet24() {
        return link().subnet();
    }

    /** The client interface's MAC address (lower case, colon separated). */
    public String clientMac() {
        return link().clientMac();
    }

    /** A private directory for this lab's files (scripts, lease files, captures); deleted on close. */
    public Path workDir() {
        return workDir;
    }

    // ---------------------------------------------------------------- wiring

    /** Changes the client interface's MAC (the link goes down and up again). */
    public HostLab clientMac(String mac) {
        LabLink l = link();
        String m = checkMac(mac);
        setMac(l.clientInterface(), m);
        links.set(0, new LabLink(l.serverInterface(), l.clientInterface(), l.subnet(), m));
        return this;
    }

    /**
     * Adds another veth pair with its own /24 between the root namespace and this lab, e.g. for a
     * server bound to one interface while a client sends on another.
     */
    public LabLink addLink() {
        Subnet24 s = allocator.allocate(ProcessHandle.current().pid() * 31 + COUNTER.incrementAndGet() * 7);
        try {
            return wire(s, null);
        } catch (RuntimeException e) {
            allocator.release(s);
            throw e;
        }
    }

    private void createNamespace() {
        ip("netns", "add", name);
        // a private resolv.conf: `ip netns exec` bind-mounts /etc/netns/<name>/* over /etc
        try {
            Path etc = Path.of("/etc/netns", name);
            Files.createDirectories(etc);
            Files.writeString(etc.resolve("resolv.conf"), "# dhcp-embedded test lab " + name + "\n");
        } catch (IOException e) {
            throw new LabException("cannot create /etc/netns/" + name + "/resolv.conf: " + e.getMessage(), e);
        }
        ip("-n", name, "link", "set", "lo", "up");
    }

    private LabLink wire(Subnet24 subnet, String mac) {
        int k = links.size();
        String suffix = k == 0 ? "" : Integer.toString(k);
        String server = name + "s" + suffix;
        String client = name + "c" + suffix;
        if (server.length() > 15 || client.length() > 15) {
            throw new LabException("interface name " + server + " is longer than Linux's 15 characters");
        }
        String m = mac != null ? mac
                : String.format(Locale.ROOT, "02:00:%02x:%02x:%02x:%02x", subnet.a(), subnet.b(), subnet.c(), 0x10 + k);
        LabLink link = new LabLink(server, client, subnet, m);
        links.add(link); // registered before creation so close() removes a half-made pair
        ip("link", "add", server, "type", "veth", "peer", "name", client);
        ip("link", "set", client, "netns", name);
        ip("addr", "add", subnet.host(1) + "/24", "broadcast", subnet.broadcast(), "dev", server);
        ip("link", "set", server, "up");
        ip("-n", name, "link", "set", client, "address", m);
        ip("-n", name, "link", "set", client, "up");
        return link;
    }

    private void setMac(String clientIf, String mac) {
        ip("-n", name, "link", "set", clientIf, "down");
        ip("-n", name, "link", "set", clientIf, "address", mac);
        ip("-n", name, "link", "set", clientIf, "up");
    }

    // ---------------------------------------------------------------- running things inside

    /** Runs {@code command} inside the namespace and waits up to {@code timeout} for it. */
    public CommandResult exec(Duration timeout, String... command) {
        return exec(timeout, List.of(command));
    }

    /** Runs {@code command} inside the namespace and waits up to {@code timeout} for it. */
    public CommandResult exec(Duration timeout, List<String> command) {
        ensureOpen();
        List<String> full = new ArrayList<>(List.of("setsid", "--wait", "ip", "netns", "exec", name));
        full.addAll(command);
        return Commands.run(timeout, full);
    }

    /** Starts {@code command} inside the namespace in the background; stopped on {@link #close()}. */
    public BackgroundProcess start(String... command) {
        return start(List.of(command));
    }

    /** Starts {@code command} inside the namespace in the background; stopped on {@link #close()}. */
    public BackgroundProcess start(List<String> command) {
        ensureOpen();
        List<String> full = new ArrayList<>(List.of("ip", "netns", "exec", name));
        full.addAll(command);
        String label = Path.of(command.get(0)).getFileName().toString().replaceAll("[^A-Za-z0-9_.-]", "_");
        BackgroundProcess p = BackgroundProcess.start(full, workDir, label);
        processes.add(p);
        return p;
    }

    /**
     * Starts a command in the root namespace in the background (a capture on the server interface,
     * a stand-in server); stopped on {@link #close()}.
     */
    public BackgroundProcess startOnHost(List<String> command) {
        ensureOpen();
        String label = Path.of(command.get(0)).getFileName().toString().replaceAll("[^A-Za-z0-9_.-]", "_");
        BackgroundProcess p = BackgroundProcess.start(command, workDir, label);
        processes.add(p);
        return p;
    }

    /** Copies a client script out of the jar into {@link #workDir()} (once) and returns its path. */
    public Path script(ClientScript script) {
        return script.materialize(workDir);
    }

    /** A sub-directory of {@link #workDir()} for one client's state files. */
    public Path stateDir(String child) {
        try {
            return Files.createDirectories(workDir.resolve(child));
        } catch (IOException e) {
            throw new LabException("cannot create " + workDir.resolve(child) + ": " + e.getMessage(), e);
        }
    }

    // ---------------------------------------------------------------- looking at the client side

    /** IPv4 addresses on the client interface, as CIDR ({@code 10.231.7.100/24}). */
    public List<String> clientAddresses() {
        return addressesOf(clientInterface());
    }

    /** IPv4 addresses on the given interface inside the namespace, as CIDR. */
    public List<String> addressesOf(String nsInterface) {
        String out = ip("-n", name, "-4", "-o", "addr", "show", "dev", nsInterface).stdout();
        List<String> result = new ArrayList<>();
        Matcher m = INET.matcher(out);
        while (m.find()) {
            result.add(m.group(1));
        }
        return List.copyOf(result);
    }

    /** The first IPv4 address of the client interface without prefix, if any. */
    public Optional<String> clientAddress() {
        return clientAddresses().stream().map(a -> a.substring(0, a.indexOf('/'))).findFirst();
    }

    /** Waits until the client interface has an IPv4 address; returns it without prefix. */
    public Optional<String> awaitClientAddress(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            Optional<String> a = clientAddress();
            if (a.isPresent() || System.nanoTime() - deadline > 0) {
                return a;
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return Optional.empty();
            }
        }
    }

    /** The namespace's IPv4 routes, one {@code ip route} line each (e.g. {@code default via 10.231.7.1 dev ...}). */
    public List<String> clientRoutes() {
        return ip("-n", name, "-4", "route", "show").stdout().lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
    }

    /** Adds a static address to the client interface (e.g. for INFORM, or to ping the server). */
    public void addClientAddress(String cidr) {
        ip("-n", name, "addr", "add", cidr, "dev", clientInterface());
    }

    /** Removes every IPv4 address and route of the client interface. */
    public void flushClientAddresses() {
        ip("-n", name, "-4", "addr", "flush", "dev", clientInterface());
        Commands.run(IP_TIMEOUT, "ip", "-n", name, "-4", "route", "flush", "dev", clientInterface());
    }

    // ---------------------------------------------------------------- cleanup

    public boolean isClosed() {
        return closed;
    }

    /** Stops processes, deletes interfaces, namespace and files. Never throws; closing twice is harmless. */
    @Override
    public void close() {
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
        }
        for (BackgroundProcess p : processes) {
            quietly(() -> p.stop(Duration.ofSeconds(2)));
        }
        quietly(() -> LabJanitor.killProcessesIn(name));
        for (LabLink l : links) {
            quietly(() -> Commands.run(IP_TIMEOUT, "ip", "link", "del", l.serverInterface()));
            quietly(() -> allocator.release(l.subnet()));
            quietly(() -> DhcpcdFiles.delete(l.clientInterface()));
        }
        quietly(() -> Commands.run(IP_TIMEOUT, "ip", "netns", "del", name));
        quietly(() -> LabJanitor.deleteTree(Path.of("/etc/netns", name)));
        quietly(() -> LabJanitor.deleteTree(workDir));
        LabJanitor.closed(this);
    }

    @Override
    public String toString() {
        return "HostLab[" + name + ", " + (links.isEmpty() ? "unwired" : serverInterface() + " " + serverAddress()
                + " <-> " + clientInterface() + " " + clientMac()) + "]";
    }

    // ---------------------------------------------------------------- helpers

    private void ensureOpen() {
        if (closed) {
            throw new IllegalStateException("lab " + name + " is closed");
        }
    }

    private static CommandResult ip(String... args) {
        List<String> cmd = new ArrayList<>();
        cmd.add("ip");
        cmd.addAll(List.of(args));
        return Commands.run(IP_TIMEOUT, cmd).orThrow();
    }

    static String checkMac(String mac) {
        if (mac == null || !MAC.matcher(mac).matches()) {
            throw new IllegalArgumentException("not a MAC address like 02:00:00:00:00:42: " + mac);
        }
        return mac.toLowerCase(Locale.ROOT);
    }

    private static void quietly(Runnable r) {
        try {
            r.run();
        } catch (RuntimeException | Error e) {
            if (e instanceof VirtualMachineError vme) {
                throw vme;
            }
            LOG.log(System.Logger.Level.WARNING, "lab cleanup step failed: " + e, e);
        }
    }
}
