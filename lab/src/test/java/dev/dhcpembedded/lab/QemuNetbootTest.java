package dev.dhcpembedded.lab;

import static dev.dhcpembedded.junit.assertions.DhcpAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import dev.dhcpembedded.codec.DhcpMessage;
import dev.dhcpembedded.codec.MessageType;
import dev.dhcpembedded.journal.JournalEntry;
import dev.dhcpembedded.server.DhcpServer;
import dev.dhcpembedded.tftp.Fetch;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real firmware client: QEMU's iPXE option ROM boots a virtual machine from the network on a tap interface in a
 * namespace the test makes (tap and veth bridged inside it), against the embedded server bound to the veth's root
 * side. The DISCOVER's netboot options are asserted, the boot file is fetched by TFTP, and the script it chains is
 * fetched by HTTP and prints a marker on the serial console. KVM where {@code /dev/kvm} works, else TCG (a machine
 * whose KVM cannot run the ROM, as some nested hosts, falls back to TCG with a note). Needs root, {@code ip},
 * {@code qemu-system-x86_64} and the {@code ipxe-qemu} ROMs: skipped without them unless real hosts are required.
 */
class QemuNetbootTest {

    static final String VM_MAC = "52:54:00:de:00:01";
    static final String VM_UUID = "6a3a0c1e-25a5-4a1e-9d2b-0123456789ab";
    static final String MARKER = "DHCP-EMBEDDED-BOOT-OK";
    /** QEMU's option ROM of virtio-net-pci (iPXE), from ipxe-qemu; QEMU finds it by itself. */
    static final Path ROM = Path.of("/usr/lib/ipxe/qemu/efi-virtio.rom");
    static final Duration BOOT = Duration.ofSeconds(180);
    static final String NO_BOOT = "No bootable device";
    static final Duration T = Duration.ofSeconds(10);

    @TempDir
    Path root;

    @Test
    void aVirtualMachineBootsThroughTftpAndAChainedIpxeScriptFetchedByHttp() throws Exception {
        RealHosts.assumeBinary("qemu-system-x86_64");
        RealHosts.gate(Files.isReadable(ROM) ? Optional.empty()
                : Optional.of(ROM + " is missing: install ipxe-qemu"));
        Files.writeString(root.resolve("boot.ipxe"), "#!ipxe\necho " + MARKER + "\nsleep 1 ||\nreboot\n");
        try (HostLab lab = HostLab.create(); // the veth inside keeps its own MAC: the bridge forwards VM_MAC to the tap
             DhcpServer dhcp = DhcpServer.builder()
                     .bindInterface(lab.serverInterface())
                     .subnet(lab.subnet(), s -> s.pool(lab.subnet24().host(100), lab.subnet24().host(199))
                             .router(lab.serverAddress()))
                     .netboot(n -> n.tftpRoot(root)
                             .bootFile(arch -> arch == 0 ? "undionly.kpxe" : "ipxe.efi")
                             .ipxeScript("boot.ipxe")
                             // QEMU's ROM is iPXE already: this MAC gets a script by TFTP, which chains boot.ipxe
                             .forClient(VM_MAC, "first.ipxe"))
                     .start()) {
            String http = "http://" + lab.serverAddress() + ":" + dhcp.netboot().httpAddress().orElseThrow().getPort();
            Files.writeString(root.resolve("first.ipxe"), "#!ipxe\necho fetched by TFTP\nchain " + http
                    + "/boot.ipxe\n");
            String tap = bridgeTap(lab);

            Boot boot = boot(lab, tap, Files.exists(Path.of("/dev/kvm")) ? "kvm" : "tcg");
            if (!boot.reachedMarker() && boot.accel().equals("kvm")) {
                System.out.println("[qemu-netboot] KVM did not boot the ROM (" + boot.describe()
                        + "); again with TCG");
                dhcp.reset();
                boot = boot(lab, tap, "tcg");
            }
            assertThat(boot.reachedMarker()).as(boot.describe() + "\njournal:\n" + dev.dhcpembedded.journal.Transcript
                    .of(dhcp.journal().entries())).isTrue();

            // the firmware's DISCOVER: PXE vendor class, architecture, interface and machine identifiers, iPXE
            DhcpMessage discover = dhcp.journal().received(MessageType.DISCOVER).get(0).message().orElseThrow();
            assertThat(discover.vendorClassIdentifier()).hasValueSatisfying(v -> assertThat(v)
                    .startsWith("PXEClient:Arch:00000:UNDI:"));
            assertThat(discover.option(93).orElseThrow().value()).containsExactly(0, 0);
            assertThat(discover.option(94).orElseThrow().value()).hasSize(3).startsWith(1);
            byte[] machine = discover.option(97).orElseThrow().value();
            assertThat(machine).hasSize(17).startsWith(0);
            assertThat(discover.option(77).orElseThrow().asString()).contains("iPXE");
            assertThat(discover.option(175)).isPresent();
            DhcpMessage offer = dhcp.journal().sent(MessageType.OFFER).get(0).message().orElseThrow();
            assertThat(offer.file()).isEqualTo("first.ipxe");
            assertThat(offer.siaddr().getHostAddress()).isEqualTo(lab.serverAddress());

            // the boot file by TFTP, the chained script by HTTP
            assertThat(dhcp).client(VM_MAC).fetched("first.ipxe").fetched("boot.ipxe");
            Fetch tftp = only(dhcp, "tftp");
            Fetch script = only(dhcp, "http");
            assertThat(tftp.client().getAddress().getHostAddress()).isEqualTo(lab.subnet24().host(100));

            List<JournalEntry> entries = dhcp.journal().entries();
            Instant discovered = entries.stream().filter(e -> e.is(MessageType.DISCOVER)).findFirst().orElseThrow()
                    .wallTime();
            Instant acked = entries.stream().filter(e -> e.isSent() && e.is(MessageType.ACK)).findFirst()
                    .orElseThrow().wallTime();
            System.out.printf("[qemu-netboot] accel %s: qemu start to marker %d ms; first DISCOVER at +%d ms; "
                            + "DHCP (DISCOVER to ACK) %d ms; TFTP %s %d bytes in %d ms; HTTP %s in %d ms%n",
                    boot.accel(), boot.millis(), Duration.between(boot.started(), discovered).toMillis(),
                    Duration.between(discovered, acked).toMillis(), tftp.file(), tftp.bytes(),
                    Duration.between(tftp.started(), tftp.finished()).toMillis(), script.file(),
                    Duration.between(script.started(), script.finished()).toMillis());
        }
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

    record Boot(String accel, Instant started, long millis, boolean reachedMarker, String serial, String output) {
        String describe() {
            return "accel " + accel + ", " + millis + " ms, serial console:\n" + serial + "\nqemu:\n" + output;
        }
    }

    /** Starts QEMU in the namespace and waits for the marker on its serial console, or for it to stop. */
    static Boot boot(HostLab lab, String tap, String accel) throws IOException, InterruptedException {
        Path serial = lab.workDir().resolve("serial-" + accel + ".log");
        List<String> command = new ArrayList<>(List.of("qemu-system-x86_64", "-accel", accel, "-m", "128",
                "-nographic", "-no-reboot", "-monitor", "none", "-serial", "file:" + serial, "-uuid", VM_UUID,
                "-netdev", "tap,id=n0,ifname=" + tap + ",script=no,downscript=no",
                "-device", "virtio-net-pci,netdev=n0,mac=" + VM_MAC, "-boot", "n"));
        Files.deleteIfExists(serial);
        Instant started = Instant.now();
        long t0 = System.nanoTime();
        BackgroundProcess qemu = lab.start(command);
        boolean marker = false;
        while (System.nanoTime() - t0 < BOOT.toNanos()) {
            String console = Files.exists(serial) ? Files.readString(serial, StandardCharsets.ISO_8859_1) : "";
            if (console.contains(MARKER)) {
                marker = true;
                break;
            }
            if (console.contains(NO_BOOT)) {
                break; // the network boot failed and nothing else can boot
            }
            if (!qemu.isAlive()) {
                break;
            }
            Thread.sleep(50);
        }
        long millis = (System.nanoTime() - t0) / 1_000_000;
        marker |= Files.exists(serial) && Files.readString(serial, StandardCharsets.ISO_8859_1).contains(MARKER);
        qemu.waitFor(Duration.ofSeconds(5)); // the script reboots: with -no-reboot QEMU stops
        if (qemu.isAlive()) {
            qemu.stop(Duration.ofSeconds(2));
        }
        String console = Files.exists(serial) ? Files.readString(serial, StandardCharsets.ISO_8859_1)
                .replaceAll("\u001b\\[[0-9;?]*[A-Za-z]", "") : "";
        return new Boot(accel, started, millis, marker, console, qemu.output());
    }

    static Fetch only(DhcpServer dhcp, String protocol) {
        return dhcp.netboot().fetches().stream().filter(f -> f.protocol().equals(protocol) && f.complete())
                .findFirst().orElseThrow(() -> new AssertionError("no " + protocol + " fetch: "
                        + dhcp.netboot().fetches()));
    }
}
