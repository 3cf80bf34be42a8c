package dev.dhcpembedded.testcontainers;

import dev.dhcpembedded.transport.ReceiveFailures;
import dev.dhcpembedded.channel.ChannelProtocol;
import dev.dhcpembedded.channel.ChannelToken;
import dev.dhcpembedded.channel.Frame;
import dev.dhcpembedded.channel.FrameReader;
import dev.dhcpembedded.channel.FrameWriter;
import dev.dhcpembedded.channel.UdpFrame;
import dev.dhcpembedded.server.Transports;
import dev.dhcpembedded.transport.Datagram;
import dev.dhcpembedded.transport.Transport;
import dev.dhcpembedded.transport.UdpPorts;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The DHCP agent container seen from the test JVM: a {@link Transport} whose datagrams travel over the agent's TCP
 * channel. The server above it is the one of loopback or interface mode; it cannot tell the difference, except that
 * the addresses are those of the agent's interface on the container network.
 *
 * <p>{@link #connect} opens the channel, completes the handshake (so {@link #localAddress()} is known before the
 * server starts) and starts reading it, so that UDP ports open before the server starts (its netboot TFTP server
 * does); {@link #start} begins delivering datagrams (those that came before it first, at most {@value #EARLY_LIMIT})
 * and pinging the agent. A channel that breaks without
 * {@link #close()} is reported once to the listener given to {@link #onBroken}, and once to the server, through
 * {@link Receiver#onTransportEvent(String)}, which journals it as a {@code TRANSPORT} entry on the server's clock.
 *
 * <p>It carries UDP ports beside DHCP too ({@link #udpPorts()}): the netboot TFTP server of a server built on it
 * listens on the agent's port 69 and answers each transfer from a port of its own there.
 */
final class AgentTransport implements Transport {

    private static final Logger LOG = LoggerFactory.getLogger(AgentTransport.class);

    private final Socket socket;
    private final FrameReader reader;
    private final FrameWriter writer;
    private final Frame.Welcome welcome;
    private final String agentName;
    private final Map<InetSocketAddress, byte[]> arpFor = new ConcurrentHashMap<>();
    private final AtomicReference<String> broken = new AtomicReference<>();
    private volatile Consumer<String> brokenListener = reason -> { };
    private volatile Receiver receiver;
    private volatile boolean closing;
    private volatile long lastHeardNanos = System.nanoTime();
    private volatile Receiver receiver6;
    private final Dhcp6Side dhcp6 = new Dhcp6Side();
    private final AgentUdpPorts udp;
    private final ReceiveFailures failures;
    private ScheduledExecutorService pinger;
    private Thread receiverThread;
    /** Datagrams read before {@link #start}, delivered by it; guarded by itself. */
    private final List<Frame> early = new java.util.ArrayList<>();
    private boolean started;
    static final int EARLY_LIMIT = 64;

    private AgentTransport(Socket socket, FrameReader reader, FrameWriter writer, Frame.Welcome welcome,
                           String agentName) {
        this.socket = socket;
        this.reader = reader;
        this.writer = writer;
        this.welcome = welcome;
        this.agentName = agentName;
        this.udp = new AgentUdpPorts(writer::write, agentName);
        this.failures = new ReceiveFailures("channel to agent " + agentName);
    }

    /**
     * Connects to the agent at {@code agent}, presents {@code token} and asks it to serve the interface holding
     * {@code serve}. Retries while the connection is closed before any answer (a published port can accept before
     * the agent listens) until {@code timeout}.
     *
     * @param agentName how messages name the agent, e.g. its container name
     * @throws IOException when the agent refuses (the message gives its reason) or cannot be reached in time
     */
    static AgentTransport connect(InetSocketAddress agent, ChannelToken token, Inet4Address serve, Duration timeout,
                                  String agentName) throws IOException {
        return connect(agent, token, serve, false, timeout, agentName);
    }

    /**
     * {@link #connect(InetSocketAddress, ChannelToken, Inet4Address, Duration, String)}, asking the agent to serve
     * DHCPv6 on the same interface too when {@code serve6}; then {@link #dhcp6()} is the server's DHCPv6 transport.
     */
    static AgentTransport connect(InetSocketAddress agent, ChannelToken token, Inet4Address serve, boolean serve6,
                                  Duration timeout, String agentName) throws IOException {
        long deadline = System.nanoTime() + timeout.toNanos();
        IOException last;
        do {
            try {
                return handshake(agent, token, serve, serve6, timeout, agentName);
            } catch (RefusedException e) {
                throw e;
            } catch (IOException e) {
                last = e;
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while connecting to the DHCP agent " + agentName, e);
            }
        } while (System.nanoTime() < deadline);
        throw new IOException("cannot open the channel to the DHCP agent " + agentName + " at " + agent + " within "
                + timeout.toMillis() + " ms: " + last.getMessage(), last);
    }

    private static AgentTransport handshake(InetSocketAddress agent, ChannelToken token, Inet4Address serve,
                                            boolean serve6, Duration timeout, String agentName) throws IOException {
        Socket socket = new Socket();
        try {
            socket.setTcpNoDelay(true);
            socket.connect(agent, (int) Math.max(1, timeout.toMillis()));
            socket.setSoTimeout((int) Math.max(1, timeout.toMillis()));
            FrameWriter writer = new FrameWriter(new BufferedOutputStream(socket.getOutputStream()));
            FrameReader reader = FrameReader.skippingOversized(new BufferedInputStream(socket.getInputStream()));
            writer.write(new Frame.Hello(ChannelProtocol.VERSION, token.bytes(), serve, serve6));
            Frame answer = reader.read();
            if (answer instanceof Frame.Welcome welcome) {
                if (serve6 && welcome.address6().isEmpty()) {
                    throw new RefusedException("the DHCP agent " + agentName + " did not open DHCPv6");
                }
                socket.setSoTimeout(0);
                AgentTransport transport = new AgentTransport(socket, reader, writer, welcome, agentName);
                transport.startReading();
                return transport;
            }
            if (answer instanceof Frame.Refused refused) {
                throw new RefusedException("the DHCP agent " + agentName + " refused the channel: "
                        + refused.reason());
            }
            throw new EOFException(answer == null ? "the agent closed the connection before answering"
                    : "the agent answered " + answer + " instead of WELCOME");
        } catch (IOException | RuntimeException e) {
            socket.close();
            throw e;
        }
    }

    /** Calls {@code listener} once, with the reason, if the channel breaks while the transport is not closing. */
    void onBroken(Consumer<String> listener) {
        this.brokenListener = listener;
    }

    /** Why the channel broke, if it did. */
    Optional<String> brokenReason() {
        return Optional.ofNullable(broken.get());
    }

    private synchronized void startReading() {
        Thread thread = new Thread(this::receiveLoop, "dhcp-agent-channel-" + agentName);
        thread.setDaemon(true);
        receiverThread = thread;
        thread.start();
    }

    @Override
    public synchronized void start(Receiver receiver) {
        if (started) {
            throw new IllegalStateException("transport already started");
        }
        if (broken.get() != null) {
            throw new IllegalStateException("the channel to the DHCP agent " + agentName + " is broken: "
                    + broken.get());
        }
        started = true;
        synchronized (early) {
            this.receiver = receiver;
            early.forEach(this::deliver);
            early.clear();
        }
        pinger = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "dhcp-agent-ping-" + agentName);
            t.setDaemon(true);
            return t;
        });
        long period = ChannelProtocol.PING_INTERVAL.toMillis();
        pinger.scheduleAtFixedRate(this::ping, period, period, TimeUnit.MILLISECONDS);
    }

    private void receiveLoop() {
        while (true) {
            Frame frame;
            try {
                frame = reader.read();
            } catch (SocketTimeoutException e) {
                continue;
            } catch (Throwable e) { // NOPMD: a bad or oversized frame, or no memory for one, costs that frame only
                if (reader.atFrameBoundary() && !closing && broken.get() == null) {
                    lastHeardNanos = System.nanoTime();
                    Receiver to = receiver;
                    if (to != null) {
                        failures.failed(to, null, e);
                    }
                    continue;
                }
                breakDown(e instanceof IOException ? "the channel failed: " + e.getMessage()
                        : "the channel failed reading a frame: " + e);
                return;
            }
            lastHeardNanos = System.nanoTime();
            if (frame == null) {
                breakDown("the agent closed the channel (the container stopped or was killed)");
                return;
            }
            if (frame instanceof Frame.Inbound || frame instanceof Frame.Inbound6) {
                synchronized (early) {
                    if (receiver == null) {
                        if (early.size() < EARLY_LIMIT) {
                            early.add(frame);
                        }
                        continue;
                    }
                }
                deliver(frame);
            } else if (frame instanceof UdpFrame u) {
                udp.deliver(u);
            } else if (frame instanceof Frame.Notice notice) {
                LOG.warn("DHCP agent {}: {}", agentName, notice.text());
            } else if (frame instanceof Frame.Bye bye) {
                breakDown("the agent ended the session: " + bye.reason());
                return;
            } else if (frame instanceof Frame.Ping ping) {
                write(new Frame.Pong(ping.nonce()));
            } else if (!(frame instanceof Frame.Pong)) {
                breakDown("the agent sent an unexpected " + frame);
                return;
            }
        }
    }

    /** One datagram to the server: DHCPv4 to the receiver, DHCPv6 to the DHCPv6 side's, if it is started. */
    private void deliver(Frame frame) {
        if (frame instanceof Frame.Inbound6 in6) {
            Receiver to = receiver6;
            if (to != null) {
                try {
                    to.onDatagram(new Datagram(in6.payload(), in6.source(), in6.destination(),
                            welcome.interfaceName(), false));
                } catch (Throwable e) { // NOPMD: no datagram may end the loop, not even with an Error
                    failures.failed(to, in6.source(), e);
                }
            }
        } else if (frame instanceof Frame.Inbound in) {
            try {
                receiver.onDatagram(new Datagram(in.payload(), in.source(), in.destination(),
                        welcome.interfaceName(), in.broadcast()));
            } catch (Throwable e) { // NOPMD: no datagram may end the loop, not even with an Error
                failures.failed(receiver, in.source(), e);
            }
        }
    }

    private void ping() {
        if (broken.get() != null || closing) {
            return;
        }
        long silentNanos = System.nanoTime() - lastHeardNanos;
        if (silentNanos > ChannelProtocol.IDLE_TIMEOUT.toNanos()) {
            breakDown("the agent did not answer for " + TimeUnit.NANOSECONDS.toMillis(silentNanos) + " ms");
            return;
        }
        write(new Frame.Ping(System.nanoTime()));
    }

    private void write(Frame frame) {
        try {
            writer.write(frame);
        } catch (IOException e) {
            breakDown("writing to the channel failed: " + e.getMessage());
        }
    }

    private void breakDown(String reason) {
        if (closing || !broken.compareAndSet(null, reason)) {
            return;
        }
        LOG.error("the channel to the DHCP agent {} broke: {}", agentName, reason);
        closeSocket();
        udp.broke(reason);
        Receiver server = receiver;
        if (server != null) {
            try {
                server.onTransportEvent("channel to agent " + agentName + " closed: " + reason);
            } catch (RuntimeException e) {
                LOG.warn("the server could not journal the broken channel: {}", e.toString());
            }
        }
        try {
            brokenListener.accept(reason);
        } catch (RuntimeException e) {
            LOG.warn("the listener of the broken channel failed: {}", e.toString());
        }
    }

    @Override
    public void send(Datagram datagram) throws IOException {
        String reason = broken.get();
        if (reason != null) {
            throw new IOException("the channel to the DHCP agent " + agentName + " is broken: " + reason);
        }
        byte[] mac = arpFor.remove(datagram.destination());
        writer.write(new Frame.Outbound(datagram.destination(), datagram.broadcast(), mac == null ? new byte[0] : mac,
                datagram.bytes()));
    }

    @Override
    public InetSocketAddress localAddress() {
        return new InetSocketAddress(welcome.address(), welcome.port());
    }

    @Override
    public String interfaceName() {
        return welcome.interfaceName();
    }

    /**
     * RFC 2131 §4.1 as the agent's interface transport applies it: a unicast to a client without an address goes to
     * yiaddr and chaddr, and the agent writes the ARP entry it needs (the chaddr travels with the datagram); without
     * a 6-byte chaddr it is broadcast.
     */
    @Override
    public InetSocketAddress replyDestination(Datagram request, InetSocketAddress rfcDestination,
                                              byte[] clientEthernet) {
        InetAddress to = rfcDestination.getAddress();
        if (isBroadcast(to) || request.source().getAddress().equals(to)) {
            return rfcDestination;
        }
        if (request.source().getAddress().isAnyLocalAddress() && rfcDestination.getPort() == 68) {
            if (clientEthernet != null && clientEthernet.length == 6) {
                arpFor.put(rfcDestination, clientEthernet.clone());
                return rfcDestination;
            }
            return new InetSocketAddress("255.255.255.255", rfcDestination.getPort());
        }
        return rfcDestination;
    }

    /** The agent's UDP ports on its network: the netboot TFTP server's, through the channel. */
    @Override
    public Optional<UdpPorts> udpPorts() {
        return Optional.of(udp);
    }

    /** The agent's UDP ports themselves, for tests. */
    AgentUdpPorts agentPorts() {
        return udp;
    }

    private boolean isBroadcast(InetAddress to) {
        return to.isMulticastAddress() || welcome.broadcasts().contains(to);
    }

    /** The agent's broadcast addresses, as it stated them. */
    List<Inet4Address> broadcasts() {
        return welcome.broadcasts();
    }

    @Override
    public void close() {
        Thread thread;
        synchronized (this) {
            if (closing) {
                return;
            }
            closing = true;
            thread = receiverThread;
        }
        if (broken.get() == null) {
            try {
                writer.write(new Frame.Bye("the test closed its DhcpNetwork"));
            } catch (IOException ignored) {
                // the agent is gone already
            }
        }
        if (pinger != null) {
            pinger.shutdownNow();
        }
        closeSocket();
        udp.broke("the transport was closed");
        if (thread != null && thread != Thread.currentThread()) {
            try {
                thread.join(5000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void closeSocket() {
        try {
            socket.close();
        } catch (IOException ignored) {
            // closing
        }
    }

    @Override
    public String toString() {
        return "DHCP agent " + agentName + " serving " + welcome.interfaceName() + " "
                + welcome.address().getHostAddress() + ":" + welcome.port();
    }

    /**
     * The server's DHCPv6 transport over the same channel, when the agent serves DHCPv6 (see
     * {@link #connect(InetSocketAddress, ChannelToken, Inet4Address, boolean, Duration, String)}): UDP 547 of the
     * agent's interface, replies to the sender (the client's link-local address and 546, or the relay's and 547).
     * Closing it stops the DHCPv6 delivery; the channel closes with this transport.
     */
    Transport dhcp6() {
        if (welcome.address6().isEmpty()) {
            throw new IllegalStateException("the DHCP agent " + agentName + " does not serve DHCPv6 on this channel");
        }
        return dhcp6;
    }

    private final class Dhcp6Side implements Transport {

        @Override
        public void start(Receiver receiver) {
            if (broken.get() != null) {
                throw new IllegalStateException("the channel to the DHCP agent " + agentName + " is broken: "
                        + broken.get());
            }
            receiver6 = receiver;
        }

        @Override
        public void send(Datagram datagram) throws IOException {
            String reason = broken.get();
            if (reason != null) {
                throw new IOException("the channel to the DHCP agent " + agentName + " is broken: " + reason);
            }
            writer.write(new Frame.Outbound6(datagram.destination(), datagram.bytes()));
        }

        @Override
        public InetSocketAddress localAddress() {
            return new InetSocketAddress(welcome.address6().orElseThrow(), Transports.DHCP6_SERVER_PORT);
        }

        @Override
        public String interfaceName() {
            return welcome.interfaceName();
        }

        @Override
        public InetSocketAddress replyDestination(Datagram request, InetSocketAddress rfcDestination,
                                                  byte[] clientEthernet) {
            return request.source();
        }

        @Override
        public void close() {
            receiver6 = null;
        }

        @Override
        public String toString() {
            return "DHCPv6 through the DHCP agent " + agentName + " on " + welcome.interfaceName();
        }
    }

    /** The agent said no: retrying will not help. */
    static final class RefusedException extends IOException {
        private static final long serialVersionUID = 1L;

        RefusedException(String message) {
            super(message);
        }
    }
}
