package dev.dhcpembedded.realclients;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dhcpembedded.journal.Journal;
import dev.dhcpembedded.lab.BackgroundProcess;
import dev.dhcpembedded.lab.HostLab;
import dev.dhcpembedded.lab.RealHostSupport;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * {@code tshark -i IF -w FILE} on the server's veth, and the checks made on what it caught: every frame is DHCP,
 * none is malformed, none carries an expert warning, and the journal's own pcap export shows the same DHCP
 * messages (count, xids and types) in the same order.
 */
final class TsharkCapture implements AutoCloseable {

    static final String FILTER = "udp port 67 or udp port 68";
    private static final Duration START = Duration.ofSeconds(15);
    static final long PI_WARN = 0x00600000L;
    private static final String[] FIELDS = {"frame.number", "eth.dst", "ip.src", "ip.dst", "udp.srcport",
        "udp.dstport", "dhcp.id", "dhcp.option.dhcp", "dhcp.flags.bc", "dhcp.ip.client", "dhcp.ip.your",
        "_ws.expert.severity", "_ws.expert.message", "_ws.malformed"};

    private final Path file;
    private final BackgroundProcess process;

    private TsharkCapture(Path file, BackgroundProcess process) {
        this.file = file;
        this.process = process;
    }

    /**
     * Starts capturing DHCP on {@code iface} (root namespace) and returns once the capture is live.
     *
     * <p>tshark's "Capturing on ..." line is no sign of that: tshark prints it before it even spawns dumpcap, and a
     * frame sent before dumpcap has opened the interface and set its filter is lost (the capture then lacks the
     * first DISCOVER or the whole DORA, and {@link #stopAndVerify} fails). dumpcap writes and flushes the capture
     * file's header only after both, so a non-empty file is the signal.
     */
    static TsharkCapture start(HostLab lab, String iface) {
        Path file = lab.workDir().resolve(iface + ".pcapng");
        try {
            Files.deleteIfExists(file); // a file left by an earlier capture must not pass for this one's header
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        // -P -l: also print a summary line per packet, flushed, so a test can wait until a packet was caught
        BackgroundProcess p = lab.startOnHost(List.of(tshark(), "-n", "-i", iface, "-f", FILTER, "-P", "-l",
                "-w", file.toString()));
        long deadline = System.nanoTime() + START.toNanos();
        while (!headerWritten(file)) {
            if (!p.isAlive() || System.nanoTime() - deadline > 0) {
                String output = p.output();
                p.kill();
                throw new AssertionError("tshark did not start capturing on " + iface + " (no capture file header "
                        + "in " + START.toSeconds() + " s):\n" + output);
            }
            sleep(10);
        }
        return new TsharkCapture(file, p);
    }

    private static boolean headerWritten(Path file) {
        try {
            return Files.size(file) > 0;
        } catch (IOException e) {
            return false; // not created yet
        }
    }

    Path file() {
        return file;
    }

    /** DHCP summary lines printed so far. */
    int framesSeen() {
        return (int) process.stdout().lines().filter(l -> l.contains("DHCP")).count();
    }

    /**
     * Waits until the capture holds as many frames as the journal has entries, stops it, and checks it against the
     * journal.
     */
    Result stopAndVerify(List<Journal> journals, Path workDir) {
        int expected = journals.stream().mapToInt(Journal::size).sum();
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (framesSeen() < expected && System.nanoTime() - deadline < 0) {
            sleep(50);
        }
        stop();
        List<Frame> captured = read(file);
        List<Frame> fromJournal = new ArrayList<>();
        StringBuilder transcript = new StringBuilder();
        for (int i = 0; i < journals.size(); i++) {
            Path exported = workDir.resolve("journal-" + i + ".pcap");
            try {
                journals.get(i).writePcap(exported);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            fromJournal.addAll(read(exported));
            transcript.append(journals.get(i).transcript());
        }
        String context = "\ncapture:\n" + describe(captured) + "\njournal pcap:\n" + describe(fromJournal)
                + "\njournal:\n" + transcript;

        System.out.println("[tshark] " + file.getFileName() + ":\n" + describe(captured));
        assertThat(captured).as("frames captured" + context).isNotEmpty();
        for (Frame f : captured) {
            assertThat(f.isDhcp()).as("frame %s decodes as DHCP%s", f.number(), context).isTrue();
            assertThat(f.malformed()).as("frame %s is malformed%s", f.number(), context).isEmpty();
            assertThat(f.hasExpertWarning()).as("frame %s has an expert warning or error: %s%s", f.number(),
                    f.expertMessage(), context).isFalse();
        }
        for (Frame f : fromJournal) {
            assertThat(f.isDhcp() && f.malformed().isEmpty()).as("journal pcap frame %s is clean DHCP%s",
                    f.number(), context).isTrue();
        }
        assertThat(fromJournal.stream().map(Frame::message).toList())
                .as("the journal's pcap shows the captured DHCP messages in the same order" + context)
                .containsExactlyElementsOf(captured.stream().map(Frame::message).toList());
        return new Result(captured, fromJournal);
    }

    void stop() {
        if (process.isAlive()) {
            // tshark writes out what dumpcap caught and exits on SIGTERM
            process.stop(Duration.ofSeconds(5));
        }
    }

    @Override
    public void close() {
        process.close();
    }

    /** Dissects {@code pcap} with tshark, one {@link Frame} per frame. */
    static List<Frame> read(Path pcap) {
        List<String> command = new ArrayList<>(List.of(tshark(), "-n", "-r", pcap.toString(), "-T", "fields",
                "-E", "separator=/t", "-E", "occurrence=a", "-E", "aggregator=;"));
        for (String field : FIELDS) {
            command.add("-e");
            command.add(field);
        }
        String out = run(command);
        List<Frame> frames = new ArrayList<>();
        for (String line : out.lines().toList()) {
            if (line.isBlank()) {
                continue;
            }
            String[] c = line.split("\t", -1);
            String[] v = new String[FIELDS.length];
            for (int i = 0; i < v.length; i++) {
                v[i] = i < c.length ? c[i].strip() : "";
            }
            frames.add(new Frame(Integer.parseInt(v[0]), v[1], v[2], v[3], v[4], v[5], v[6], v[7], v[8], v[9],
                    v[10], v[11], v[12], v[13]));
        }
        return frames;
    }

    private static String run(List<String> command) {
        try {
            java.io.File errFile = java.io.File.createTempFile("tshark-", ".err");
            errFile.deleteOnExit();
            Process p = new ProcessBuilder(command).redirectError(errFile)
                    .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null"))).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(30, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new AssertionError("`" + String.join(" ", command) + "` timed out");
            }
            if (p.exitValue() != 0) {
                throw new AssertionError("`" + String.join(" ", command) + "` exited " + p.exitValue() + ": "
                        + java.nio.file.Files.readString(errFile.toPath()));
            }
            java.nio.file.Files.deleteIfExists(errFile.toPath());
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    static String tshark() {
        return RealHostSupport.findBinary("tshark").map(Path::toString).orElse("tshark");
    }

    static String describe(List<Frame> frames) {
        return frames.stream().map(Frame::toString).collect(Collectors.joining("\n"));
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** One dissected frame; empty strings for fields the frame does not have. */
    record Frame(int number, String ethDst, String ipSrc, String ipDst, String srcPort, String dstPort, String xid,
                 String type, String broadcastFlag, String ciaddr, String yiaddr, String expertSeverity,
                 String expertMessage, String malformed) {

        boolean isDhcp() {
            return !xid.isEmpty() && !type.isEmpty();
        }

        /** xid and message type, e.g. {@code 0x1a2b3c4d/1}: what the capture and the journal must agree on. */
        String message() {
            return xid + "/" + type;
        }

        /** Wireshark's expert severities are numbers: 0x00600000 is a warning, 0x00800000 an error. */
        boolean hasExpertWarning() {
            for (String severity : expertSeverity.split(";")) {
                if (!severity.isBlank() && Long.decode(severity.strip()) >= PI_WARN) {
                    return true;
                }
            }
            return false;
        }

        boolean isType(int messageType) {
            return type.equals(Integer.toString(messageType));
        }

        boolean broadcastFlagSet() {
            return broadcastFlag.equals("1") || broadcastFlag.equalsIgnoreCase("true");
        }

        @Override
        public String toString() {
            return number + " " + ipSrc + ":" + srcPort + " -> " + ipDst + ":" + dstPort + " eth.dst=" + ethDst
                    + " xid=" + xid + " type=" + type + " bc=" + broadcastFlag
                    + (expertMessage.isEmpty() ? "" : " expert=" + expertSeverity + ":" + expertMessage)
                    + (malformed.isEmpty() ? "" : " MALFORMED");
        }
    }

    /** What the check read: the capture's frames and the journal pcap's frames. */
    record Result(List<Frame> captured, List<Frame> journal) {

        /** The captured frames of DHCP message type {@code type} (1 DISCOVER ... 8 INFORM). */
        List<Frame> ofType(int type) {
            return captured.stream().filter(f -> f.isType(type)).toList();
        }
    }
}
