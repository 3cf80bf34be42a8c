package dev.dhcpembedded.testcontainers;

import dev.dhcpembedded.channel.ChannelProtocol;
import dev.dhcpembedded.channel.Frame;
import dev.dhcpembedded.channel.UdpFrame;
import dev.dhcpembedded.transport.UdpPort;
import dev.dhcpembedded.transport.UdpPorts;
import java.io.IOException;
import java.net.DatagramPacket;
import java.net.InetSocketAddress;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * UDP ports the DHCP agent holds on its network for this JVM (channel version 3): the netboot TFTP server's port 69
 * and a port per transfer. Opening one asks the agent and waits for its answer; datagrams that arrive are queued per
 * port (at most {@link #QUEUED} each, as a socket's receive buffer holds a few; more are dropped, and TFTP sends
 * again); closing one tells the agent. When the channel breaks, every port is closed.
 */
final class AgentUdpPorts implements UdpPorts {

    /** Datagrams queued per port before more are dropped. */
    static final int QUEUED = 512;
    private static final Duration OPEN_TIMEOUT = Duration.ofSeconds(5);
    private static final Object CLOSED = new Object();

    /** Writes a frame to the agent. */
    @FunctionalInterface
    interface FrameSink {
        void write(Frame frame) throws IOException;
    }

    private final FrameSink channel;
    private final String agentName;
    private final AtomicInteger ids = new AtomicInteger();
    private final Map<Integer, CompletableFuture<InetSocketAddress>> opening = new ConcurrentHashMap<>();
    private final Map<Integer, Port> open = new ConcurrentHashMap<>();
    private volatile String broken;

    AgentUdpPorts(FrameSink channel, String agentName) {
        this.channel = channel;
        this.agentName = agentName;
    }

    @Override
    public UdpPort open(int port) throws IOException {
        String reason = broken;
        if (reason != null) {
            throw new IOException("the channel to the DHCP agent " + agentName + " is broken: " + reason);
        }
        int id = ids.incrementAndGet();
        CompletableFuture<InetSocketAddress> answer = new CompletableFuture<>();
        opening.put(id, answer);
        Port opened = new Port(id);
        open.put(id, opened);
        try {
            channel.write(new UdpFrame.Open(id, port));
            opened.local = answer.get(OPEN_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            return opened;
        } catch (ExecutionException e) {
            open.remove(id);
            throw new IOException("the DHCP agent " + agentName + " did not open UDP port " + port + ": "
                    + e.getCause().getMessage(), e.getCause());
        } catch (TimeoutException e) {
            opened.close();
            throw new IOException("the DHCP agent " + agentName + " did not answer the opening of UDP port " + port
                    + " within " + OPEN_TIMEOUT.toMillis() + " ms");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            opened.close();
            throw new IOException("interrupted while opening UDP port " + port + " on the DHCP agent " + agentName);
        } catch (IOException e) {
            open.remove(id);
            throw e;
        } finally {
            opening.remove(id);
        }
    }

    /** A UDP frame from the agent, on the channel's receiving thread. */
    void deliver(UdpFrame frame) {
        if (frame instanceof UdpFrame.Opened opened) {
            CompletableFuture<InetSocketAddress> waiting = opening.get(opened.id());
            if (waiting != null) {
                waiting.complete(opened.local());
            }
        } else if (frame instanceof UdpFrame.Data data) {
            Port port = open.get(data.id());
            if (port != null) {
                port.queue.offer(data); // a full queue drops it, as a full socket buffer would
            }
        } else if (frame instanceof UdpFrame.Close close) {
            CompletableFuture<InetSocketAddress> waiting = opening.get(close.id());
            if (waiting != null) {
                waiting.completeExceptionally(new IOException(close.reason()));
            }
            Port port = open.remove(close.id());
            if (port != null) {
                port.ended(close.reason());
            }
        }
    }

    /** The channel broke: every port is closed, and no more open. */
    void broke(String reason) {
        broken = reason;
        opening.values().forEach(f -> f.completeExceptionally(new IOException("the channel broke: " + reason)));
        open.values().forEach(p -> p.ended("the channel to the DHCP agent broke: " + reason));
        open.clear();
    }

    /** How many ports are open now. */
    int openPorts() {
        return open.size();
    }

    private final class Port implements UdpPort {

        private final int id;
        private final BlockingQueue<Object> queue = new LinkedBlockingQueue<>(QUEUED);
        private volatile InetSocketAddress local;
        private volatile String closedReason;

        Port(int id) {
            this.id = id;
        }

        @Override
        public InetSocketAddress localAddress() {
            return local;
        }

        @Override
        public void send(DatagramPacket packet) throws IOException {
            String reason = closedReason;
            if (reason != null) {
                throw new SocketException("UDP port " + local + " of the DHCP agent " + agentName + " is closed: "
                        + reason);
            }
            byte[] payload = java.util.Arrays.copyOfRange(packet.getData(), packet.getOffset(),
                    packet.getOffset() + packet.getLength());
            channel.write(new UdpFrame.Data(id, (InetSocketAddress) packet.getSocketAddress(), payload));
        }

        @Override
        public void receive(DatagramPacket packet, int timeoutMillis) throws IOException {
            Object next;
            try {
                next = timeoutMillis == 0 ? queue.take() : queue.poll(timeoutMillis, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new SocketException("interrupted");
            }
            if (next == null) {
                throw new SocketTimeoutException("nothing on UDP port " + local + " within " + timeoutMillis + " ms");
            }
            if (next == CLOSED) {
                queue.offer(CLOSED); // for the next receive, too
                throw new SocketException("UDP port " + local + " of the DHCP agent " + agentName + " is closed: "
                        + closedReason);
            }
            UdpFrame.Data data = (UdpFrame.Data) next;
            byte[] payload = data.payload();
            int length = Math.min(payload.length, packet.getData().length - packet.getOffset());
            System.arraycopy(payload, 0, packet.getData(), packet.getOffset(), length);
            packet.setLength(length);
            packet.setSocketAddress(data.peer());
        }

        /** Closed by the agent, by the channel's end, or here. */
        void ended(String reason) {
            if (closedReason == null) {
                closedReason = reason;
            }
            queue.clear();
            queue.offer(CLOSED);
        }

        @Override
        public void close() {
            if (open.remove(id) == null) {
                ended("closed");
                return;
            }
            ended("closed");
            if (broken == null) {
                try {
                    channel.write(new UdpFrame.Close(id, "closed by the server"));
                } catch (IOException ignored) {
                    // the channel is gone: the agent closes its ports with the session
                }
            }
        }

        @Override
        public String toString() {
            return "UDP port " + local + " of the DHCP agent " + agentName + " (id " + id + ")";
        }
    }

    @Override
    public String toString() {
        return "UDP ports of the DHCP agent " + agentName + " (at most " + ChannelProtocol.MAX_UDP_PORTS + ")";
    }
}
