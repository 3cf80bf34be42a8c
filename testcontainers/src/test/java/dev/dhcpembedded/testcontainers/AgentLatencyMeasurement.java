package dev.dhcpembedded.testcontainers;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.wait.strategy.Wait;

/**
 * Not a test (surefire does not pick it up): the figures of the README, DORA through the agent against DORA from the
 * host bridge, and the start time of a DhcpNetwork. Needs root (tshark on the bridge; host-bridge mode) and the
 * local images. Run:
 * {@code mvn -pl testcontainers -am test -Dtest=AgentLatencyMeasurement -Dsurefire.failIfNoSpecifiedTests=false}
 *
 * <p>A busybox container runs {@code udhcpc -q} {@value #WARM_UP} + {@value #LEASES} times in a row; tshark on the
 * network's bridge timestamps every packet, and the figure per lease is the time the server took as the link sees
 * it: (OFFER - DISCOVER) + (ACK - REQUEST). The first {@value #WARM_UP} leases of each network are reported apart
 * ("fresh"): they include the JIT warm-up of the test JVM's server code (which the second mode measured would
 * otherwise get for free from the first) and of a fresh agent's JVM. The p50/p99 figures are over the
 * {@value #LEASES} leases after them.
 */
class AgentLatencyMeasurement {

    private static final int WARM_UP = 50;
    private static final int LEASES = 200;

    @Test
    void measure() throws Exception {
        StringBuilder report = new StringBuilder();
        for (boolean hostBridge : new boolean[] {false, true}) {
            DhcpNetworkBuilder builder = DhcpNetwork.builder().subnet(s -> s.leaseTime(Duration.ofMinutes(10)));
            if (hostBridge) {
                builder.serveFromHostBridge();
            }
            List<Long> starts = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                try (DhcpNetwork probe = builder.build()) {
                    long t0 = System.nanoTime();
                    probe.start();
                    starts.add(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0));
                }
            }
            try (DhcpNetwork network = builder.build()) {
                network.start();
                List<Double> all = dora(network);
                List<Double> fresh = all.subList(0, WARM_UP);
                List<Double> millis = all.subList(WARM_UP, all.size());
                report.append(String.format("%-12s start %s ms (5 runs: %s); DORA server time over %d leases: "
                                + "p50 %.2f ms, p99 %.2f ms; first %d leases of the fresh network: p50 %.2f ms%n",
                        hostBridge ? "host bridge" : "agent", percentile(toDouble(starts), 50), starts, millis.size(),
                        percentile(millis, 50), percentile(millis, 99), WARM_UP, percentile(fresh, 50)));
            }
        }
        System.out.println("==== measurement ====\n" + report);
        Files.writeString(Path.of("target/agent-latency.txt"), report.toString());
    }

    private static List<Double> dora(DhcpNetwork network) throws Exception {
        Path pcap = Files.createTempFile("dora", ".pcap");
        Process tshark = new ProcessBuilder("tshark", "-q", "-i", network.bridgeInterface(), "-f",
                "udp port 67 or udp port 68", "-w", pcap.toString()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        Thread.sleep(1500);
        String loop = "ip addr flush dev eth0; i=0; while [ $i -lt " + (WARM_UP + LEASES) + " ]; do "
                + "udhcpc -i eth0 -q -n -f -t 3 -T 1 -s /bin/true >/dev/null 2>&1; i=$((i+1)); done; echo DORA-DONE;"
                + " sleep 600";
        try (GenericContainer<?> client = new GenericContainer<>(TestImages.busybox())
                .withNetwork(network).withCreateContainerCmdModifier(c -> c.getHostConfig()
                        .withCapAdd(com.github.dockerjava.api.model.Capability.NET_ADMIN,
                                com.github.dockerjava.api.model.Capability.NET_RAW))
                .withCommand("sh", "-c", loop)
                .waitingFor(Wait.forLogMessage(".*DORA-DONE.*\\n", 1).withStartupTimeout(Duration.ofMinutes(5)))) {
            client.start();
        }
        Thread.sleep(1000);
        tshark.destroy();
        tshark.waitFor(10, TimeUnit.SECONDS);
        Process read = new ProcessBuilder("tshark", "-r", pcap.toString(), "-T", "fields", "-e", "frame.time_epoch",
                "-e", "dhcp.id", "-e", "dhcp.option.dhcp").redirectErrorStream(true).start();
        String out = new String(read.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        read.waitFor();
        Files.deleteIfExists(pcap);
        Map<String, Map<String, Double>> byXid = new HashMap<>();
        for (String line : out.split("\n")) {
            String[] f = line.trim().split("\t");
            if (f.length < 3) {
                continue;
            }
            byXid.computeIfAbsent(f[1], x -> new HashMap<>()).putIfAbsent(f[2], Double.parseDouble(f[0]));
        }
        List<double[]> complete = new ArrayList<>(); // {DISCOVER time, server time}
        for (Map<String, Double> t : byXid.values()) {
            if (t.containsKey("1") && t.containsKey("2") && t.containsKey("3") && t.containsKey("5")) {
                complete.add(new double[] {t.get("1"), ((t.get("2") - t.get("1")) + (t.get("5") - t.get("3"))) * 1000});
            }
        }
        if (complete.size() < WARM_UP + LEASES / 2) {
            throw new IOException("only " + complete.size() + " complete DORAs in the capture:\n" + out);
        }
        complete.sort(java.util.Comparator.comparingDouble(d -> d[0]));
        List<Double> millis = new ArrayList<>();
        complete.forEach(d -> millis.add(d[1]));
        return millis;
    }

    private static List<Double> toDouble(List<Long> values) {
        List<Double> out = new ArrayList<>();
        values.forEach(v -> out.add(v.doubleValue()));
        return out;
    }

    private static double percentile(List<Double> values, int p) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        int index = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
    }
}
