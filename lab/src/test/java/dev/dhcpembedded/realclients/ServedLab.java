package dev.dhcpembedded.realclients;

import static dev.dhcpembedded.codec.ClasslessRoute.route;
import static org.assertj.core.api.Assertions.assertThat;

import dev.dhcpembedded.codec.MessageType;
import dev.dhcpembedded.codec.OptionCode;
import dev.dhcpembedded.journal.Journal;
import dev.dhcpembedded.journal.JournalEntry;
import dev.dhcpembedded.lease.LeaseState;
import dev.dhcpembedded.lab.BackgroundProcess;
import dev.dhcpembedded.lab.DhcpEvent;
import dev.dhcpembedded.lab.HostLab;
import dev.dhcpembedded.lab.Subnet24;
import dev.dhcpembedded.server.DhcpServer;
import dev.dhcpembedded.server.DhcpServerBuilder;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
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
    final TsharkCapture capture;
    private final DhcpServerBuilder builder;
    private final List<Journal> earlierJournals = new ArrayList<>();
    DhcpServer server;

    private ServedLab(HostLab lab, DhcpServerBuilder builder, DhcpServer server, TsharkCapture capture) {
        this.lab = lab;
        this.builder = builder;
        this.server = server;
        this.capture = capture;
    }

    /**
     * Stops the server and starts a new one with the same configuration on the same interface: a server that
     * lost its lease table. The old journal still counts for {@link #verifyCapture()}.
     */
    DhcpServer restartServer() {
        server.close();
        earlierJournals.add(server.journal());
        server = builder.start();
        return server;
    }

    static ServedLab start(Duration leaseTime) {
        return start(leaseTime, b -> { });
    }

    static ServedLab start(Duration leaseTime, Consumer<DhcpServerBuilder> extra) {
        return start(leaseTime, extra, sub -> { });
    }

    static ServedLab start(Duration leaseTime, Consumer<DhcpServerBuilder> extra,
                           Consumer<dev.dhcpembedded.server.SubnetBuilder> subnetExtra) {
        return start(leaseTime, (lab, builder) -> extra.accept(builder), subnetExtra);
    }

    /** As {@link #start(Duration, Consumer)}, with the lab at hand (its addresses) to shape the server. */
    static ServedLab startOnLab(Duration leaseTime, java.util.function.BiConsumer<HostLab, DhcpServerBuilder> extra) {
        return start(leaseTime, extra, sub -> { });
    }

    private static ServedLab start(Duration leaseTime, java.util.function.BiConsumer<HostLab, DhcpServerBuilder> extra,
                                   Consumer<dev.dhcpembedded.server.SubnetBuilder> subnetExtra) {
        HostLab lab = HostLab.create();
        DhcpServer server = null;
        TsharkCapture capture = null;
        try {
            Subnet24 s = lab.subnet24();
            DhcpServerBuilder builder = DhcpServer.builder()
                    .bindInterface(lab.serverInterface())
                    .subnet(lab.subnet(), sub -> subnetExtra.accept(sub
                            .pool(s.host(100), s.host(199))
                            .router(s.host(1))
                            .dns(s.host(53))
                            .domainName(DOMAIN)
                            .leaseTime(leaseTime)
                            .classlessStaticRoutes(route("10.30.0.0/16", s.host(254)), route("0.0.0.0/0", s.host(1)))));
            extra.accept(lab, builder);
            capture = TsharkCapture.start(lab, lab.serverInterface());
            server = builder.start();
            return new ServedLab(lab, builder, server, capture);
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
        return awaitValue(what, AWAIT, probe);
    }

    /** Waits up to {@code timeout} for a journal entry; fails with the transcript when none came. */
    JournalEntry awaitEntry(String what, Duration timeout, Predicate<JournalEntry> matches) {
        return awaitValue(what, timeout, () -> server.journal().entries(matches).stream().findFirst());
    }

    <T> T awaitValue(String what, Duration timeout, Supplier<Optional<T>> probe) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            Optional<T> value = probe.get();
            if (value.isPresent()) {
                return value.get();
            }
            if (System.nanoTime() - deadline > 0) {
                throw new AssertionError("timed out after " + timeout.toSeconds() + " s waiting for " + what
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
        List<Journal> journals = new ArrayList<>(earlierJournals);
        journals.add(server.journal());
        return capture.stopAndVerify(journals, lab.workDir());
    }

    // ---------------------------------------------------------------- checks every client must pass

    /**
     * DORA: the client configured the offered address, its routes (option 121, including the default route) and
     * reported router, DNS, domain and server id; the journal shows DISCOVER, OFFER, REQUEST (SELECTING: 50 and 54)
     * and ACK with the interface's real addresses; the lease is BOUND.
     */
    void assertDora(DhcpEvent bound, String ip) {
        String context = "\njournal:\n" + server.journal().transcript();
        assertThat(bound.ip()).as("bound address" + context).isEqualTo(ip);
        assertThat(bound.mask()).isEqualTo("24");
        assertThat(bound.routers()).containsExactly(host(1));
        assertThat(bound.dns()).containsExactly(host(53));
        assertThat(bound.domain()).isEqualTo(DOMAIN);
        assertThat(bound.serverId()).as("server id defaults to the interface address").isEqualTo(host(1));
        assertThat(bound.staticRoutes()).containsExactly("10.30.0.0/16", host(254), "0.0.0.0/0", host(1));
        await("address " + ip + " on the client interface", () -> lab.clientAddresses().contains(ip + "/24"));
        assertThat(lab.clientAddresses()).containsExactly(ip + "/24");
        await("routes from option 121 in the namespace, now " + lab.clientRoutes(), () ->
                lab.clientRoutes().stream().anyMatch(r -> r.startsWith("default via " + host(1) + " dev "))
                        && lab.clientRoutes().stream().anyMatch(r -> r.startsWith("10.30.0.0/16 via " + host(254))));

        JournalEntry discover = awaitEntry("DISCOVER", e -> e.isReceived() && e.is(MessageType.DISCOVER));
        assertThat(discover.interfaceName()).isEqualTo(lab.serverInterface());
        assertThat(discover.source()).isEqualTo(socket("0.0.0.0", 68));
        assertThat(discover.destination()).isEqualTo(socket("255.255.255.255", 67));
        assertThat(discover.message().get().parameterRequestList()).as("PRL" + context).contains(
                OptionCode.SUBNET_MASK, OptionCode.ROUTER, OptionCode.DOMAIN_NAME_SERVER, OptionCode.DOMAIN_NAME,
                OptionCode.CLASSLESS_STATIC_ROUTE);
        assertThat(discover.message().get().clientMac().toString()).isEqualToIgnoringCase(lab.clientMac());
        JournalEntry request = awaitEntry("REQUEST(SELECTING)", e -> e.isReceived() && e.is(MessageType.REQUEST)
                && e.message().get().serverIdentifier().isPresent());
        assertThat(request.message().get().requestedIpAddress()).map(a -> a.getHostAddress()).contains(ip);
        assertThat(request.message().get().serverIdentifier()).map(a -> a.getHostAddress()).contains(host(1));
        assertThat(request.message().get().ciaddr().isAnyLocalAddress()).as("ciaddr").isTrue();
        JournalEntry ack = awaitEntry("ACK", e -> e.isSent() && e.is(MessageType.ACK));
        assertThat(ack.message().get().yiaddr().getHostAddress()).isEqualTo(ip);
        assertThat(ack.source()).isEqualTo(socket(host(1), 67));
        assertThat(server.lease(lab.clientMac())).as("lease" + context).get()
                .satisfies(l -> assertThat(l.state()).isEqualTo(LeaseState.BOUND))
                .satisfies(l -> assertThat(l.addressText()).isEqualTo(ip));
    }

    /**
     * RENEWING: a REQUEST unicast from the client's address to the server's, ciaddr set, no 50 and no 54, answered
     * by an ACK unicast to ciaddr. The journal shows the real addresses of the interface mode.
     */
    JournalEntry assertRenewedByUnicast(String ip) {
        JournalEntry renew = awaitEntry("a REQUEST with ciaddr " + ip, e -> e.isReceived()
                && e.is(MessageType.REQUEST) && e.message().get().ciaddr().getHostAddress().equals(ip));
        String context = "\njournal:\n" + server.journal().transcript();
        assertThat(renew.message().get().requestedIpAddress()).as("option 50 in RENEWING" + context).isEmpty();
        assertThat(renew.message().get().serverIdentifier()).as("option 54 in RENEWING" + context).isEmpty();
        assertThat(renew.source()).as("renewal source" + context).isEqualTo(socket(ip, 68));
        assertThat(renew.destination()).as("renewal sent by unicast to the server" + context)
                .isEqualTo(socket(host(1), 67));
        assertThat(renew.note()).contains("RENEWING").contains("ACK");
        JournalEntry ack = awaitEntry("the ACK of the renewal", e -> e.isSent() && e.is(MessageType.ACK)
                && e.sequence() > renew.sequence());
        assertThat(ack.destination()).as("ACK to ciaddr" + context).isEqualTo(socket(ip, 68));
        return renew;
    }

    /** RELEASE of {@code ip} arrived, unicast to the server, and the lease row is RELEASED. */
    void assertReleased(String ip) {
        JournalEntry release = awaitEntry("RELEASE", e -> e.isReceived() && e.is(MessageType.RELEASE));
        assertThat(release.message().get().ciaddr().getHostAddress()).isEqualTo(ip);
        assertThat(release.destination()).isEqualTo(socket(host(1), 67));
        assertThat(release.note()).contains("freed");
        await("lease of " + ip + " RELEASED, now " + server.leases(), () -> server.lease(ip)
                .map(l -> l.state() == LeaseState.RELEASED).orElse(false));
        assertThat(server.journal().sent()).as("nothing answers a RELEASE")
                .allMatch(e -> e.sequence() < release.sequence());
    }

    static InetSocketAddress socket(String address, int port) {
        return new InetSocketAddress(address, port);
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
