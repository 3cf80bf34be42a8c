package dev.dhcpembedded.lab;

import static dev.dhcpembedded.stub.RequestMatcher.onDiscover;
import static org.assertj.core.api.Assertions.assertThat;

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
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real DHCPv6 netboot client (RFC 5970): QEMU's iPXE option ROM (SeaBIOS, virtio-net) on a link whose router
 * advertisements say "managed" (M) and whose DHCPv4 DISCOVERs go unanswered, so IPv6 is all it has. iPXE's SOLICIT
 * says what it is (user class 15 {@code iPXE}, vendor class 16 {@code PXEClient}, architecture 61, interface 62, and
 * option 59 in its ORO); the ADVERTISE and REPLY carry option 59, the script's URL on the server's IPv6 address, and
 * iPXE chains it by HTTP over IPv6: the script prints a marker on the serial console. KVM where it works, else TCG.
 * Needs root, {@code ip} and {@code qemu-system-x86_64}: skipped without them unless real hosts are required.
 */
class QemuNetboot6Test {

    static final String VM_MAC = "52:54:00:de:00:07";
    static final String MARKER = "DHCP-EMBEDDED-IPXE6-BOOT-OK";
    static final String PREFIX = "2001:db8:7::";
    static final String SERVER6 = PREFIX + "1";

    @TempDir
    Path root;

    @Test
    void ipxeChainsTheScriptFromOption59OverIpv6() throws Exception {
        RealHosts.assumeBinary("qemu-system-x86_64");
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
                    .netboot(n -> n.tftpRoot(root).bootFile("undionly.kpxe").ipxeScript("boot.ipxe"))
                    .routerAdvertisements(ra -> ra.managed(true).otherConfig(true))
                    .start()) {
                // IPv6 only: iPXE's DHCPv4 goes unanswered (again after the reset between KVM and TCG)
                Runnable ipv6Only = () -> dhcp.stub(onDiscover().respond(Responses.ignore()));
                ipv6Only.run();
                String tap = QemuVm.bridgeTap(lab);
                QemuVm.Machine vm = new QemuVm.Machine("ipxe6", t -> List.of("-m", "128",
                        "-netdev", "tap,id=n0,ifname=" + t + ",script=no,downscript=no",
                        "-device", "virtio-net-pci,netdev=n0,mac=" + VM_MAC, "-boot", "n"), MARKER,
                        List.of("No bootable device"), Duration.ofSeconds(150));
                Boot boot = QemuVm.bootKvmOrTcg(lab, tap, vm, () -> {
                    dhcp.reset();
                    ipv6Only.run();
                });
                StringBuilder notes = new StringBuilder();
                for (JournalEntry e : dhcp.journal().entries()) {
                    notes.append(Transcript.of(List.of(e)).strip()).append("\n    ").append(e.note())
                            .append(e.message6().map(m -> "\n    " + m.options()).orElse("")).append('\n');
                }
                String transcript = notes.toString();
                System.out.println("[ipxe6-boot] accel " + boot.accel() + ": qemu start to marker " + boot.millis()
                        + " ms");
                assertThat(boot.reachedMarker()).as(boot.describe() + "\njournal:\n" + transcript).isTrue();

                // iPXE's SOLICIT: user class iPXE, vendor class PXEClient (enterprise 343), architecture 0 (BIOS),
                // its interface (62, UNDI 2.1), and option 59 in its ORO
                Dhcp6Message solicit = dhcp.journal().received(Dhcp6MessageType.SOLICIT).get(0).message6()
                        .orElseThrow();
                assertThat(solicit.option(Dhcp6OptionCode.USER_CLASS).orElseThrow().value())
                        .containsExactly(0, 4, 'i', 'P', 'X', 'E');
                assertThat(new String(solicit.option(Dhcp6OptionCode.VENDOR_CLASS).orElseThrow().value(),
                        StandardCharsets.US_ASCII)).contains("PXEClient:Arch:00000");
                assertThat(solicit.option(Dhcp6OptionCode.CLIENT_ARCH_TYPE).orElseThrow().value())
                        .containsExactly(0, 0);
                assertThat(solicit.option(Dhcp6OptionCode.NII)).isPresent();
                assertThat(solicit.option(Dhcp6OptionCode.ORO).orElseThrow().value()).containsSequence(0, 59);
                String url = "http://[" + SERVER6 + "]:" + dhcp.netboot().httpAddress6().orElseThrow().getPort()
                        + "/boot.ipxe";
                for (Dhcp6MessageType type : List.of(Dhcp6MessageType.ADVERTISE, Dhcp6MessageType.REPLY)) {
                    Dhcp6Message sent = dhcp.journal().sent(type).get(0).message6().orElseThrow();
                    assertThat(new String(sent.option(Dhcp6OptionCode.BOOTFILE_URL).orElseThrow().value(),
                            StandardCharsets.US_ASCII)).as(type.toString()).isEqualTo(url);
                    assertThat(sent.option(Dhcp6OptionCode.VENDOR_CLASS)).as(type.toString()).isEmpty();
                }

                // the script by HTTP over IPv6, from the address the REPLY gave
                Fetch script = dhcp.netboot().fetches().stream().filter(f -> f.isOf("boot.ipxe") && f.complete())
                        .findFirst().orElseThrow(() -> new AssertionError("no fetch of boot.ipxe:\n" + transcript));
                assertThat(script.client().getAddress()).isInstanceOf(Inet6Address.class);
                assertThat(script.client().getAddress().getHostAddress()).isEqualTo("2001:db8:7:0:0:0:0:100");
            }
        }
    }
}
