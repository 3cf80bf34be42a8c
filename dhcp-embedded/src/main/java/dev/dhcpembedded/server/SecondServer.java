package dev.dhcpembedded.server;

import dev.dhcpembedded.lease.Lease;

import dev.dhcpembedded.codec.DhcpMessage;
import dev.dhcpembedded.codec.MacAddress;
import dev.dhcpembedded.codec.MessageType;
import dev.dhcpembedded.internal.wire.Ipv4;
import dev.dhcpembedded.internal.engine.LeaseEngine;
import dev.dhcpembedded.internal.engine.ServerConfig;
import dev.dhcpembedded.internal.runtime.StubRegistry;
import dev.dhcpembedded.journal.Journal;
import dev.dhcpembedded.journal.JournalEntry;
import dev.dhcpembedded.stub.Stub;
import java.net.Inet4Address;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * A second DHCP server on the same link, as {@link DhcpServerBuilder#secondServer} configured it: its own server
 * identifier (option 54, its own IPv4 address), its own pool, lease table and stubs. It shares the first server's
 * socket, journal and clock: every frame heard is one journal entry whose note says what each server decided (this
 * one's part reads {@code "as 10.20.0.2: ..."}), and each reply it sends carries its server identifier.
 *
 * <p>A client that hears an OFFER from each must REQUEST one of them; the other sees that REQUEST name someone
 * else, and stays silent as RFC 2131 §4.3.2 says:
 *
 * <pre>{@code
 * SecondServer other = server.secondServer();
 * // ... the client REQUESTs the first server's offer
 * assertThat(other.requestsNamingAnotherServer()).isNotEmpty();
 * }</pre>
 *
 * <p>In interface mode it is a host of its own on the link: it sends from {@link #mac()} and {@link #address()} as
 * raw Ethernet frames, answers ARP for its address, and hears what is unicast to it. Over loopback there is no link:
 * both servers share the one socket, so the second differs by its server identifier only and {@link #mac()} is
 * empty.
 *
 * <p>{@link DhcpServer#pause()} silences both servers' DHCP (the second keeps answering ARP for its address);
 * {@link DhcpServer#reset()} forgets its stubs and leases too; each {@link DhcpServer#start()} gives it a fresh
 * lease table. A reply to a relay (giaddr set) leaves through the first server's socket, with the second's server
 * identifier.
 */
public final class SecondServer {

    private final int address;
    private final ServerConfig config;
    private final StubRegistry stubs = new StubRegistry();
    private final Journal journal;
    private volatile LeaseEngine engine;
    private volatile MacAddress mac;

    SecondServer(int address, ServerConfig config, Journal journal) {
        this.address = address;
        this.config = config;
        this.journal = journal;
    }

    /** {@return its IPv4 address, which is also its server identifier (option 54)} */
    public Inet4Address address() {
        return Ipv4.fromInt(address);
    }

    /**
     * {@return the Ethernet address it sends from in interface mode}
     *
     * {@code 02:5e} followed by its address's four bytes (locally administered, unicast). Empty over loopback, where it
     * has no link of its own.
     */
    public Optional<MacAddress> mac() {
        return Optional.ofNullable(mac);
    }

    /**
     * Registers a stub for this server only, as {@link DhcpServer#stub(Stub)} does for the first; its
     * {@code defaultReply()} is this server's own answer.
     *
     * @param stub the stub
     * @return the same stub, to pass to {@link #removeStub(Stub)} later
     */
    public Stub stub(Stub stub) {
        return stubs.add(stub);
    }

    /**
     * Removes a stub registered with {@link #stub(Stub)}; false when it was not registered.
     *
     * @param stub a stub registered with {@link #stub(Stub)}
     * @return whether it was registered (and is now removed)
     */
    public boolean removeStub(Stub stub) {
        return stubs.remove(stub);
    }

    /** {@return the stubs registered on this server that never answered a request, oldest first} */
    public List<Stub> unusedStubs() {
        return stubs.unused(Stub.class);
    }

    /**
     * {@return its lease table}
     *
     * @throws IllegalStateException if the server was never started
     */
    public List<Lease> leases() {
        return engine().leases();
    }

    /**
     * {@return the lease of the client with {@code mac}, or empty when it has none}
     *
     * @param mac the client's hardware address
     * @throws IllegalStateException if the server was never started
     */
    public Optional<Lease> lease(MacAddress mac) {
        return LeaseTableChanges.lease(engine(), mac);
    }

    /**
     * {@return the lease of a client or an address, or empty when there is none}
     *
     * @param macOrAddress a MAC such as {@code 02:00:00:00:00:42}, or a dotted address such as {@code 10.20.0.150}
     * @throws IllegalStateException if the server was never started
     */
    public Optional<Lease> lease(String macOrAddress) {
        return LeaseTableChanges.lease(engine(), macOrAddress);
    }

    /**
     * {@return the REQUESTs (and DECLINEs, RELEASEs) it heard that name another server in option 54, oldest first}
     *
     * As journal entries: proof that it saw the client choose someone else.
     */
    public List<JournalEntry> requestsNamingAnotherServer() {
        String mine = notePrefix();
        return journal.entries(e -> e.kind() == JournalEntry.Kind.RECEIVED && e.note().contains(mine)
                && namesAnother(e));
    }

    private boolean namesAnother(JournalEntry entry) {
        Optional<DhcpMessage> message = entry.message();
        if (message.isEmpty()) {
            return false;
        }
        Optional<MessageType> type = message.get().messageType();
        if (type.isEmpty() || !(type.get() == MessageType.REQUEST || type.get() == MessageType.DECLINE
                || type.get() == MessageType.RELEASE)) {
            return false;
        }
        return message.get().serverIdentifier().map(id -> Ipv4.toInt(id) != address).orElse(false);
    }

    @Override
    public String toString() {
        return "SecondServer[" + Ipv4.toString(address) + (mac == null ? "" : ", " + mac) + "]";
    }

    // ---- for the server ----

    /** What its part of a journal note starts with. */
    String notePrefix() {
        return "as " + Ipv4.toString(address) + ": ";
    }

    int addressAsInt() {
        return address;
    }

    StubRegistry stubRegistry() {
        return stubs;
    }

    ServerConfig config() {
        return config;
    }

    /** Made at each start of the server: a fresh lease table. */
    LeaseEngine start(Clock clock, boolean onLink) {
        engine = new LeaseEngine(config, clock);
        mac = onLink ? MacAddress.of(macBytes(address)) : null;
        return engine;
    }

    void resetStubs() {
        stubs.clear();
    }

    void resetLeases() {
        LeaseEngine e = engine;
        if (e != null) {
            e.reset(config);
        }
    }

    /** The made-up MAC of the second server at {@code address}: 02:5e and the address's four bytes. */
    static byte[] macBytes(int address) {
        return new byte[] {0x02, 0x5e, (byte) (address >>> 24), (byte) (address >>> 16), (byte) (address >>> 8),
            (byte) address};
    }

    private LeaseEngine engine() {
        LeaseEngine e = engine;
        if (e == null) {
            throw new IllegalStateException("the server was never started; call start() first");
        }
        return e;
    }
}
