package dev.dhcpembedded.testcontainers;

import dev.dhcpembedded.lab.RealHostSupport;
import java.io.File;
import java.io.IOException;
import java.net.NetworkInterface;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * {@code tshark -i BRIDGE -w FILE} on a Docker network's host-side bridge, and the frames it caught. Small on
 * purpose: lab's TsharkCapture lives in lab's test sources, which this module does not see. Same readiness signal:
 * dumpcap writes and flushes the capture file's header only once it has opened the interface and set its filter, so
 * a non-empty file means a frame sent from now on is caught.
 */
final class BridgeCapture implements AutoCloseable {

    private static final String FILTER = "udp port 67 or udp port 68";
    private static final Duration START = Duration.ofSeconds(15);
    private static final String[] FIELDS = {"frame.number", "eth.dst", "ip.src", "ip.dst", "udp.dstport",
        "dhcp.option.dhcp", "dhcp.flags.bc", "dhcp.ip.your", "dhcp.hw.mac_addr", "_ws.malformed"};

    private final Path file;
    private final Path summary;
    private final Process process;

    private BridgeCapture(Path file, Path summary, Process process) {
        this.file = file;
        this.summary = summary;
        this.process = process;
    }

    /** Empty when this JVM can capture on a Docker bridge: tshark installed and root; otherwise why not. */
    static Optional<String> missingReason() {
        Optional<String> tshark = RealHostSupport.missingBinary("tshark");
        if (tshark.isPresent()) {
            return tshark;
        }
        try {
            Object uid = Files.getAttribute(Path.of("/proc/self"), "unix:uid");
            if (!Integer.valueOf(0).equals(uid)) {
                return Optional.of("capturing on a Docker bridge with tshark needs root; tests run as uid " + uid);
            }
        } catch (IOException | RuntimeException e) {
            return Optional.of("cannot tell whether this runs as root: " + e);
        }
        return Optional.empty();
    }

    /** Empty when {@code bridge} is an interface of this host; otherwise why it cannot be captured here. */
    static Optional<String> bridgeMissingReason(String bridge) {
        try {
            if (NetworkInterface.getByName(bridge) != null) {
                return Optional.empty();
            }
        } catch (IOException e) {
            return Optional.of("cannot look up interface " + bridge + ": " + e);
        }
        return Optional.of("the Docker network's bridge " + bridge + " is not an interface of this host (the engine "
                + "runs elsewhere: Docker Desktop, DinD, rootless or remote), so it cannot be captured here");
    }

    /** Starts capturing DHCP on {@code bridge} and returns once the capture is live. */
    static BridgeCapture start(String bridge, Path dir) throws IOException, InterruptedException {
        Path file = dir.resolve(bridge + ".pcapng");
        Path summary = dir.resolve(bridge + ".txt");
        Files.deleteIfExists(file);
        // -P -l: a flushed summary line per frame as well, so the test can wait until the last reply was caught
        Process p = new ProcessBuilder(tshark(), "-n", "-i", bridge, "-f", FILTER, "-P", "-l", "-w", file.toString())
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                .redirectOutput(summary.toFile()).redirectErrorStream(true).start();
        long deadline = System.nanoTime() + START.toNanos();
        while (!nonEmpty(file)) {
            if (!p.isAlive() || System.nanoTime() - deadline > 0) {
                p.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
                throw new AssertionError("tshark did not start capturing on " + bridge + " (no capture file header in "
                        + START.toSeconds() + " s):\n" + Files.readString(summary));
            }
            Thread.sleep(10);
        }
        return new BridgeCapture(file, summary, p);
    }

    /** Waits until tshark printed {@code count} lines containing {@code text}, at most {@code timeout}. */
    void awaitSummaryLines(String text, int count, Duration timeout) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (Files.readString(summary).lines().filter(l -> l.contains(text)).count() < count
                && System.nanoTime() - deadline < 0) {
            Thread.sleep(50);
        }
    }

    /** Stops tshark (it writes out what dumpcap caught on SIGTERM) and dissects the capture. */
    List<Frame> stopAndRead() throws IOException, InterruptedException {
        stop();
        List<String> command = new ArrayList<>(List.of(tshark(), "-n", "-r", file.toString(), "-T", "fields",
                "-E", "separator=/t", "-E", "occurrence=a", "-E", "aggregator=;"));
        for (String field : FIELDS) {
            command.add("-e");
            command.add(field);
        }
        Path err = file.resolveSibling(file.getFileName() + ".err"); // stderr apart: tshark warns there as root
        Process p = new ProcessBuilder(command).redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                .redirectError(err.toFile()).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(30, TimeUnit.SECONDS) || p.exitValue() != 0) {
            p.destroyForcibly();
            throw new AssertionError("`" + String.join(" ", command) + "` failed:\n" + Files.readString(err));
        }
        List<Frame> frames = new ArrayList<>();
        for (String line : out.lines().filter(l -> !l.isBlank()).toList()) {
            String[] c = line.split("\t", -1);
            String[] v = new String[FIELDS.length];
            for (int i = 0; i < v.length; i++) {
                v[i] = i < c.length ? c[i].strip() : "";
            }
            // dhcp.hw.mac_addr occurs in chaddr and again in a client identifier of type 1: chaddr is the first
            String chaddr = v[8].split(";", -1)[0];
            frames.add(new Frame(Integer.parseInt(v[0]), v[1], v[2], v[3], v[4], v[5], v[6], v[7], chaddr, v[9]));
        }
        return frames;
    }

    private void stop() throws InterruptedException {
        if (process.isAlive()) {
            process.destroy();
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        }
    }

    @Override
    public void close() throws InterruptedException {
        stop();
    }

    private static boolean nonEmpty(Path file) {
        try {
            return Files.size(file) > 0;
        } catch (IOException e) {
            return false; // not created yet
        }
    }

    private static String tshark() {
        return RealHostSupport.findBinary("tshark").map(Path::toString).orElse("tshark");
    }

    /** One dissected frame; empty strings for fields it does not have. {@code type} is option 53, e.g. 2 = OFFER. */
    record Frame(int number, String ethDst, String ipSrc, String ipDst, String dstPort, String type,
                 String broadcastFlag, String yiaddr, String chaddr, String malformed) {

        boolean isType(int messageType) {
            return type.equals(Integer.toString(messageType));
        }

        boolean broadcastFlagSet() {
            return broadcastFlag.equals("1") || broadcastFlag.equalsIgnoreCase("true");
        }

        @Override
        public String toString() {
            return number + " " + ipSrc + " -> " + ipDst + ":" + dstPort + " eth.dst=" + ethDst + " type=" + type
                    + " bc=" + broadcastFlag + " yiaddr=" + yiaddr + " chaddr=" + chaddr
                    + (malformed.isEmpty() ? "" : " MALFORMED");
        }
    }
}
