package dev.dhcpembedded.lab;

import static dev.dhcpembedded.junit.assertions.DhcpAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import dev.dhcpembedded.codec.DhcpMessage;
import dev.dhcpembedded.codec.MessageType;
import dev.dhcpembedded.journal.JournalEntry;
import dev.dhcpembedded.lab.QemuVm.Boot;
import dev.dhcpembedded.server.DhcpServer;
import dev.dhcpembedded.tftp.Fetch;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
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
                     // iPXE waits about 13 s for an IPv6 router before it fetches by HTTP: tell it there is one
                     .routerAdvertisements(ra -> ra.managed(false).otherConfig(false))
                     .start()) {
            String http = "http://" + lab.serverAddress() + ":" + dhcp.netboot().httpAddress().orElseThrow().getPort();
            Files.writeString(root.resolve("first.ipxe"), "#!ipxe\necho fetched by TFTP\nchain " + http
                    + "/boot.ipxe\n");
            String tap = QemuVm.bridgeTap(lab);

            Boot boot = QemuVm.bootKvmOrTcg(lab, tap, new QemuVm.Machine("qemu-netboot", t -> List.of("-m", "128",
                    "-uuid", VM_UUID, "-netdev", "tap,id=n0,ifname=" + t + ",script=no,downscript=no",
                    "-device", "virtio-net-pci,netdev=n0,mac=" + VM_MAC, "-boot", "n"), MARKER, List.of(NO_BOOT),
                    BOOT), dhcp::reset);
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
            // the ROM is iPXE: told (175: no-pxedhcp = 1) to wait for no ProxyDHCP offer
            assertThat(offer.option(175).orElseThrow().value()).containsExactly((byte) 176, 1, 1);

            // the boot file by TFTP, the chained script by HTTP
            assertThat(dhcp).client(VM_MAC).fetched("first.ipxe").fetched("boot.ipxe");
            Fetch tftp = QemuVm.only(dhcp, "tftp");
            Fetch script = QemuVm.only(dhcp, "http");
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
}
