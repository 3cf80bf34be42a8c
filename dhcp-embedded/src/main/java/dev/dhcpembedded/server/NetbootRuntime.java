package dev.dhcpembedded.server;

import dev.dhcpembedded.internal.engine.NetbootConfig;
import dev.dhcpembedded.internal.engine6.Netboot6;
import dev.dhcpembedded.internal.journal.JournalStore;
import dev.dhcpembedded.internal.tftp.BootRoot;
import dev.dhcpembedded.internal.tftp.HttpBootServer;
import dev.dhcpembedded.internal.tftp.SocketPorts;
import dev.dhcpembedded.internal.tftp.TftpJournal;
import dev.dhcpembedded.internal.tftp.TftpServer;
import dev.dhcpembedded.internal.wire.Ipv4;
import dev.dhcpembedded.internal.wire.Ipv6;
import dev.dhcpembedded.transport.Transport;
import dev.dhcpembedded.transport.UdpPorts;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.function.IntFunction;

/**
 * The netboot side of a server at run time: its TFTP server (and HTTP server, when a script or HTTP boot is served
 * from the root) on the DHCP server's address (through the transport's own UDP ports when it carries them: the DHCP
 * agent's network), started with DHCPv4 before the first request is answered, and with a subnet6 an HTTP server on
 * the DHCPv6 address ({@link #start6}); what the lease engines answer netboot clients with, the addresses they got in
 * it, goes in their configuration.
 */
final class NetbootRuntime {

    private final BootRoot root;
    private final IntFunction<String> bootFile;
    /** A name under the root, a URL, or null. */
    private final String ipxeScript;
    /** A base URL, "" for the embedded HTTP server's, or null: no HTTP boot. */
    private final String httpBoot;
    private final Map<String, String> perMac;
    private final int tftpPort;
    private final boolean waitForProxyDhcp;
    private final TftpServer.Settings settings;
    private TftpJournal log;
    private TftpServer tftp;
    private HttpBootServer http;
    /** The same root over HTTP on the DHCPv6 address (TFTP is served over IPv4 only), or null. */
    private HttpBootServer http6;

    NetbootRuntime(BootRoot root, IntFunction<String> bootFile, String ipxeScript, String httpBoot,
                   Map<String, String> perMac, int tftpPort, boolean waitForProxyDhcp, TftpServer.Settings settings) {
        this.root = root;
        this.bootFile = bootFile;
        this.ipxeScript = ipxeScript;
        this.httpBoot = httpBoot;
        this.perMac = Map.copyOf(perMac);
        this.tftpPort = tftpPort;
        this.waitForProxyDhcp = waitForProxyDhcp;
        this.settings = settings;
    }

    /**
     * Binds TFTP (port 69 of an interface's address or the agent's, an ephemeral port on loopback unless one was
     * given) and HTTP (an ephemeral port).
     *
     * @param localAddress the interface's address, or 0 on loopback or the agent
     * @param transport the DHCP transport: its UDP ports, when it carries them, are TFTP's
     * @return what netboot clients are told, for the lease engine's configuration
     * @throws IllegalStateException when HTTP is to be served through the agent, which carries no TCP
     */
    synchronized NetbootConfig start(int localAddress, Transport transport, JournalStore journal,
                            Clock clock, Clock wallClock) {
        if (log == null) {
            log = new TftpJournal(journal, clock, wallClock, transport.interfaceName());
        }
        Optional<UdpPorts> carried = transport.udpPorts();
        if (carried.isPresent() && needsHttp()) {
            throw new IllegalStateException("netboot through " + transport + " serves TFTP only: its clients cannot "
                    + "reach an HTTP server in this JVM. Give ipxeScript(...) and httpBoot(...) an http:// URL of a "
                    + "server on that network instead of a file of the root");
        }
        InetAddress address = carried.isPresent() ? transport.localAddress().getAddress()
                : localAddress == 0 ? InetAddress.getLoopbackAddress() : Ipv4.fromInt(localAddress);
        int port = tftpPort >= 0 ? tftpPort : localAddress == 0 && carried.isEmpty() ? 0 : 69;
        tftp = new TftpServer(root, carried.orElseGet(() -> new SocketPorts(address)), port, log, settings);
        String base = null;
        if (needsHttp()) {
            try {
                http = new HttpBootServer(root, new InetSocketAddress(address, 0), log).start();
            } catch (RuntimeException e) {
                tftp.close();
                throw e;
            }
            base = "http://" + address.getHostAddress() + ":" + http.address().getPort() + "/";
        }
        tftp.start();
        String script = ipxeScript == null ? null : isUrl(ipxeScript) ? ipxeScript : base + strip(ipxeScript);
        String httpBase = httpBoot == null ? null : httpBoot.isEmpty() ? base : httpBoot;
        return new NetbootConfig(Ipv4.toInt(address), bootFile, script, httpBase, perMac, waitForProxyDhcp);
    }

    /**
     * Binds HTTP on the DHCPv6 side's address (::1 on loopback; the interface's first global IPv6 address), after
     * {@link #start}: DHCPv6 netboot clients (RFC 5970) are given URLs only, on it. Without such an address (or
     * through the agent) a file of the root is not offered over DHCPv6, a URL still is.
     *
     * @param transport the DHCPv6 transport
     * @return what DHCPv6 netboot clients are told, for the v6 engine's configuration
     */
    synchronized Netboot6 start6(Transport transport) {
        InetAddress address = transport.udpPorts().isPresent() ? null : address6(transport);
        String base = null;
        if (address != null) {
            http6 = new HttpBootServer(root, new InetSocketAddress(address, 0), log).start();
            base = "http://[" + Ipv6.format(address) + "]:" + http6.address().getPort() + "/";
        }
        String script = ipxeScript == null ? null : isUrl(ipxeScript) ? ipxeScript
                : base == null ? null : base + strip(ipxeScript);
        String httpBase = httpBoot == null ? null : httpBoot.isEmpty() ? base : httpBoot;
        return new Netboot6(new NetbootConfig(0, bootFile, script, httpBase, perMac, waitForProxyDhcp), base);
    }

    /** ::1 for a loopback transport, else the interface's first global IPv6 address, or null. */
    private static InetAddress address6(Transport transport) {
        InetAddress local = transport.localAddress().getAddress();
        if (local != null && local.isLoopbackAddress()) {
            return local;
        }
        try {
            NetworkInterface nic = NetworkInterface.getByName(transport.interfaceName());
            return nic == null ? null : nic.inetAddresses().filter(a -> a instanceof Inet6Address
                    && !a.isLinkLocalAddress() && !a.isLoopbackAddress()).findFirst().orElse(null);
        } catch (SocketException e) {
            return null;
        }
    }

    private boolean needsHttp() {
        return (ipxeScript != null && !isUrl(ipxeScript)) || "".equals(httpBoot);
    }

    static boolean isUrl(String text) {
        return text.contains("://");
    }

    private static String strip(String name) {
        return name.startsWith("/") ? strip(name.substring(1)) : name;
    }

    synchronized void stop() {
        if (tftp != null) {
            tftp.close();
            tftp = null;
        }
        if (http != null) {
            http.close();
            http = null;
        }
        if (http6 != null) {
            http6.close();
            http6 = null;
        }
    }

    synchronized InetSocketAddress tftpAddress() {
        if (tftp == null) {
            throw new IllegalStateException("the server is not running; call start() first");
        }
        return tftp.address();
    }

    synchronized InetSocketAddress httpAddress() {
        return http == null ? null : http.address();
    }

    /** {@return where HTTP listens on the DHCPv6 address, or null} */
    synchronized InetSocketAddress httpAddress6() {
        return http6 == null ? null : http6.address();
    }

    BootRoot root() {
        return root;
    }

    synchronized TftpJournal log() {
        return log;
    }

    synchronized void clearFetches() {
        if (log != null) {
            log.clear();
        }
    }
}
