package dev.dhcpembedded.agent;

import dev.dhcpembedded.channel.Frame;
import dev.dhcpembedded.channel.FrameReader;
import dev.dhcpembedded.channel.FrameWriter;
import dev.dhcpembedded.transport.Transport;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The agent's control port. Every connection must present a HELLO with the token within the handshake timeout or
 * it is closed; a connection that sends garbage or an oversized frame is closed, and the agent stays up. The
 * first peer admitted gets the one session; any later one is refused. When that session ends, so does the server.
 */
public final class ChannelServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ChannelServer.class);
    /** Connections waiting for their HELLO at once; more are closed at once. */
    static final int MAX_PENDING = 16;
    /** Refusals written one by one per {@link #REFUSAL_INTERVAL}; the others are counted in one line. */
    static final int REFUSALS_WRITTEN = 5;
    static final Duration REFUSAL_INTERVAL = Duration.ofSeconds(10);

    private final AgentSettings settings;
    private final TransportOpener opener;
    private final AtomicBoolean claimed = new AtomicBoolean();
    private final AtomicInteger pending = new AtomicInteger();
    private final CompletableFuture<SessionOutcome> outcome = new CompletableFuture<>();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "dhcp-agent-timer");
        t.setDaemon(true);
        return t;
    });
    private final RefusalLog refusals = new RefusalLog(REFUSALS_WRITTEN, REFUSAL_INTERVAL, System::nanoTime,
            LOG::warn);
    private ServerSocket server;
    private volatile Socket session;

    public ChannelServer(AgentSettings settings, TransportOpener opener) {
        this.settings = settings;
        this.opener = opener;
    }

    /** Listens on the settings' port (0: an ephemeral one) of {@code bindAddress}; ready when it returns. */
    public synchronized ChannelServer start(InetSocketAddress bindAddress) throws IOException {
        if (server != null) {
            throw new IllegalStateException("already started on " + server.getLocalSocketAddress());
        }
        ServerSocket opened = new ServerSocket();
        opened.setReuseAddress(true);
        opened.bind(bindAddress, 16);
        server = opened;
        Thread acceptor = new Thread(() -> acceptLoop(opened), "dhcp-agent-accept");
        acceptor.setDaemon(true);
        acceptor.start();
        long interval = REFUSAL_INTERVAL.toMillis();
        timer.scheduleAtFixedRate(refusals::flush, interval, interval, TimeUnit.MILLISECONDS);
        timer.schedule(() -> {
            if (!claimed.get()) {
                finish(new SessionOutcome(false, "no JVM opened a session within "
                        + settings.sessionDeadline().toSeconds() + " s of start"));
            }
        }, settings.sessionDeadline().toMillis(), TimeUnit.MILLISECONDS);
        return this;
    }

    public synchronized int port() {
        return server.getLocalPort();
    }

    /** Waits for the session to end (or for the start deadline to pass without one). */
    public SessionOutcome awaitEnd() throws InterruptedException {
        try {
            return outcome.get();
        } catch (ExecutionException e) {
            return new SessionOutcome(false, "the agent failed: " + e.getCause());
        }
    }

    /** Like {@link #awaitEnd()}, for at most {@code timeout}; null when it has not ended. */
    public SessionOutcome awaitEnd(Duration timeout) throws InterruptedException {
        try {
            return outcome.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            return null;
        } catch (ExecutionException e) {
            return new SessionOutcome(false, "the agent failed: " + e.getCause());
        }
    }

    public boolean hasEnded() {
        return outcome.isDone();
    }

    private void acceptLoop(ServerSocket opened) {
        while (!opened.isClosed()) {
            Socket peer;
            try {
                peer = opened.accept();
            } catch (IOException e) {
                if (!opened.isClosed()) {
                    LOG.warn("accept failed: {}", e.toString());
                }
                continue;
            }
            if (claimed.get()) {
                refuse(peer, "this agent already serves its one session");
                continue;
            }
            if (pending.incrementAndGet() > MAX_PENDING) {
                pending.decrementAndGet();
                refusals.refused(String.valueOf(peer.getRemoteSocketAddress()), MAX_PENDING
                        + " connections already wait for their HELLO; closed");
                closeQuietly(peer);
                continue;
            }
            Thread gate = new Thread(() -> {
                try {
                    admit(peer);
                } finally {
                    pending.decrementAndGet();
                }
            }, "dhcp-agent-peer-" + peer.getPort());
            gate.setDaemon(true);
            gate.start();
        }
    }

    /** The handshake of one connection, then its session if it is the one admitted. */
    private void admit(Socket peer) {
        String who = String.valueOf(peer.getRemoteSocketAddress());
        ScheduledFuture<?> deadline = timer.schedule(() -> {
            refusals.refused(who, "no valid HELLO within " + settings.handshakeTimeout().toMillis() + " ms; closed");
            closeQuietly(peer);
        }, settings.handshakeTimeout().toMillis(), TimeUnit.MILLISECONDS);
        Frame.Hello hello;
        FrameReader reader;
        try {
            peer.setTcpNoDelay(true);
            // longer than the deadline, so that a silent peer is closed by the deadline without a word, never
            // refused by a read timeout that raced it
            peer.setSoTimeout((int) settings.handshakeTimeout().toMillis() + 1000);
            reader = new FrameReader(new BufferedInputStream(peer.getInputStream()));
            Frame first = reader.read();
            if (first == null) {
                refusals.refused(who, "it closed before its HELLO");
                closeQuietly(peer);
                return;
            }
            if (!(first instanceof Frame.Hello h)) {
                deadline.cancel(false);
                refuse(peer, "the first frame must be a HELLO, not " + first.getClass().getSimpleName());
                return;
            }
            hello = h;
        } catch (IOException e) {
            if (!deadline.cancel(false)) {
                closeQuietly(peer); // the deadline closed it: a silent peer gets no answer
                return;
            }
            refuse(peer, "not a channel peer: " + e.getMessage());
            return;
        }
        if (!settings.token().matches(hello.token())) {
            deadline.cancel(false);
            refuse(peer, "wrong token: this agent serves only the JVM that started it");
            return;
        }
        if (!deadline.cancel(false)) {
            return; // the deadline closed it meanwhile
        }
        if (!claimed.compareAndSet(false, true)) {
            refuse(peer, "this agent already serves its one session");
            return;
        }
        session = peer;
        LOG.info("{} presented the token; opening the session on {}", who, hello.serve().getHostAddress());
        SessionOutcome result;
        try {
            Transport transport = opener.open(hello.serve());
            Transport transport6 = hello.serve6() ? opener.open6(transport.interfaceName()) : null;
            result = new Session(peer, reader, transport, transport6, opener.broadcasts(transport),
                    settings.idleTimeout()).run();
        } catch (IOException | RuntimeException e) {
            String reason = "cannot serve " + hello.serve().getHostAddress() + ": " + e.getMessage();
            refuse(peer, reason);
            result = new SessionOutcome(false, reason);
        }
        finish(result);
    }

    private void refuse(Socket peer, String reason) {
        refusals.refused(String.valueOf(peer.getRemoteSocketAddress()), reason);
        try {
            peer.setSoTimeout(500);
            new FrameWriter(peer.getOutputStream()).write(new Frame.Refused(Session.clip(reason)));
        } catch (IOException | UncheckedIOException ignored) {
            // it may be gone already
        }
        closeQuietly(peer);
    }

    private void finish(SessionOutcome result) {
        if (outcome.complete(result)) {
            LOG.info("session over: {}", result.reason());
            close();
        }
    }

    /** Stops listening; a session in progress goes on until it ends. */
    @Override
    public synchronized void close() {
        timer.shutdownNow();
        if (server != null) {
            try {
                server.close();
            } catch (IOException ignored) {
                // closing
            }
        }
        outcome.complete(new SessionOutcome(true, "the agent was closed"));
    }

    /** Drops the session's connection at once, without a BYE, as the death of the agent's process would. */
    public void abort() {
        close();
        Socket current = session;
        if (current != null) {
            closeQuietly(current);
        }
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException ignored) {
            // closing
        }
    }
}
