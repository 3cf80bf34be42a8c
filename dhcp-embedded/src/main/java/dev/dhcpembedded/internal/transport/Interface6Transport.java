package dev.dhcpembedded.internal.transport;

import dev.dhcpembedded.transport.ReceiveFailures;
import dev.dhcpembedded.transport.Datagram;
import dev.dhcpembedded.transport.Transport;
import java.io.IOException;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.StandardProtocolFamily;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.DatagramChannel;
import java.util.Collections;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * DHCPv6 on one interface (RFC 8415 section 7.1): UDP 547 bound to All_DHCP_Relay_Agents_and_Servers (ff02::1:2)
 * scoped to that interface, so the kernel delivers only what arrived on it, and joined to that group there. Replies
 * go from the interface's link-local address to the client's link-local address and port 546 (to the relay agent,
 * port 547, for relayed messages): the sender's address and port. No native code: the JDK's socket does it.
 */
public final class Interface6Transport implements Transport, DirectSender {

    /** All_DHCP_Relay_Agents_and_Servers. */
    public static final String ALL_SERVERS = "ff02::1:2";
    public static final int SERVER_PORT = 547;
    /** Replies up to this size are copied into one direct buffer to be sent. */
    private static final int SEND_BUFFER = 4096;

    private static Logger log() {
        return LoggerFactory.getLogger(Interface6Transport.class);
    }

    private final String name;
    private DatagramChannel channel;
    private Thread receiverThread;
    private InetSocketAddress group;
    private InetSocketAddress linkLocal;
    /** Replies are copied here to be sent; most fit (a reply over it is sent from its own array). */
    private final Object sendLock = new Object();
    private ByteBuffer sendBuffer; // made by the first reply

    public Interface6Transport(String name) {
        this.name = name;
    }

    @Override
    public synchronized void start(Receiver receiver) throws IOException {
        if (channel != null) {
            throw new IllegalStateException("transport already started");
        }
        NetworkInterface nif = NetworkInterface.getByName(name);
        if (nif == null) {
            throw new IOException("no interface named " + name);
        }
        Inet6Address local = null;
        for (InetAddress a : Collections.list(nif.getInetAddresses())) {
            if (a instanceof Inet6Address v6 && v6.isLinkLocalAddress()) {
                local = v6;
            }
        }
        if (local == null) {
            throw new IOException("interface " + name + " has no IPv6 link-local address (is it up, with IPv6 on?)");
        }
        Inet6Address all = Inet6Address.getByAddress(null, InetAddress.getByName(ALL_SERVERS).getAddress(), nif);
        DatagramChannel opened = DatagramChannel.open(StandardProtocolFamily.INET6);
        try {
            opened.setOption(StandardSocketOptions.SO_REUSEADDR, true);
            opened.setOption(StandardSocketOptions.IP_MULTICAST_IF, nif);
            opened.setOption(StandardSocketOptions.IP_MULTICAST_LOOP, false);
            opened.bind(new InetSocketAddress(all, SERVER_PORT)); // scoped: binds the socket to the interface
            opened.join(all, nif);
        } catch (IOException e) {
            opened.close();
            throw new IOException("cannot listen on [" + ALL_SERVERS + "%" + name + "]:" + SERVER_PORT + ": "
                    + e.getMessage() + " (needs root or CAP_NET_BIND_SERVICE)", e);
        }
        channel = opened;
        group = new InetSocketAddress(all, SERVER_PORT);
        linkLocal = new InetSocketAddress(local, SERVER_PORT);
        Thread thread = new Thread(() -> receiveLoop(opened, receiver), "dhcp-embedded-v6-" + name);
        thread.setDaemon(true);
        receiverThread = thread;
        thread.start();
    }

    private void receiveLoop(DatagramChannel opened, Receiver receiver) {
        DirectReceiver direct = receiver instanceof DirectReceiver ? (DirectReceiver) receiver : null;
        // the server's own receiver reads the array in place (the channel copies through its cached direct
        // buffer); any other gets a copy per datagram, as Datagram owns its bytes
        ByteBuffer buffer = direct != null ? ByteBuffer.allocate(65535) : ByteBuffer.allocateDirect(65535);
        ReceiveFailures failures = new ReceiveFailures(name + " (DHCPv6)");
        while (opened.isOpen()) {
            InetSocketAddress source = null;
            try {
                buffer.clear();
                source = (InetSocketAddress) opened.receive(buffer);
                buffer.flip();
                if (direct != null) {
                    direct.onDatagram(buffer.array(), buffer.limit(), source, group, name, false);
                } else {
                    byte[] bytes = new byte[buffer.remaining()];
                    buffer.get(bytes);
                    receiver.onDatagram(new Datagram(bytes, source, group, name, false));
                }
            } catch (ClosedChannelException closed) {
                return;
            } catch (IOException e) {
                log().warn("receive failed on {}: {}", name, e.toString());
            } catch (Throwable e) { // NOPMD: no datagram may end the loop, not even with an Error
                failures.failed(receiver, source, e);
            }
        }
    }

    @Override
    public void send(Datagram datagram) throws IOException {
        send(datagram.bytes(), datagram.bytes().length, datagram.destination(), false);
    }

    /** Sends {@code bytes[0, length)}: copied into one direct buffer for every reply (no wrapper, no copy made). */
    @Override
    public void send(byte[] bytes, int length, InetSocketAddress destination, boolean broadcast) throws IOException {
        DatagramChannel current;
        synchronized (this) {
            current = channel;
        }
        if (current == null) {
            throw new IOException("transport is not started");
        }
        synchronized (sendLock) {
            if (length > SEND_BUFFER) { // a reply over it is sent from its own array
                current.send(ByteBuffer.wrap(bytes, 0, length), destination);
                return;
            }
            if (sendBuffer == null) {
                sendBuffer = ByteBuffer.allocateDirect(SEND_BUFFER);
            }
            sendBuffer.clear();
            sendBuffer.put(bytes, 0, length).flip();
            current.send(sendBuffer, destination);
        }
    }

    /** As {@link #replyDestination(Datagram, InetSocketAddress, byte[])}: the sender's address and port. */
    @Override
    public InetSocketAddress replyDestination(InetSocketAddress requestSource, int rfcIp, int rfcPort,
                                              byte[] ethernet, int ethernetOffset) {
        return requestSource;
    }

    /** The interface's link-local address and port 547: where replies come from. */
    @Override
    public synchronized InetSocketAddress localAddress() {
        return linkLocal != null ? linkLocal : new InetSocketAddress(SERVER_PORT);
    }

    @Override
    public String interfaceName() {
        return name;
    }

    /** The sender's address and port: the client's link-local address and 546, or the relay agent's and 547. */
    @Override
    public InetSocketAddress replyDestination(Datagram request, InetSocketAddress rfcDestination,
                                              byte[] clientEthernet) {
        return request.source();
    }

    @Override
    public void close() {
        Thread thread;
        synchronized (this) {
            if (channel == null) {
                return;
            }
            ChannelClose.closeQuietly(channel, Interface6Transport.class);
            channel = null;
            thread = receiverThread;
            receiverThread = null;
        }
        ChannelClose.join(thread);
    }

    @Override
    public String toString() {
        return "DHCPv6 on " + name;
    }
}
