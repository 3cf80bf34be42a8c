package dev.dhcpembedded.server;

import dev.dhcpembedded.codec.MacAddress;
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
     * the socket it last spoke from), with the transaction id of its last ACK. When the server was built with
     * {@link DhcpServerBuilder#reconfigureKeys()} and the client took a reconfigure key, the message is authenticated
     * with it (RFC 6704), as clients such as dhcpcd require; otherwise it goes unauthenticated and the journal's note
     * says so. The journal keeps it as a sent entry.
     *
     * @param mac the client's MAC address, e.g. {@code 02:00:00:00:00:42}
     * @throws IllegalStateException when the server is not running or the client holds no bound lease
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

    @Override
    public String toString() {
        return "DHCPv4 of " + server;
    }
}
