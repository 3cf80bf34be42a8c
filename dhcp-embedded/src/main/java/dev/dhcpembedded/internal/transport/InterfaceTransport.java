package dev.dhcpembedded.internal.transport;

import dev.dhcpembedded.transport.ReceiveFailures;
import java.io.IOException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import dev.dhcpembedded.transport.Datagram;
import dev.dhcpembedded.transport.Transport;

/**
 * UDP port 67 on one named interface, and nowhere else: a test server never answers a DISCOVER from another
 * network.
 *
 * <h2>How it listens</h2>
 * One Linux UDP socket bound to {@code 0.0.0.0:67} with {@code SO_BINDTODEVICE} (through JNA): the kernel hands it
 * only datagrams that arrived on that interface, broadcasts included, and sends its replies out of that interface
 * only. {@code IP_PKTINFO} tells whether a request was broadcast (to 255.255.255.255 or the interface's directed
 * broadcast) or unicast to the server, which is how RENEWING and REBINDING requests are told apart. The socket has
 * no {@code SO_REUSEADDR}, so a second server on the same interface fails to start instead of sharing the
 * broadcasts; servers on different interfaces coexist.
 *
 * <h2>Where replies go (RFC 2131 §4.1)</h2>
 * <ul>
 *   <li>giaddr set: to the relay, port 67.</li>
 *   <li>NAK without relay: broadcast.</li>
 *   <li>ciaddr set (RENEWING, REBINDING, INFORM): unicast to ciaddr, port 68; the client already answers ARP.</li>
 *   <li>broadcast flag set: broadcast to 255.255.255.255:68 (Ethernet ff:ff:ff:ff:ff:ff).</li>
 *   <li>otherwise (OFFER and ACK to a client that has no address yet, broadcast flag clear): <b>unicast</b> to yiaddr
 *   and chaddr. A client without an address cannot answer ARP, so before sending the server writes yiaddr → chaddr
 *   into the kernel's ARP table of the interface ({@code SIOCSARP}, as dnsmasq and ISC dhcpd do); the frame then
 *   leaves with the client's MAC and yiaddr as destinations. That needs CAP_NET_ADMIN (root has it). When the entry
 *   is refused (no CAP_NET_ADMIN, or chaddr is not a 6-byte Ethernet address), the reply is <b>broadcast</b>
 *   instead, which every client accepts.</li>
 * </ul>
 * The journal shows the addresses really used ({@link LinkView#AS_SENT}): e.g. a DISCOVER as
 * {@code 0.0.0.0:68 -> 255.255.255.255:67}, its OFFER as {@code 10.20.0.1:67 -> 10.20.0.100:68}, a renewal as
 * {@code 10.20.0.100:68 -> 10.20.0.1:67}.
 *
 * <h2>Privileges</h2>
 * Binding port 67 needs root, or CAP_NET_BIND_SERVICE (or {@code net.ipv4.ip_unprivileged_port_start} &lt;= 67);
 * kernels before 5.7 also need CAP_NET_RAW for SO_BINDTODEVICE. The failure message names these fixes.
 */
public final class InterfaceTransport implements Transport, DirectSender {

    private static final Logger LOG = LoggerFactory.getLogger(InterfaceTransport.class);
    public static final int SERVER_PORT = 67;

    private final String name;
    private final int port;
    private final Inet4Address address;
    private final List<Inet4Address> broadcastAddresses;
    private final int receiveBuffer;
    private LinuxUdpSocket socket;
    private Thread receiverThread;
    /** The last reply destination, reused while it repeats (racy by design: a race only makes another). */
    private volatile InetSocketAddress lastReply;
    /** {@link #localAddress()}, made on first use. */
    private volatile InetSocketAddress localAddress;

    public InterfaceTransport(String name) {
        this(name, SERVER_PORT);
    }

    /** On another port than 67: for tests that relay to the server. */
    public InterfaceTransport(String name, int port) {
        this(name, port, ReceiveBuffers.DEFAULT_BYTES);
    }

    /**
     * On {@code port} of {@code name}, asking for a socket receive buffer of {@code receiveBuffer} bytes
     * (SO_RCVBUFFORCE with CAP_NET_ADMIN, else SO_RCVBUF up to net.core.rmem_max); 0 leaves the kernel's default.
     */
    public InterfaceTransport(String name, int port, int receiveBuffer) {
        this.name = name;
        this.port = port;
        this.receiveBuffer = ReceiveBuffers.check(receiveBuffer);
        this.address = ipv4Of(name);
        this.broadcastAddresses = broadcastsOf(name);
    }

    /** 255.255.255.255 and the directed broadcast address of each IPv4 address of {@code name}. */
    private static List<Inet4Address> broadcastsOf(String name) {
        List<Inet4Address> out = new ArrayList<>();
        try {
            out.add((Inet4Address) InetAddress.getByAddress(new byte[] {-1, -1, -1, -1}));
            NetworkInterface nic = NetworkInterface.getByName(name);
            if (nic != null) {
                for (java.net.InterfaceAddress a : nic.getInterfaceAddresses()) {
                    if (a.getBroadcast() instanceof Inet4Address b && !out.contains(b)) {
                        out.add(b);
                    }
                }
            }
        } catch (java.io.IOException e) {
            LOG.debug("cannot read the broadcast addresses of {}: {}", name, e.toString());
        }
        return List.copyOf(out);
    }

    /** True for 255.255.255.255, the interface's directed broadcast, and multicast. */
    boolean isBroadcast(InetAddress to) {
        return to.isMulticastAddress() || broadcastAddresses.contains(to);
    }

    private static Inet4Address ipv4Of(String name) {
        NetworkInterface nic;
        try {
            nic = NetworkInterface.getByName(name);
        } catch (SocketException e) {
            throw new IllegalArgumentException("cannot read interface " + name + ": " + e.getMessage(), e);
        }
        if (nic == null) {
            throw new IllegalArgumentException("no interface named '" + name + "'; the interfaces here are "
                    + interfaceNames());
        }
        for (InetAddress candidate : Collections.list(nic.getInetAddresses())) {
            if (candidate instanceof Inet4Address) {
                return (Inet4Address) candidate;
            }
        }
        throw new IllegalArgumentException("interface '" + name + "' has no IPv4 address; give it one, e.g. "
                + "ip addr add 10.20.0.1/24 dev " + name);
    }

    static List<String> interfaceNames() {
        List<String> names = new ArrayList<>();
        try {
            for (NetworkInterface nic : Collections.list(NetworkInterface.getNetworkInterfaces())) {
                names.add(nic.getName());
            }
        } catch (SocketException e) {
            names.add("(cannot list: " + e.getMessage() + ")");
        }
        Collections.sort(names);
        return names;
    }

    /** The interface's IPv4 address: the default server identifier. */
    public Inet4Address address() {
        return address;
    }

    public int addressAsInt() {
        byte[] b = address.getAddress();
        return ((b[0] & 0xFF) << 24) | ((b[1] & 0xFF) << 16) | ((b[2] & 0xFF) << 8) | (b[3] & 0xFF);
    }

    @Override
    public synchronized void start(Receiver receiver) throws IOException {
        if (socket != null) {
            throw new IllegalStateException("transport already started");
        }
        LinuxUdpSocket opened;
        try {
            opened = LinuxUdpSocket.bindToDevice(name, port, receiveBuffer);
        } catch (LinuxUdpSocket.NativeSocketException e) {
            throw new IOException(explain(e), e);
        } catch (UnsatisfiedLinkError | NoClassDefFoundError e) {
            throw new IOException("interface mode needs JNA (net.java.dev.jna:jna) and Linux: " + e, e);
        }
        socket = opened;
        LinuxUdpSocket.ReceiveBuffer got = opened.receiveBuffer();
        String line = ReceiveBuffers.describe(name + ":" + port, got.requested(), got.granted(),
                got.forced() ? "SO_RCVBUFFORCE" : "SO_RCVBUF, at most net.core.rmem_max; CAP_NET_ADMIN lifts that");
        if (got.granted() < 2L * got.requested()) { // Linux grants twice the size asked: less means it was capped
            LOG.warn(line);
        } else {
            LOG.info(line);
        }
        Thread thread = new Thread(() -> receiveLoop(opened, receiver), "dhcp-embedded-" + name);
        thread.setDaemon(true);
        receiverThread = thread;
        thread.start();
    }

    private String explain(LinuxUdpSocket.NativeSocketException e) {
        switch (e.errno()) {
            case LinuxUdpSocket.EACCES:
            case LinuxUdpSocket.EPERM:
                return privilegeMessage(name, port, e.getMessage());
            case LinuxUdpSocket.ENODEV:
                return "no interface named '" + name + "'; the interfaces here are " + interfaceNames();
            case LinuxUdpSocket.EADDRINUSE:
                return "port " + port + " of " + name + " is in use by another DHCP server (" + e.getMessage()
                        + "); stop it or bind another interface";
            default:
                return "cannot open port " + port + " on " + name + ": " + e.getMessage();
        }
    }

    /** The one message for a missing privilege: what failed, and the three ways to fix it. */
    static String privilegeMessage(String name, int port, String detail) {
        return "not allowed to listen on UDP port " + port + " of " + name + " (" + detail + "). Fix one of: "
                + "run the tests as root; or grant the JVM the capabilities with "
                + "'sudo setcap cap_net_bind_service,cap_net_raw+ep $(readlink -f $(which java))'"
                + " (cap_net_admin too, for unicast replies to clients without the broadcast flag); or allow "
                + "unprivileged ports from 67 with 'sudo sysctl net.ipv4.ip_unprivileged_port_start=67' "
                + "(kernels before 5.7 also need CAP_NET_RAW for SO_BINDTODEVICE)";
    }

    private void receiveLoop(LinuxUdpSocket opened, Receiver receiver) {
        if (receiver instanceof DirectReceiver) {
            receiveDirect(opened, (DirectReceiver) receiver);
            return;
        }
        InetSocketAddress lastDestination = null;
        ReceiveFailures failures = new ReceiveFailures(name);
        while (true) {
            LinuxUdpSocket.Received received;
            try {
                received = opened.receive();
            } catch (IOException e) {
                LOG.warn("receive failed on {}: {}", name, e.toString());
                pause(); // a persistent error must not spin
                continue;
            } catch (Throwable e) { // NOPMD: e.g. no memory left for the datagram's copy: it is dropped
                failures.failed(receiver, null, e);
                pause(); // nor may a persistent one spin
                continue;
            }
            if (received == null) {
                return;
            }
            try {
                Inet4Address to = received.headerDestination();
                boolean broadcast = to != null && isBroadcast(to);
                InetAddress toAddress = to != null ? to : address;
                if (lastDestination == null || lastDestination.getAddress() != toAddress) {
                    lastDestination = new InetSocketAddress(toAddress, port); // the same object while it repeats
                }
                InetSocketAddress destination = lastDestination;
                receiver.onDatagram(new Datagram(received.bytes(), received.source(), destination, name, broadcast));
            } catch (Throwable e) { // NOPMD: no datagram may end the loop, not even with an Error
                failures.failed(receiver, received.source(), e);
            }
        }
    }

    /** The server's own receiver reads each datagram in one array reused for the next: nothing per datagram. */
    private void receiveDirect(LinuxUdpSocket opened, DirectReceiver receiver) {
        byte[] buffer = new byte[65536];
        InetSocketAddress lastDestination = null;
        ReceiveFailures failures = new ReceiveFailures(name);
        while (true) {
            int length;
            try {
                length = opened.receiveInto(buffer);
            } catch (IOException e) {
                LOG.warn("receive failed on {}: {}", name, e.toString());
                pause(); // a persistent error must not spin
                continue;
            } catch (Throwable e) { // NOPMD: no datagram may end the loop, not even with an Error
                failures.failed(receiver, null, e);
                pause(); // nor may a persistent one spin
                continue;
            }
            if (length < 0) {
                return;
            }
            InetSocketAddress source = null;
            try {
                Inet4Address to = opened.receivedDestination();
                boolean broadcast = to != null && isBroadcast(to);
                InetAddress toAddress = to != null ? to : address;
                if (lastDestination == null || lastDestination.getAddress() != toAddress) {
                    lastDestination = new InetSocketAddress(toAddress, port); // the same object while it repeats
                }
                source = opened.receivedSource();
                receiver.onDatagram(buffer, length, source, lastDestination, name, broadcast);
            } catch (Throwable e) { // NOPMD: no datagram may end the loop, not even with an Error
                failures.failed(receiver, source, e);
            }
        }
    }

    private static void pause() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void send(Datagram datagram) throws IOException {
        LinuxUdpSocket current = socket;
        if (current == null) {
            throw new IOException("transport is not started");
        }
        current.send(datagram.bytes(), datagram.destination());
    }

    @Override
    public void send(byte[] bytes, int length, InetSocketAddress destination, boolean broadcast) throws IOException {
        LinuxUdpSocket current = socket;
        if (current == null) {
            throw new IOException("transport is not started");
        }
        current.send(bytes, length, destination);
    }

    /**
     * {@link #replyDestination(Datagram, InetSocketAddress, byte[])} from ints, for the server's packet path: the
     * same rule, and the same address object for the same destination while it repeats (a relay's, a broadcast).
     */
    @Override
    public InetSocketAddress replyDestination(InetSocketAddress requestSource, int rfcIp, int rfcPort,
                                              byte[] ethernet, int ethernetOffset) {
        InetSocketAddress rfc = socket(rfcIp, rfcPort);
        InetAddress to = rfc.getAddress();
        InetAddress from = requestSource.getAddress();
        if (isBroadcast(to) || from.equals(to)) {
            return rfc;
        }
        if (from.isAnyLocalAddress() && rfcPort == 68) {
            LinuxUdpSocket current = socket;
            if (current != null && ethernet != null && current.addArpEntry((Inet4Address) to,
                    java.util.Arrays.copyOfRange(ethernet, ethernetOffset, ethernetOffset + 6))) {
                return rfc;
            }
            return socket(0xFFFFFFFF, rfcPort);
        }
        return rfc;
    }

    /** The address for ip:port, the previous one while it repeats. Sending threads: a race only makes another. */
    private InetSocketAddress socket(int ip, int port) {
        InetSocketAddress last = lastReply;
        if (last != null && last.getPort() == port && dev.dhcpembedded.internal.wire.Ipv4.toInt(last.getAddress()) == ip) {
            return last;
        }
        InetSocketAddress made = new InetSocketAddress(dev.dhcpembedded.internal.wire.Ipv4.fromInt(ip), port);
        lastReply = made;
        return made;
    }

    /**
     * RFC 2131 §4.1 as is, except that a unicast to a client's new address needs its MAC in the ARP table: when the
     * kernel refuses that entry, the reply is broadcast instead.
     */
    @Override
    public InetSocketAddress replyDestination(Datagram request, InetSocketAddress rfcDestination,
                                              byte[] clientEthernet) {
        return replyDestination(request.source(), dev.dhcpembedded.internal.wire.Ipv4.toInt(
                rfcDestination.getAddress()), rfcDestination.getPort(),
                clientEthernet != null && clientEthernet.length == 6 ? clientEthernet : null, 0);
    }

    @Override
    public InetSocketAddress localAddress() {
        InetSocketAddress local = localAddress;
        if (local == null) {
            local = new InetSocketAddress(address, port);
            localAddress = local;
        }
        return local;
    }

    @Override
    public String interfaceName() {
        return name;
    }

    @Override
    public void close() {
        LinuxUdpSocket current;
        Thread thread;
        synchronized (this) {
            current = socket;
            thread = receiverThread;
            socket = null;
            receiverThread = null;
        }
        if (current == null) {
            return;
        }
        current.close();
        if (thread != null && thread != Thread.currentThread()) {
            try {
                thread.join(5000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        current.release();
    }

    /** The receive buffer the kernel granted, in bytes as it reports them; 0 when not started. */
    public synchronized int receiveBufferGranted() {
        return socket == null ? 0 : socket.receiveBuffer().granted();
    }

    @Override
    public String toString() {
        return "interface " + name + " " + address.getHostAddress() + ":" + port;
    }
}
