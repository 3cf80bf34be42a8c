package dev.dhcpembedded.server;

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

    @Override
    public String toString() {
        return "DHCPv4 of " + server;
    }
}
