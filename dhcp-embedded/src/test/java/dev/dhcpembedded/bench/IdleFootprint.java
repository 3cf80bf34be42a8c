package dev.dhcpembedded.bench;

import dev.dhcpembedded.server.DhcpServer;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.util.ArrayList;
import java.util.List;

/**
 * What an idle, started server retains on the heap: starts {@code N} loopback servers (default 200), collects, and
 * divides the growth of the heap's used bytes by {@code N}. An idle server has seen no message, so its journal
 * holds no slab yet. Off-heap memory (each receiving thread's 64 KiB direct buffer, its stack) is not counted.
 * Prints {@code idle_server_retained_bytes=..}. Run with
 * {@code java -cp ... dev.dhcpembedded.bench.IdleFootprint [N]} (see {@code dhcp-embedded/bench/startup.sh}).
 */
public final class IdleFootprint {

    private IdleFootprint() {
    }

    /**
     * Measures and prints.
     *
     * @param args optionally the number of servers
     * @throws InterruptedException when interrupted between collections
     */
    public static void main(String[] args) throws InterruptedException {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 200;
        List<DhcpServer> servers = new ArrayList<>(n);
        // one first, so that classes and their statics are not counted
        DhcpServer.builder().subnet("10.20.0.0/24", s -> s.pool("10.20.0.100", "10.20.0.199")).start().stop();
        long before = usedAfterGc();
        for (int i = 0; i < n; i++) {
            servers.add(DhcpServer.builder()
                    .subnet("10.20.0.0/24", s -> s.pool("10.20.0.100", "10.20.0.199").router("10.20.0.1"))
                    .start());
        }
        long after = usedAfterGc();
        System.out.printf("idle_server_retained_bytes=%d (%d servers, heap used %d -> %d)%n", (after - before) / n,
                n, before, after);
        for (DhcpServer server : servers) {
            server.stop();
        }
    }

    private static long usedAfterGc() throws InterruptedException {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        for (int i = 0; i < 4; i++) {
            System.gc();
            Thread.sleep(50);
        }
        return memory.getHeapMemoryUsage().getUsed();
    }
}
