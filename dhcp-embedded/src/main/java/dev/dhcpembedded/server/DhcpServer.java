package dev.dhcpembedded.server;

import dev.dhcpembedded.internal.runtime.EngineResponder;
import dev.dhcpembedded.internal.runtime.LinkResponder;
import dev.dhcpembedded.internal.runtime.PacketHandler;
import dev.dhcpembedded.internal.runtime.PacketHandler6;
import dev.dhcpembedded.internal.runtime.ManualClock;
import dev.dhcpembedded.internal.runtime.ReplyScheduler;
import dev.dhcpembedded.internal.runtime.Responder;
import dev.dhcpembedded.internal.runtime.Stubs6;
import dev.dhcpembedded.lease.Lease6;
import dev.dhcpembedded.lease.LeaseState;

import dev.dhcpembedded.codec.DhcpOption;
import dev.dhcpembedded.internal.wire.Ipv4;
import dev.dhcpembedded.codec.MacAddress;
import dev.dhcpembedded.internal.journal.JournalStore;
import dev.dhcpembedded.journal.Journal;
import dev.dhcpembedded.internal.engine.ClientKey;
import dev.dhcpembedded.internal.engine.DefaultAddresses;
import dev.dhcpembedded.lease.Lease;
import dev.dhcpembedded.internal.engine.LeaseEngine;
import dev.dhcpembedded.internal.engine.ServerConfig;
import dev.dhcpembedded.internal.engine.StaticLease;
import dev.dhcpembedded.internal.engine.SubnetConfig;
import dev.dhcpembedded.internal.runtime.StubRegistry;
import dev.dhcpembedded.internal.runtime.UnmatchedRequests;
import dev.dhcpembedded.journal.JournalEntry;
import dev.dhcpembedded.stub.Stub;
import dev.dhcpembedded.internal.transport.InterfaceTransport;
import dev.dhcpembedded.internal.transport.LoopbackTransport;
import dev.dhcpembedded.transport.Transport;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.Inet4Address;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Supplier;
import dev.dhcpembedded.codec6.Duid;
import dev.dhcpembedded.stub6.Stub6;
import dev.dhcpembedded.internal.engine6.Binding6;
import dev.dhcpembedded.internal.engine6.Lease6Engine;
import dev.dhcpembedded.internal.engine6.Prefix6;
import dev.dhcpembedded.internal.engine6.Server6Config;

/**
 * An embedded DHCPv4 and DHCPv6 server. Start it from a test, shape what it offers, and read its journal:
 *
 * <pre>{@code
 * try (DhcpServer server = DhcpServer.builder()
 *         .subnet("10.20.0.0/24", s -> s.pool("10.20.0.100", "10.20.0.199").router("10.20.0.1"))
 *         .start()) {
 *     // point the client at server.address()
 * }
 * }</pre>
 *
 * Many servers may run in one JVM at once; none shares state with another.
 */
public final class DhcpServer implements AutoCloseable {

    private final ServerConfig initialConfig;
    /**
     * {@code initialConfig} with the server identifier it has on a transport without an address of its own (the
     * one configured, else the default): worked out once, not at every start().
     */
    private final ServerConfig addresslessConfig;
    private final Supplier<Transport> transportFactory;
    private final String interfaceName;
    private final JournalStore journal;
    private final Clock clock;
    private final Clock wallClock;
    private final java.util.concurrent.atomic.AtomicBoolean paused = new java.util.concurrent.atomic.AtomicBoolean();
    private final StubRegistry stubs = new StubRegistry();
    private final UnmatchedRequests unmatched;
    private LeaseEngine engine;
    private ReplyScheduler scheduler;
    private Transport transport;
    private ServerConfig startConfig;
    private final Server6Config config6;
    private final Supplier<Transport> transport6Factory;
    private Lease6Engine engine6;
    private Transport transport6;
    private ReplyScheduler scheduler6;
    private final Stubs6 stubs6 = new Stubs6();
    private dev.dhcpembedded.internal.ra.RaConfig raConfig;
    private dev.dhcpembedded.internal.ra.RouterAdvertiser advertiser;
    private dev.dhcpembedded.internal.transport.ArpSilence arpSilence;
    private dev.dhcpembedded.internal.transport.ArpConflicts conflicts;
    private SecondServer second;
    private dev.dhcpembedded.internal.transport.LinkHost secondHost;

    DhcpServer(ServerConfig config, Supplier<Transport> transportFactory, String interfaceName, int journalCapacity,
               Clock clock, Clock wallClock, Server6Config config6, Supplier<Transport> transport6Factory) {
        this.wallClock = wallClock;
        this.config6 = config6;
        this.transport6Factory = transport6Factory;
        this.initialConfig = config;
        this.addresslessConfig = config == null || config.serverId() != 0 ? config
                : config.withServerId(DefaultAddresses.serverId(config));
        this.transportFactory = transportFactory;
        this.interfaceName = interfaceName;
        this.journal = new JournalStore(journalCapacity);
        this.unmatched = new UnmatchedRequests(journalCapacity);
        this.clock = clock;
    }

    public static DhcpServerBuilder builder() {
        return new DhcpServerBuilder();
    }

    /** Opens the transports (IPv4, and IPv6 when a subnet6 is served) and starts answering; ready when it returns. */
    public synchronized DhcpServer start() {
        if (transport != null || transport6 != null) {
            throw new IllegalStateException("the server is already running on " + running().localAddress());
        }
        if (initialConfig != null) {
            start4();
        }
        if (config6 != null) {
            try {
                start6();
            } catch (RuntimeException e) {
                stop();
                throw e;
            }
        }
        if (raConfig != null) {
            try {
                startRouterAdvertisements();
            } catch (RuntimeException e) {
                stop();
                throw e;
            }
        }
        return this;
    }

    /** Set once by the builder: the second server on the link. */
    void secondServer(ServerConfig config) {
        this.second = new SecondServer(config.serverId(), config, journal);
    }

    /**
     * The second server on the link, as {@link DhcpServerBuilder#secondServer} configured it: to stub it, read its
     * leases, or see the requests that named another server.
     *
     * @return the second server
     * @throws IllegalStateException when the server was built without a second server
     */
    public SecondServer secondServer() {
        if (second == null) {
            throw new IllegalStateException("this server has no second server; build it with "
                    + ".secondServer(\"ADDRESS\", s -> s.pool(...))");
        }
        return second;
    }

    /** Set once by the builder: what to advertise on the interface. */
    void routerAdvertisementConfig(dev.dhcpembedded.internal.ra.RaConfig config) {
        this.raConfig = config;
    }

    private void startRouterAdvertisements() {
        dev.dhcpembedded.internal.ra.RouterAdvertiser opened = new dev.dhcpembedded.internal.ra.RouterAdvertiser(
                interfaceName, raConfig, (sent, source, destination, bytes, note, error) -> {
                    InetSocketAddress from = new InetSocketAddress(source, 0); // ICMPv6: no ports
                    journal.record6(sent ? JournalEntry.Kind.SENT : error != null
                                    ? JournalEntry.Kind.REJECTED : JournalEntry.Kind.RECEIVED, clock.millis(),
                            wallClock.millis(), from, new InetSocketAddress(destination, 0), from, interfaceName,
                            bytes, note, error);
                });
        try {
            opened.start();
        } catch (IOException e) {
            opened.close();
            throw new UncheckedIOException(e.getMessage(), e);
        }
        advertiser = opened;
    }

    /**
     * The Router Advertisements it sends on its interface, to change them mid-test (e.g. drop M) or count them.
     *
     * @return the running advertisements
     * @throws IllegalStateException when the server was built without
     *         {@link DhcpServerBuilder#routerAdvertisements} or is not running
     */
    public synchronized RouterAdvertisements routerAdvertisements() {
        if (raConfig == null) {
            throw new IllegalStateException("this server sends no router advertisements; build it with "
                    + ".bindInterface(NAME).routerAdvertisements(ra -> ...)");
        }
        if (advertiser == null) {
            throw new IllegalStateException("the server is not running; call start() first");
        }
        return new RouterAdvertisements(advertiser);
    }

    private void start6() {
        Transport opened = transport6Factory.get();
        Lease6Engine created = new Lease6Engine(config6, clock);
        ReplyScheduler replies = new ReplyScheduler(clock, manualClock(), System.identityHashCode(this) + "-v6");
        try {
            opened.start(new PacketHandler6(created, journal, opened, clock, wallClock, stubs6, replies, paused));
        } catch (IOException e) {
            replies.close();
            opened.close();
            throw new UncheckedIOException(e.getMessage(), e);
        }
        engine6 = created;
        transport6 = opened;
        scheduler6 = replies;
    }

    private void start4() {
        Transport opened = transportFactory.get();
        // loopback first: a loopback server never loads the interface transport's class
        int localAddress = opened instanceof LoopbackTransport || !(opened instanceof InterfaceTransport) ? 0
                : ((InterfaceTransport) opened).addressAsInt();
        // the one configured, else the interface's address, else the default
        startConfig = initialConfig.serverId() == 0 && localAddress != 0 ? initialConfig.withServerId(localAddress)
                : addresslessConfig;
        engine = new LeaseEngine(startConfig, clock);
        ReplyScheduler replies = new ReplyScheduler(clock, manualClock(), String.valueOf(System.identityHashCode(this)));
        Responder responder = new EngineResponder(engine, stubs);
        if (second != null) {
            if (second.addressAsInt() == startConfig.serverId()) {
                opened.close();
                throw new IllegalStateException("second server " + second.address().getHostAddress() + " has the "
                        + "first server's identifier (its interface's address); give the second server another one");
            }
            LeaseEngine other = second.start(clock, opened instanceof InterfaceTransport);
            responder = new LinkResponder(responder, second.addressAsInt(), second.notePrefix(), new EngineResponder(other, second.stubRegistry()));
        }
        PacketHandler handler = new PacketHandler(responder, stubs, engine, journal, opened,
                clock, wallClock, localAddress, replies, unmatched, paused);
        try {
            opened.start(handler);
        } catch (IOException e) {
            replies.close();
            opened.close();
            throw new UncheckedIOException(e.getMessage(), e);
        }
        if (second != null && opened instanceof InterfaceTransport) {
            try {
                secondHost = dev.dhcpembedded.internal.transport.LinkHost.open(opened.interfaceName(),
                        second.addressAsInt(), SecondServer.macBytes(second.addressAsInt()), handler::onDatagram);
            } catch (IOException e) {
                replies.close();
                opened.close();
                throw new IllegalStateException("second server " + second.address().getHostAddress() + ": "
                        + e.getMessage(), e);
            }
            handler.secondHost(second.addressAsInt(), secondHost);
        }
        transport = opened;
        scheduler = replies;
        if (paused.get()) {
            silenceArp(); // paused before it started
        }
    }

    /** Stops answering and releases the port at once; no thread is left behind. */
    public synchronized void stop() {
        if (advertiser != null) {
            advertiser.close(); // first: its last advertisement says this router is going
            advertiser = null;
        }
        restoreArp();
        if (conflicts != null) {
            conflicts.close();
            conflicts = null;
        }
        if (secondHost != null) {
            secondHost.close();
            secondHost = null;
        }
        if (transport != null) {
            transport.close();
            transport = null;
        }
        if (scheduler != null) {
            scheduler.close();
            scheduler = null;
        }
        if (transport6 != null) {
            transport6.close();
            transport6 = null;
        }
        if (scheduler6 != null) {
            scheduler6.close();
            scheduler6 = null;
        }
    }

    @Override
    public void close() {
        stop();
    }

    /**
     * An outage: from now until {@link #resume()} the server answers nothing, replies already delayed included, as if
     * it were switched off while the link stays up. It still hears: what clients send meanwhile is journaled (note
     * {@code "not answered: the server is paused (an outage)"}), so a test can assert the retransmissions, RENEWING
     * then REBINDING, that an outage provokes. Leases, stubs and the clock carry on.
     *
     * <p>Bound to an interface, the server also stops answering ARP for its address: it writes 8 to
     * {@code /proc/sys/net/ipv4/conf/<interface>/arp_ignore} of its namespace, and {@link #resume()} (or
     * {@link #reset()}, {@link #stop()}) writes the earlier value back, so a client that probes the server's address
     * finds nobody; a {@code secondServer} stops answering ARP for its own address too. That needs root
     * (CAP_NET_ADMIN); without it the outage is DHCP only, and a warning says so.
     * Loopback and in-memory transports have no ARP. Router Advertisements keep going: the router is not the DHCP
     * server (change them with {@code routerAdvertisements().update(...)}).
     */
    public void pause() {
        paused.set(true);
        silenceArp();
    }

    /** Ends {@link #pause()}: requests from now on are answered again (and ARP too, in interface mode). */
    public void resume() {
        paused.set(false);
        restoreArp();
    }

    private synchronized void silenceArp() {
        if (secondHost != null) {
            secondHost.answerArp(false); // the second server's host is out too
        }
        if (arpSilence != null || !(transport instanceof InterfaceTransport)) {
            return;
        }
        try {
            arpSilence = dev.dhcpembedded.internal.transport.ArpSilence.silence(transport.interfaceName());
        } catch (IOException e) {
            org.slf4j.LoggerFactory.getLogger(DhcpServer.class).warn("paused, but the kernel still answers ARP for "
                    + "{}: {}", serverIdentifier().getHostAddress(), e.getMessage());
        }
    }

    private synchronized void restoreArp() {
        if (secondHost != null) {
            secondHost.answerArp(true);
        }
        if (arpSilence == null) {
            return;
        }
        try {
            arpSilence.restore();
        } catch (IOException e) {
            org.slf4j.LoggerFactory.getLogger(DhcpServer.class).warn("could not undo {}: {}", arpSilence,
                    e.toString());
        }
        arpSilence = null;
    }

    /**
     * An address conflict: from now on something on the link owns {@code address} and answers every ARP request for
     * it (RFC 5227 probes included) with raw ARP replies from a made-up MAC, {@code 02:c0} followed by the address's
     * four bytes. A client that probes an offered address before using it (dhcpcd; udhcpc {@code -a}) then DECLINEs
     * it, and the server puts the address on probation and offers another:
     *
     * <pre>{@code
     * server.conflictOn("10.20.0.100");
     * // start the client, then
     * assertThat(server).client(MAC).declined("10.20.0.100");
     * }</pre>
     *
     * Only in interface mode ({@link DhcpServerBuilder#bindInterface(String)}), where there is a link; it needs
     * CAP_NET_RAW (root has it) for the packet socket. The conflict lasts until {@link #removeConflict(String)},
     * {@link #reset()} or {@link #stop()}.
     *
     * @param address an IPv4 address, dotted
     * @return this server
     * @throws IllegalStateException when the server is not bound to an interface, or cannot open a packet socket
     */
    public DhcpServer conflictOn(String address) {
        int wanted = Ipv4.parseInt(address);
        synchronized (this) {
            if (!(transport instanceof InterfaceTransport)) {
                throw new IllegalStateException("conflictOn(\"" + address + "\") needs a link to answer ARP on: bind"
                        + " the server to an interface (bindInterface) and start it; over loopback, script the"
                        + " client's DECLINE instead");
            }
            if (conflicts == null) {
                try {
                    conflicts = dev.dhcpembedded.internal.transport.ArpConflicts.open(transport.interfaceName());
                } catch (IOException e) {
                    throw new IllegalStateException("conflictOn(\"" + address + "\"): " + e.getMessage(), e);
                }
            }
            conflicts.add(wanted);
        }
        return this;
    }

    /** Ends {@link #conflictOn(String)} for {@code address}; false when there was no conflict on it. */
    public synchronized boolean removeConflict(String address) {
        int wanted = Ipv4.parseInt(address);
        return conflicts != null && conflicts.remove(wanted);
    }

    /** Whether the server is {@link #pause() paused}. */
    public boolean isPaused() {
        return paused.get();
    }

    public synchronized boolean isRunning() {
        return transport != null || transport6 != null;
    }

    /** Where the server listens for DHCPv4 (for DHCPv6 when it serves no IPv4 subnet). */
    public InetSocketAddress address() {
        return running().localAddress();
    }

    /** Where the server listens for DHCPv6, e.g. {@code [::1]:40123}. */
    public synchronized InetSocketAddress address6() {
        if (transport6 == null) {
            throw new IllegalStateException(config6 == null ? "this server serves no subnet6"
                    : "the server is not running; call start() first");
        }
        return transport6.localAddress();
    }

    public int port6() {
        return address6().getPort();
    }

    /** The DUID it answers DHCPv6 as (option 2); empty when it serves no subnet6. */
    public Optional<Duid> serverDuid() {
        return Optional.ofNullable(config6).map(Server6Config::serverDuid);
    }

    /** The DHCPv6 lease table: one row per IA_NA address and IA_PD prefix, keyed by DUID and IAID. */
    public List<Lease6> leases6() {
        Lease6Engine e;
        synchronized (this) {
            e = engine6;
        }
        if (e == null) {
            return List.of();
        }
        java.time.Instant now = clock.instant();
        List<Lease6> out = new ArrayList<>();
        for (Binding6 b : e.bindings()) {
            LeaseState state = switch (b.stateAt(now)) {
                case ADVERTISED -> LeaseState.OFFERED;
                case BOUND -> LeaseState.BOUND;
                case RELEASED -> LeaseState.RELEASED;
                case DECLINED -> LeaseState.DECLINED;
                case EXPIRED -> LeaseState.EXPIRED;
            };
            out.add(new Lease6(b.key().duid(), b.key().iaid(), b.key().kind() == Binding6.Kind.NA
                    ? Lease6.Kind.ADDRESS : Lease6.Kind.PREFIX, Prefix6.address(b.resource()), b.prefixLength(),
                    state, b.expires()));
        }
        return out;
    }

    /** The DHCPv6 lease rows of the client with {@code duid}. */
    public List<Lease6> leases6(Duid duid) {
        return leases6().stream().filter(l -> l.duid().equals(duid)).toList();
    }

    public int port() {
        return address().getPort();
    }

    public Optional<String> interfaceName() {
        return Optional.ofNullable(interfaceName);
    }

    /**
     * The server identifier (option 54) it answers as: the one configured, else the interface's address, else the
     * first subnet's router or first host address.
     */
    public Inet4Address serverIdentifier() {
        return Ipv4.fromInt(engine().config().serverId());
    }

    public Journal journal() {
        return journal;
    }

    public Clock clock() {
        return clock;
    }

    /** The transport in use, e.g. an {@link dev.dhcpembedded.transport.InMemoryTransport} to exchange with. */
    public Transport transport() {
        return running();
    }

    ServerConfig config() {
        return engine().config();
    }

    // ---- the lease table ----

    public List<Lease> leases() {
        return engine().leases();
    }

    /** The lease row of the client with {@code mac}, if any. */
    public Optional<Lease> lease(String mac) {
        MacAddress wanted = MacAddress.parse(mac);
        return leases().stream().filter(l -> wanted.equals(l.mac())).findFirst();
    }

    public Optional<Lease> leaseOf(String address) {
        int wanted = Ipv4.parseInt(address);
        return leases().stream().filter(l -> Ipv4.toInt(l.address()) == wanted).findFirst();
    }

    /** Ends the lease on {@code address} now. */
    public boolean expireLease(String address) {
        return engine().expire(Ipv4.parseInt(address));
    }

    // ---- changes while running ----

    /** Adds a static lease, or moves the client's static lease to {@code address}. */
    public DhcpServer addStaticLease(String mac, String address) {
        return addStaticLease(mac, address, l -> { });
    }

    public DhcpServer addStaticLease(String mac, String address, Consumer<StaticLeaseBuilder> shape) {
        ClientKey client = ClientKey.ofMac(MacAddress.parse(mac));
        StaticLeaseBuilder builder = new StaticLeaseBuilder();
        shape.accept(builder);
        StaticLease lease = builder.build(client, Ipv4.parseInt(address));
        engine().updateConfig(config -> {
            List<StaticLease> leases = new ArrayList<>(config.staticLeases());
            leases.removeIf(l -> l.client().equals(client));
            leases.add(lease);
            return config.withStaticLeases(leases);
        });
        return this;
    }

    public boolean removeStaticLease(String mac) {
        ClientKey client = ClientKey.ofMac(MacAddress.parse(mac));
        boolean[] removed = {false};
        engine().updateConfig(config -> {
            List<StaticLease> leases = new ArrayList<>(config.staticLeases());
            removed[0] = leases.removeIf(l -> l.client().equals(client));
            return config.withStaticLeases(leases);
        });
        return removed[0];
    }

    /** Sets an option for every subnet from now on, replacing any global or subnet option of that code. */
    public DhcpServer setOption(DhcpOption option) {
        engine().updateConfig(config -> {
            List<DhcpOption> options = new ArrayList<>(config.globalOptions());
            options.removeIf(o -> o.code().equals(option.code()));
            options.add(option);
            List<SubnetConfig> subnets = new ArrayList<>();
            for (SubnetConfig s : config.subnets()) {
                subnets.add(s.withoutOption(option.code()));
            }
            return config.withGlobalOptions(options).withSubnets(subnets);
        });
        return this;
    }

    // ---- scripting ----

    /**
     * Registers a stub, complete and checked before any request can meet it:
     *
     * <pre>{@code
     * server.stub(onDiscover().from(MAC).respond(ignore()).times(2));
     * server.stub(onRequest().respond(nak("address moved")).once());
     * }</pre>
     *
     * Stubs are tried highest priority first, then the one registered last first; what no stub answers gets the
     * RFC 2131 default. Stubs may be added and removed while the server runs.
     *
     * @param stub the stub, e.g. {@code onRequest().respond(nak("no")).once()}
     * @return the same stub, to pass to {@link #removeStub(Stub)} later
     * @throws IllegalStateException if this very stub is registered already
     */
    public Stub stub(Stub stub) {
        return stubs.add(stub);
    }

    /** Removes a stub registered with {@link #stub(Stub)}; false when it was not registered. */
    public boolean removeStub(Stub stub) {
        return stubs.remove(stub);
    }

    /** The stubs registered, oldest first. */
    public List<Stub> stubs() {
        return stubs.stubs();
    }

    /**
     * The stubs registered that never answered a request, oldest first: a test may assert it is empty to be sure
     * every scripted fault really happened.
     */
    public List<Stub> unusedStubs() {
        return stubs.unused();
    }

    /**
     * The requests no stub answered while stubs were registered (they got the RFC 2131 default instead), as
     * journal entries, oldest first. Empty when no stub was ever registered. Entries the journal no longer keeps
     * are not listed.
     */
    public List<JournalEntry> unmatchedRequests() {
        Set<Long> sequences = unmatched.sequences();
        return journal.entries(e -> sequences.contains(e.sequence()));
    }

    /**
     * Registers a DHCPv6 stub, complete before any request can meet it:
     *
     * <pre>{@code
     * server.stub6(onSolicit().fromDuid(duid).respond(ignore()).times(2));
     * server.stub6(onSolicit().respond(defaultReply().preference(255).alsoFrom(otherDuid)));
     * }</pre>
     *
     * The newest stub is tried first; what no stub answers gets the RFC 8415 default.
     *
     * @param stub the stub
     * @return the same stub, to pass to {@link #removeStub6(Stub6)} later
     * @throws IllegalStateException if this very stub is registered already
     */
    public Stub6 stub6(Stub6 stub) {
        return stubs6.add(stub);
    }

    /** Removes a DHCPv6 stub; false when it was not registered. */
    public boolean removeStub6(Stub6 stub) {
        return stubs6.remove(stub);
    }

    /** The DHCPv6 stubs registered, oldest first. */
    public List<Stub6> stubs6() {
        return stubs6.all();
    }

    /** Removes every stub (DHCPv4 and DHCPv6), resets every scenario and forgets the {@link #unmatchedRequests()}. */
    public void resetStubs() {
        if (second != null) {
            second.resetStubs();
        }
        stubs6.clear();
        stubs.clear();
        unmatched.clear();
    }

    /** The state of scenario {@code name} ({@link Stub#STARTED} until a stub moves it). */
    public String scenarioState(String name) {
        return stubs.scenarioState(name);
    }

    /**
     * Back to how it was built: stubs and scenarios removed, delayed replies dropped, the journal emptied, every
     * lease forgotten, run-time changes undone (router advertisements included), an outage ended, address conflicts removed.
     */
    public void reset() {
        resetStubs();
        synchronized (this) {
            if (conflicts != null) {
                conflicts.clear();
            }
        }
        synchronized (this) {
            if (scheduler != null) {
                scheduler.cancelPending();
            }
            if (scheduler6 != null) {
                scheduler6.cancelPending();
            }
        }
        synchronized (this) {
            if (engine != null) {
                engine.reset(startConfig);
            }
            if (second != null) {
                second.resetLeases();
            }
            if (engine6 != null) {
                engine6.reset();
            }
            if (advertiser != null) {
                advertiser.update(changed -> raConfig); // as built, advertised at once
            }
        }
        journal.clear();
        resume();
    }

    private synchronized Transport running() {
        if (transport == null && transport6 == null) {
            throw new IllegalStateException("the server is not running; call start() first");
        }
        return transport != null ? transport : transport6;
    }

    private synchronized LeaseEngine engine() {
        if (initialConfig == null) {
            throw new IllegalStateException("this server serves no IPv4 subnet (DHCPv6 only)");
        }
        if (engine == null) {
            throw new IllegalStateException("the server was never started; call start() first");
        }
        return engine;
    }

    @Override
    public String toString() {
        return "DhcpServer[" + (transport == null && transport6 == null ? "stopped"
                : (transport != null ? transport.localAddress() : "") + (transport != null && transport6 != null
                        ? ", " : "") + (transport6 != null ? transport6.localAddress() : "")) + "]";
    }

    /** The server's clock as the reply scheduler sees it when the test moves it, else null. */
    private ManualClock manualClock() {
        return clock instanceof TestClock ? ManualClock.of(((TestClock) clock)::onAdvance,
                ((TestClock) clock)::removeListener) : null;
    }
}
