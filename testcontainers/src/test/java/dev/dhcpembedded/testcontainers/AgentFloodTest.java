package dev.dhcpembedded.testcontainers;

import static org.assertj.core.api.Assertions.assertThat;

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
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Issue 21, item 1's second reproduction: 6,000 datagrams of 65,000 bytes to the agent's port 67, while the test JVM
 * (here a child JVM of {@value #HEAP}) serves the network. On main before the issue this ended in OutOfMemoryError in
 * the channel's frame reader, and DHCP stopped. Now the channel stays up, the heap stays bounded, and a client on
 * the network still gets its lease. The flood comes from this host to the agent's address on the DHCP network (a
 * container this test created).
 */
@RequiresDockerAgent
class AgentFloodTest {

    static final String HEAP = "-Xmx256m";
    static final int DATAGRAMS = 6_000;
    static final int SIZE = 65_000;

    @Test
    @Timeout(value = 180, unit = TimeUnit.SECONDS)
    void aNetworkInASmallHeapSurvivesAFloodOfLargeDatagramsAndStillHandsOutLeases() throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Path errors = Files.createTempFile("agent-flood", ".stderr");
        List<String> command = new ArrayList<>(List.of(java, HEAP, "-cp", System.getProperty("java.class.path"),
                AgentFloodNetworkMain.class.getName()));
        Process child = new ProcessBuilder(command).redirectError(errors.toFile()).start();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(),
                StandardCharsets.UTF_8)); PrintStream in = new PrintStream(child.getOutputStream(), true,
                StandardCharsets.UTF_8); DatagramChannel flood = DatagramChannel.open()) {
            String first = out.readLine();
            assertThat(first).as("the child's first line (stderr: %s)", Files.exists(errors)
                    ? Files.readString(errors) : "").startsWith("AGENT ");
            InetSocketAddress agent = new InetSocketAddress(InetAddress.getByName(first.substring(6)), 67);
            Random random = new Random(21);
            byte[] large = new byte[SIZE];
            for (int i = 1; i <= DATAGRAMS; i++) {
                random.nextBytes(large);
                flood.send(ByteBuffer.wrap(large), agent);
                if (i % 8 == 0) {
                    Thread.sleep(1); // let the agent take them rather than its kernel drop them
                }
            }
            String[] stats = settle(in, out);
            System.out.printf("AgentFloodTest: %s, %d datagrams of %d bytes sent to %s; journaled %s, evicted %s, "
                    + "peak heap %d MiB; channel failure: %s%n", HEAP, DATAGRAMS, SIZE, agent, stats[1], stats[2],
                    Long.parseLong(stats[3]) >> 20, stats[4]);
            assertThat(Long.parseLong(stats[1])).as("datagrams the server journaled").isGreaterThan(500);
            assertThat(stats[4]).as("why DHCP stopped on the network").isEqualTo("-");

            in.println("lease");
            String lease = out.readLine();
            assertThat(lease).as("a client's lease after the flood").startsWith("LEASE ").endsWith(" true");
            assertThat(child.isAlive()).isTrue();
        } finally {
            child.getOutputStream().close();
            if (!child.waitFor(30, TimeUnit.SECONDS)) {
                child.destroyForcibly();
            }
            Files.deleteIfExists(errors);
        }
    }

    /** Asks the child for its figures until the journal stops growing: the STATS line, split. */
    private static String[] settle(PrintStream in, BufferedReader out) throws Exception {
        String[] last = null;
        for (int i = 0; i < 100; i++) {
            in.println("stats");
            String line = out.readLine();
            assertThat(line).as("the child's answer: it must not have died").isNotNull().startsWith("STATS ");
            String[] now = line.split(" ", 5);
            if (last != null && last[1].equals(now[1])) {
                return now;
            }
            last = now;
            Thread.sleep(300);
        }
        return last;
    }
}
