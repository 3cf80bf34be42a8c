package dev.dhcpembedded.robustness;

import static dev.dhcpembedded.stub.RequestMatcher.onDiscover;
import static org.assertj.core.api.Assertions.assertThat;

import dev.dhcpembedded.codec.DhcpMessage;
import dev.dhcpembedded.codec.MessageType;
import dev.dhcpembedded.journal.Journal;
import dev.dhcpembedded.journal.JournalEntry;
import dev.dhcpembedded.server.DhcpServer;
import dev.dhcpembedded.transport.InMemoryTransport;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Regression tests for bugs found while hardening the server (each failed before its fix). */
class ServerFailureIsolationTest {

    static DhcpServer server(InMemoryTransport memory) {
        return DhcpServer.builder().transport(memory).serverId("10.20.0.1")
                .subnet("10.20.0.0/24", s -> s.pool("10.20.0.100", "10.20.0.199")).start();
    }

    static DhcpMessage discover(int n) {
        return DhcpMessage.builder().xid(n).chaddr(Wire.macText(0x700000 + n)).messageType(MessageType.DISCOVER)
                .build();
    }

    /**
     * The journal only observes: a listener that throws (e.g. the CLI's --pcap writer on a full disk, which throws
     * UncheckedIOException) must not stop the server from answering, nor keep the entry out of the journal. Before
     * the fix the exception left Journal.append, so every datagram was dropped after its RECEIVED entry.
     */
    @Test
    void aFailingJournalListenerDoesNotSilenceTheServer() {
        InMemoryTransport memory = new InMemoryTransport();
        DhcpServer server = server(memory);
        try {
            server.journal().addListener(e -> {
                throw new UncheckedIOException(new java.io.IOException("No space left on device"));
            });
            List<DhcpMessage> replies = memory.exchange(discover(1));
            assertThat(replies).hasSize(1);
            assertThat(replies.get(0).is(MessageType.OFFER)).isTrue();
            assertThat(server.journal().entries()).extracting(JournalEntry::kind)
                    .containsExactly(JournalEntry.Kind.RECEIVED, JournalEntry.Kind.SENT);
        } finally {
            server.stop();
        }
    }

    /** Other listeners still see every entry when one of them throws. */
    @Test
    void aFailingListenerDoesNotHideEntriesFromTheOthers() {
        List<Long> seen = new java.util.concurrent.CopyOnWriteArrayList<>();
        InMemoryTransport memory = new InMemoryTransport();
        DhcpServer server = server(memory);
        Journal journal = server.journal();
        journal.addListener(e -> {
            throw new IllegalStateException("boom");
        });
        journal.addListener(e -> seen.add(e.sequence()));
        try {
            memory.exchange(discover(2));
            assertThat(seen).containsExactly(1L, 2L);
        } finally {
            server.stop();
        }
    }

    /**
     * Sequence numbers are "never reused" (JournalEntry's contract): after {@link DhcpServer#reset()} empties the
     * journal, numbering goes on, so a test that remembered "entries after #n" does not mistake new entries for old
     * ones or old for new. Before the fix numbering restarted at 1.
     */
    @Test
    void sequenceNumbersAreNotReusedAfterClear() {
        InMemoryTransport memory = new InMemoryTransport();
        DhcpServer server = server(memory);
        try {
            memory.exchange(discover(3));
            long last = server.journal().entries().get(1).sequence();
            server.reset();
            assertThat(server.journal().entries()).isEmpty();
            assertThat(server.journal().appended()).isZero();
            memory.exchange(discover(4));
            assertThat(server.journal().entries()).allSatisfy(e -> assertThat(e.sequence()).isGreaterThan(last));
        } finally {
            server.stop();
        }
    }

    /**
     * A datagram still being handled while the server stops (a slow stub outlives stop()'s wait for the receiving
     * thread) must not start a new delay thread on the closed scheduler: before the fix, a delayed reply dispatched
     * after close() created a fresh "dhcp-embedded-delay-*" executor that nobody ever shut down (a thread leak), and
     * the reply then went to a closed transport.
     */
    @Test
    void aDelayedReplyDispatchedAfterStopStartsNoThread() throws Exception {
        InMemoryTransport memory = new InMemoryTransport();
        DhcpServer server = server(memory);
        CountDownLatch inStub = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        server.stub(onDiscover().respond((request, ctx) -> {
            inStub.countDown();
            try {
                release.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return ctx.defaultReply().delayed(Duration.ofMillis(20));
        }));
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try {
            Future<?> delivering = pool.submit(() -> memory.deliver(
                    dev.dhcpembedded.codec.DhcpCodec.encode(discover(5)), InMemoryTransport.CLIENT));
            assertThat(inStub.await(5, TimeUnit.SECONDS)).isTrue();
            server.stop();
            release.countDown();
            delivering.get(5, TimeUnit.SECONDS);
            Thread.sleep(100);
            assertThat(delayThreads(server)).as("delay threads alive after stop").isEmpty();
            assertThat(memory.sent()).as("nothing sent after stop").isEmpty();
        } finally {
            release.countDown();
            pool.shutdownNow();
            server.stop();
        }
    }

    static List<String> delayThreads(DhcpServer server) {
        String name = "dhcp-embedded-delay-" + System.identityHashCode(server);
        return Thread.getAllStackTraces().keySet().stream().filter(Thread::isAlive).map(Thread::getName)
                .filter(name::equals).toList();
    }
}
