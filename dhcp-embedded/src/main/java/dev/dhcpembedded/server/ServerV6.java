package dev.dhcpembedded.server;

import dev.dhcpembedded.codec6.Duid;
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

    @Override
    public String toString() {
        return "DHCPv6 of " + server;
    }
}
