package dev.dhcpembedded.server;

import dev.dhcpembedded.codec.DhcpOption;
import dev.dhcpembedded.internal.wire.Ipv4;
import dev.dhcpembedded.codec.MacAddress;
import dev.dhcpembedded.journal.Journal;
import dev.dhcpembedded.internal.engine.Cidr;
import dev.dhcpembedded.internal.engine.ClientKey;
import dev.dhcpembedded.internal.engine.ServerConfig;
import dev.dhcpembedded.internal.engine.StaticLease;
import dev.dhcpembedded.internal.engine.SubnetConfig;
import dev.dhcpembedded.internal.transport.InterfaceTransport;
import dev.dhcpembedded.internal.transport.Interface6Transport;
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
import dev.dhcpembedded.codec6.Duid;
import dev.dhcpembedded.internal.engine6.Prefix6;
import dev.dhcpembedded.internal.engine6.Server6Config;
import dev.dhcpembedded.internal.engine6.StaticLease6;
import dev.dhcpembedded.internal.engine6.Subnet6Config;

/** The fluent way to a {@link DhcpServer}. Bad configuration fails at {@link #build()} saying what to change. */
public final class DhcpServerBuilder {

    /**
     * Makes the transport, given the receive buffer asked for. The default and the loopback ones are classes, not
     * lambdas, as is each pending subnet below: the first server of a suite spins no lambda class for them.
     */
    private IntFunction<Transport> transport = new BuilderParts.Loopback(new InetSocketAddress(InetAddress.getLoopbackAddress(),
            0));
    private int receiveBuffer = ReceiveBuffers.DEFAULT_BYTES;
    private String interfaceName;
    private Consumer<NetbootBuilder> netboot;
    private final List<Function<List<DhcpOption>, SubnetConfig>> subnets = new ArrayList<>();
    private final List<Supplier<StaticLease>> staticLeases = new ArrayList<>();
    private final List<DhcpOption> globalOptions = new ArrayList<>();
    private String serverId;
    private boolean authoritative;
    private Duration offerHoldTime = Duration.ofSeconds(30);
    private Duration declineProbation = Duration.ofMinutes(10);
    private int journalCapacity = Journal.DEFAULT_CAPACITY; private long journalBytes = Journal.DEFAULT_MAX_BYTES;
    private Clock clock = Clock.systemUTC();
    private Clock wallClock = Clock.systemUTC();
    private boolean rapidCommit;
    private boolean bootp;
    private boolean reconfigureKeys;
    private final List<Supplier<Subnet6Config>> subnets6 = new ArrayList<>();
    private final List<StaticLease6> staticLeases6 = new ArrayList<>();
    /** Null: [::1] on an ephemeral port, made only when a subnet6 is served. */
    private Supplier<Transport> transport6;
    private Duid serverDuid = DEFAULT_SERVER_DUID;
    private boolean rapidCommit6;
    private boolean transport6Chosen;
    private java.util.OptionalInt preference6 = java.util.OptionalInt.empty();
    private Consumer<RouterAdvertisementBuilder> routerAdvertisements;
    private String secondAddress;
    private Consumer<SubnetBuilder> secondShape;

    /** The DHCPv6 server DUID unless {@link #serverDuid(Duid)} says otherwise: DUID-EN, enterprise 32473 (RFC 5612). */
    public static final Duid DEFAULT_SERVER_DUID = Duid.en(32473,
            "dhcp-embedded".getBytes(java.nio.charset.StandardCharsets.US_ASCII));

    DhcpServerBuilder() {
    }

    /** 127.0.0.1 on an ephemeral port (the default): no root needed.
     * @return this builder */
    public DhcpServerBuilder bindLoopback() {
        return bindLoopback(0);
    }

    /** 127.0.0.1 on {@code port}, e.g. 1067; 0 for an ephemeral one.
     * @param port the UDP port, 0 to 65535
     * @return this builder */
    public DhcpServerBuilder bindLoopback(int port) {
        return bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
    }

    /** A loopback address and port, e.g. {@code 127.0.0.5:1067}.
     * @param address a loopback address and port
     * @return this builder */
    public DhcpServerBuilder bind(InetSocketAddress address) {
        LoopbackTransport.requireLoopback(address);
        this.transport = new BuilderParts.Loopback(address);
        this.interfaceName = null;
        return this;
    }

    /**
     * UDP port 67 of interface {@code name} only: answers nothing that arrived elsewhere. Needs root, or
     * CAP_NET_BIND_SERVICE and CAP_NET_RAW. The server identifier defaults to the interface's address.
     * @param name the interface, e.g. {@code eth0}
     * @return this builder
     */
    public DhcpServerBuilder bindInterface(String name) {
        this.interfaceName = name;
        this.transport = receiveBuffer -> new InterfaceTransport(name, InterfaceTransport.SERVER_PORT, receiveBuffer);
        return this;
    }

    /** Any transport, e.g. an {@link dev.dhcpembedded.transport.InMemoryTransport} for tests with no socket.
     * @param custom the transport, used as it is
     * @return this builder */
    public DhcpServerBuilder transport(Transport custom) {
        this.transport = receiveBuffer -> custom;
        this.interfaceName = null;
        return this;
    }

    /** An IPv4 subnet to serve, shaped by {@code shape} when the server is built; a server may serve several.
     * @param cidr the subnet, e.g. {@code 10.20.0.0/24}
     * @param shape pools, exclusions, lease times and options
     * @return this builder */
    public DhcpServerBuilder subnet(String cidr, Consumer<SubnetBuilder> shape) {
        subnets.add(new BuilderParts.PendingSubnet(cidr, shape));
        return this;
    }

    /**
     * A DHCPv6 link beside the IPv4 subnets: one server, one journal, one clock. In loopback mode the server also
     * listens on {@code [::1]} on an ephemeral port ({@code server.v6().address()}) and replies to the sender. With
     * {@link #bindInterface(String)} it listens on UDP 547 of that interface only, joined to ff02::1:2, and replies
     * to the client's link-local address and port 546.
     *
     * <pre>{@code
     * .subnet6("2001:db8:1::/64", s -> s.pool("2001:db8:1::100", "2001:db8:1::1ff")
     *         .prefixDelegation("2001:db8:100::/48", 56).dns("2001:db8:1::53").domainSearch("lab.test"))
     * }</pre>
     *
     * @param prefix the link's prefix, e.g. {@code 2001:db8:1::/64}
     * @param shape pools, delegation, options and lifetimes
     * @return this builder
     */
    public DhcpServerBuilder subnet6(String prefix, Consumer<Subnet6Builder> shape) {
        Prefix6 parsed = Prefix6.parse(prefix);
        subnets6.add(() -> {
            Subnet6Builder builder = new Subnet6Builder(parsed);
            shape.accept(builder);
            return builder.build();
        });
        return this;
    }

    /** Where DHCPv6 listens in loopback mode; default {@code [::1]} on an ephemeral port.
     * @param address a loopback IPv6 address and port
     * @return this builder */
    public DhcpServerBuilder bind6(InetSocketAddress address) {
        LoopbackTransport.requireLoopback(address);
        this.transport6 = () -> new LoopbackTransport(address);
        this.transport6Chosen = true;
        return this;
    }

    /** Any transport for DHCPv6, e.g. an {@link dev.dhcpembedded.transport.InMemoryTransport}.
     * @param custom the transport, used as it is
     * @return this builder */
    public DhcpServerBuilder transport6(Transport custom) {
        this.transport6 = () -> custom;
        this.transport6Chosen = true;
        return this;
    }

    /** The DHCPv6 server identifier (option 2). Default {@link #DEFAULT_SERVER_DUID}.
     * @param duid the DUID, not null
     * @return this builder */
    public DhcpServerBuilder serverDuid(Duid duid) {
        this.serverDuid = java.util.Objects.requireNonNull(duid);
        return this;
    }

    /** Answer a SOLICIT that carries rapid commit (14) with a committed REPLY. Off by default.
     * @param on whether to commit at once
     * @return this builder */
    public DhcpServerBuilder rapidCommit6(boolean on) {
        this.rapidCommit6 = on;
        return this;
    }

    /** {@return this builder, with {@code rapidCommit6(true)}} */
    public DhcpServerBuilder rapidCommit6() {
        return rapidCommit6(true);
    }

    /** The preference option (7) in every ADVERTISE, 0 to 255; none by default.
     * @param preference the preference; 255 makes the client take this server at once
     * @return this builder */
    public DhcpServerBuilder preference6(int preference) {
        dev.dhcpembedded.codec6.Dhcp6Option.preference(preference);
        this.preference6 = java.util.OptionalInt.of(preference);
        return this;
    }

    /**
     * Sends Router Advertisements (RFC 4861) on the interface of {@link #bindInterface(String)}: periodic ones to
     * all-nodes, and an answer to each Router Solicitation, from the interface's link-local address with hop limit
     * 255. Off unless called. Interface mode only: in loopback mode the client is told the server's address, and
     * {@link #build()} fails.
     *
     * <pre>{@code
     * .routerAdvertisements(ra -> ra.managed(true).otherConfig(true).rdnss("2001:db8:1::53").dnssl("lab.test"))
     * }</pre>
     *
     * Change them while the server runs with {@link DhcpServer#routerAdvertisements()}.
     *
     * @param shape flags, prefixes, DNS options, lifetimes and intervals
     * @return this builder
     */
    public DhcpServerBuilder routerAdvertisements(Consumer<RouterAdvertisementBuilder> shape) {
        this.routerAdvertisements = java.util.Objects.requireNonNull(shape);
        return this;
    }

    /** A static lease: the client with MAC {@code mac} always gets {@code address}, and no other client gets it.
     * @param mac the client's MAC, e.g. {@code 02:00:00:00:00:42}
     * @param address a dotted IPv4 address inside a subnet
     * @return this builder */
    public DhcpServerBuilder staticLease(String mac, String address) {
        return staticLease(mac, address, l -> { });
    }

    /** A static lease with host settings (host name, options that override the subnet's).
     * @param mac the client's MAC, e.g. {@code 02:00:00:00:00:42}
     * @param address a dotted IPv4 address inside a subnet
     * @param shape the host's settings
     * @return this builder */
    public DhcpServerBuilder staticLease(String mac, String address, Consumer<StaticLeaseBuilder> shape) {
        staticLeases.add(() -> {
            StaticLeaseBuilder builder = new StaticLeaseBuilder();
            shape.accept(builder);
            return builder.build(StaticLeaseBuilder.keyOf(MacAddress.parse(mac)), Ipv4.parseInt(address));
        });
        return this;
    }

    /** A static lease for the client that sends client identifier {@code clientId} (type byte first).
     * @param clientId the identifier's bytes, copied
     * @param address a dotted IPv4 address inside a subnet
     * @param shape the host's settings
     * @return this builder */
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

    /**
     * A DHCPv6 static lease: the client with this DUID always gets {@code address} for its IA_NA (SOLICIT, REQUEST,
     * RENEW, REBIND), and no other client gets it.
     *
     * @param duid the client's DUID, e.g. {@code Duid.parse("000100011c39cf88080027fe8f95")}
     * @param address an address inside a subnet6, e.g. {@code 2001:db8:1::42}
     * @return this builder
     */
    public DhcpServerBuilder staticLease6(Duid duid, String address) {
        return staticLease6(duid, l -> l.address(address));
    }

    /**
     * A DHCPv6 static lease shaped by {@code shape}: an address, a delegated prefix, or both, for one IAID or for
     * the client's first IAs.
     *
     * <pre>{@code
     * .staticLease6(duid, l -> l.address("2001:db8:1::42").prefix("2001:db8:100:4200::/56").iaid(1))
     * }</pre>
     *
     * @param duid the client's DUID
     * @param shape its address, prefix and IAID
     * @return this builder
     */
    public DhcpServerBuilder staticLease6(Duid duid, Consumer<StaticLease6Builder> shape) {
        StaticLease6Builder builder = new StaticLease6Builder(duid);
        shape.accept(builder);
        staticLeases6.add(builder.build()); // fails fast on a lease with neither address nor prefix
        return this;
    }

    /** An option for every subnet, sent when asked for; a subnet's own option of that code wins.
     * @param option the option
     * @return this builder */
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

    /**
     * A second DHCP server on the same link, with its own server identifier (option 54), pool, lease table and
     * stubs ({@link DhcpServer#secondServer()}), for clients that hear two servers:
     *
     * <pre>{@code
     * DhcpServer.builder()
     *         .subnet("10.20.0.0/24", s -> s.pool("10.20.0.100", "10.20.0.149").router("10.20.0.1"))
     *         .secondServer("10.20.0.2", s -> s.pool("10.20.0.150", "10.20.0.199").router("10.20.0.1"))
     * }</pre>
     *
     * It serves the subnet of the first server that contains {@code address}, shaped by {@code shape} alone (the
     * global options, authoritativeness, offer hold time, rapid commit and BOOTP are shared). Both servers share the
     * socket, the journal and the clock. In interface mode it is a host of its own on the link: its frames come from
     * its own MAC ({@code 02:5e} and the four bytes of {@code address}) and from {@code address}, which must be a
     * free address of the link; it answers ARP for it and hears what is unicast to it. That needs CAP_NET_RAW. Over
     * loopback there is no link, and it differs from the first by its server identifier only.
     *
     * @param address its IPv4 address and server identifier, inside a subnet of this server and outside its pools
     * @param shape its pools and options, as for {@link #subnet(String, Consumer)}
     * @return this builder
     */
    public DhcpServerBuilder secondServer(String address, Consumer<SubnetBuilder> shape) {
        Ipv4.parseInt(address);
        this.secondAddress = address;
        this.secondShape = java.util.Objects.requireNonNull(shape, "shape");
        return this;
    }

    /** NAK requests for addresses this server has no record of (INIT-REBOOT, RENEWING).
     * @param authoritative whether to NAK them; off by default
     * @return this builder */
    public DhcpServerBuilder authoritative(boolean authoritative) {
        this.authoritative = authoritative;
        return this;
    }

    /** {@return this builder, with {@code authoritative(true)}} */
    public DhcpServerBuilder authoritative() {
        return authoritative(true);
    }

    /** How long an offered address is held for the client before it may go to another. Default 30 s.
     * @param time the hold time
     * @return this builder */
    public DhcpServerBuilder offerHoldTime(Duration time) {
        this.offerHoldTime = time;
        return this;
    }

    /** How long a declined address is set aside. Default 10 minutes.
     * @param time the probation time
     * @return this builder */
    public DhcpServerBuilder declineProbation(Duration time) {
        this.declineProbation = time;
        return this;
    }

    /** Journal entries kept, in how many bytes; past either the oldest go, counted. Default 10,000 in 64 MiB.
     * @param maxEntries at least 1
     * @param maxBytes at least 1 MiB (1,048,576)
     * @return this builder
     * @throws IllegalArgumentException if {@code maxEntries} is less than 1 or {@code maxBytes} less than 1 MiB */
    public DhcpServerBuilder journal(int maxEntries, long maxBytes) {
        if (maxEntries < 1 || maxBytes < 1L << 20) {
            throw new IllegalArgumentException("journal(" + maxEntries + ", " + maxBytes + "): 1 entry, 1 MiB or more");
        }
        this.journalCapacity = maxEntries;
        this.journalBytes = maxBytes;
        return this;
    }

    /**
     * The socket receive buffer the server asks the kernel for, in bytes: room for the requests that arrive while
     * it is busy (a GC pause, a slow stub), so that a load test's burst is not dropped. Default 4 MiB. On an
     * interface the server uses SO_RCVBUFFORCE when it has CAP_NET_ADMIN, and otherwise SO_RCVBUF, which the
     * kernel caps at {@code net.core.rmem_max}; it logs the size granted. 0 leaves the kernel's default. The
     * in-memory transport has no socket and ignores it.
     * @param bytes the size in bytes, 0 or more
     * @return this builder
     */
    public DhcpServerBuilder receiveBuffer(int bytes) {
        this.receiveBuffer = ReceiveBuffers.check(bytes);
        return this;
    }

    /** The clock leases age on; a {@link TestClock} lets the test move time. Default: the system clock.
     * @param clock the clock
     * @return this builder */
    public DhcpServerBuilder clock(Clock clock) {
        this.clock = clock;
        return this;
    }

    /**
     * Rapid commit (option 80, RFC 4039): a DISCOVER carrying 80 gets an ACK carrying 80, and the lease is bound at
     * once, with no OFFER and no REQUEST. Off by default. A stub can refuse it for one client or one occurrence with
     * {@code onDiscover().from(mac).respond(withoutRapidCommit()).once()}.
     * @return this builder
     */
    public DhcpServerBuilder rapidCommit() {
        return rapidCommit(true);
    }

    /** Rapid commit (option 80, RFC 4039) on or off, as {@link #rapidCommit()}.
     * @param enabled whether to commit at once
     * @return this builder */
    public DhcpServerBuilder rapidCommit(boolean enabled) {
        this.rapidCommit = enabled;
        return this;
    }

    /**
     * Serves BOOTP (RFC 951, RFC 1542): a BOOTREQUEST without option 53 gets a BOOTREPLY with the client's static
     * lease or a permanent pool address, and only the options that fit the 64-byte vendor area. Off by default
     * (such requests are journaled and not answered).
     * @return this builder
     */
    public DhcpServerBuilder bootp() {
        return bootp(true);
    }

    /** BOOTP on or off, as {@link #bootp()}.
     * @param enabled whether to answer BOOTP
     * @return this builder */
    public DhcpServerBuilder bootp(boolean enabled) {
        this.bootp = enabled;
        return this;
    }

    /**
     * Hands a reconfigure key to every client that says it can use one, so that the messages the server starts are
     * authenticated, as clients such as dhcpcd require: in DHCPv4, in each ACK to a client whose option 145 names
     * HMAC-MD5 (RFC 6704, option 90), for {@link ServerV4#forceRenew(String)}; in DHCPv6, in each REPLY to a client
     * that sent Reconfigure Accept (RFC 8415, options 20 and 11), for {@link ServerV6#reconfigure}. Off by default:
     * replies then carry none of these options.
     * @return this builder
     */
    public DhcpServerBuilder reconfigureKeys() {
        this.reconfigureKeys = true;
        return this;
    }

    /**
     * The clock the journal reads its wall time from ({@link dev.dhcpembedded.journal.JournalEntry#wallTime()}),
     * which wall-clock timing assertions measure. Default: the system clock. A test of such assertions may give a
     * {@link TestClock} here; leases still age on {@link #clock(Clock)}.
     * @param wallClock the clock, not null
     * @return this builder
     */
    public DhcpServerBuilder wallClock(Clock wallClock) {
        this.wallClock = java.util.Objects.requireNonNull(wallClock, "wallClock");
        return this;
    }

    /**
     * Answers netboot clients (PXE ROMs, iPXE, UEFI HTTP boot) with a boot file, and serves the files by TFTP (and
     * HTTP) from a directory: {@code .netboot(n -> n.tftpRoot(dir).bootFile("ipxe.efi").ipxeScript("boot.ipxe"))}.
     * See {@link NetbootBuilder}; at run time, {@link DhcpServer#netboot()}.
     * @param shape the root, the boot files, the iPXE script, HTTP boot
     * @return this builder
     */
    public DhcpServerBuilder netboot(Consumer<NetbootBuilder> shape) {
        this.netboot = java.util.Objects.requireNonNull(shape, "shape");
        return this;
    }

    /** {@return a server that is not started yet} Validates everything first: bad configuration throws
     * {@link IllegalArgumentException}, saying what to change. */
    public DhcpServer build() {
        // plain loops: build() runs once per test, in a JVM that has only just started
        List<SubnetConfig> builtSubnets = new ArrayList<>(subnets.size());
        for (int i = 0; i < subnets.size(); i++) {
            builtSubnets.add(subnets.get(i).apply(globalOptions));
        }
        List<StaticLease> builtLeases = new ArrayList<>(staticLeases.size());
        for (int i = 0; i < staticLeases.size(); i++) {
            builtLeases.add(staticLeases.get(i).get());
        }
        int id = serverId == null ? 0 : Ipv4.parseInt(serverId);
        List<Subnet6Config> built6 = new ArrayList<>(subnets6.size());
        for (int i = 0; i < subnets6.size(); i++) {
            built6.add(subnets6.get(i).get());
        }
        for (int i = 0; i < built6.size(); i++) {
            for (int j = 0; j < i; j++) {
                Prefix6 a = built6.get(j).prefix();
                Prefix6 b = built6.get(i).prefix();
                if (a.covers(b) || b.covers(a)) {
                    throw new IllegalArgumentException("subnet6 " + b + " and " + a
                            + " overlap; configure each once");
                }
            }
        }
        // interface mode: UDP 547 of that interface, joined to ff02::1:2; clients send by multicast there
        boolean onInterface = interfaceName != null && !transport6Chosen;
        Supplier<Transport> v6Transport = onInterface ? () -> new Interface6Transport(interfaceName)
                : transport6 != null ? transport6 : built6.isEmpty() ? null
                : () -> new LoopbackTransport(new InetSocketAddress(
                        dev.dhcpembedded.internal.wire.Ipv6.parse("::1"), 0));
        List<StaticLease6> builtLeases6 = staticLeases6;
        if (built6.isEmpty() && !builtLeases6.isEmpty()) {
            throw new IllegalArgumentException("static lease6 " + builtLeases6.get(0)
                    + " needs a DHCPv6 link; add .subnet6(\"PREFIX\", ...)");
        }
        Server6Config config6 = built6.isEmpty() ? null : new Server6Config(serverDuid, built6, rapidCommit6,
                !onInterface, preference6, offerHoldTime, declineProbation, builtLeases6, reconfigureKeys);
        // DHCPv6 alone is a server too (the CLI's --subnet6 without --subnet)
        ServerConfig config = builtSubnets.isEmpty() && config6 != null && builtLeases.isEmpty() ? null
                : new ServerConfig(id, authoritative, offerHoldTime, declineProbation, builtSubnets, builtLeases,
                        globalOptions, rapidCommit, bootp, reconfigureKeys, null);
        ServerConfig secondConfig = secondAddress == null ? null : secondConfig(config);
        DhcpServer server = new DhcpServer(config, new BuilderParts.Sized(transport, receiveBuffer), interfaceName, journalCapacity,
                journalBytes, clock, wallClock, config6, v6Transport);
        if (secondConfig != null) {
            server.secondServer(secondConfig);
        }
        if (routerAdvertisements != null) {
            if (interfaceName == null) {
                throw new IllegalArgumentException("router advertisements need interface mode: call "
                        + "bindInterface(NAME) (in loopback mode there is no link to advertise on, and the client "
                        + "is told the server's address), or remove routerAdvertisements(...)");
            }
            RouterAdvertisementBuilder ra = new RouterAdvertisementBuilder();
            routerAdvertisements.accept(ra);
            server.routerAdvertisementConfig(ra.build(built6.stream().map(Subnet6Config::prefix).toList()));
        }
        if (netboot != null) {
            server.netboot(NetbootBuilder.runtime(netboot));
        }
        return server;
    }

    /** The second server's configuration, checked against the first's. */
    private ServerConfig secondConfig(ServerConfig first) {
        int address = Ipv4.parseInt(secondAddress);
        if (first == null) {
            throw new IllegalArgumentException("secondServer(\"" + secondAddress + "\", ...) needs an IPv4 subnet "
                    + "of the first server to serve; add .subnet(\"CIDR\", ...) containing it");
        }
        SubnetConfig subnet = first.subnetContaining(address).orElseThrow(() -> new IllegalArgumentException(
                "second server " + secondAddress + " is outside every subnet ("
                        + first.subnets().stream().map(s -> s.cidr().toString()).reduce((x, y) -> x + ", " + y)
                                .orElse("") + "); give it an address on the link it serves"));
        if (address == first.serverId()) {
            throw new IllegalArgumentException("second server " + secondAddress + " has the first server's "
                    + "identifier; give the second server another address");
        }
        if (subnet.inPool(address)) {
            throw new IllegalArgumentException("second server " + secondAddress + " is inside the first server's "
                    + "pool of " + subnet.cidr() + "; give it an address outside the pools");
        }
        SubnetBuilder builder = new SubnetBuilder(subnet.cidr());
        secondShape.accept(builder);
        SubnetConfig own = builder.build(globalOptions);
        if (own.inPool(address)) {
            throw new IllegalArgumentException("second server " + secondAddress + " is inside its own pool; give it"
                    + " an address outside the pools");
        }
        return new ServerConfig(address, first.authoritative(), first.offerHoldTime(), first.declineProbation(),
                List.of(own), List.of(), globalOptions, first.rapidCommit(), first.bootp(), false, null);
    }

    /** {@return the server, built and started: ready to answer} Bad configuration fails as in {@link #build()}. */
    public DhcpServer start() {
        return build().start();
    }
}
