package dev.dhcpembedded.server;

import dev.dhcpembedded.internal.transport.Interface6Transport;
import dev.dhcpembedded.internal.transport.InterfaceTransport;
import dev.dhcpembedded.transport.Transport;

/**
 * The project's own transports, for code that carries a server's packets itself: the DHCP agent image, or a
 * {@link Transport} that wraps one of these. A test does not need this class: {@link DhcpServerBuilder#bindInterface}
 * opens the same transports.
 *
 * <p>The interface transports need root or {@code CAP_NET_RAW} and {@code CAP_NET_BIND_SERVICE}, and load native code
 * (JNA): on Java 24 and later run with {@code --enable-native-access=ALL-UNNAMED}.
 */
public final class Transports {

    /** The DHCPv4 server port, 67. */
    public static final int DHCP4_SERVER_PORT = 67;
    /** The DHCPv6 server and relay port, 547. */
    public static final int DHCP6_SERVER_PORT = 547;

    private Transports() {
    }

    /**
     * DHCPv4 on port 67 of interface {@code name} only: what arrives on another interface is never seen.
     *
     * @param name the interface, e.g. {@code eth0}
     * @return the transport, not yet started
     */
    public static Transport onInterface(String name) {
        return new InterfaceTransport(name);
    }

    /**
     * DHCPv6 on port 547 of interface {@code name} only, joined to the All_DHCP_Relay_Agents_and_Servers group.
     *
     * @param name the interface, e.g. {@code eth0}
     * @return the transport, not yet started
     */
    public static Transport onInterface6(String name) {
        return new Interface6Transport(name);
    }
}
