package dev.dhcpembedded.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dhcpembedded.client.DhcpClientException;
import dev.dhcpembedded.client.DhcpTestClient;
import dev.dhcpembedded.codec.DhcpMessage;
import dev.dhcpembedded.codec.MacAddress;
import dev.dhcpembedded.journal.JournalEntry;
import dev.dhcpembedded.lease.Lease;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * {@link DhcpServer#reset()} is one step for the packet path: while clients keep exchanging over loopback, each
 * request is handled wholly before a reset (and forgotten with it) or wholly after. Right after each reset the
 * state is checked for remains of an exchange that straddled it:
 * <ul>
 * <li>a lease whose request the journal no longer has (the lease engine answered after the leases were forgotten,
 * the journal was emptied after that);</li>
 * <li>a reply in the journal whose request is not in it (journaled before the journal was emptied, answered
 * after);</li>
 * <li>an entry journaled before the reset began.</li>
 * </ul>
 * Each client uses a MAC of its own, so nothing of an exchange before a reset can be confused with a later one.
 */
class ServerResetAtomicityTest {

    private static final int RESETS = 2000;
    private static final int CLIENT_THREADS = 2;

    @Test
    void noExchangeStraddlesAReset() throws Exception {
        try (DhcpServer server = DhcpServer.builder().serverId("10.40.0.1")
                .subnet("10.40.0.0/16", s -> s.pool("10.40.1.0", "10.40.250.250").router("10.40.0.1"))
                .start()) {
            AtomicBoolean running = new AtomicBoolean(true);
            AtomicInteger exchanges = new AtomicInteger();
            List<Thread> clients = new ArrayList<>();
            List<Throwable> failures = new ArrayList<>();
            for (int t = 0; t < CLIENT_THREADS; t++) {
                int thread = t;
                Thread client = new Thread(() -> {
                    int n = 0;
                    while (running.get()) {
                        MacAddress mac = MacAddress.of(new byte[] {0x02, 0x40, (byte) thread, (byte) (n >>> 16),
                            (byte) (n >>> 8), (byte) n});
                        n++;
                        try (DhcpTestClient c = DhcpTestClient.builder().server(server.address()).mac(mac)
                                .timeout(Duration.ofMillis(200)).attempts(1).build()) {
                            Optional<DhcpMessage> offer = c.discover();
                            if (offer.isPresent()) {
                                c.request(offer.get());
                            }
                            exchanges.incrementAndGet();
                        } catch (DhcpClientException e) {
                            // a reply lost to a reset: the next client tries again
                        } catch (RuntimeException | Error e) {
                            synchronized (failures) {
                                failures.add(e);
                            }
                        }
                    }
                }, "reset-atomicity-client-" + t);
                client.start();
                clients.add(client);
            }
            try {
                while (exchanges.get() < 5) {
                    Thread.sleep(1);
                }
                for (int i = 0; i < RESETS; i++) {
                    long before = server.journal().entries().stream().mapToLong(JournalEntry::sequence).max()
                            .orElse(0);
                    server.reset();
                    List<Lease> leases = server.leases();
                    List<JournalEntry> journal = server.journal().entries(); // after the leases: a superset
                    assertThat(journal).as("reset %d: entries journaled before the reset began", i)
                            .allMatch(e -> e.sequence() > before);
                    for (Lease lease : leases) {
                        assertThat(requestJournaled(server, journal, lease.mac()))
                                .as("reset %d: the request of lease %s (journal %s)", i, lease, journal).isTrue();
                    }
                    for (JournalEntry sent : journal) {
                        if (sent.isSent()) {
                            assertThat(journal.subList(0, journal.indexOf(sent)))
                                    .as("reset %d: the request of reply %s", i, sent)
                                    .anyMatch(e -> e.isReceived() && sameExchange(e, sent));
                        }
                    }
                    java.util.concurrent.locks.LockSupport.parkNanos(100_000); // exchanges go on between resets
                }
            } finally {
                running.set(false);
                for (Thread client : clients) {
                    client.join(5000);
                }
            }
            assertThat(failures).isEmpty();
            assertThat(exchanges.get()).as("exchanges during the resets").isGreaterThan(RESETS / 100);
        }
    }

    /**
     * Whether the request behind a lease is in the journal. The packet path journals a request once the lease engine
     * has decided on it (the entry carries the decision's note), so a lease made just after the reset can be seen a
     * moment before its request is journaled: then the request turns up within the exchange, where a request the
     * reset forgot never does (each exchange has a MAC of its own).
     */
    private static boolean requestJournaled(DhcpServer server, List<JournalEntry> snapshot, MacAddress mac)
            throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(2).toNanos();
        List<JournalEntry> journal = snapshot;
        while (journal.stream().noneMatch(e -> e.isReceived() && e.clientMac().map(mac::equals).orElse(false))) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            Thread.sleep(1);
            journal = server.journal().entries();
        }
        return true;
    }

    private static boolean sameExchange(JournalEntry request, JournalEntry reply) {
        DhcpMessage asked = request.message().orElseThrow();
        DhcpMessage answered = reply.message().orElseThrow();
        return asked.xid() == answered.xid() && asked.clientMac().equals(answered.clientMac());
    }
}
