package dev.dhcpembedded.internal.transport;

import dev.dhcpembedded.transport.ReceiveFailures;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.DatagramChannel;
import java.util.Arrays;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import dev.dhcpembedded.transport.Datagram;
import dev.dhcpembedded.transport.LinkView;
import dev.dhcpembedded.transport.Transport;

/**
 * UDP on a loopback address (127.0.0.1 and an ephemeral port by default). No root is needed, and replies go back
 * to the sender's address and port.
 */
public final class LoopbackTransport implements Transport, DirectSender {

    /** Looked up on first use: SLF4J's start-up stays out of start(). */
    private static Logger log() {
        return LoggerFactory.getLogger(LoopbackTransport.class);
    }
    /** The first receive array's size: any DHCP message on a 1500-byte MTU fits. */
    private static final int FIRST_ARRAY = 1536;

    private final InetSocketAddress requested;
    private final int receiveBuffer;
    private DatagramChannel channel;
    private Thread receiverThread;
    private InetSocketAddress bound;
    private final Object sendLock = new Object();
    private ByteBuffer sendBuffer;

    public LoopbackTransport(InetSocketAddress bindAddress) {
        this(bindAddress, ReceiveBuffers.DEFAULT_BYTES);
    }

    /**
     * On {@code bindAddress}, asking for a socket receive buffer of {@code receiveBuffer} bytes (SO_RCVBUF, at most
     * net.core.rmem_max); 0 leaves the kernel's default. Not logged: a suite starts hundreds of these, and start()
     * stays clear of SLF4J's start-up; {@link #receiveBufferGranted()} tells.
     */
    public LoopbackTransport(InetSocketAddress bindAddress, int receiveBuffer) {
        this.requested = requireLoopback(bindAddress);
        this.receiveBuffer = ReceiveBuffers.check(receiveBuffer);
    }

    /** Fails unless {@code address} is on loopback: a test server never listens on a real network by accident. */
    public static InetSocketAddress requireLoopback(InetSocketAddress address) {
        if (address.getAddress() == null || !address.getAddress().isLoopbackAddress()) {
            throw new IllegalArgumentException(address + " is not a loopback address; use bindInterface(NAME)"
                    + " to serve a real interface");
        }
        return address;
    }

    @Override
    public synchronized void start(Receiver receiver) throws IOException {
        if (channel != null) {
            throw new IllegalStateException("transport already started");
        }
        DatagramChannel opened = DatagramChannel.open();
        try {
            if (receiveBuffer > 0) {
                opened.setOption(StandardSocketOptions.SO_RCVBUF, receiveBuffer);
            }
            opened.bind(requested);
        } catch (IOException e) {
            opened.close();
            throw new IOException("cannot bind " + requested + ": " + e.getMessage()
                    + (requested.getPort() != 0 ? "; use port 0 for an ephemeral port" : ""), e);
        }
        channel = opened;
        bound = (InetSocketAddress) opened.getLocalAddress();
        // the test's inheritable thread-locals (an MDC, say) are none of the receiver's business
        Thread thread = new Thread(null, new Receiving(opened, receiver), "dhcp-embedded-" + bound.getPort(), 0,
                false);
        thread.setDaemon(true);
        receiverThread = thread;
        thread.start();
    }

    /** The receiving thread's body (a class rather than a lambda: a first start() spins no lambda class). */
    private final class Receiving implements Runnable {
        private final DatagramChannel opened;
        private final Receiver receiver;

        Receiving(DatagramChannel opened, Receiver receiver) {
            this.opened = opened;
            this.receiver = receiver;
        }

        @Override
        public void run() {
            receiveLoop(opened, receiver);
        }
    }

    private void receiveLoop(DatagramChannel opened, Receiver receiver) {
        if (!opened.isOpen()) {
            return; // stopped before this thread ran: nothing to make
        }
        // A direct buffer, off the heap (an idle server keeps no 64 KiB array there) and given back on the way out
        // for the next server's thread: the channel receives into it as it is; given a heap buffer it would go
        // through a direct one of the same size from a per-thread cache.
        ByteBuffer buffer = DirectBuffers.take();
        try {
            receiveLoop(opened, receiver, buffer);
        } finally {
            DirectBuffers.give(buffer);
        }
    }

    private void receiveLoop(DatagramChannel opened, Receiver receiver, ByteBuffer buffer) {
        DirectReceiver direct = receiver instanceof DirectReceiver ? (DirectReceiver) receiver : null;
        ReceiveFailures failures = new ReceiveFailures("lo " + bound);
        // what the server's own receiver reads in place: made by the first datagram, grown as need be
        byte[] array = null;
        while (opened.isOpen()) {
            InetSocketAddress source = null;
            try {
                buffer.clear();
                source = (InetSocketAddress) opened.receive(buffer);
                buffer.flip();
                if (direct != null) {
                    int length = buffer.remaining();
                    if (array == null || array.length < length) {
                        array = new byte[Math.max(length, FIRST_ARRAY)];
                    }
                    buffer.get(array, 0, length); // the copy the channel would make into a heap buffer, no more
                    direct.onDatagram(array, length, source, bound, "lo", false);
                    continue;
                }
                byte[] bytes = new byte[buffer.remaining()];
                buffer.get(bytes);
                receiver.onDatagram(new Datagram(bytes, source, bound, "lo", false));
            } catch (ClosedChannelException closed) {
                return;
            } catch (IOException e) {
                log().warn("receive failed on {}: {}", bound, e.toString());
            } catch (Throwable e) { // NOPMD: no datagram may end the loop, not even with an Error
                failures.failed(receiver, source, e);
            }
        }
    }

    @Override
    public void send(Datagram datagram) throws IOException {
        DatagramChannel current = channel;
        if (current == null) {
            throw new IOException("transport is not started");
        }
        current.send(ByteBuffer.wrap(datagram.bytes()), datagram.destination());
    }

    /** Sends from the caller's array; the wrapping buffer is kept while the array stays the same. */
    @Override
    public void send(byte[] bytes, int length, InetSocketAddress destination, boolean broadcast) throws IOException {
        DatagramChannel current = channel;
        if (current == null) {
            throw new IOException("transport is not started");
        }
        synchronized (sendLock) {
            ByteBuffer wrapped = sendBuffer;
            if (wrapped == null || wrapped.array() != bytes) {
                wrapped = ByteBuffer.wrap(bytes);
                sendBuffer = wrapped;
            }
            wrapped.limit(length).position(0);
            current.send(wrapped, destination);
        }
    }

    @Override
    public InetSocketAddress replyDestination(InetSocketAddress requestSource, int rfcIp, int rfcPort,
                                              byte[] ethernet, int ethernetOffset) {
        return requestSource; // as replyDestination(Datagram, ...): the sender's own address and port
    }

    @Override
    public synchronized InetSocketAddress localAddress() {
        return bound != null ? bound : requested;
    }

    @Override
    public String interfaceName() {
        return "lo";
    }

    @Override
    public InetSocketAddress replyDestination(Datagram request, InetSocketAddress rfcDestination,
                                              byte[] clientEthernet) {
        return request.source();
    }

    @Override
    public LinkView linkView() {
        return LinkView.AS_ON_A_LINK;
    }

    @Override
    public void close() {
        Thread thread;
        synchronized (this) {
            if (channel == null) {
                return;
            }
            ChannelClose.closeQuietly(channel, LoopbackTransport.class);
            channel = null;
            thread = receiverThread;
            receiverThread = null;
        }
        ChannelClose.join(thread);
    }

    /** The receive buffer the kernel granted, in bytes as it reports them; 0 when not started. */
    public synchronized int receiveBufferGranted() throws IOException {
        return channel == null ? 0 : channel.getOption(StandardSocketOptions.SO_RCVBUF);
    }

    @Override
    public String toString() {
        return "loopback " + Arrays.asList(localAddress());
    }
}
