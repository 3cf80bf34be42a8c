package dev.dhcpembedded.agent;

import dev.dhcpembedded.channel.Frame;
import dev.dhcpembedded.channel.FrameWriter;
import dev.dhcpembedded.channel.UdpFrame;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.StandardProtocolFamily;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedSelectorException;
import java.nio.channels.DatagramChannel;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The UDP ports a session holds for the JVM beside DHCP (channel version 3, {@link UdpFrame}): the netboot TFTP
 * server's port 69 and one free port per transfer, all on the served address. One selector thread receives on all of
 * them (the container's task limit is tight); the session's thread opens, sends and closes. At most
 * {@code maxPorts} are open at once; only port 69 (TFTP) or a free port may be asked for.
 */
final class UdpRelay implements AutoCloseable {

    /** The one fixed port a JVM may ask for: TFTP's. */
    static final int TFTP_PORT = 69;
    private static final Logger LOG = LoggerFactory.getLogger(UdpRelay.class);

    private final InetAddress address;
    private final FrameWriter writer;
    private final int maxPorts;
    private final Map<Integer, DatagramChannel> ports = new ConcurrentHashMap<>();
    private final Queue<Runnable> registrations = new ConcurrentLinkedQueue<>();
    private Selector selector;
    private Thread thread;
    private volatile boolean closed;

    UdpRelay(InetAddress address, FrameWriter writer, int maxPorts) {
        this.address = address;
        this.writer = writer;
        this.maxPorts = maxPorts;
    }

    /**
     * Acts on one UDP frame from the JVM.
     *
     * @return false for a frame only the agent sends ({@link UdpFrame.Opened}): the JVM broke the protocol
     * @throws IOException when the channel cannot be written
     */
    boolean handle(UdpFrame frame) throws IOException {
        if (frame instanceof UdpFrame.Open open) {
            open(open);
        } else if (frame instanceof UdpFrame.Data data) {
            send(data);
        } else if (frame instanceof UdpFrame.Close close) {
            DatagramChannel channel = ports.remove(close.id());
            if (channel != null) {
                closeQuietly(channel);
                wakeup();
            }
        } else {
            return false;
        }
        return true;
    }

    private void open(UdpFrame.Open open) throws IOException {
        String refusal = null;
        if (open.port() != 0 && open.port() != TFTP_PORT) {
            refusal = "the agent opens UDP port " + TFTP_PORT + " (TFTP) or a free port, not " + open.port();
        } else if (ports.containsKey(open.id())) {
            refusal = "port id " + open.id() + " is open already";
        } else if (ports.size() >= maxPorts) {
            refusal = maxPorts + " UDP ports are open already, the most a session may hold";
        }
        if (refusal != null) {
            writer.write(new UdpFrame.Close(open.id(), refusal));
            return;
        }
        DatagramChannel channel = null;
        InetSocketAddress local;
        try {
            channel = DatagramChannel.open(StandardProtocolFamily.INET);
            channel.bind(new InetSocketAddress(address, open.port()));
            channel.configureBlocking(false);
            local = (InetSocketAddress) channel.getLocalAddress();
            startSelector();
            DatagramChannel registered = channel;
            registrations.add(() -> register(open.id(), registered));
            ports.put(open.id(), channel);
            wakeup();
        } catch (IOException | RuntimeException e) {
            if (channel != null) {
                closeQuietly(channel);
            }
            writer.write(new UdpFrame.Close(open.id(), Session.clip("cannot open UDP port " + open.port() + " on "
                    + address.getHostAddress() + ": " + e.getMessage())));
            return;
        }
        writer.write(new UdpFrame.Opened(open.id(), local));
    }

    private void send(UdpFrame.Data data) throws IOException {
        DatagramChannel channel = ports.get(data.id());
        if (channel == null) {
            return; // closed meanwhile, by either end
        }
        try {
            if (channel.send(ByteBuffer.wrap(data.payload()), data.peer()) == 0) {
                writer.write(new Frame.Notice("UDP port " + data.id() + ": no buffer space, a datagram to "
                        + data.peer() + " was dropped"));
            }
        } catch (IOException e) {
            writer.write(new Frame.Notice(Session.clip("UDP port " + data.id() + ": sending to " + data.peer()
                    + " failed: " + e.getMessage())));
        }
    }

    private synchronized void startSelector() throws IOException {
        if (thread != null) {
            return;
        }
        selector = Selector.open();
        thread = new Thread(this::receiveLoop, "dhcp-agent-udp");
        thread.setDaemon(true);
        thread.start();
    }

    private void register(int id, DatagramChannel channel) {
        try {
            if (channel.isOpen()) {
                channel.register(selector, SelectionKey.OP_READ, id);
            }
        } catch (IOException e) {
            LOG.warn("cannot watch UDP port {}: {}", id, e.toString());
        }
    }

    /** The selector thread: every datagram that arrives on an open port goes to the JVM, tagged with its id. */
    private void receiveLoop() {
        ByteBuffer buffer = ByteBuffer.allocate(65_535);
        try {
            while (!closed) {
                selector.select();
                for (Runnable registration; (registration = registrations.poll()) != null; ) {
                    registration.run();
                }
                for (SelectionKey key : selector.selectedKeys()) {
                    if (key.isValid() && key.isReadable()) {
                        drain((DatagramChannel) key.channel(), (Integer) key.attachment(), buffer);
                    }
                }
                selector.selectedKeys().clear();
            }
        } catch (IOException | ClosedSelectorException e) {
            if (!closed) {
                LOG.warn("the UDP relay stopped: {}", e.toString());
            }
        }
    }

    private void drain(DatagramChannel channel, int id, ByteBuffer buffer) throws IOException {
        while (true) {
            buffer.clear();
            InetSocketAddress source;
            try {
                source = (InetSocketAddress) channel.receive(buffer);
            } catch (IOException e) {
                return; // closed meanwhile, or an ICMP error of an earlier send: the next select goes on
            }
            if (source == null) {
                return;
            }
            buffer.flip();
            byte[] payload = new byte[buffer.remaining()];
            buffer.get(payload);
            writer.write(new UdpFrame.Data(id, source, payload));
        }
    }

    private void wakeup() {
        Selector s;
        synchronized (this) {
            s = selector;
        }
        if (s != null) {
            s.wakeup();
        }
    }

    /** How many ports are open now. */
    int openPorts() {
        return ports.size();
    }

    /** Closes every port and stops the selector thread. */
    @Override
    public void close() {
        closed = true;
        ports.values().forEach(UdpRelay::closeQuietly);
        ports.clear();
        Thread t;
        synchronized (this) {
            t = thread;
            if (selector != null) {
                try {
                    selector.close();
                } catch (IOException ignored) {
                    // closing
                }
            }
        }
        if (t != null && t != Thread.currentThread()) {
            try {
                t.join(2000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static void closeQuietly(DatagramChannel channel) {
        try {
            channel.close();
        } catch (IOException ignored) {
            // closing
        }
    }
}
