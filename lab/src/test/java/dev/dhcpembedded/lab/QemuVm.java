package dev.dhcpembedded.lab;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dhcpembedded.server.DhcpServer;
import dev.dhcpembedded.tftp.Fetch;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * What the netboot tests share: a tap bridged to the lab's veth inside its namespace, and a QEMU virtual machine on
 * it whose serial console is watched for a marker. The firmware and the network device are the caller's.
 */
final class QemuVm {

    static final Duration T = Duration.ofSeconds(10);
    /** What QEMU prints when KVM cannot run an instruction of the firmware (OVMF's SEC phase on some nested hosts). */
    static final String KVM_FAILED = "KVM internal error";

    private QemuVm() {
    }

    /** A bridge in the namespace joining the veth's inside end and a tap for QEMU; returns the tap's name. */
    static String bridgeTap(HostLab lab) {
        String bridge = lab.name() + "b";
        String tap = lab.name() + "t";
        run(lab, "ip", "link", "add", bridge, "type", "bridge", "forward_delay", "0");
        run(lab, "ip", "link", "set", lab.clientInterface(), "master", bridge);
        run(lab, "ip", "tuntap", "add", "dev", tap, "mode", "tap");
        run(lab, "ip", "link", "set", tap, "master", bridge);
        run(lab, "ip", "link", "set", tap, "up");
        run(lab, "ip", "link", "set", bridge, "up");
        return tap;
    }

    static void run(HostLab lab, String... command) {
        CommandResult result = lab.exec(T, command);
        assertThat(result.ok()).as(result.describe()).isTrue();
    }

    /**
     * One boot of a machine.
     *
     * @param accel {@code kvm} or {@code tcg}
     * @param started when QEMU was started
     * @param millis from QEMU's start to the marker (or to giving up)
     * @param reachedMarker whether the marker came on the serial console
     * @param serial the serial console, terminal escapes removed
     * @param output QEMU's own output
     * @param milestones when each of the machine's milestones first showed on the serial console, in ms from QEMU's
     *        start (those that never did are missing)
     */
    record Boot(String accel, Instant started, long millis, boolean reachedMarker, String serial, String output,
                Map<String, Long> milestones) {
        String describe() {
            return "accel " + accel + ", " + millis + " ms, serial console:\n" + serial + "\nqemu:\n" + output;
        }
    }

    /**
     * What to boot: the machine's own arguments (firmware, network device, boot order) after the common ones
     * ({@code -accel}, {@code -nographic}, {@code -no-reboot}, the serial console to a file), what to wait for on
     * the serial console, and what says that the boot failed.
     *
     * @param name a short name, for the serial log's file
     * @param machine the arguments of the machine, given the tap's name
     * @param marker what the booted script prints
     * @param failures lines on the console that end the wait early (nothing else can boot)
     * @param limit how long to wait for the marker
     * @param milestones lines on the console whose first showing is timed (the serial console has no clock)
     */
    record Machine(String name, Function<String, List<String>> machine, String marker, List<String> failures,
                   Duration limit, List<String> milestones) {

        Machine(String name, Function<String, List<String>> machine, String marker, List<String> failures,
                Duration limit) {
            this(name, machine, marker, failures, limit, List.of());
        }
    }

    /**
     * Boots with KVM where {@code /dev/kvm} exists, and again with TCG when KVM did not reach the marker (some nested
     * hosts cannot run the firmware under KVM); {@code beforeRetry} runs between the two (e.g. the server's reset).
     */
    static Boot bootKvmOrTcg(HostLab lab, String tap, Machine machine, Runnable beforeRetry)
            throws IOException, InterruptedException {
        Boot boot = boot(lab, tap, Files.exists(Path.of("/dev/kvm")) ? "kvm" : "tcg", machine);
        if (!boot.reachedMarker() && boot.accel().equals("kvm")) {
            System.out.println("[" + machine.name() + "] KVM did not boot (" + boot.describe() + "); again with TCG");
            beforeRetry.run();
            boot = boot(lab, tap, "tcg", machine);
        }
        return boot;
    }

    /** Starts QEMU in the namespace and waits for the marker on its serial console, or for it to stop. */
    static Boot boot(HostLab lab, String tap, String accel, Machine machine) throws IOException, InterruptedException {
        Path serial = lab.workDir().resolve("serial-" + machine.name() + "-" + accel + ".log");
        List<String> command = new ArrayList<>(List.of("qemu-system-x86_64", "-accel", accel,
                "-nographic", "-no-reboot", "-monitor", "none", "-serial", "file:" + serial));
        command.addAll(machine.machine().apply(tap));
        Files.deleteIfExists(serial);
        Instant started = Instant.now();
        long t0 = System.nanoTime();
        BackgroundProcess qemu = lab.start(command);
        boolean marker = false;
        Map<String, Long> seen = new LinkedHashMap<>();
        while (System.nanoTime() - t0 < machine.limit().toNanos()) {
            String console = read(serial);
            for (String milestone : machine.milestones()) {
                if (!seen.containsKey(milestone) && console.contains(milestone)) {
                    seen.put(milestone, (System.nanoTime() - t0) / 1_000_000);
                }
            }
            if (console.contains(machine.marker())) {
                marker = true;
                break;
            }
            if (machine.failures().stream().anyMatch(console::contains) || !qemu.isAlive()) {
                break; // the network boot failed and nothing else can boot
            }
            if (qemu.output().contains(KVM_FAILED)) {
                break; // QEMU stays, paused, when KVM cannot run the firmware
            }
            Thread.sleep(50);
        }
        long millis = (System.nanoTime() - t0) / 1_000_000;
        marker |= read(serial).contains(machine.marker());
        qemu.waitFor(Duration.ofSeconds(5)); // the script reboots: with -no-reboot QEMU stops
        if (qemu.isAlive()) {
            qemu.stop(Duration.ofSeconds(2));
        }
        String console = read(serial).replaceAll("\u001b\\[[0-9;?]*[A-Za-z]", "");
        return new Boot(accel, started, millis, marker, console, qemu.output(), Map.copyOf(seen));
    }

    private static String read(Path serial) throws IOException {
        return Files.exists(serial) ? Files.readString(serial, StandardCharsets.ISO_8859_1) : "";
    }

    /** The first complete fetch by {@code protocol} ({@code tftp} or {@code http}). */
    static Fetch only(DhcpServer dhcp, String protocol) {
        return dhcp.netboot().fetches().stream().filter(f -> f.protocol().equals(protocol) && f.complete())
                .findFirst().orElseThrow(() -> new AssertionError("no " + protocol + " fetch: "
                        + dhcp.netboot().fetches()));
    }
}
