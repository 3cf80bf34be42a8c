package dev.dhcpembedded.internal.ra;

import dev.dhcpembedded.internal.wire.RouterAdvertisement;
import dev.dhcpembedded.internal.wire.WireFormatException;

import dev.dhcpembedded.codec.DhcpCodecException;
import dev.dhcpembedded.internal.wire.Ipv6;
import java.io.IOException;
import java.net.Inet6Address;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends Router Advertisements on one interface (RFC 4861 section 6.2): unsolicited ones to all-nodes (ff02::1) at
 * random intervals between the configured min and max (the first {@value RaConfig#MAX_INITIAL_ADVERTISEMENTS} at
 * most 16 s apart), one at once when the configuration changes, and an answer to each valid Router Solicitation
 * within {@code MAX_RA_DELAY_TIME}, unicast to its sender (to all-nodes when it came from ::). On close it sends a
 * last advertisement with router lifetime 0 (section 6.2.5). It owns two threads: the receiver and the timer.
 */
public final class RouterAdvertiser implements AutoCloseable {

    /** Where solicitations heard and advertisements sent are written down (the server's journal). */
    public interface Log {
        /**
         * One ICMPv6 message.
         *
         * @param sent        true for an advertisement sent, false for a solicitation received
         * @param source      its source address
         * @param destination its destination address
         * @param bytes       the ICMPv6 message
         * @param note        why it was sent, or how it was answered
         * @param error       why a solicitation was dropped, or null
         */
        void record(boolean sent, Inet6Address source, Inet6Address destination, byte[] bytes, String note,
                    DhcpCodecException error);
    }

    private static final Inet6Address ALL_NODES = Ipv6.parse("ff02::1");

    private static Logger log() {
        return LoggerFactory.getLogger(RouterAdvertiser.class);
    }

    private static final Inet6Address ALL_ROUTERS = Ipv6.parse("ff02::2");

    private final String device;
    private final Log journal;
    private volatile RaConfig config;
    private final AtomicInteger sent = new AtomicInteger();
    private final AtomicInteger solicitations = new AtomicInteger();
    private final AtomicInteger dropped = new AtomicInteger();
    private Icmp6RawSocket socket;
    private byte[] mac;
    private Inet6Address linkLocal;
    private Thread receiver;
    private ScheduledExecutorService timer;
    private ScheduledFuture<?> nextPeriodic;
    private int initialLeft;

    public RouterAdvertiser(String device, RaConfig config, Log journal) {
        this.device = device;
        this.config = config;
        this.journal = journal;
    }

    /** Opens the raw socket, sends the first advertisement and starts answering solicitations. */
    public synchronized void start() throws IOException {
        if (socket != null) {
            throw new IllegalStateException("router advertisements already started on " + device);
        }
        NetworkInterface nif = NetworkInterface.getByName(device);
        if (nif == null) {
            throw new IOException("no interface named " + device + " to send router advertisements on");
        }
        mac = hardwareAddress(nif);
        for (java.net.InetAddress a : java.util.Collections.list(nif.getInetAddresses())) {
            if (a instanceof Inet6Address v6 && v6.isLinkLocalAddress()) {
                linkLocal = Ipv6.read(v6.getAddress(), 0);
            }
        }
        if (linkLocal == null) {
            throw new IOException("interface " + device + " has no IPv6 link-local address to send router "
                    + "advertisements from (is it up, with IPv6 on?)");
        }
        Icmp6RawSocket opened = Icmp6RawSocket.open(device, nif.getIndex());
        socket = opened;
        ScheduledThreadPoolExecutor executor = new ScheduledThreadPoolExecutor(1, r -> {
            Thread t = new Thread(r, "dhcp-embedded-ra-timer-" + device);
            t.setDaemon(true);
            return t;
        });
        executor.setRemoveOnCancelPolicy(true);
        timer = executor;
        Thread thread = new Thread(() -> receiveLoop(opened), "dhcp-embedded-ra-" + device);
        thread.setDaemon(true);
        receiver = thread;
        thread.start();
        initialLeft = RaConfig.MAX_INITIAL_ADVERTISEMENTS;
        timer.execute(this::periodic);
    }

    private static byte[] hardwareAddress(NetworkInterface nif) throws SocketException {
        byte[] address = nif.getHardwareAddress();
        return address == null || address.length == 0 ? null : address;
    }

    /** The configuration advertised now. */
    public RaConfig config() {
        return config;
    }

    /** Changes what is advertised and sends it at once (RFC 4861 6.2.4), restarting the fast initial sends. */
    public synchronized void update(UnaryOperator<RaConfig> change) {
        config = change.apply(config);
        if (timer != null) {
            if (nextPeriodic != null) {
                nextPeriodic.cancel(false);
            }
            initialLeft = RaConfig.MAX_INITIAL_ADVERTISEMENTS;
            timer.execute(this::periodic);
        }
    }

    /** Advertisements sent so far, solicited or not. */
    public int sent() {
        return sent.get();
    }

    /** Valid Router Solicitations heard so far. */
    public int solicitations() {
        return solicitations.get();
    }

    /** Solicitations dropped as invalid (bad hop limit, bad options). */
    public int dropped() {
        return dropped.get();
    }

    private void periodic() {
        send(ALL_NODES, "unsolicited");
        synchronized (this) {
            if (timer == null || timer.isShutdown()) {
                return;
            }
            RaConfig c = config;
            long min = c.minInterval().toMillis();
            long max = c.maxInterval().toMillis();
            long delay = ThreadLocalRandom.current().nextLong(min, max + 1);
            if (initialLeft > 0) {
                initialLeft--;
                delay = Math.min(delay, RaConfig.MAX_INITIAL_INTERVAL.toMillis());
            }
            nextPeriodic = timer.schedule(this::periodic, delay, TimeUnit.MILLISECONDS);
        }
    }

    private void send(Inet6Address destination, String why) {
        Icmp6RawSocket s;
        synchronized (this) {
            s = socket;
        }
        if (s == null) {
            return;
        }
        RouterAdvertisement message = config.message(mac);
        try {
            byte[] bytes = message.encode();
            s.send(bytes, destination);
            sent.incrementAndGet();
            journal.record(true, linkLocal, destination, bytes, why + ": " + message, null);
            log().debug("RA -> {} on {}: {} ({})", Ipv6.format(destination), device, message, why);
        } catch (IOException e) {
            log().warn("router advertisement on {} not sent: {}", device, e.getMessage());
        }
    }

    private void receiveLoop(Icmp6RawSocket opened) {
        while (true) {
            Icmp6RawSocket.Received r;
            try {
                r = opened.receive();
            } catch (IOException e) {
                log().warn("receive failed on {}: {}", device, e.getMessage());
                continue;
            }
            if (r == null) {
                return;
            }
            onSolicitation(r);
        }
    }

    /** Checks one solicitation heard; drops and journals an invalid one, answers a valid one. Receiving thread. */
    void onSolicitation(Icmp6RawSocket.Received r) {
        boolean unspecified = r.source().isAnyLocalAddress();
        try {
            if (r.hopLimit() != 255) {
                throw new WireFormatException("hop limit " + r.hopLimit() + " is not 255 (RFC 4861 6.1.1)", 0);
            }
            RouterAdvertisement.checkSolicitation(r.bytes(), unspecified);
        } catch (WireFormatException e) {
            dropped.incrementAndGet();
            journal.record(false, r.source(), destinationOf(r), r.bytes(), "dropped: " + e.getMessage(),
                    new DhcpCodecException(e.getMessage(), e.offset()));
            log().info("router solicitation from {} on {} dropped: {}", Ipv6.format(r.source()), device,
                    e.getMessage());
            return;
        }
        solicitations.incrementAndGet();
        Inet6Address to = unspecified ? ALL_NODES : r.source();
        long delay = ThreadLocalRandom.current().nextLong(RaConfig.MAX_RA_DELAY.toMillis() + 1);
        journal.record(false, r.source(), destinationOf(r), r.bytes(), "answered in " + delay + " ms to "
                + Ipv6.format(to), null);
        synchronized (this) {
            if (timer != null && !timer.isShutdown()) {
                timer.schedule(() -> send(to, "solicited by " + Ipv6.format(r.source())), delay,
                        TimeUnit.MILLISECONDS);
            }
        }
    }

    private static Inet6Address destinationOf(Icmp6RawSocket.Received r) {
        return r.destination() != null ? r.destination() : ALL_ROUTERS;
    }

    /** Sends the last advertisement (router lifetime 0) when it had made itself a default router, then stops. */
    @Override
    public void close() {
        Icmp6RawSocket s;
        Thread thread;
        ScheduledExecutorService t;
        synchronized (this) {
            s = socket;
            thread = receiver;
            t = timer;
            socket = null;
            receiver = null;
            timer = null;
        }
        if (s == null) {
            return;
        }
        t.shutdownNow();
        try {
            t.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        RaConfig c = config;
        if (!c.routerLifetime().isZero()) {
            try {
                byte[] last = c.message(mac, 0).encode();
                s.send(last, ALL_NODES);
                sent.incrementAndGet();
                journal.record(true, linkLocal, ALL_NODES, last, "stopping: router lifetime 0 (RFC 4861 6.2.5)",
                        null);
            } catch (IOException e) {
                log().debug("final router advertisement on {} not sent: {}", device, e.getMessage());
            }
        }
        s.close();
        if (thread != null) {
            try {
                thread.join(2_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        s.release();
    }
}
