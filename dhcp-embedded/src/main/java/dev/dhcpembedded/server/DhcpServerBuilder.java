package dev.dhcpembedded.server;

import dev.dhcpembedded.codec.DhcpOption;
import dev.dhcpembedded.internal.codec.Ipv4;
import dev.dhcpembedded.codec.MacAddress;
import dev.dhcpembedded.journal.Journal;
import dev.dhcpembedded.internal.lease.Cidr;
import dev.dhcpembedded.internal.lease.ClientKey;
import dev.dhcpembedded.internal.lease.ServerConfig;
import dev.dhcpembedded.internal.lease.StaticLease;
import dev.dhcpembedded.internal.lease.SubnetConfig;
import dev.dhcpembedded.internal.transport.InterfaceTransport;
import dev.dhcpembedded.internal.transport.LoopbackTransport;
import dev.dhcpembedded.internal.transport.ReceiveBuffers;
import dev.dhcpembedded.transport.Transport;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.IntFunction;
import java.util.function.Supplier;

/** The fluent way to a {@link DhcpServer}. Bad configuration fails at {@link #build()} saying what to change. */
public final class DhcpServerBuilder {

    /** Makes the transport, given the receive buffer asked for. */
    private IntFunction<Transport> transport = receiveBuffer -> new LoopbackTransport(
            new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), receiveBuffer);
    private int receiveBuffer = ReceiveBuffers.DEFAULT_BYTES;
    private String interfaceName;
    private final List<Function<List<DhcpOption>, SubnetConfig>> subnets = new ArrayList<>();
    private final List<Supplier<StaticLease>> staticLeases = new ArrayList<>();
    private final List<DhcpOption> globalOptions = new ArrayList<>();
    private String serverId;
    private boolean authoritative;
    private Duration offerHoldTime = Duration.ofSeconds(30);
    private Duration declineProbation = Duration.ofMinutes(10);
    private int journalCapacity = Journal.DEFAULT_CAPACITY;
    private Clock clock = Clock.systemUTC();
    private Clock wallClock = Clock.systemUTC();
    private boolean rapidCommit;
    private boolean bootp;

    DhcpServerBuilder() {
    }

    /** 127.0.0.1 on an ephemeral port (the default): no root needed. */
    public DhcpServerBuilder bindLoopback() {
        return bindLoopback(0);
    }

    public DhcpServerBuilder bindLoopback(int port) {
        return bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
    }

    /** A loopback address and port, e.g. {@code 127.0.0.5:1067}. */
    public DhcpServerBuilder bind(InetSocketAddress address) {
        LoopbackTransport.requireLoopback(address);
        this.transport = receiveBuffer -> new LoopbackTransport(address, receiveBuffer);
        this.interfaceName = null;
        return this;
    }

    /**
     * UDP port 67 of interface {@code name} only: answers nothing that arrived elsewhere. Needs root, or
     * CAP_NET_BIND_SERVICE and CAP_NET_RAW. The server identifier defaults to the interface's address.
     */
    public DhcpServerBuilder bindInterface(String name) {
        this.interfaceName = name;
        this.transport = receiveBuffer -> new InterfaceTransport(name, InterfaceTransport.SERVER_PORT, receiveBuffer);
        return this;
    }

    /** Any transport, e.g. an {@link dev.dhcpembedded.transport.InMemoryTransport} for tests with no socket. */
    public DhcpServerBuilder transport(Transport custom) {
        this.transport = receiveBuffer -> custom;
        this.interfaceName = null;
        return this;
    }

    public DhcpServerBuilder subnet(String cidr, Consumer<SubnetBuilder> shape) {
        subnets.add(globals -> {
            SubnetBuilder builder = new SubnetBuilder(Cidr.parse(cidr));
            shape.accept(builder);
            return builder.build(globals);
        });
        return this;
    }

    public DhcpServerBuilder staticLease(String mac, String address) {
        return staticLease(mac, address, l -> { });
    }

    public DhcpServerBuilder staticLease(String mac, String address, Consumer<StaticLeaseBuilder> shape) {
        staticLeases.add(() -> {
            StaticLeaseBuilder builder = new StaticLeaseBuilder();
            shape.accept(builder);
            return builder.build(ClientKey.ofMac(MacAddress.parse(mac)), Ipv4.parseInt(address));
        });
        return this;
    }

    /** A static lease for the client that sends client identifier {@code clientId} (type byte first). */
    public DhcpServerBuilder staticLeaseForClientId(byte[] clientId, String address,
                                                    Consumer<StaticLeaseBuilder> shape) {
        byte[] id = clientId.clone();
        staticLeases.add(() -> {
            StaticLeaseBuilder builder = new StaticLeaseBuilder();
            shape.accept(builder);
            return builder.build(ClientKey.ofClientId(id), Ipv4.parseInt(address));
        });
        return this;
    }

    /** An option for every subnet, sent when asked for; a subnet's own option of that code wins. */
    public DhcpServerBuilder option(DhcpOption option) {
        globalOptions.removeIf(o -> o.code().equals(option.code()));
        globalOptions.add(option);
        return this;
    }

    /**
     * The server identifier (54), which is never handed out. Default: the interface's address when bound to an
     * interface; otherwise (loopback, a custom transport) the first subnet's router, else its first host address,
     * so that clients see a server inside their own subnet.
     *
     * @param address an IPv4 address such as {@code 10.20.0.1}
     * @return this builder
     */
    public DhcpServerBuilder serverId(String address) {
        Ipv4.parseInt(address);
        this.serverId = address;
        return this;
    }

    /** NAK requests for addresses this server has no record of (INIT-REBOOT, RENEWING). */
    public DhcpServerBuilder authoritative(boolean authoritative) {
        this.authoritative = authoritative;
        return this;
    }

    public DhcpServerBuilder authoritative() {
        return authoritative(true);
    }

    /** How long an offered address is held for the client before it may go to another. Default 30 s. */
    public DhcpServerBuilder offerHoldTime(Duration time) {
        this.offerHoldTime = time;
        return this;
    }

    /** How long a declined address is set aside. Default 10 minutes. */
    public DhcpServerBuilder declineProbation(Duration time) {
        this.declineProbation = time;
        return this;
    }

    /** How many journal entries are kept; older ones are dropped and counted. Default 10,000. */
    public DhcpServerBuilder journalCapacity(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("journal capacity " + capacity + " must be at least 1");
        }
        this.journalCapacity = capacity;
        return this;
    }

    /**
     * The socket receive buffer the server asks the kernel for, in bytes: room for the requests that arrive while
     * it is busy (a GC pause, a slow stub), so that a load test's burst is not dropped. Default 4 MiB. On an
     * interface the server uses SO_RCVBUFFORCE when it has CAP_NET_ADMIN, and otherwise SO_RCVBUF, which the
     * kernel caps at {@code net.core.rmem_max}; it logs the size granted. 0 leaves the kernel's default. The
     * in-memory transport has no socket and ignores it.
     */
    public DhcpServerBuilder receiveBuffer(int bytes) {
        this.receiveBuffer = ReceiveBuffers.check(bytes);
        return this;
    }

    /** The clock leases age on; a {@link TestClock} lets the test move time. Default: the system clock. */
    public DhcpServerBuilder clock(Clock clock) {
        this.clock = clock;
        return this;
    }

    /**
     * Rapid commit (option 80, RFC 4039): a DISCOVER carrying 80 gets an ACK carrying 80, and the lease is bound at
     * once, with no OFFER and no REQUEST. Off by default. A stub can refuse it for one client or one occurrence with
     * {@code onDiscover().from(mac).respond(withoutRapidCommit()).once()}.
     */
    public DhcpServerBuilder rapidCommit() {
        return rapidCommit(true);
    }

    public DhcpServerBuilder rapidCommit(boolean enabled) {
        this.rapidCommit = enabled;
        return this;
    }

    /**
     * Serves BOOTP (RFC 951, RFC 1542): a BOOTREQUEST without option 53 gets a BOOTREPLY with the client's static
     * lease or a permanent pool address, and only the options that fit the 64-byte vendor area. Off by default
     * (such requests are journaled and not answered).
     */
    public DhcpServerBuilder bootp() {
        return bootp(true);
    }

    public DhcpServerBuilder bootp(boolean enabled) {
        this.bootp = enabled;
        return this;
    }

    /**
     * The clock the journal reads its wall time from ({@link dev.dhcpembedded.journal.JournalEntry#wallTime()}),
     * which wall-clock timing assertions measure. Default: the system clock. A test of such assertions may give a
     * {@link TestClock} here; leases still age on {@link #clock(Clock)}.
     */
    public DhcpServerBuilder wallClock(Clock wallClock) {
        this.wallClock = java.util.Objects.requireNonNull(wallClock, "wallClock");
        return this;
    }

    /** Validates everything and returns a server that is not started yet. */
    public DhcpServer build() {
        List<SubnetConfig> builtSubnets = new ArrayList<>();
        subnets.forEach(s -> builtSubnets.add(s.apply(globalOptions)));
        List<StaticLease> builtLeases = new ArrayList<>();
        staticLeases.forEach(s -> builtLeases.add(s.get()));
        int id = serverId == null ? 0 : Ipv4.parseInt(serverId);
        ServerConfig config = new ServerConfig(id, authoritative, offerHoldTime, declineProbation, builtSubnets,
                builtLeases, globalOptions, rapidCommit, bootp);
        IntFunction<Transport> factory = transport;
        int buffer = receiveBuffer;
        return new DhcpServer(config, () -> factory.apply(buffer), interfaceName, journalCapacity, clock, wallClock);
    }

    /** Builds and starts; ready to answer when it returns. */
    public DhcpServer start() {
        return build().start();
    }
}
