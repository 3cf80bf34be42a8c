package dev.dhcpembedded.server;

import dev.dhcpembedded.codec6.Dhcp6MessageType;
import dev.dhcpembedded.codec6.Duid;
import dev.dhcpembedded.journal.JournalEntry;
import dev.dhcpembedded.lease.Lease6;
import dev.dhcpembedded.stub6.Stub6;
import java.net.InetSocketAddress;
import java.util.List;

/**
 * The DHCPv6 side of a {@link DhcpServer}, from {@link DhcpServer#v6()}: the same readings as {@link ServerV4}'s,
 * under the same names. A view: it holds nothing of its own and always shows the server's current state.
 */
public final class ServerV6 {

    private final DhcpServer server;

    ServerV6(DhcpServer server) {
        this.server = server;
    }

    /**
     * {@return where the server listens for DHCPv6, e.g. {@code [::1]:40123}}
     *
     * @throws IllegalStateException when the server serves no subnet6 or is not running
     */
    public InetSocketAddress address() {
        return server.transport6().localAddress();
    }

    /**
     * {@return the port of {@link #address()}}
     *
     * @throws IllegalStateException when the server serves no subnet6 or is not running
     */
    public int port() {
        return address().getPort();
    }

    /** {@return the DHCPv6 lease table: one row per IA_NA address and IA_PD prefix, keyed by DUID and IAID} */
    public List<Lease6> leases() {
        return server.runtime6().map(Runtime6::leases).orElse(List.of());
    }

    /**
     * The DHCPv6 lease rows of the client with {@code duid}.
     *
     * @param duid the client's DUID
     * @return the rows, empty when it has none
     */
    public List<Lease6> leases(Duid duid) {
        return leases().stream().filter(l -> l.duid().equals(duid)).toList();
    }

    /** {@return the DHCPv6 stubs registered, oldest first} */
    public List<Stub6> stubs() {
        return server.stubRegistry().stubs(Stub6.class);
    }

    /** {@return the DHCPv6 stubs registered that never answered a request, oldest first} */
    public List<Stub6> unusedStubs() {
        return server.stubRegistry().unused(Stub6.class);
    }

    /**
     * Makes a client with a bound lease send {@code type} now: sends it a RECONFIGURE (RFC 8415 §18.3.11) with a
     * Reconfigure Message option, to the address and port it spoke from when it last got a REPLY binding or renewing
     * a lease (on a link, its link-local address and port 546; the server keeps it with the binding, so a journal
     * that has forgotten the exchange changes nothing). When the server was built with {@link DhcpServerBuilder#reconfigureKeys()} and the client took a
     * key (it sent Reconfigure Accept), the message is authenticated with it (§20.4), as clients such as dhcpcd
     * require; otherwise it goes unauthenticated and the journal's note says so.
     *
     * @param client the client's DUID
     * @param type {@link dev.dhcpembedded.codec6.Dhcp6MessageType#RENEW}, {@code REBIND} or
     *             {@code INFORMATION_REQUEST}
     * @throws IllegalStateException when the server is not running, the client has no bound lease, or it was heard
     *                               only through a relay
     * @throws IllegalArgumentException for another message type
     */
    public void reconfigure(Duid client, dev.dhcpembedded.codec6.Dhcp6MessageType type) {
        server.runtime6().orElseThrow(() -> new IllegalStateException("this server serves no subnet6"))
                .reconfigure(client, type);
    }

    /**
     * The messages of {@code type} the server received, as the journal keeps them, oldest first: the same as
     * {@code journal().received(type)}, e.g. {@code assertThat(server.v6().received(RENEW)).hasSize(1)}.
     *
     * @param type the message type
     * @return the journal entries
     */
    public List<JournalEntry> received(Dhcp6MessageType type) {
        return server.journal().received(type);
    }

    /**
     * The messages of {@code type} the server sent, as the journal keeps them, oldest first: the same as
     * {@code journal().sent(type)}.
     *
     * @param type the message type
     * @return the journal entries
     */
    public List<JournalEntry> sent(Dhcp6MessageType type) {
        return server.journal().sent(type);
    }

    /**
     * Registers {@code rules} as an ordered, lenient queue: only the head rule may answer, and it leaves the queue
     * once it has answered; what the head does not match gets what it would get without the queue (the other
     * stubs, then the lease engine). See {@link StubQueue}; {@link #strictQueue} drops it instead.
     *
     * @param rules the stubs in the order they are to fire, e.g.
     *        {@code onSolicit().respond(defaultReply()), onRequest().respond(noAddrsAvail())}
     * @return the queue, to see which rules have fired
     * @throws IllegalStateException if a DHCPv6 queue still has rules left, or a rule is registered already
     */
    @SafeVarargs
    public final StubQueue<Stub6> queue(Stub6... rules) {
        return queue(false, rules);
    }

    /**
     * Registers {@code rules} as an ordered, strict queue: only the head rule may answer, it leaves the queue once
     * it has answered, and anything else is dropped and journaled as "dropped by the strict stub queue". See
     * {@link StubQueue}.
     *
     * @param rules the stubs in the order they are to fire, e.g.
     *        {@code onSolicit().respond(defaultReply()), onRequest().respond(noAddrsAvail())}
     * @return the queue, to assert it was consumed
     * @throws IllegalStateException if a DHCPv6 queue still has rules left, or a rule is registered already
     */
    @SafeVarargs
    public final StubQueue<Stub6> strictQueue(Stub6... rules) {
        return queue(true, rules);
    }

    private StubQueue<Stub6> queue(boolean strict, Stub6[] rules) {
        return new StubQueue<>(server.stubRegistry().addQueue(Stub6.class, java.util.Arrays.asList(rules), strict,
                Stub6::terms), Stub6.class, "DHCPv6");
    }

    /**
     * Whether DHCPv6 requests no stub answers are dropped (journaled as "dropped: no stub answers it") rather than
     * answered by the lease engine: a server that sends only what the test scripted. Off by default; {@code
     * resetStubs()} and {@code reset()} turn it off.
     *
     * @param drop true to drop what no stub answers
     * @return this view
     */
    public ServerV6 dropUnscripted(boolean drop) {
        server.stubRegistry().dropUnscripted(Stub6.class, drop);
        return this;
    }

    @Override
    public String toString() {
        return "DHCPv6 of " + server;
    }
}
