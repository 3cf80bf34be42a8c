package dev.dhcpembedded.transport;

import dev.dhcpembedded.codec.DhcpCodec;
import dev.dhcpembedded.codec.DhcpMessage;
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

/**
 * UDP port 67 on one named interface, and nowhere else (SO_BINDTODEVICE): a test server never answers a DISCOVER
 * from another network. Replies go where RFC 2131 §4.1 says; a unicast to a client's new address (broadcast flag
 * clear) is made possible by writing the client's MAC into the ARP table first, as dnsmasq does, and falls back
 * to broadcast when that is refused.
 */
public final class InterfaceTransport implements Transport {

    private static final Logger LOG = LoggerFactory.getLogger(InterfaceTransport.class);
    public static final int SERVER_PORT = 67;

    private final String name;
    private final int port;
    private final Inet4Address address;
    private LinuxUdpSocket socket;
    private Thread receiverThread;

    public InterfaceTransport(String name) {
        this(name, SERVER_PORT);
    }

    /** On another port than 67: for tests that relay to the server. */
    public InterfaceTransport(String name, int port) {
        this.name = name;
        this.port = port;
        this.address = ipv4Of(name);
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
            opened = LinuxUdpSocket.bindToDevice(name, port);
        } catch (LinuxUdpSocket.NativeSocketException e) {
            throw new IOException(explain(e), e);
        } catch (UnsatisfiedLinkError | NoClassDefFoundError e) {
            throw new IOException("interface mode needs JNA (net.java.dev.jna:jna) and Linux: " + e, e);
        }
        socket = opened;
        Thread thread = new Thread(() -> receiveLoop(opened, receiver), "dhcp-embedded-" + name);
        thread.setDaemon(true);
        receiverThread = thread;
        thread.start();
    }

    private String explain(LinuxUdpSocket.NativeSocketException e) {
        switch (e.errno()) {
            case LinuxUdpSocket.EACCES:
            case LinuxUdpSocket.EPERM:
                return "cannot listen on port " + port + " of " + name + " (" + e.getMessage() + "): run as root, "
                        + "or grant the capabilities with 'setcap cap_net_bind_service,cap_net_raw+ep "
                        + "$(readlink -f $(which java))', or lower the privileged ports with "
                        + "'sysctl net.ipv4.ip_unprivileged_port_start=67' (binding to a device still needs "
                        + "CAP_NET_RAW)";
            case LinuxUdpSocket.ENODEV:
                return "no interface named '" + name + "'; the interfaces here are " + interfaceNames();
            case LinuxUdpSocket.EADDRINUSE:
                return "port " + port + " of " + name + " is in use by another DHCP server (" + e.getMessage()
                        + "); stop it or bind another interface";
            default:
                return "cannot open port " + port + " on " + name + ": " + e.getMessage();
        }
    }

    private void receiveLoop(LinuxUdpSocket opened, Receiver receiver) {
        InetSocketAddress local = new InetSocketAddress(address, port);
        while (true) {
            LinuxUdpSocket.Received received;
            try {
                received = opened.receive();
            } catch (IOException e) {
                LOG.warn("receive failed on {}: {}", name, e.toString());
                continue;
            }
            if (received == null) {
                return;
            }
            Inet4Address to = received.headerDestination();
            boolean broadcast = to != null && (to.getAddress()[3] == (byte) 255 || to.isMulticastAddress());
            InetSocketAddress destination = new InetSocketAddress(to != null ? to : address, port);
            try {
                receiver.onDatagram(new Datagram(received.bytes(), received.source(), destination, name, broadcast));
            } catch (RuntimeException e) {
                LOG.error("the server failed on a datagram from {}; it keeps serving", received.source(), e);
            }
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

    /**
     * RFC 2131 §4.1 as is, except that a unicast to a client's new address needs its MAC in the ARP table: when the
     * kernel refuses that entry, the reply is broadcast instead.
     */
    @Override
    public InetSocketAddress replyDestination(Datagram request, InetSocketAddress rfcDestination) {
        InetAddress to = rfcDestination.getAddress();
        if (to.getAddress()[3] == (byte) 255 || request.source().getAddress().equals(to)) {
            return rfcDestination;
        }
        if (request.source().getAddress().isAnyLocalAddress() && rfcDestination.getPort() == 68) {
            DhcpMessage message;
            try {
                message = DhcpCodec.decode(request.bytes());
            } catch (RuntimeException e) {
                return new InetSocketAddress("255.255.255.255", rfcDestination.getPort());
            }
            LinuxUdpSocket current = socket;
            byte[] mac = java.util.Arrays.copyOf(message.chaddr(), Math.min(message.hlen(), 16));
            if (current != null && message.htype() == 1 && mac.length == 6
                    && current.addArpEntry((Inet4Address) to, mac)) {
                return rfcDestination;
            }
            return new InetSocketAddress("255.255.255.255", rfcDestination.getPort());
        }
        return rfcDestination;
    }

    @Override
    public InetSocketAddress localAddress() {
        return new InetSocketAddress(address, port);
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

    @Override
    public String toString() {
        return "interface " + name + " " + address.getHostAddress() + ":" + port;
    }
}
