package dev.dhcpembedded.lab;

import static dev.dhcpembedded.junit.assertions.DhcpAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import dev.dhcpembedded.codec.DhcpMessage;
import dev.dhcpembedded.codec.MessageType;
import dev.dhcpembedded.journal.JournalEntry;
import dev.dhcpembedded.journal.Transcript;
import dev.dhcpembedded.lab.QemuVm.Boot;
import dev.dhcpembedded.server.DhcpServer;
import dev.dhcpembedded.tftp.Fetch;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real UEFI HTTP boot client: OVMF (Debian {@code ovmf}) boots a virtual machine on a tap in a namespace the test
 * makes, with its own virtio-net driver and HTTP boot (no option ROM; PXE switched off through fw_cfg, so HTTP boot
 * is all it tries). The server answers its DISCOVER with {@code HTTPClient} and the URL of iPXE's EFI binary (Debian
 * {@code ipxe}), served by the embedded HTTP server; iPXE asks again, as iPXE, and gets a script that prints a marker
 * on the serial console. KVM where {@code /dev/kvm} works, else TCG. Needs root, {@code ip},
 * {@code qemu-system-x86_64}, OVMF and {@code ipxe.efi}: skipped without them unless real hosts are required.
 */
class UefiHttpBootTest {

    static final String VM_MAC = "52:54:00:de:00:02";
    static final String VM_UUID = "6a3a0c1e-25a5-4a1e-9d2b-0123456789ac";
    static final String MARKER = "DHCP-EMBEDDED-UEFI-HTTP-BOOT-OK";
    static final Path OVMF_CODE = Path.of("/usr/share/OVMF/OVMF_CODE_4M.fd");
    static final Path OVMF_VARS = Path.of("/usr/share/OVMF/OVMF_VARS_4M.fd");
    /** iPXE for x86_64 UEFI, from Debian's ipxe. */
    static final Path IPXE_EFI = Path.of("/usr/lib/ipxe/ipxe.efi");
    static final Duration BOOT = Duration.ofSeconds(120);
    /** OVMF gave up on the network and went to its shell, or found nothing at all. */
    static final List<String> NO_BOOT = List.of("Shell>", "No bootable option");
    /** On OVMF's console when the boot file is in. */
    static final String DOWNLOADED = "Downloading...100%";
    /** On the console when iPXE starts. */
    static final String IPXE_STARTED = "iPXE initialising devices";
    /** iPXE's banner, then it waits for Ctrl-B. */
    static final String IPXE_PROMPT = "Press Ctrl-B";
    /** iPXE configures its interface: DHCP (and IPv6). */
    static final String IPXE_CONFIGURING = "Configuring (net0";
    /** RFC 4578 / IANA: x64 UEFI HTTP boot. */
    static final int X64_UEFI_HTTP = 16;

    @TempDir
    Path root;

    @Test
    void ovmfBootsIpxeByUefiHttpBootAndIpxeChainsAScript() throws Exception {
        RealHosts.assumeBinary("qemu-system-x86_64");
        for (Path needed : List.of(OVMF_CODE, OVMF_VARS, IPXE_EFI)) {
            RealHosts.gate(Files.isReadable(needed) ? Optional.empty()
                    : Optional.of(needed + " is missing: install ovmf and ipxe"));
        }
        Files.copy(IPXE_EFI, root.resolve("ipxe.efi"));
        Files.writeString(root.resolve("boot.ipxe"), "#!ipxe\necho " + MARKER + "\nsleep 1 ||\nreboot\n");
        try (HostLab lab = HostLab.create();
             DhcpServer dhcp = DhcpServer.builder()
                     .bindInterface(lab.serverInterface())
                     .subnet(lab.subnet(), s -> s.pool(lab.subnet24().host(100), lab.subnet24().host(199))
                             .router(lab.serverAddress()))
                     // tag::httpboot[]
                     .netboot(n -> n.tftpRoot(root)
                             .bootFile(arch -> arch == X64_UEFI_HTTP ? "ipxe.efi" : null) // 16: x64 UEFI HTTP
                             .httpBoot()                  // the boot file's URL, from the embedded HTTP server
                             .ipxeScript("boot.ipxe"))    // what the iPXE it boots gets
                     // iPXE configures IPv6 too, and waits ~13 s for a router unless one advertises: no flags,
                     // no prefix, and iPXE's IPv6 is done at once
                     .routerAdvertisements(ra -> ra.managed(false).otherConfig(false))
                     // end::httpboot[]
                     .start()) {
            String tap = QemuVm.bridgeTap(lab);
            Path vars = lab.workDir().resolve("OVMF_VARS.fd");
            QemuVm.Machine ovmf = new QemuVm.Machine("uefi-http", t -> {
                copy(OVMF_VARS, vars); // fresh variables each boot: no boot options left from an earlier one
                return List.of("-m", "256", "-uuid", VM_UUID,
                        "-drive", "if=pflash,format=raw,unit=0,readonly=on,file=" + OVMF_CODE,
                        "-drive", "if=pflash,format=raw,unit=1,file=" + vars,
                        "-fw_cfg", "name=opt/org.tianocore/IPv4PXESupport,string=n",
                        "-fw_cfg", "name=opt/org.tianocore/IPv6PXESupport,string=n",
                        "-netdev", "tap,id=n0,ifname=" + t + ",script=no,downscript=no",
                        // romfile= : no iPXE option ROM; OVMF's own VirtioNetDxe and HTTP boot
                        "-device", "virtio-net-pci,netdev=n0,mac=" + VM_MAC + ",romfile=,bootindex=1");
            }, MARKER, NO_BOOT, BOOT, List.of(DOWNLOADED, IPXE_STARTED, IPXE_PROMPT,
                    IPXE_CONFIGURING));
            Boot boot = QemuVm.bootKvmOrTcg(lab, tap, ovmf, dhcp::reset);
            String transcript = Transcript.of(dhcp.journal().entries());
            StringBuilder timeline = new StringBuilder();
            for (JournalEntry e : dhcp.journal().entries()) {
                timeline.append(String.format("+%6d ms %s%n", Duration.between(boot.started(), e.wallTime())
                        .toMillis(), Transcript.of(List.of(e)).strip()));
            }
            System.out.println("[uefi-http-boot] journal, in ms from qemu's start:\n" + timeline);
            dhcp.journal().received(MessageType.DISCOVER).forEach(e -> System.out.println("[uefi-http-boot] DISCOVER "
                    + e.message().orElseThrow().options()));
            assertThat(boot.reachedMarker()).as(boot.describe() + "\njournal:\n" + transcript).isTrue();

            // the firmware's DISCOVER: HTTP boot vendor class, architecture 16, interface and machine identifiers
            List<JournalEntry> discovers = dhcp.journal().received(MessageType.DISCOVER);
            DhcpMessage discover = discovers.get(0).message().orElseThrow();
            assertThat(discover.vendorClassIdentifier()).hasValueSatisfying(v -> assertThat(v)
                    .startsWith("HTTPClient:Arch:00016:UNDI:"));
            assertThat(discover.option(93).orElseThrow().value()).containsExactly(0, X64_UEFI_HTTP);
            assertThat(discover.option(94).orElseThrow().value()).hasSize(3).startsWith(1);
            // type 0 and the machine's UUID (QEMU's -uuid), as SMBIOS stores it: the first three fields little-endian
            assertThat(discover.option(97).orElseThrow().value()).isEqualTo(HexFormat.of()
                    .parseHex("00" + "1e0c3a6a" + "a525" + "1e4a" + "9d2b0123456789ac"));
            DhcpMessage offer = dhcp.journal().sent(MessageType.OFFER).get(0).message().orElseThrow();
            String url = "http://" + lab.serverAddress() + ":" + dhcp.netboot().httpAddress().orElseThrow().getPort()
                    + "/ipxe.efi";
            assertThat(offer.vendorClassIdentifier()).hasValue("HTTPClient");
            assertThat(offer.file()).isEqualTo(url);
            assertThat(offer.option(67).orElseThrow().asString()).isEqualTo(url);

            // the boot file by HTTP; then iPXE asks again as iPXE and fetches its script. OVMF sends no client
            // identifier (61), iPXE sends one (type 1 and the MAC): the server sees two clients, two leases.
            assertThat(dhcp).client(VM_MAC).fetched("ipxe.efi");
            DhcpMessage ipxe = discovers.stream().map(e -> e.message().orElseThrow())
                    .filter(m -> m.option(77).isPresent()).findFirst()
                    .orElseThrow(() -> new AssertionError("no DISCOVER from iPXE:\n" + transcript));
            assertThat(ipxe.option(77).orElseThrow().asString()).contains("iPXE");
            DhcpMessage ipxeAck = dhcp.journal().sent(MessageType.ACK).stream().map(e -> e.message().orElseThrow())
                    .filter(m -> m.xid() == ipxe.xid()).findFirst().orElseThrow();
            assertThat(ipxeAck.option(67).orElseThrow().asString()).isEqualTo(
                    url.replace("/ipxe.efi", "/boot.ipxe"));
            // iPXE is told (175: no-pxedhcp = 1) to wait for no ProxyDHCP offer; the firmware is not
            assertThat(ipxeAck.option(175).orElseThrow().value()).containsExactly((byte) 176, 1, 1);
            assertThat(offer.option(175)).isEmpty();
            Fetch script = dhcp.netboot().fetches().stream().filter(f -> f.isOf("boot.ipxe") && f.complete())
                    .findFirst().orElseThrow(() -> new AssertionError("no fetch of boot.ipxe:\n" + transcript));
            assertThat(script.client().getAddress()).isEqualTo(ipxeAck.yiaddr());

            // where the time goes, in ms from QEMU's start: the journal's times, and the console's milestones
            List<JournalEntry> entries = dhcp.journal().entries();
            long discovered = at(boot, discovers.get(0).wallTime());
            long acked = at(boot, entries.stream().filter(e -> e.isSent() && e.is(MessageType.ACK)).findFirst()
                    .orElseThrow().wallTime());
            Fetch efi = dhcp.netboot().fetches().stream().filter(f -> f.isOf("ipxe.efi") && f.bytes() > 0)
                    .findFirst().orElseThrow();
            long get = at(boot, efi.started());
            long downloaded = boot.milestones().getOrDefault(DOWNLOADED, -1L);
            long ipxeStarted = boot.milestones().getOrDefault(IPXE_STARTED, -1L);
            long prompt = boot.milestones().getOrDefault(IPXE_PROMPT, -1L);
            long configuring = boot.milestones().getOrDefault(IPXE_CONFIGURING, -1L);
            long ipxeDiscovered = at(boot, discovers.stream().filter(e -> e.message().orElseThrow().option(77)
                    .isPresent()).findFirst().orElseThrow().wallTime());
            long ipxeAcked = at(boot, entries.stream().filter(e -> e.isSent() && e.is(MessageType.ACK)
                    && e.message().orElseThrow().xid() == ipxe.xid()).findFirst().orElseThrow().wallTime());
            long scriptAt = at(boot, script.started());
            System.out.printf("[uefi-http-boot] accel %s: qemu start to marker %d ms: firmware to first DISCOVER %d; "
                            + "OVMF DHCP (DISCOVER to ACK) %d; ACK to GET ipxe.efi %d; download of %d bytes (GET to "
                            + "100%% on the console) %d; to iPXE's start %d; to its banner %d; to \"Configuring\" %d; to its "
                            + "DISCOVER %d; iPXE DHCP "
                            + "(DISCOVER to ACK) %d; ACK to script GET %d; script GET to marker %d%n",
                    boot.accel(), boot.millis(), discovered, acked - discovered, get - acked, efi.bytes(),
                    downloaded - get, ipxeStarted - downloaded, prompt - ipxeStarted, configuring - prompt,
                    ipxeDiscovered - configuring,
                    ipxeAcked - ipxeDiscovered, scriptAt - ipxeAcked, boot.millis() - scriptAt);
        }
    }

    private static long at(Boot boot, Instant instant) {
        return Duration.between(boot.started(), instant).toMillis();
    }

    private static void copy(Path from, Path to) {
        try {
            Files.copy(from, to, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
