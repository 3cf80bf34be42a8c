package dev.dhcpembedded.robustness;

import static dev.dhcpembedded.stub.RequestMatcher.onDiscover;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.dhcpembedded.client.ClientLease;
import dev.dhcpembedded.client.DhcpTestClient;
import dev.dhcpembedded.codec.DhcpMessage;
import dev.dhcpembedded.codec.MessageType;
import dev.dhcpembedded.journal.JournalEntry;
import dev.dhcpembedded.lease.Lease;
import dev.dhcpembedded.server.DhcpServer;
import dev.dhcpembedded.stub.Responses;
import java.io.File;
import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Threads, descriptors and ports across many start/stop cycles; many servers side by side; a full pool. */
class ResourceInvariantsTest {

    static final int CYCLES = 1_000;

    @Test
    void thousandStartStopCyclesLeakNoThreadNorDescriptorAndFreeThePortAtOnce() throws Exception {
        cycle(0, false); // warm up: classes loaded, SLF4J and JNA initialised, lazy descriptors opened
        cycle(1, true);
        int threadsBefore = serverThreads();
        int fdsBefore = openDescriptors();
        for (int i = 0; i < CYCLES; i++) {
            cycle(i, i % 50 == 0);
        }
        // the receiving thread is joined by stop(); the delay thread is shut down and awaited
        assertThat(serverThreads()).as("threads named dhcp-embedded-* after %d cycles", CYCLES)
                .isLessThanOrEqualTo(threadsBefore);
        assertThat(openDescriptors()).as("open descriptors after %d cycles (before: %d)", CYCLES, fdsBefore)
                .isLessThanOrEqualTo(fdsBefore + 4);
    }

    /** Starts a server, optionally serves a client through a delayed stub, stops it and binds its port at once. */
    private static void cycle(int i, boolean serve) throws IOException {
        DhcpServer server = DhcpServer.builder().subnet("10.70.0.0/24", s -> s.pool("10.70.0.10", "10.70.0.20"))
                .start();
        int port = server.port();
        if (serve) {
            server.stub(onDiscover().respond(Responses.defaultReply().delay(Duration.ofMillis(1))));
            try (DhcpTestClient client = DhcpTestClient.builder().server(server.address())
                    .mac(Wire.macText(0x400000 + i)).timeout(Duration.ofMillis(500)).attempts(3).build()) {
                assertThat(client.dora().address().getHostAddress()).startsWith("10.70.0.");
            }
        }
        server.stop();
        assertThat(server.isRunning()).isFalse();
        try (DatagramSocket again = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(),
                port))) {
            assertThat(again.getLocalPort()).isEqualTo(port);
        }
        if (i % 100 == 0) {
            // and a new server on the very same port
            DhcpServer same = DhcpServer.builder().bindLoopback(port)
                    .subnet("10.70.0.0/24", s -> s.pool("10.70.0.10", "10.70.0.20")).start();
            assertThat(same.port()).isEqualTo(port);
            same.stop();
        }
    }

    static int serverThreads() throws InterruptedException {
        // a stopped server's threads are joined, but give a just-ended thread a moment to leave the table
        int count = 0;
        for (int attempt = 0; attempt < 20; attempt++) {
            count = (int) Thread.getAllStackTraces().keySet().stream()
                    .filter(t -> t.isAlive() && t.getName().startsWith("dhcp-embedded-")).count();
            if (count == 0) {
                break;
            }
            Thread.sleep(50);
        }
        return count;
    }

    static int openDescriptors() {
        String[] fds = new File("/proc/self/fd").list();
        return fds == null ? 0 : fds.length;
    }

    /** 50 servers at once, each with its own subnet; 3 clients each, all at once: each gets its own server's. */
    @Test
    void fiftyServersInParallelDoNotInterfere() throws Exception {
        int servers = 50;
        int clientsEach = 3;
        ExecutorService pool = Executors.newFixedThreadPool(16);
        List<DhcpServer> started = new ArrayList<>();
        try {
            List<Future<DhcpServer>> starting = new ArrayList<>();
            for (int s = 0; s < servers; s++) {
                String net = "10.1" + String.format("%02d", s) + ".0";
                starting.add(pool.submit(() -> DhcpServer.builder().serverId(net + ".1")
                        .subnet(net + ".0/24", b -> b.pool(net + ".100", net + ".199").router(net + ".1"))
                        .start()));
            }
            for (Future<DhcpServer> f : starting) {
                started.add(f.get(30, TimeUnit.SECONDS));
            }
            assertThat(started.stream().map(DhcpServer::port).distinct()).hasSize(servers);

            List<Future<ClientLease>> leases = new ArrayList<>();
            for (int s = 0; s < servers; s++) {
                for (int c = 0; c < clientsEach; c++) {
                    DhcpServer server = started.get(s);
                    String mac = Wire.macText(0x500000 + s * 16 + c);
                    leases.add(pool.submit(() -> {
                        try (DhcpTestClient client = DhcpTestClient.builder().server(server.address()).mac(mac)
                                .timeout(Duration.ofMillis(1000)).attempts(3).build()) {
                            return client.dora();
                        }
                    }));
                }
            }
            for (int s = 0; s < servers; s++) {
                DhcpServer server = started.get(s);
                String net = server.serverIdentifier().getHostAddress().replaceAll("\\.1$", ".");
                for (int c = 0; c < clientsEach; c++) {
                    ClientLease lease = leases.get(s * clientsEach + c).get(30, TimeUnit.SECONDS);
                    assertThat(lease.address().getHostAddress()).startsWith(net);
                    assertThat(lease.serverId()).isEqualTo(server.serverIdentifier());
                }
                // each server saw its own clients only, and bound exactly them
                List<String> macs = new ArrayList<>();
                for (int c = 0; c < clientsEach; c++) {
                    macs.add(Wire.macText(0x500000 + s * 16 + c));
                }
                assertThat(server.journal().received().stream().map(e -> e.message().orElseThrow().clientMac()
                        .toString()).distinct()).containsExactlyInAnyOrderElementsOf(macs);
                assertThat(server.leases()).hasSize(clientsEach)
                        .allSatisfy(l -> assertThat(l.addressText()).startsWith(net));
            }
        } finally {
            started.forEach(DhcpServer::stop);
            pool.shutdownNow();
        }
    }

    /** No OFFER when the pool is full, journaled as "pool exhausted"; after a RELEASE the next client gets it. */
    @Test
    void poolExhaustionThenRelease() {
        try (DhcpServer server = DhcpServer.builder().serverId("10.80.0.1")
                .subnet("10.80.0.0/24", s -> s.pool("10.80.0.10", "10.80.0.12")).start()) {
            List<DhcpTestClient> clients = new ArrayList<>();
            List<ClientLease> leases = new ArrayList<>();
            try {
                for (int i = 0; i < 4; i++) {
                    clients.add(DhcpTestClient.builder().server(server.address()).mac(Wire.macText(0x600000 + i))
                            .timeout(Duration.ofSeconds(5)).attempts(1).build()); // the wait ends with the reply
                }
                for (int i = 0; i < 3; i++) {
                    leases.add(clients.get(i).dora());
                }
                DhcpTestClient fourth = clients.get(3);
                long before = server.journal().appended();
                fourth.send(fourth.newMessage(MessageType.DISCOVER).build());
                // the journal entry first (a loaded server may take longer than any fixed wait), then: no OFFER
                List<JournalEntry> seen = await().atMost(Duration.ofSeconds(5))
                        .until(() -> server.journal().entries(e -> e.sequence() > before), e -> !e.isEmpty());
                assertThat(fourth.receive(Duration.ofMillis(100))).as("an OFFER from a full pool").isEmpty();
                assertThat(server.journal().entries(e -> e.sequence() > before)).hasSize(1);
                assertThat(seen.get(0).kind()).isEqualTo(JournalEntry.Kind.RECEIVED);
                assertThat(seen.get(0).note()).contains("pool exhausted in 10.80.0.0/24").contains("no OFFER");

                ClientLease freed = leases.get(1);
                long beforeRelease = server.journal().appended();
                clients.get(1).release(freed);
                await().atMost(Duration.ofSeconds(5)).until(() -> server.journal()
                        .entries(e -> e.sequence() > beforeRelease && e.is(MessageType.RELEASE)), r -> r.size() == 1);
                Optional<Lease> row = server.lease(freed.address().getHostAddress());
                assertThat(row.map(Lease::state).map(Objects::toString)).contains("RELEASED");
                ClientLease taken = fourth.dora();
                assertThat(taken.address()).isEqualTo(freed.address());
                assertThat(server.journal().sent(MessageType.ACK).get(3).message().map(DhcpMessage::clientMac)
                        .map(Objects::toString)).contains(Wire.macText(0x600003));
            } finally {
                clients.forEach(DhcpTestClient::close);
            }
        }
    }
}
