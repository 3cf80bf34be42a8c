package dev.dhcpembedded.robustness;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dhcpembedded.client.ClientLease;
import dev.dhcpembedded.client.DhcpTestClient;
import dev.dhcpembedded.codec.DhcpCodec;
import dev.dhcpembedded.codec.DhcpMessage;
import dev.dhcpembedded.codec.DhcpOption;
import dev.dhcpembedded.codec.DhcpOptions;
import dev.dhcpembedded.codec.MessageType;
import dev.dhcpembedded.journal.Journal;
import dev.dhcpembedded.journal.JournalEntry;
import dev.dhcpembedded.server.DhcpServer;
import dev.dhcpembedded.internal.transport.LoopbackTransport;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryUsage;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * A flood over loopback UDP: 3 threads send at least 102,000 datagrams to one server as fast as loopback carries
 * them, half valid DISCOVERs from 5,000 MACs, half malformed; they go on (to at most 900,000 datagrams or
 * {@link #TIME_CAP}) until a probe client has completed a DORA while the flood runs. A test, not a benchmark: it
 * asserts that the server stays responsive (a DORA during and after), that memory stays bounded (the journal at
 * its capacity, the heap after GC within a bound), that the journal counts what it evicted and rejected, and that
 * every reply went back to a sender's own loopback address. The figures are printed.
 */
class FloodTest {

    static final int SENDERS = 3;
    static final int PER_SENDER = 34_000;
    static final int MACS = 5_000;
    static final int JOURNAL_CAPACITY = 1_024;
    static final int MAX_PER_SENDER = 300_000;
    static final Duration TIME_CAP = Duration.ofSeconds(15);
    static final long HEAP_GROWTH_BOUND = 64L << 20;

    @Test
    void floodOfValidAndMalformedDatagrams() throws Exception {
        RecordingTransport transport = new RecordingTransport(
                new LoopbackTransport(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0)));
        DhcpServer server = DhcpServer.builder().transport(transport).serverId("10.9.0.1")
                .journal(JOURNAL_CAPACITY, Journal.DEFAULT_MAX_BYTES)
                .subnet("10.9.0.0/16", s -> s.pool("10.9.1.0", "10.9.255.254").router("10.9.0.1"))
                .start();
        InetSocketAddress target = server.address();
        List<byte[]> malformed = new ArrayList<>();
        HostileInputs.all(0x7000).values().forEach(bytes -> {
            try {
                DhcpCodec.decode(bytes);
            } catch (RuntimeException e) {
                malformed.add(bytes);
            }
        });
        byte[][] discovers = new byte[MACS][];
        for (int i = 0; i < MACS; i++) {
            discovers[i] = DhcpCodec.encode(DhcpMessage.builder().xid(i).chaddr(Wire.macText(0x10000 + i))
                    .messageType(MessageType.DISCOVER).option(DhcpOptions.parameterRequestList(1, 3, 6)).build());
        }
        long heapBefore = usedHeapAfterGc();

        Set<InetSocketAddress> senders = ConcurrentHashMap.newKeySet();
        List<ClientLease> probes = new ArrayList<>();
        AtomicLong probesDuringFlood = new AtomicLong();
        AtomicBoolean flooding = new AtomicBoolean(true);
        AtomicLong sent = new AtomicLong();
        AtomicLong sentMalformed = new AtomicLong();
        AtomicBoolean stop = new AtomicBoolean();
        ExecutorService pool = Executors.newFixedThreadPool(SENDERS + 1);
        long start = System.nanoTime();
        long deadline = start + TIME_CAP.toNanos();
        List<Future<?>> floods = new ArrayList<>();
        for (int t = 0; t < SENDERS; t++) {
            int thread = t;
            floods.add(pool.submit(() -> {
                try (DatagramChannel channel = DatagramChannel.open()) {
                    channel.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
                    senders.add((InetSocketAddress) channel.getLocalAddress());
                    // at least PER_SENDER, and on until a probe DORA has completed during the flood (bounded)
                    for (int i = 0; (i < PER_SENDER || probesDuringFlood.get() == 0 && i < MAX_PER_SENDER)
                            && !stop.get() && System.nanoTime() < deadline; i++) {
                        byte[] bytes;
                        if (i % 2 == 0) {
                            bytes = discovers[(thread * PER_SENDER + i) % MACS];
                        } else {
                            bytes = malformed.get(i / 2 % malformed.size());
                            sentMalformed.incrementAndGet();
                        }
                        channel.send(ByteBuffer.wrap(bytes), target);
                        sent.incrementAndGet();
                    }
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
                return null;
            }));
        }

        // DORAs from new clients, one after another, for as long as the flood runs (and at least one)
        Future<?> prober = pool.submit(() -> {
            int n = 0;
            do {
                try (DhcpTestClient probe = DhcpTestClient.builder().server(target)
                        .mac(Wire.macText(0x20000 + n++)).timeout(Duration.ofMillis(50)).attempts(100).build()) {
                    senders.add(probe.localAddress());
                    ClientLease lease = probe.dora(); // retransmits when the flood crowds its datagrams out
                    synchronized (probes) {
                        probes.add(lease);
                    }
                    if (flooding.get()) {
                        probesDuringFlood.incrementAndGet();
                    }
                }
            } while (flooding.get() && n < 1_000);
            return null;
        });
        try {
            for (Future<?> flood : floods) {
                flood.get(TIME_CAP.toSeconds() + 10, TimeUnit.SECONDS);
            }
            long elapsedNanos = System.nanoTime() - start;
            flooding.set(false);
            prober.get(30, TimeUnit.SECONDS);
            assertThat(probes).isNotEmpty();
            ClientLease during = probes.get(0);

            // the server drains what the kernel kept, then answers a new client at once
            long settleDeadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            long last = -1;
            while (System.nanoTime() < settleDeadline && server.journal().appended() != last) {
                last = server.journal().appended();
                Thread.sleep(200);
            }
            ClientLease after;
            try (DhcpTestClient late = DhcpTestClient.builder().server(target).mac("02:00:00:00:99:02")
                    .timeout(Duration.ofMillis(500)).attempts(4).build()) {
                senders.add(late.localAddress());
                after = late.dora();
            }
            assertThat(during.address().getHostAddress()).startsWith("10.9.");
            assertThat(after.address().getHostAddress()).startsWith("10.9.");
            assertThat(after.address()).isNotEqualTo(during.address());

            Journal journal = server.journal();
            long appended = journal.appended();
            long replies = transport.sent();
            long receivedByServer = appended - replies; // RECEIVED + REJECTED entries
            assertThat(journal.size()).isEqualTo(JOURNAL_CAPACITY);
            assertThat(journal.entries()).hasSize(JOURNAL_CAPACITY);
            assertThat(journal.evicted()).isEqualTo(appended - JOURNAL_CAPACITY);
            assertThat(journal.rejectedCount()).isPositive().isLessThanOrEqualTo(sentMalformed.get());
            assertThat(receivedByServer).isPositive().isLessThanOrEqualTo(sent.get() + 20);
            assertThat(journal.entries(e -> e.kind() == JournalEntry.Kind.SENT)).allSatisfy(e -> {
                DhcpMessage m = DhcpCodec.decode(e.bytes());
                assertThat(m.op()).isEqualTo(DhcpMessage.BOOTREPLY);
            });

            // every reply went back to a sender's own loopback socket, nowhere else
            assertThat(transport.destinations().keySet()).isNotEmpty();
            assertThat(transport.destinations().keySet()).allSatisfy(d -> {
                assertThat(d.getAddress().isLoopbackAddress()).as("%s is loopback", d).isTrue();
                assertThat(senders).as("replied to %s", d).contains(d);
            });

            long heapAfter = usedHeapAfterGc();
            double seconds = elapsedNanos / 1e9;
            System.out.printf("flood: %d datagrams sent (%d malformed) by %d threads in %.2f s (%.0f/s); "
                            + "the server journaled %d received (%d rejected), sent %d replies to %d destinations; "
                            + "journal kept %d, evicted %d; heap after GC %d -> %d MiB; "
                            + "DORAs completed during the flood: %d of %d%n",
                    sent.get(), sentMalformed.get(), SENDERS, seconds, sent.get() / seconds, receivedByServer,
                    journal.rejectedCount(), replies, transport.destinations().size(), journal.size(),
                    journal.evicted(), heapBefore >> 20, heapAfter >> 20, probesDuringFlood.get(), probes.size());
            assertThat(sent.get() >= (long) SENDERS * PER_SENDER || elapsedNanos >= TIME_CAP.toNanos())
                    .as("at least %d datagrams sent, or the time cap reached", SENDERS * PER_SENDER).isTrue();
            assertThat(sent.get()).isLessThanOrEqualTo((long) SENDERS * MAX_PER_SENDER);
            assertThat(heapAfter - heapBefore).as("heap growth after GC").isLessThan(HEAP_GROWTH_BOUND);
            assertThat(server.isRunning()).isTrue();
            Set<String> kinds = new HashSet<>();
            journal.entries().forEach(e -> kinds.add(e.kind().name()));
            assertThat(kinds).contains("RECEIVED");
        } finally {
            stop.set(true);
            pool.shutdownNow();
            server.stop();
        }
    }

    static long usedHeapAfterGc() throws InterruptedException {
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(50);
        }
        MemoryUsage heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
        return heap.getUsed();
    }
}
