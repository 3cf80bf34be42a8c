package dev.dhcpembedded.lab;

import static dev.dhcpembedded.stub.RequestMatcher.onDiscover;
import static org.assertj.core.api.Assertions.assertThat;

import dev.dhcpembedded.codec.MessageType;
import dev.dhcpembedded.codec6.Dhcp6Message;
import dev.dhcpembedded.codec6.Dhcp6MessageType;
import dev.dhcpembedded.codec6.Dhcp6OptionCode;
import dev.dhcpembedded.journal.JournalEntry;
import dev.dhcpembedded.journal.Transcript;
import dev.dhcpembedded.lab.QemuVm.Boot;
import dev.dhcpembedded.server.DhcpServer;
import dev.dhcpembedded.stub.Responses;
import dev.dhcpembedded.tftp.Fetch;
import java.net.Inet6Address;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * UEFI HTTP boot over IPv6 (RFC 5970): OVMF with its IPv4 stack switched off through fw_cfg ({@code IPv4Support}
 * = n), on a link whose router advertisements say "managed" (M). OVMF tries PXE over IPv6 first (its SOLICIT is
 * answered without a boot file: PXE over IPv6 is not served, and it gives up at once), then HTTP boot: the server's
 * ADVERTISE and REPLY carry option 59, the URL of iPXE's EFI binary on the server's IPv6 address, and vendor class
 * {@code HTTPClient}. iPXE then asks by DHCPv6 itself (user class {@code iPXE}; its DHCPv4 DISCOVERs are ignored)
 * and chains the script of option 59 over IPv6. With PXE over IPv6 switched off too, OVMF's HTTP boot sends no
 * SOLICIT at all and stops ("Could not retrieve NBP file size"); as far as edk2's code shows, PXE's DHCPv6 waits for
 * the link-local address to be usable and HTTP boot's does not, so PXE's attempt must come first. Needs root, {@code ip}, {@code qemu-system-x86_64}, OVMF and {@code ipxe.efi}, as
 * {@link UefiHttpBootTest}.
 */
class UefiHttpBoot6Test {

    static final String VM_MAC = "52:54:00:de:00:06";
    static final String MARKER = "DHCP-EMBEDDED-UEFI-HTTP6-BOOT-OK";
    static final String PREFIX = "2001:db8:6::";
    static final String SERVER6 = PREFIX + "1";

    @TempDir
    Path root;

    @Test
    void ovmfBootsIpxeByHttpOverIpv6AndIpxeChainsTheScriptFromOption59() throws Exception {
        RealHosts.assumeBinary("qemu-system-x86_64");
        for (Path needed : List.of(UefiHttpBootTest.OVMF_CODE, UefiHttpBootTest.OVMF_VARS, UefiHttpBootTest.IPXE_EFI)) {
            RealHosts.gate(Files.isReadable(needed) ? Optional.empty()
                    : Optional.of(needed + " is missing: install ovmf and ipxe"));
        }
        Files.copy(UefiHttpBootTest.IPXE_EFI, root.resolve("ipxe.efi"));
        Files.writeString(root.resolve("boot.ipxe"), "#!ipxe\necho " + MARKER + "\nsleep 1 ||\nreboot\n");
        try (HostLab lab = HostLab.create()) {
            // the server's global IPv6 address, on the host's end of the lab's veth: the URLs' host
            Process ip = new ProcessBuilder("ip", "-6", "addr", "add", SERVER6 + "/64", "dev", lab.serverInterface(),
                    "nodad").redirectErrorStream(true).start();
            assertThat(ip.waitFor(10, TimeUnit.SECONDS) && ip.exitValue() == 0)
                    .as(new String(ip.getInputStream().readAllBytes(), StandardCharsets.UTF_8)).isTrue();
            try (DhcpServer dhcp = DhcpServer.builder()
                    .bindInterface(lab.serverInterface())
                    .subnet(lab.subnet(), s -> s.pool(lab.subnet24().host(100), lab.subnet24().host(199)))
                    .subnet6(PREFIX + "/64", s -> s.pool(PREFIX + "100", PREFIX + "1ff"))
                    .netboot(n -> n.tftpRoot(root)
                            .bootFile(arch -> arch == UefiHttpBootTest.X64_UEFI_HTTP ? "ipxe.efi" : null)
                            .httpBoot()
                            .ipxeScript("boot.ipxe"))
                    .routerAdvertisements(ra -> ra.managed(true).otherConfig(true))
                    .start()) {
                // IPv6 only: iPXE's DHCPv4 goes unanswered (again after the reset between KVM and TCG)
                Runnable ipv6Only = () -> dhcp.stub(onDiscover().respond(Responses.ignore()));
                ipv6Only.run();
                String tap = QemuVm.bridgeTap(lab);
                Path vars = lab.workDir().resolve("OVMF_VARS.fd");
                QemuVm.Machine ovmf = new QemuVm.Machine("uefi-http6", t -> {
                    copy(UefiHttpBootTest.OVMF_VARS, vars);
                    return List.of("-m", "256",
                            "-drive", "if=pflash,format=raw,unit=0,readonly=on,file=" + UefiHttpBootTest.OVMF_CODE,
                            "-drive", "if=pflash,format=raw,unit=1,file=" + vars,
                            "-fw_cfg", "name=opt/org.tianocore/IPv4Support,string=n",
                            "-fw_cfg", "name=opt/org.tianocore/IPv4PXESupport,string=n",
                            "-netdev", "tap,id=n0,ifname=" + t + ",script=no,downscript=no",
                            "-device", "virtio-net-pci,netdev=n0,mac=" + VM_MAC + ",romfile=,bootindex=1");
                }, MARKER, UefiHttpBootTest.NO_BOOT, Duration.ofSeconds(180), List.of(UefiHttpBootTest.DOWNLOADED,
                        UefiHttpBootTest.IPXE_STARTED));
                Boot boot = QemuVm.bootKvmOrTcg(lab, tap, ovmf, () -> {
                    dhcp.reset();
                    ipv6Only.run();
                });
                StringBuilder notes = new StringBuilder();
                for (JournalEntry e : dhcp.journal().entries()) {
                    notes.append(Transcript.of(List.of(e)).strip()).append("\n    ").append(e.note())
                            .append(e.message6().map(m -> "\n    " + m.options()).orElse("")).append('\n');
                }
                String transcript = notes.toString();
                System.out.println("[uefi-http6-boot] accel " + boot.accel() + ": qemu start to marker "
                        + boot.millis() + " ms; milestones " + boot.milestones());
                assertThat(boot.reachedMarker()).as(boot.describe() + "\njournal:\n" + transcript).isTrue();

                // OVMF's HTTP boot SOLICIT: HTTPClient (enterprise 343), architecture 16, its interface (62), and
                // options 59 and 16 in its ORO
                Dhcp6Message solicit = dhcp.journal().received(Dhcp6MessageType.SOLICIT).stream()
                        .map(e -> e.message6().orElseThrow()).filter(m -> vendorClass(m).contains("HTTPClient"))
                        .findFirst()
                        .orElseThrow(() -> new AssertionError("no SOLICIT of HTTP boot:\n" + transcript));
                assertThat(vendorClass(solicit)).contains("HTTPClient:Arch:00016:UNDI:");
                assertThat(solicit.option(Dhcp6OptionCode.CLIENT_ARCH_TYPE).orElseThrow().value())
                        .containsExactly(0, UefiHttpBootTest.X64_UEFI_HTTP);
                assertThat(solicit.option(Dhcp6OptionCode.NII).orElseThrow().value()).hasSize(3).startsWith(1);
                assertThat(solicit.option(Dhcp6OptionCode.ORO).orElseThrow().value()).containsSequence(0, 59);
                String base = "http://[" + SERVER6 + "]:" + dhcp.netboot().httpAddress6().orElseThrow().getPort();
                Dhcp6Message advertise = dhcp.journal().sent(Dhcp6MessageType.ADVERTISE).stream()
                        .map(e -> e.message6().orElseThrow())
                        .filter(m -> m.transactionId() == solicit.transactionId()).findFirst().orElseThrow();
                assertThat(url(advertise)).isEqualTo(base + "/ipxe.efi");
                assertThat(vendorClass(advertise)).endsWith("HTTPClient");

                // the boot file by HTTP over IPv6; iPXE asks by DHCPv6 as iPXE and chains the script of option 59
                Fetch efi = dhcp.netboot().fetches().stream().filter(f -> f.isOf("ipxe.efi") && f.complete())
                        .findFirst().orElseThrow(() -> new AssertionError("no fetch of ipxe.efi:\n" + transcript));
                assertThat(efi.client().getAddress()).isInstanceOf(Inet6Address.class);
                Dhcp6Message ipxe = dhcp.journal().received(Dhcp6MessageType.SOLICIT).stream()
                        .map(e -> e.message6().orElseThrow())
                        .filter(m -> m.option(Dhcp6OptionCode.USER_CLASS).isPresent()).findFirst()
                        .orElseThrow(() -> new AssertionError("no SOLICIT from iPXE:\n" + transcript));
                Dhcp6Message reply = dhcp.journal().sent(Dhcp6MessageType.REPLY).stream()
                        .map(e -> e.message6().orElseThrow())
                        .filter(m -> m.clientId().equals(ipxe.clientId()) && m.iaNa().size() == 1).findFirst()
                        .orElseThrow(() -> new AssertionError("no REPLY to iPXE:\n" + transcript));
                assertThat(url(reply)).isEqualTo(base + "/boot.ipxe");
                Fetch script = dhcp.netboot().fetches().stream().filter(f -> f.isOf("boot.ipxe") && f.complete())
                        .findFirst().orElseThrow(() -> new AssertionError("no fetch of boot.ipxe:\n" + transcript));
                assertThat(script.client().getAddress()).isEqualTo(reply.iaNa().get(0).addresses().get(0).address());
                assertThat(dhcp.journal().received(MessageType.DISCOVER)).allMatch(e -> e.note().contains("ignore"));
            }
        }
    }

    private static String vendorClass(Dhcp6Message m) {
        return m.option(Dhcp6OptionCode.VENDOR_CLASS).map(o -> new String(o.value(), StandardCharsets.US_ASCII))
                .orElse("");
    }

    private static String url(Dhcp6Message m) {
        return new String(m.option(Dhcp6OptionCode.BOOTFILE_URL).orElseThrow().value(), StandardCharsets.US_ASCII);
    }

    private static void copy(Path from, Path to) {
        try {
            Files.copy(from, to, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
