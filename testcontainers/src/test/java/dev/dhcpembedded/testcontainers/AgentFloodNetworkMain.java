package dev.dhcpembedded.testcontainers;

import dev.dhcpembedded.journal.Journal;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;

/**
 * A DhcpNetwork served through its agent, for {@link AgentFloodTest} to run in a JVM of a small heap: prints
 * {@code AGENT address}, then answers on stdin {@code stats} with {@code STATS appended evicted peakHeapBytes
 * failure} and {@code lease} with {@code LEASE address inPool} (a busybox client's), and closes the network when stdin
 * ends.
 */
public final class AgentFloodNetworkMain {

    private AgentFloodNetworkMain() {
    }

    public static void main(String[] args) throws Exception {
        try (DhcpNetwork network = DhcpNetwork.newNetwork()) {
            network.start();
            System.out.println("AGENT " + network.server().serverIdentifier().getHostAddress());
            System.out.flush();
            BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
            String line;
            while ((line = in.readLine()) != null) {
                if (line.equals("stats")) {
                    Journal journal = network.journal();
                    System.out.println("STATS " + journal.appended() + " " + journal.evicted() + " " + peakHeap()
                            + " " + network.failure().orElse("-").replace('\n', ' '));
                } else if (line.equals("lease")) {
                    try (DhcpClientContainer device = TestImages.udhcpc().withNetwork(network).waitingForLease()) {
                        device.start();
                        String address = device.ipv4Address().orElse("0.0.0.0");
                        System.out.println("LEASE " + address + " " + network.inPool(address));
                    } catch (RuntimeException e) {
                        System.out.println("LEASE failed: " + e.getMessage().replace('\n', ' '));
                    }
                }
                System.out.flush();
            }
        }
    }

    /** The heap's peak use since start, summed over its pools. */
    private static long peakHeap() {
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        return peak;
    }
}
