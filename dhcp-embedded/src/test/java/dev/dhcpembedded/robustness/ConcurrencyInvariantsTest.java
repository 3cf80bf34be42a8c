package dev.dhcpembedded.robustness;

import dev.dhcpembedded.journal.Journal;
import static org.assertj.core.api.Assertions.assertThat;

import dev.dhcpembedded.codec.DhcpMessage;
import dev.dhcpembedded.codec.DhcpOption;
import dev.dhcpembedded.codec.DhcpOptions;
import dev.dhcpembedded.internal.wire.Ipv4;
import dev.dhcpembedded.codec.MacAddress;
import dev.dhcpembedded.codec.MessageType;
import dev.dhcpembedded.journal.JournalEntry;
import dev.dhcpembedded.lease.Lease;
import dev.dhcpembedded.lease.LeaseState;
import dev.dhcpembedded.server.DhcpServer;
import dev.dhcpembedded.server.TestClock;
import dev.dhcpembedded.transport.InMemoryTransport;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * 10,000 distinct clients doing DORA at once from 8 threads (in memory), plus 1,000 that take an OFFER and never
 * come back: no address goes to two clients, no offered address leaks past the offer hold time, and the lease
 * table matches the journal. Pool exhaustion, in memory, with offers that time out.
 */
class ConcurrencyInvariantsTest {

    static final int THREADS = 8;
    static final int CLIENTS = 10_000;
    static final int ABANDONING = 1_000;
    static final Duration HOLD = Duration.ofSeconds(30);

    @Test
    void tenThousandConcurrentDoras() throws Exception {
        TestClock clock = TestClock.at(Instant.parse("2024-01-01T00:00:00Z"));
        InMemoryTransport memory = new InMemoryTransport();
        DhcpServer server = DhcpServer.builder().transport(memory).clock(clock).serverId("10.100.0.1")
                .offerHoldTime(HOLD).journal(4 * CLIENTS + 2 * ABANDONING + 100, Journal.DEFAULT_MAX_BYTES)
                .subnet("10.100.0.0/16", s -> s.pool("10.100.0.10", "10.100.255.254")
                        .leaseTime(Duration.ofHours(1)))
                .start();
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        CyclicBarrier go = new CyclicBarrier(THREADS);
        Map<MacAddress, Integer> acked = new ConcurrentHashMap<>();
        Map<MacAddress, Integer> offeredOnly = new ConcurrentHashMap<>();
        List<String> problems = java.util.Collections.synchronizedList(new ArrayList<>());
        try {
            List<Future<?>> work = new ArrayList<>();
            int total = CLIENTS + ABANDONING;
            for (int t = 0; t < THREADS; t++) {
                int thread = t;
                work.add(pool.submit(() -> {
                    go.await();
                    for (int n = thread; n < total; n += THREADS) {
                        String mac = Wire.macText(0x200000 + n);
                        DhcpMessage offer = one(memory, problems, DhcpMessage.builder().xid(n).chaddr(mac)
                                .messageType(MessageType.DISCOVER).build(), MessageType.OFFER);
                        if (offer == null) {
                            continue;
                        }
                        if (n >= CLIENTS) {
                            offeredOnly.put(MacAddress.parse(mac), Ipv4.toInt(offer.yiaddr()));
                            continue;
                        }
                        DhcpMessage ack = one(memory, problems, DhcpMessage.builder().xid(n).chaddr(mac)
                                .messageType(MessageType.REQUEST)
                                .option(DhcpOptions.requestedIpAddress(Ipv4.toString(Ipv4.toInt(offer.yiaddr()))))
                                .option(DhcpOptions.serverIdentifier("10.100.0.1")).build(), MessageType.ACK);
                        if (ack != null) {
                            Integer before = acked.put(MacAddress.parse(mac), Ipv4.toInt(ack.yiaddr()));
                            if (before != null) {
                                problems.add(mac + " acked twice");
                            }
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> f : work) {
                f.get(120, TimeUnit.SECONDS);
            }
            assertThat(problems).isEmpty();
            assertThat(acked).hasSize(CLIENTS);
            assertThat(offeredOnly).hasSize(ABANDONING);

            // no address to two clients: bound ones are distinct, and no offer overlaps a binding
            Set<Integer> boundAddresses = new HashSet<>(acked.values());
            assertThat(boundAddresses).hasSize(CLIENTS);
            Set<Integer> offered = new HashSet<>(offeredOnly.values());
            assertThat(offered).hasSize(ABANDONING).doesNotContainAnyElementsOf(boundAddresses);
            assertThat(boundAddresses).allSatisfy(a -> assertThat(a).isNotEqualTo(Ipv4.parseInt("10.100.0.1")));

            // the lease table matches the journal: every ACK in the journal is a BOUND lease of that MAC and address
            List<JournalEntry> acks = server.journal().sent(MessageType.ACK);
            assertThat(acks).hasSize(CLIENTS);
            Map<MacAddress, Lease> byMac = new HashMap<>();
            for (Lease lease : server.leases()) {
                assertThat(byMac.put(lease.mac(), lease)).as("one row per client").isNull();
            }
            for (JournalEntry ack : acks) {
                DhcpMessage m = ack.message().orElseThrow();
                Lease lease = byMac.get(m.clientMac());
                assertThat(lease).as("lease of %s", m.clientMac()).isNotNull();
                assertThat(lease.state()).isEqualTo(LeaseState.BOUND);
                assertThat(Ipv4.toInt(lease.address())).isEqualTo(Ipv4.toInt(m.yiaddr())).isEqualTo(acked.get(m.clientMac()));
            }
            assertThat(server.leases().stream().filter(l -> l.state() == LeaseState.BOUND)).hasSize(CLIENTS);

            // after the offer hold time, every address is bound or free: nothing stays OFFERED
            clock.advance(HOLD.plusSeconds(1));
            List<Lease> after = server.leases();
            assertThat(after).allSatisfy(l -> assertThat(l.state()).as("%s", l)
                    .isIn(LeaseState.BOUND, LeaseState.EXPIRED, LeaseState.RELEASED));
            assertThat(after.stream().filter(l -> l.state() == LeaseState.BOUND)
                    .map(l -> Ipv4.toInt(l.address()))).containsExactlyInAnyOrderElementsOf(boundAddresses);
            assertThat(after.stream().filter(l -> l.state() != LeaseState.BOUND).map(l -> Ipv4.toInt(l.address())))
                    .containsExactlyInAnyOrderElementsOf(offered);
        } finally {
            pool.shutdownNow();
            server.stop();
        }
    }

    private static DhcpMessage one(InMemoryTransport memory, List<String> problems, DhcpMessage request,
                                   MessageType expected) {
        List<DhcpMessage> replies = memory.exchange(request);
        if (replies.size() != 1 || !replies.get(0).is(expected) || replies.get(0).xid() != request.xid()
                || !replies.get(0).clientMac().equals(request.clientMac())) {
            problems.add(request.clientMac() + " " + request.messageType() + " got " + replies);
            return null;
        }
        return replies.get(0);
    }

    /** A pool of 3: taken by offers, nothing for a 4th until the hold time ends; then an abandoned one comes back. */
    @Test
    void abandonedOffersComeBackAfterTheHoldTime() {
        TestClock clock = TestClock.at(Instant.parse("2024-01-01T00:00:00Z"));
        InMemoryTransport memory = new InMemoryTransport();
        DhcpServer server = DhcpServer.builder().transport(memory).clock(clock).serverId("10.60.0.1")
                .offerHoldTime(HOLD).subnet("10.60.0.0/24", s -> s.pool("10.60.0.10", "10.60.0.12")).start();
        try {
            Set<Integer> offered = new HashSet<>();
            for (int i = 0; i < 3; i++) {
                List<DhcpMessage> replies = memory.exchange(discover(i));
                assertThat(replies).hasSize(1);
                offered.add(Ipv4.toInt(replies.get(0).yiaddr()));
            }
            assertThat(offered).hasSize(3);
            assertThat(memory.exchange(discover(3))).isEmpty();
            assertThat(server.journal().received(MessageType.DISCOVER).get(3).note()).contains("pool exhausted");
            clock.advance(HOLD.minusSeconds(1));
            assertThat(memory.exchange(discover(4))).as("still held").isEmpty();
            clock.advance(Duration.ofSeconds(2));
            List<DhcpMessage> late = memory.exchange(discover(4));
            assertThat(late).hasSize(1);
            assertThat(offered).contains(Ipv4.toInt(late.get(0).yiaddr()));
        } finally {
            server.stop();
        }
    }

    static DhcpMessage discover(int n) {
        return DhcpMessage.builder().xid(n).chaddr(Wire.macText(0x300000 + n)).messageType(MessageType.DISCOVER)
                .build();
    }
}
