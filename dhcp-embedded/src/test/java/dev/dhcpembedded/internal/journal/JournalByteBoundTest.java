package dev.dhcpembedded.internal.journal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dhcpembedded.client.ClientLease;
import dev.dhcpembedded.client.DhcpTestClient;
import dev.dhcpembedded.journal.Journal;
import dev.dhcpembedded.journal.JournalEntry;
import dev.dhcpembedded.server.DhcpServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The journal is bounded in bytes, not only in entries: a server with a 1 MiB journal takes thousands of the largest
 * datagrams UDP carries (65,507 random bytes) over loopback, keeps each cut to the snap length with its original
 * length, stays within its bound by dropping the oldest entries (counted, and said in the transcript), and answers a
 * valid DISCOVER afterwards. On a journal bounded in entries only, these datagrams would take 655 MB.
 */
class JournalByteBoundTest {

    static final long BOUND = 1L << 20;
    static final int LARGEST = 65_507;

    @Test
    void largeDatagramsAreCutToTheSnapLengthAndTheOldestGoPastTheByteBound(@TempDir Path dir) throws Exception {
        DhcpServer server = DhcpServer.builder().journal(Journal.DEFAULT_CAPACITY, BOUND)
                .subnet("10.0.0.0/16", s -> s.router("10.0.0.1")).start();
        try (DatagramChannel flood = DatagramChannel.open()) {
            flood.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            InetSocketAddress target = server.address();
            JournalStore journal = (JournalStore) server.journal();
            Random random = new Random(21);
            byte[] large = new byte[LARGEST];
            int sent = 0;
            while (journal.appended() < 1_000 && sent < 20_000) {
                random.nextBytes(large);
                flood.send(ByteBuffer.wrap(large), target);
                sent++;
                if (sent % 16 == 0) {
                    Thread.sleep(1); // let the server keep up rather than the kernel drop them all
                }
                assertThat(journal.bytesKept()).as("bytes kept after %d datagrams", sent).isLessThanOrEqualTo(BOUND);
            }
            settle(journal);

            assertThat(journal.appended()).as("datagrams journaled").isGreaterThanOrEqualTo(1_000);
            assertThat(journal.bytesKept()).isLessThanOrEqualTo(BOUND).isPositive();
            assertThat(journal.evicted()).as("the oldest entries dropped to stay within %d bytes", BOUND).isPositive();
            assertThat(journal.size() + journal.evicted()).isEqualTo(journal.appended());
            assertThat(journal.size()).as("far fewer than the entry bound").isLessThan(Journal.DEFAULT_CAPACITY);
            List<JournalEntry> rejected = journal.rejected();
            assertThat(rejected).isNotEmpty();
            JournalEntry cut = rejected.get(rejected.size() - 1);
            assertThat(cut.originalLength()).isEqualTo(LARGEST);
            assertThat(cut.bytes()).hasSize(Journal.SNAP_LENGTH);
            assertThat(cut.transcriptLine()).contains("[journal kept 4096 of 65507 bytes]");
            assertThat(journal.transcript()).startsWith("(the journal dropped " + journal.evicted() + " oldest entries");

            Path pcap = dir.resolve("cut.pcap");
            journal.writePcap(pcap);
            assertThat(Files.size(pcap)).as("the pcap holds the cut bytes, not the datagrams' whole length")
                    .isLessThan((long) journal.size() * (Journal.SNAP_LENGTH + 64) + 24);
            ByteBuffer record = ByteBuffer.wrap(Files.readAllBytes(pcap)).order(java.nio.ByteOrder.LITTLE_ENDIAN);
            assertThat(record.getInt(24 + 8)).as("incl_len: IP and UDP headers and the bytes kept")
                    .isEqualTo(20 + 8 + Journal.SNAP_LENGTH);
            assertThat(record.getInt(24 + 12)).as("orig_len: the datagram's length on the wire")
                    .isEqualTo(20 + 8 + LARGEST);

            try (DhcpTestClient client = DhcpTestClient.builder().server(target).mac("02:00:00:00:21:01")
                    .timeout(Duration.ofMillis(200)).attempts(20).build()) {
                ClientLease lease = client.dora();
                assertThat(lease.address().getHostAddress()).startsWith("10.0.");
            }
        } finally {
            server.stop();
        }
    }

    /** Waits until the server has journaled what the kernel kept for it. */
    private static void settle(Journal journal) throws InterruptedException {
        long last = -1;
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (journal.appended() != last && System.nanoTime() < deadline) {
            last = journal.appended();
            Thread.sleep(100);
        }
    }
}
