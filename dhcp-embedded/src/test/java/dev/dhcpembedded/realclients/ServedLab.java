package dev.dhcpembedded.realclients;

import static dev.dhcpembedded.codec.ClasslessRoute.route;

import dev.dhcpembedded.codec.MessageType;
import dev.dhcpembedded.journal.JournalEntry;
import dev.dhcpembedded.netns.BackgroundProcess;
import dev.dhcpembedded.netns.DhcpEvent;
import dev.dhcpembedded.netns.HostLab;
import dev.dhcpembedded.netns.Subnet24;
import dev.dhcpembedded.server.DhcpServer;
import dev.dhcpembedded.server.DhcpServerBuilder;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * One real-client test's world: a fresh {@link HostLab}, the embedded server bound to the lab's root-side veth
 * (port 67 of that interface only), and a tshark capture of that veth started before any client runs.
 * {@link #close()} stops capture, server and lab, whatever happened.
 *
 * <p>The subnet is the lab's /24: pool .100-.199, router .1 (the server), DNS .53, domain {@code lab.test},
 * option 121 with {@code 10.30.0.0/16 via .254} and a default route via .1 (RFC 3442: a client that takes 121
 * ignores option 3, so the default route travels in 121 too).
 */
final class ServedLab implements AutoCloseable {

    static final Duration AWAIT = Duration.ofSeconds(15);
    static final String DOMAIN = "lab.test";

    final HostLab lab;
    final DhcpServer server;
    final TsharkCapture capture;

    private ServedLab(HostLab lab, DhcpServer server, TsharkCapture capture) {
        this.lab = lab;
        this.server = server;
        this.capture = capture;
    }

    static ServedLab start(Duration leaseTime) {
        return start(leaseTime, b -> { });
    }

    static ServedLab start(Duration leaseTime, Consumer<DhcpServerBuilder> extra) {
        HostLab lab = HostLab.create();
        DhcpServer server = null;
        TsharkCapture capture = null;
        try {
            Subnet24 s = lab.subnet24();
            DhcpServerBuilder builder = DhcpServer.builder()
                    .bindInterface(lab.serverInterface())
                    .subnet(lab.subnet(), sub -> sub
                            .pool(s.host(100), s.host(199))
                            .router(s.host(1))
                            .dns(s.host(53))
                            .domainName(DOMAIN)
                            .leaseTime(leaseTime)
                            .classlessStaticRoutes(route("10.30.0.0/16", s.host(254)), route("0.0.0.0/0", s.host(1))));
            extra.accept(builder);
            capture = TsharkCapture.start(lab, lab.serverInterface());
            server = builder.start();
            return new ServedLab(lab, server, capture);
        } catch (RuntimeException | Error e) {
            if (server != null) {
                server.close();
            }
            if (capture != null) {
                capture.close();
            }
            lab.close();
            throw e;
        }
    }

    Subnet24 subnet() {
        return lab.subnet24();
    }

    String host(int n) {
        return lab.subnet24().host(n);
    }

    /** The journal entries of {@code type} in {@code kind}'s direction (received or sent). */
    List<JournalEntry> entries(JournalEntry.Kind kind, MessageType type) {
        return server.journal().entries(e -> e.kind() == kind && e.is(type));
    }

    /** Waits for a journal entry; fails with the transcript when none came. */
    JournalEntry awaitEntry(String what, Predicate<JournalEntry> matches) {
        return awaitValue(what, () -> server.journal().entries(matches).stream().findFirst());
    }

    /** Waits for a client event line printed by the client's script. */
    DhcpEvent awaitEvent(BackgroundProcess client, String event) {
        return awaitEvent(client, event, 0);
    }

    /** Waits for the {@code skip}+1-th event called {@code event}. */
    DhcpEvent awaitEvent(BackgroundProcess client, String event, int skip) {
        return awaitValue("client event " + event + " #" + (skip + 1) + "\nclient output:\n" + client.output(),
                () -> DhcpEvent.all(client.output()).stream().filter(e -> e.is(event)).skip(skip).findFirst());
    }

    void await(String what, BooleanSupplier condition) {
        awaitValue(what, () -> condition.getAsBoolean() ? Optional.of(Boolean.TRUE) : Optional.empty());
    }

    <T> T awaitValue(String what, Supplier<Optional<T>> probe) {
        long deadline = System.nanoTime() + AWAIT.toNanos();
        while (true) {
            Optional<T> value = probe.get();
            if (value.isPresent()) {
                return value.get();
            }
            if (System.nanoTime() - deadline > 0) {
                throw new AssertionError("timed out after " + AWAIT.toSeconds() + " s waiting for " + what
                        + "\njournal:\n" + server.journal().transcript());
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted waiting for " + what, e);
            }
        }
    }

    /**
     * The Wireshark check: stops the capture once it holds every message the journal has, then asserts every frame
     * is clean DHCP and that the journal's pcap export shows the same messages in the same order.
     */
    TsharkCapture.Result verifyCapture() {
        return capture.stopAndVerify(server.journal(), lab.workDir());
    }

    @Override
    public void close() {
        try {
            server.close();
        } finally {
            try {
                capture.close();
            } finally {
                lab.close();
            }
        }
    }
}
