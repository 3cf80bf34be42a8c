package dev.dhcpembedded.server;

import dev.dhcpembedded.internal.wire.Ipv4;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dhcpembedded.client.ClientLease;
import dev.dhcpembedded.client.DhcpClientException;
import dev.dhcpembedded.client.DhcpTestClient;
import dev.dhcpembedded.codec.DhcpMessage;
import dev.dhcpembedded.codec.DhcpMessageBuilder;
import dev.dhcpembedded.codec.MessageType;
import dev.dhcpembedded.journal.JournalEntry;
import dev.dhcpembedded.lease.LeaseState;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The server on 127.0.0.1 with an ephemeral port, driven by the project's client. */
class LoopbackServerTest {

    final TestClock clock = TestClock.at(Instant.parse("2024-01-01T00:00:00Z"));
    final List<AutoCloseable> toClose = new ArrayList<>();

    @AfterEach
    void closeAll() throws Exception {
        for (AutoCloseable c : toClose) {
            c.close();
        }
    }

    DhcpServer server(String net) {
        DhcpServer server = DhcpServer.builder().serverId(net + ".1").clock(clock)
                .subnet(net + ".0/24", s -> s.pool(net + ".100", net + ".199").router(net + ".1").dns(net + ".53")
                        .leaseTime(Duration.ofMinutes(10)))
                .start();
        toClose.add(server);
        return server;
    }

    /**
     * Every exchange of these clients is answered: one attempt, waiting until the reply comes (5 s at most; the
     * wait ends with the reply). With 500 ms and a retransmission, a reply later than that (20 servers and 20
     * clients at once on a loaded machine) added a second request to the journals the tests count.
     */
    DhcpTestClient client(DhcpServer server, String mac) {
        DhcpTestClient client = DhcpTestClient.builder().server(server.address()).mac(mac)
                .timeout(Duration.ofSeconds(5)).attempts(1).clock(clock).build();
        toClose.add(client);
        return client;
    }

    @Test
    void doraRenewRebindRelease() {
        DhcpServer server = server("10.20.0");
        DhcpTestClient client = client(server, "02:00:00:00:00:01");
        ClientLease lease = client.dora();
        assertThat(lease.address().getHostAddress()).isEqualTo("10.20.0.100");
        assertThat(lease.serverId().getHostAddress()).isEqualTo("10.20.0.1");
        assertThat(lease.leaseTime()).isEqualTo(Duration.ofMinutes(10));
        assertThat(lease.renewalTime()).isEqualTo(Duration.ofMinutes(5));
        assertThat(lease.rebindingTime()).isEqualTo(Duration.ofSeconds(525));
        assertThat(lease.routers()).extracting(a -> a.getHostAddress()).containsExactly("10.20.0.1");
        assertThat(lease.dns()).extracting(a -> a.getHostAddress()).containsExactly("10.20.0.53");

        clock.advance(Duration.ofMinutes(5));
        Optional<DhcpMessage> renewed = client.renew(lease);
        assertThat(renewed).hasValueSatisfying(ack -> assertThat(ack.is(MessageType.ACK)).isTrue());
        assertThat(server.lease("02:00:00:00:00:01").orElseThrow().expiresAt())
                .isEqualTo(clock.instant().plus(Duration.ofMinutes(10)));
        clock.advance(Duration.ofMinutes(9));
        assertThat(client.rebind(lease)).hasValueSatisfying(ack -> assertThat(ack.is(MessageType.ACK)).isTrue());

        client.release(lease);
        // the journal entry first: the server journals a request after the lease engine has acted on it, so once
        // the entry is there the lease is RELEASED (the other way round the entry may not be there yet)
        List<JournalEntry> released = org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(5))
                .pollInterval(Duration.ofMillis(2))
                .until(() -> server.journal().received(MessageType.RELEASE), r -> !r.isEmpty());
        assertThat(released).singleElement().extracting(JournalEntry::note).isEqualTo("RELEASE: 10.20.0.100 freed");
        assertThat(server.lease("02:00:00:00:00:01")).get().extracting(l -> l.state())
                .isEqualTo(LeaseState.RELEASED);
        assertThat(server.journal().transcript().lines()).first()
                .asString().matches("0\\.0\\.0\\.0:68 -> 255\\.255\\.255\\.255:67 DHCP Discover - Transaction ID 0x[0-9a-f]+");
    }

    @Test
    void informAndNak() {
        DhcpServer server = server("10.20.0");
        DhcpTestClient client = client(server, "02:00:00:00:00:02");
        DhcpMessage ack = client.inform("10.20.0.7").orElseThrow();
        assertThat(ack.is(MessageType.ACK)).isTrue();
        assertThat(ack.leaseTime()).isEmpty();
        assertThat(Ipv4.toInt(ack.yiaddr())).isZero();
        assertThat(server.leases()).isEmpty();

        client.dora();
        DhcpMessage nak = client.initReboot("192.168.99.5").orElseThrow();
        assertThat(nak.is(MessageType.NAK)).isTrue();
        DhcpMessage wrong = client.initReboot("10.20.0.150").orElseThrow();
        assertThat(wrong.is(MessageType.NAK)).isTrue();
        assertThat(client.initReboot("10.20.0.100")).hasValueSatisfying(r -> assertThat(r.is(MessageType.ACK)).isTrue());
    }

    @Test
    void exhaustedPoolGivesTheClientAClearError() {
        DhcpServer server = DhcpServer.builder().serverId("10.20.0.1").clock(clock)
                .subnet("10.20.0.0/24", s -> s.pool("10.20.0.100", "10.20.0.100")).start();
        toClose.add(server);
        client(server, "02:00:00:00:00:01").dora();
        DhcpTestClient second = DhcpTestClient.builder().server(server.address()).mac("02:00:00:00:00:02")
                .timeout(Duration.ofMillis(50)).attempts(1).clock(clock).build();
        toClose.add(second);
        assertThatThrownBy(second::dora).isInstanceOf(DhcpClientException.class).hasMessageContaining("no OFFER");
        // the client gave up after 50 ms; the server may not have journaled its DISCOVER yet
        List<JournalEntry> discovers = org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(5))
                .until(() -> server.journal().received(MessageType.DISCOVER), d -> d.size() == 2);
        assertThat(discovers).last().extracting(JournalEntry::note).asString().contains("pool exhausted");
    }

    @Test
    void twentyServersInParallelDoNotInterfere() throws Exception {
        int n = 20;
        List<DhcpServer> servers = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            servers.add(server("10.40." + i));
        }
        ExecutorService pool = Executors.newFixedThreadPool(n);
        try {
            List<Future<ClientLease>> leases = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                DhcpServer s = servers.get(i);
                DhcpTestClient c = client(s, String.format("02:00:00:00:02:%02x", i));
                Callable<ClientLease> task = () -> {
                    ClientLease first = c.dora();
                    c.renew(first).orElseThrow();
                    return first;
                };
                leases.add(pool.submit(task));
            }
            for (int i = 0; i < n; i++) {
                ClientLease lease = leases.get(i).get(10, TimeUnit.SECONDS);
                assertThat(lease.address().getHostAddress()).isEqualTo("10.40." + i + ".100");
                assertThat(lease.serverId().getHostAddress()).isEqualTo("10.40." + i + ".1");
                DhcpServer s = servers.get(i);
                assertThat(s.leases()).hasSize(1);
                assertThat(s.journal().entries()).hasSize(6);
                String mac = String.format("02:00:00:00:02:%02x", i);
                assertThat(s.journal().entries()).allSatisfy(e -> assertThat(e.clientMac().orElseThrow().toString())
                        .isEqualTo(mac));
            }
            assertThat(servers).extracting(DhcpServer::port).doesNotHaveDuplicates();
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void startIsReadyOnReturn() {
        for (int i = 0; i < 20; i++) {
            try (DhcpServer server = DhcpServer.builder().serverId("10.20.0.1")
                    .subnet("10.20.0.0/24", s -> s.pool("10.20.0.100", "10.20.0.199")).start();
                 DhcpTestClient client = DhcpTestClient.builder().server(server.address())
                         .mac("02:00:00:00:00:09").timeout(Duration.ofSeconds(1)).attempts(1).build()) {
                assertThat(client.discover()).as("first DISCOVER right after start()").isPresent();
            }
        }
    }

    @Test
    void stopFreesThePortAtOnceAndLeavesNoThread() throws Exception {
        for (int i = 0; i < 10; i++) {
            DhcpServer server = DhcpServer.builder()
                    .subnet("10.20.0.0/24", s -> s.pool("10.20.0.100", "10.20.0.199")).start();
            int port = server.port();
            String threadName = "dhcp-embedded-" + port;
            assertThat(threadNames()).contains(threadName);
            server.stop();
            assertThat(server.isRunning()).isFalse();
            assertThat(threadNames()).doesNotContain(threadName);
            try (DatagramSocket again = new DatagramSocket(new InetSocketAddress("127.0.0.1", port))) {
                assertThat(again.getLocalPort()).isEqualTo(port);
            }
            // and a server can take the same port right away
            try (DhcpServer second = DhcpServer.builder().bindLoopback(port)
                    .subnet("10.20.0.0/24", s -> s.pool("10.20.0.100", "10.20.0.199")).start()) {
                assertThat(second.port()).isEqualTo(port);
            }
            assertThat(threadNames()).doesNotContain(threadName);
        }
    }

    @Test
    void datagramsLargerThanAFrameAreReadWholeAfterSmallOnes() throws Exception {
        DhcpServer server = server("10.77.0");
        byte[] small = discover(1, 0);
        byte[] large = discover(2, 3000); // over the receive array the first datagram made: it has to grow
        try (DatagramSocket socket = new DatagramSocket(new InetSocketAddress("127.0.0.1", 0))) {
            socket.send(new java.net.DatagramPacket(small, small.length, server.address()));
            org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(5))
                    .until(() -> server.journal().sent(MessageType.OFFER).size() == 1);
            socket.send(new java.net.DatagramPacket(large, large.length, server.address()));
            org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(5))
                    .until(() -> server.journal().sent(MessageType.OFFER).size() == 2);
        }
        List<JournalEntry> discovers = server.journal().received(MessageType.DISCOVER);
        assertThat(discovers).extracting(e -> e.bytes().length).containsExactly(small.length, large.length);
        assertThat(discovers.get(1).bytes()).isEqualTo(large);
    }

    private static byte[] discover(int xid, int padding) {
        DhcpMessageBuilder message = DhcpMessage.builder().xid(xid).chaddr("02:00:00:00:00:0" + xid)
                .messageType(MessageType.DISCOVER);
        // vendor-specific options (224-254, RFC 3942's site-specific range), 250 bytes each
        for (int code = 224; padding > 0; code++, padding -= 252) {
            message.option(dev.dhcpembedded.codec.DhcpOption.of(code, new byte[Math.min(250, padding)]));
        }
        return dev.dhcpembedded.codec.DhcpCodec.encode(message.build());
    }

    @Test
    void stopTwiceAndRestart() {
        DhcpServer server = DhcpServer.builder().subnet("10.20.0.0/24", s -> s.pool("10.20.0.100", "10.20.0.199"))
                .build();
        server.start();
        assertThatThrownBy(server::start).isInstanceOf(IllegalStateException.class);
        server.stop();
        server.stop();
        server.start();
        assertThat(server.isRunning()).isTrue();
        server.close();
    }

    private static List<String> threadNames() {
        List<String> names = new ArrayList<>();
        Thread.getAllStackTraces().keySet().forEach(t -> names.add(t.getName()));
        return names;
    }
}
