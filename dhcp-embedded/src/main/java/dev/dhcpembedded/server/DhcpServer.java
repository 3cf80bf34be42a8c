package dev.dhcpembedded.server;

import dev.dhcpembedded.codec.DhcpOption;
import dev.dhcpembedded.codec.MacAddress;
import dev.dhcpembedded.internal.journal.JournalStore;
import dev.dhcpembedded.codec6.Duid;
import dev.dhcpembedded.internal.engine.LeaseEngine;
import dev.dhcpembedded.internal.engine.ServerConfig;
import dev.dhcpembedded.internal.engine6.Server6Config;
import dev.dhcpembedded.internal.runtime.ResetBarrier;
import dev.dhcpembedded.internal.runtime.StubRegistry;
import dev.dhcpembedded.internal.runtime.UnmatchedRequests;
import dev.dhcpembedded.internal.wire.Ipv4;
import dev.dhcpembedded.journal.Journal;
import dev.dhcpembedded.journal.JournalEntry;
import dev.dhcpembedded.lease.Lease;
import dev.dhcpembedded.stub.Stub;
import dev.dhcpembedded.stub6.Stub6;
import dev.dhcpembedded.transport.Transport;
import java.net.Inet4Address;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.function.Supplier;

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
 *
 * <p><b>DHCPv4 and DHCPv6.</b> One rule for what each family has: a method that takes a value of one family is
 * overloaded on that value's type ({@link #stub(Stub)} and {@link #stub(Stub6)}, {@link #removeStub(Stub)} and
 * {@link #removeStub(Stub6)}); what is read per family is read on that family's view, {@link #v4()} or
 * {@link #v6()}, under the same names ({@code address()}, {@code port()}, {@code leases()}, {@code stubs()},
 * {@code unusedStubs()}). No method of the server carries a {@code 6} in its name. The unqualified readings on the
 * server itself ({@link #address()}, {@link #port()}, {@link #leases()}, {@link #stubs()}, {@link #unusedStubs()})
 * are shorthands for {@code v4()}'s, as most tests serve DHCPv4 ({@link #address()} falls back to DHCPv6's on a
 * server without IPv4). Everything else (the journal, the clock, scenarios, {@link #unmatchedRequests()},
 * {@link #pause()}, {@link #reset()}) is the server's as a whole and spans both families.
 */
public final class DhcpServer implements AutoCloseable {

    private final String interfaceName;
    private final JournalStore journal;
    private final Clock clock;
    private final Clock wallClock;
    private final AtomicBoolean paused = new AtomicBoolean();
    private final StubRegistry stubs = new StubRegistry();
    private final UnmatchedRequests unmatched;
    private final ResetBarrier barrier = new ResetBarrier();
    /** Null when it serves no IPv4 subnet. */
    private final Runtime4 v4;
    /** Null when it serves no subnet6. */
    private final Runtime6 v6;
    private final ServerV4 v4View = new ServerV4(this);
    private final ServerV6 v6View = new ServerV6(this);
    /** What it advertises on its interface, or null when it sends no Router Advertisements. */
    private RouterAdvertising advertising;
    private SecondServer second;

    DhcpServer(ServerConfig config, Supplier<Transport> transportFactory, String interfaceName, int journalCapacity,
               long journalBytes, Clock clock, Clock wallClock, Server6Config config6, Supplier<Transport> factory6) {
        this.wallClock = wallClock;
        this.interfaceName = interfaceName;
        this.journal = new JournalStore(journalCapacity, journalBytes);
        this.unmatched = new UnmatchedRequests(journalCapacity);
        this.clock = clock;
        FamilyRuntime.Shared shared = new FamilyRuntime.Shared(journal, clock, wallClock, paused, stubs, unmatched,
                barrier, String.valueOf(System.identityHashCode(this)));
        this.v4 = config == null ? null : new Runtime4(config, transportFactory, shared);
        this.v6 = config6 == null ? null : new Runtime6(config6, factory6, shared);
    }

    /** {@return a builder for a server} */
    public static DhcpServerBuilder builder() {
        return new DhcpServerBuilder();
    }

    /** Opens the transports (IPv4, and IPv6 when a subnet6 is served) and starts answering; ready when it returns.
     * @return this server, running */
    public synchronized DhcpServer start() {
        if (isRunning()) {
            throw new IllegalStateException("the server is already running on " + running().localAddress());
        }
        stubs.serverStopped(false);
        try {
            for (FamilyRuntime family : families()) {
                family.start();
            }
            if (advertising != null) {
                advertising.start();
            }
        } catch (RuntimeException e) {
            stop();
            throw e;
        }
        return this;
    }

    private List<FamilyRuntime> families() {
        return java.util.stream.Stream.<FamilyRuntime>of(v4, v6).filter(java.util.Objects::nonNull).toList();
    }

    /** Set once by the builder: the second server on the link. */
    void secondServer(ServerConfig config) {
        this.second = new SecondServer(config.serverId(), config, journal);
        if (v4 != null) {
            v4.secondServer(second);
        }
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

    /** Set once by the builder: netboot's TFTP and HTTP servers, started with DHCPv4 (and HTTP with DHCPv6). */
    void netboot(NetbootRuntime runtime) {
        java.util.Objects.requireNonNull(v4, "netboot needs an IPv4 subnet to answer PXE on; add .subnet(...)");
        v4.netboot(runtime);
        if (v6 != null) {
            v6.netboot(runtime);
        }
    }

    /**
     * {@return the netboot side: where its TFTP and HTTP servers listen, and the files clients fetched}
     * @throws IllegalStateException when the server was built without {@link DhcpServerBuilder#netboot}
     */
    public Netboot netboot() {
        return v4 == null ? Netboot.none() : v4.netbootView();
    }

    /** Set once by the builder: what to advertise on the interface. */
    void routerAdvertisementConfig(dev.dhcpembedded.internal.ra.RaConfig config) {
        this.advertising = new RouterAdvertising(config, interfaceName, journal, clock, wallClock);
    }

    /**
     * The Router Advertisements it sends on its interface, to change them mid-test (e.g. drop M) or count them.
     *
     * @return the running advertisements
     * @throws IllegalStateException when the server was built without
     *         {@link DhcpServerBuilder#routerAdvertisements} or is not running
     */
    public RouterAdvertisements routerAdvertisements() {
        if (advertising == null) {
            throw new IllegalStateException("this server sends no router advertisements; build it with "
                    + ".bindInterface(NAME).routerAdvertisements(ra -> ...)");
        }
        return advertising.running();
    }

    /** Stops answering and releases the port at once; no thread is left behind. */
    public synchronized void stop() {
        stubs.serverStopped(true); // a stub registered from now on would never answer: refused
        if (advertising != null) {
            advertising.stop(); // first: its last advertisement says this router is going
        }
        for (FamilyRuntime family : families()) {
            family.stop();
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
     * <p>Bound to an interface, the server also stops answering ARP for its address: it writes 8 to {@code
     * /proc/sys/net/ipv4/conf/<interface>/arp_ignore} of its namespace, and {@link #resume()} (or {@link #reset()},
     * {@link #stop()}) writes the earlier value back, so a client that probes the server's address finds nobody; a
     * {@code secondServer} stops answering ARP for its own address too. That needs root (CAP_NET_ADMIN); without it the
     * outage is DHCP only, and a warning says so. Loopback and in-memory transports have no ARP. Router Advertisements
     * keep going: the router is not the DHCP server (change them with {@code routerAdvertisements().update(...)}).
     * @throws IllegalStateException when the server is not running
     */
    public void pause() {
        running(); // an outage of a server that is not running would be silently lost: "call start() first"
        paused.set(true);
        if (v4 != null) {
            v4.silenceArp();
        }
    }

    /** Ends {@link #pause()}: requests from now on are answered again (and ARP too, in interface mode). */
    public void resume() {
        paused.set(false);
        if (v4 != null) {
            v4.restoreArp();
        }
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
     * CAP_NET_RAW (root has it) for the packet socket. The conflict lasts until {@link #removeConflict(Inet4Address)},
     * {@link #reset()} or {@link #stop()}.
     *
     * @param address the address
     * @return this server
     * @throws IllegalStateException when the server is not bound to an interface, or cannot open a packet socket
     */
    public DhcpServer conflictOn(Inet4Address address) {
        runtime4().conflictOn(Ipv4.toInt(address), address.getHostAddress());
        return this;
    }

    /** As {@link #conflictOn(Inet4Address)}, written as text.
     * @param address a dotted address
     * @return this server */
    public DhcpServer conflictOn(String address) {
        return conflictOn(Ipv4.parse(address));
    }

    /** {@return whether {@code address} had a conflict} It ends {@link #conflictOn(Inet4Address)} for it.
     * @param address the address */
    public boolean removeConflict(Inet4Address address) {
        return v4 != null && v4.removeConflict(Ipv4.toInt(address));
    }

    /** {@return as {@link #removeConflict(Inet4Address)}}
     * @param address a dotted address */
    public boolean removeConflict(String address) {
        return removeConflict(Ipv4.parse(address));
    }

    /** {@return whether the server is {@link #pause() paused}} */
    public boolean isPaused() {
        return paused.get();
    }

    /** {@return whether the server is started (and not stopped since)} */
    public boolean isRunning() {
        return v4 != null && v4.transport() != null || v6 != null && v6.transport() != null;
    }

    /** {@return where the server listens for DHCPv4 (for DHCPv6 when it serves no IPv4 subnet)} */
    public InetSocketAddress address() {
        return running().localAddress();
    }

    /** {@return the DHCPv4 side: its address, port, leases and stubs} */
    public ServerV4 v4() {
        return v4View;
    }

    /** {@return the DHCPv6 side: its address, port, leases and stubs} */
    public ServerV6 v6() {
        return v6View;
    }

    /** {@return the DUID it answers DHCPv6 as (option 2); empty when it serves no subnet6} */
    public Optional<Duid> serverDuid() {
        return Optional.ofNullable(v6).map(r -> r.config().serverDuid());
    }

    /** {@return the port of {@link #address()}} */
    public int port() {
        return address().getPort();
    }

    /** {@return the interface it is bound to, by {@link DhcpServerBuilder#bindInterface}; empty when not bound} */
    public Optional<String> interfaceName() {
        return Optional.ofNullable(interfaceName);
    }

    /** {@return the server identifier (option 54) it answers as: the one configured, else the interface's address, else
     * the first subnet's router or first host address} */
    public Inet4Address serverIdentifier() {
        return Ipv4.fromInt(engine().config().serverId());
    }

    /** {@return its journal: every frame heard or sent, both families} */
    public Journal journal() {
        return journal;
    }

    /** {@return the clock its leases age on ({@link DhcpServerBuilder#clock(Clock)}); by default the system clock} */
    public Clock clock() {
        return clock;
    }

    /** {@return the transport in use, e.g. an {@link dev.dhcpembedded.transport.InMemoryTransport} to exchange with} */
    public Transport transport() {
        return running();
    }

    ServerConfig config() {
        return engine().config();
    }

    // ---- the lease table ----

    /** {@return the DHCPv4 lease table, as {@code v4().leases()}} */
    public List<Lease> leases() {
        return engine().leases();
    }

    /** {@return the lease row of the client with {@code mac}, if any}
     * @param mac the client's hardware address */
    public Optional<Lease> lease(MacAddress mac) {
        return LeaseTableChanges.lease(engine(), mac);
    }

    /** {@return the lease row of {@code address}, if any}
     * @param address the leased address */
    public Optional<Lease> lease(Inet4Address address) {
        return LeaseTableChanges.lease(engine(), address);
    }

    /**
     * {@return the lease row of a client or an address, if any}
     * @param macOrAddress a MAC such as {@code 02:00:00:00:00:42}, or a dotted address such as {@code 10.20.0.100}
     */
    public Optional<Lease> lease(String macOrAddress) {
        return LeaseTableChanges.lease(engine(), macOrAddress);
    }

    /**
     * {@return whether a lease on {@code address} was ended now} A declined address has none to end.
     * @param address the leased address
     */
    public boolean expireLease(Inet4Address address) {
        return engine().expire(Ipv4.toInt(address));
    }

    /** {@return as {@link #expireLease(Inet4Address)}}
     * @param address a dotted address */
    public boolean expireLease(String address) {
        return expireLease(Ipv4.parse(address));
    }

    /**
     * Adds a static lease, or moves the client's static lease to {@code address}, with host settings.
     * @param mac the client's MAC
     * @param address its address
     * @param shape sets the host's settings (name, options)
     * @return this server
     */
    public DhcpServer addStaticLease(MacAddress mac, Inet4Address address, Consumer<StaticLeaseBuilder> shape) {
        LeaseTableChanges.addStatic(engine(), mac, address, shape);
        return this;
    }

    /**
     * As {@link #addStaticLease(MacAddress, Inet4Address, Consumer)}, written as text.
     * @param mac e.g. {@code 02:00:00:00:00:42}
     * @param address a dotted address
     * @param shape sets the host's settings
     * @return this server
     */
    public DhcpServer addStaticLease(String mac, String address, Consumer<StaticLeaseBuilder> shape) {
        return addStaticLease(MacAddress.parse(mac), Ipv4.parse(address), shape);
    }

    /**
     * As {@link #addStaticLease(MacAddress, Inet4Address, Consumer)} with no host settings.
     * @param mac e.g. {@code 02:00:00:00:00:42}
     * @param address a dotted address
     * @return this server
     */
    public DhcpServer addStaticLease(String mac, String address) {
        return addStaticLease(mac, address, l -> { });
    }

    /**
     * {@return whether the client had a static lease, now removed}
     * @param mac the client's MAC
     */
    public boolean removeStaticLease(MacAddress mac) {
        return LeaseTableChanges.removeStatic(engine(), mac);
    }

    /** {@return as {@link #removeStaticLease(MacAddress)}}
     * @param mac e.g. {@code 02:00:00:00:00:42} */
    public boolean removeStaticLease(String mac) {
        return removeStaticLease(MacAddress.parse(mac));
    }

    /** Sets an option for every subnet from now on, replacing any global or subnet option of that code.
     * @param option the option
     * @return this server */
    public DhcpServer setOption(DhcpOption option) {
        LeaseTableChanges.setOption(engine(), option);
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

    /** {@return whether {@code stub} was registered with {@link #stub(Stub)}} It is removed.
     * @param stub the stub */
    public boolean removeStub(Stub stub) {
        return stubs.remove(stub);
    }

    /**
     * Registers a DHCPv6 stub, complete and checked before any message can meet it:
     *
     * <pre>{@code
     * server.stub(onSolicit().fromDuid(duid).respond(ignore()).times(2));
     * server.stub(onSolicit().respond(defaultReply().preference(255).alsoFrom(otherDuid)));
     * }</pre>
     *
     * DHCPv6 stubs follow the same terms as DHCPv4's ({@link dev.dhcpembedded.stub.StubTerms}: count, priority,
     * scenario, shared with the DHCPv4 stubs); what no stub answers gets the RFC 8415 default.
     *
     * @param stub the stub
     * @return the same stub, to pass to {@link #removeStub(Stub6)} later
     * @throws IllegalStateException if this very stub is registered already
     */
    public Stub6 stub(Stub6 stub) {
        return stubs.add(stub);
    }

    /** {@return whether {@code stub} was registered with {@link #stub(Stub6)}} It is removed.
     * @param stub the stub */
    public boolean removeStub(Stub6 stub) {
        return stubs.remove(stub);
    }

    /** {@return the DHCPv4 stubs registered, oldest first, as {@code v4().stubs()} ({@code v6().stubs()}: DHCPv6's)} */
    public List<Stub> stubs() {
        return v4View.stubs();
    }

    /** {@return the DHCPv4 stubs registered that never answered a request, oldest first, as
     * {@code v4().unusedStubs()}} A test may assert it is empty to be sure every scripted fault really happened
     * ({@code v6().unusedStubs()} for DHCPv6). */
    public List<Stub> unusedStubs() {
        return v4View.unusedStubs();
    }

    /** {@return the requests no stub answered while stubs were registered (they got the RFC 2131 default, or were
     * dropped by a strict stub queue or dropUnscripted), as journal entries, oldest first} Empty when no stub was
     * ever registered. Entries the journal no longer keeps are not listed. */
    public List<JournalEntry> unmatchedRequests() {
        Set<Long> sequences = unmatched.sequences();
        return journal.entries(e -> sequences.contains(e.sequence()));
    }

    /** Removes every stub (DHCPv4 and DHCPv6), resets every scenario and forgets the {@link #unmatchedRequests()}. */
    public void resetStubs() {
        barrier.exclusively(this::clearStubs);
    }

    private void clearStubs() {
        if (second != null) {
            second.resetStubs();
        }
        stubs.clear();
        unmatched.clear();
    }

    /** {@return the state of scenario {@code name} ({@link Stub#STARTED} until a stub moves it)}
     * @param name the scenario's name */
    public String scenarioState(String name) {
        return stubs.scenarioState(name);
    }

    /**
     * Back to how it was built: stubs and scenarios removed, delayed replies dropped, the journal emptied, every
     * lease forgotten, run-time changes undone (router advertisements included), an outage ended, address conflicts
     * removed.
     *
     * <p>One atomic step for the packet paths: a request arriving meanwhile waits, and every request is handled
     * wholly before the reset (and forgotten with it) or wholly after it; a test never sees a lease or a reply whose
     * request the reset already forgot. (A delayed reply whose sending has already begun when the reset starts may
     * still go out; the ones not yet due are dropped.)
     */
    public void reset() {
        synchronized (this) {
            // one step: no datagram is handled meanwhile, so none is half before and half after it
            barrier.exclusively(() -> {
                clearStubs();
                for (FamilyRuntime family : families()) {
                    family.cancelPending();
                    family.resetLeases();
                }
                if (v4 != null) {
                    v4.clearConflicts();
                }
                if (advertising != null) {
                    advertising.reset();
                }
                journal.clear();
                paused.set(false);
            });
        }
        resume(); // ARP answered again
    }

    private Transport running() {
        return runningTransports().findFirst()
                .orElseThrow(() -> new IllegalStateException("the server is not running; call start() first"));
    }

    private java.util.stream.Stream<Transport> runningTransports() {
        return families().stream().map(FamilyRuntime::transport).filter(java.util.Objects::nonNull);
    }

    Runtime4 runtime4() {
        if (v4 == null) {
            throw new IllegalStateException("this server serves no IPv4 subnet (DHCPv6 only)");
        }
        return v4;
    }

    LeaseEngine engine() {
        return runtime4().engine();
    }

    /** The DHCPv4 transport, for {@link ServerV4}. */
    Transport transport4() {
        return transportOf(v4, "this server serves no IPv4 subnet");
    }

    /** The DHCPv6 transport, for {@link ServerV6}. */
    Transport transport6() {
        return transportOf(v6, "this server serves no subnet6");
    }

    private static Transport transportOf(FamilyRuntime family, String none) {
        Transport t = family == null ? null : family.transport();
        if (t == null) {
            throw new IllegalStateException(family == null ? none : "the server is not running; call start() first");
        }
        return t;
    }

    Optional<Runtime6> runtime6() {
        return Optional.ofNullable(v6);
    }

    StubRegistry stubRegistry() {
        return stubs;
    }

    @Override
    public String toString() {
        String ends = runningTransports().map(t -> String.valueOf(t.localAddress()))
                .collect(java.util.stream.Collectors.joining(", "));
        return "DhcpServer[" + (ends.isEmpty() ? "stopped" : ends) + "]";
    }
}
