package dev.dhcpembedded.internal.journal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dhcpembedded.client.ClientLease;
import dev.dhcpembedded.client.DhcpTestClient;
import dev.dhcpembedded.journal.Journal;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The reproduction in a JVM of a 128 MiB heap: a server with the default journal takes 20,000 datagrams of
 * 65,507 random bytes (1.3 GB, which a journal bounded in entries only would have kept whole until the receive
 * thread died of OutOfMemoryError) and still answers a DORA; its journal stays within its 64 MiB.
 */
class JournalFloodForkedJvmTest {

    static final int DATAGRAMS = 20_000;
    static final int LARGEST = 65_507;

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void aServerInASmallHeapSurvivesAFloodOfTheLargestDatagrams() throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Path errors = Files.createTempFile("journal-flood", ".stderr");
        Process child = new ProcessBuilder(List.of(java, "-Xmx128m", "-cp", System.getProperty("java.class.path"),
                JournalFloodServerMain.class.getName())).redirectError(errors.toFile()).start();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(),
                StandardCharsets.UTF_8)); PrintStream in = new PrintStream(child.getOutputStream(), true,
                StandardCharsets.UTF_8); DatagramChannel flood = DatagramChannel.open()) {
            String first = out.readLine();
            assertThat(first).as("the child's first line").startsWith("PORT ");
            InetSocketAddress server = new InetSocketAddress(InetAddress.getLoopbackAddress(),
                    Integer.parseInt(first.substring(5)));
            flood.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            Random random = new Random(21);
            byte[] large = new byte[LARGEST];
            for (int i = 1; i <= DATAGRAMS; i++) {
                random.nextBytes(large);
                flood.send(ByteBuffer.wrap(large), server);
                if (i % 16 == 0) {
                    Thread.sleep(1); // let the server take them rather than the kernel drop them
                }
            }
            long[] stats = settle(in, out, child, errors);
            System.out.printf("JournalFloodForkedJvmTest: -Xmx128m, %d datagrams of %d bytes sent; journaled %d, "
                    + "evicted %d, journal bytes %d (bound %d)%n", DATAGRAMS, LARGEST, stats[0], stats[1], stats[2],
                    Journal.DEFAULT_MAX_BYTES);
            assertThat(stats[0]).as("datagrams the server journaled (%s)", java).isGreaterThan(2_000);
            assertThat(stats[2]).as("bytes the journal keeps").isLessThanOrEqualTo(Journal.DEFAULT_MAX_BYTES);

            try (DhcpTestClient client = DhcpTestClient.builder().server(server).mac("02:00:00:00:21:02")
                    .timeout(Duration.ofMillis(300)).attempts(20).build()) {
                ClientLease lease = client.dora();
                assertThat(lease.address().getHostAddress()).startsWith("10.0.");
            }
            assertThat(child.isAlive()).isTrue();
        } finally {
            child.getOutputStream().close();
            if (!child.waitFor(10, TimeUnit.SECONDS)) {
                child.destroyForcibly();
            }
            Files.deleteIfExists(errors);
        }
    }

    /** Asks the child for its journal's figures until they stop changing: {appended, evicted, bytes kept}. */
    private static long[] settle(PrintStream in, BufferedReader out, Process child, Path errors) throws Exception {
        long[] last = null;
        for (int i = 0; i < 50; i++) {
            in.println("stats");
            String line = out.readLine();
            if (line == null) {
                child.waitFor(5, TimeUnit.SECONDS);
                throw new AssertionError("the server's JVM ended under the flood ("
                        + (child.isAlive() ? "still running" : "exit " + child.exitValue()) + "): "
                        + Files.readString(errors));
            }
            String[] parts = line.split(" ");
            long[] now = {Long.parseLong(parts[1]), Long.parseLong(parts[2]), Long.parseLong(parts[3])};
            if (last != null && last[0] == now[0]) {
                return now;
            }
            last = now;
            Thread.sleep(200);
        }
        return last;
    }
}
