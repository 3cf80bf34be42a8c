package dev.dhcpembedded.server;

import dev.dhcpembedded.codec.MacAddress;
import dev.dhcpembedded.codec.MessageType;
import dev.dhcpembedded.journal.JournalEntry;
import dev.dhcpembedded.lease.Lease;
import dev.dhcpembedded.stub.Stub;
import java.net.InetSocketAddress;
import java.util.List;

/**
 * The DHCPv4 side of a {@link DhcpServer}, from {@link DhcpServer#v4()}: the same readings as {@link ServerV6}'s,
 * under the same names. A view: it holds nothing of its own and always shows the server's current state.
 */
public final class ServerV4 {

    private final DhcpServer server;

    ServerV4(DhcpServer server) {
        this.server = server;
    }

    /**
     * {@return where the server listens for DHCPv4}
     *
     * @throws IllegalStateException when the server serves no IPv4 subnet or is not running
     */
    public InetSocketAddress address() {
        return server.transport4().localAddress();
    }

    /**
     * {@return the port of {@link #address()}}
     *
     * @throws IllegalStateException when the server serves no IPv4 subnet or is not running
     */
    public int port() {
        return address().getPort();
    }

    /** {@return the DHCPv4 lease table} */
    public List<Lease> leases() {
        return server.engine().leases();
    }

    /** {@return the DHCPv4 stubs registered, oldest first} */
    public List<Stub> stubs() {
        return server.stubRegistry().stubs(Stub.class);
    }

    /** {@return the DHCPv4 stubs registered that never answered a request, oldest first} */
    public List<Stub> unusedStubs() {
        return server.stubRegistry().unused(Stub.class);
    }

    /**
     * Makes a bound client renew now: sends it a FORCERENEW (RFC 3203), by unicast to its address (over loopback, to
     * the socket its last ACK went to), with the transaction id of its last ACK; the server keeps both with the
     * lease, so a journal that has forgotten the ACK (or was cleared) changes nothing. When the server was built with
     * {@link DhcpServerBuilder#reconfigureKeys()} and the client took a reconfigure key, the message is authenticated
     * with it (RFC 6704), as clients such as dhcpcd require; otherwise it goes unauthenticated and the journal's note
     * says so. The journal keeps it as a sent entry.
     *
     * @param mac the client's MAC address, e.g. {@code 02:00:00:00:00:42}
     * @throws IllegalStateException when the server is not running, the client holds no bound lease, or it holds one
     *     without ever having had a DHCPACK from this server (a BOOTP client)
     */
    public void forceRenew(String mac) {
        forceRenew(MacAddress.parse(mac));
    }

    /**
     * As {@link #forceRenew(String)}.
     *
     * @param mac the client's MAC address
     */
    public void forceRenew(MacAddress mac) {
        server.runtime4().forceRenew(mac);
    }

    /**
     * The messages of {@code type} the server received, as the journal keeps them, oldest first: the same as
     * {@code journal().received(type)}, e.g. {@code assertThat(server.v4().received(REQUEST)).hasSize(2)}.
     *
     * @param type the message type
     * @return the journal entries
     */
    public List<JournalEntry> received(MessageType type) {
        return server.journal().received(type);
    }

    /**
     * The messages of {@code type} the server sent, as the journal keeps them, oldest first: the same as
     * {@code journal().sent(type)}.
     *
     * @param type the message type
     * @return the journal entries
     */
    public List<JournalEntry> sent(MessageType type) {
        return server.journal().sent(type);
    }

    /**
     * Registers {@code rules} as an ordered, lenient queue: only the head rule may answer, and it leaves the queue
     * once it has answered; what the head does not match gets what it would get without the queue (the other
     * stubs, then the lease engine). See {@link StubQueue}; {@link #strictQueue} drops it instead.
     *
     * @param rules the stubs in the order they are to fire, e.g.
     *        {@code onDiscover().respond(offer()), onRequest().respond(nak("taken").then(ack()))}
     * @return the queue, to see which rules have fired
     * @throws IllegalStateException if a DHCPv4 queue still has rules left, or a rule is registered already
     */
    @SafeVarargs
    public final StubQueue<Stub> queue(Stub... rules) {
        return queue(false, rules);
    }

    /**
     * Registers {@code rules} as an ordered, strict queue: only the head rule may answer, it leaves the queue once
     * it has answered, and anything else is dropped and journaled as "dropped by the strict stub queue". See
     * {@link StubQueue}.
     *
     * @param rules the stubs in the order they are to fire, e.g.
     *        {@code onDiscover().respond(offer()), onRequest().respond(nak("taken").then(ack()))}
     * @return the queue, to assert it was consumed
     * @throws IllegalStateException if a DHCPv4 queue still has rules left, or a rule is registered already
     */
    @SafeVarargs
    public final StubQueue<Stub> strictQueue(Stub... rules) {
        return queue(true, rules);
    }

    private StubQueue<Stub> queue(boolean strict, Stub[] rules) {
        return new StubQueue<>(server.stubRegistry().addQueue(Stub.class, java.util.Arrays.asList(rules), strict,
                Stub::terms), Stub.class, "DHCPv4");
    }

    /**
     * Whether DHCPv4 requests no stub answers are dropped (journaled as "dropped: no stub answers it") rather than
     * answered by the lease engine: a server that sends only what the test scripted. Off by default; {@code
     * resetStubs()} and {@code reset()} turn it off.
     *
     * @param drop true to drop what no stub answers
     * @return this view
     */
    public ServerV4 dropUnscripted(boolean drop) {
        server.stubRegistry().dropUnscripted(Stub.class, drop);
        return this;
    }

    @Override
    public String toString() {
        return "DHCPv4 of " + server;
    }
}
