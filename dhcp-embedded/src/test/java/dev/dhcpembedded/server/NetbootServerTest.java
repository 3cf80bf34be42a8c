package dev.dhcpembedded.server;

import static dev.dhcpembedded.stub.RequestMatcher.onDiscover;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.dhcpembedded.client.DhcpTestClient;
import dev.dhcpembedded.codec.DhcpMessage;
import dev.dhcpembedded.codec.DhcpOption;
import dev.dhcpembedded.codec.OptionCode;
import dev.dhcpembedded.journal.JournalEntry;
import dev.dhcpembedded.stub.Responses;
import dev.dhcpembedded.tftp.TftpClient;
import dev.dhcpembedded.codec.MessageType;
import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A server with netboot on loopback: the PXE OFFER, the TFTP fetch, the chained script by HTTP, the DSL's checks. */
class NetbootServerTest {

    @TempDir
    Path root;

    static final DhcpOption PXE = DhcpOption.of(60,
            "PXEClient:Arch:00000:UNDI:002001".getBytes(StandardCharsets.US_ASCII));
    static final DhcpOption BIOS = DhcpOption.of(93, new byte[] {0, 0});
    static final DhcpOption IPXE = DhcpOption.of(77, "iPXE".getBytes(StandardCharsets.US_ASCII));

    DhcpServer server() throws IOException {
        return server(n -> { });
    }

    DhcpServer server(Consumer<NetbootBuilder> more) throws IOException {
        Files.write(root.resolve("undionly.kpxe"), new byte[70_000]);
        Files.writeString(root.resolve("boot.ipxe"), "#!ipxe\necho DHCP-EMBEDDED-BOOT-OK\n");
        return DhcpServer.builder()
                .subnet("10.20.0.0/24", s -> s.pool("10.20.0.100", "10.20.0.199"))
                .netboot(n -> more.accept(n.tftpRoot(root).bootFile(arch -> arch == 0 ? "undionly.kpxe" : "ipxe.efi")
                        .ipxeScript("boot.ipxe")))
                .start();
    }

    DhcpTestClient client(DhcpServer server, DhcpOption... options) {
        var b = DhcpTestClient.builder().server(server.address()).mac("52:54:00:12:34:56")
                .timeout(Duration.ofSeconds(3)).attempts(1);
        for (DhcpOption o : options) {
            b.option(o);
        }
        return b.build();
    }

    @Test
    void aPxeRomGetsItsBootFileAndFetchesItByTftp() throws IOException {
        try (DhcpServer server = server(); DhcpTestClient client = client(server, PXE, BIOS)) {
            DhcpMessage offer = client.discover().orElseThrow();
            assertThat(offer.file()).isEqualTo("undionly.kpxe");
            assertThat(offer.siaddr().getHostAddress()).isEqualTo("127.0.0.1");
            assertThat(offer.option(OptionCode.TFTP_SERVER_NAME).orElseThrow().asString()).isEqualTo("127.0.0.1");
            TftpClient.Download d = TftpClient.to(server.netboot().tftpAddress()).blockSize(1468).get(offer.file());
            assertThat(d.content()).hasSize(70_000);
            // the server has the fetch whole when the client's last acknowledgement arrives, just after get() returns
            await().atMost(Duration.ofSeconds(5)).until(() -> server.netboot().fetched("undionly.kpxe"));
            assertThat(server.journal().entries(JournalEntry::isTftp)).extracting(JournalEntry::note)
                    .first().asString().startsWith("TFTP Read Request, File: undionly.kpxe");
            assertThat(server.journal().received().get(0).note()).endsWith("; netboot PXE arch 0: undionly.kpxe");
        }
    }

    @Test
    void iPxeGetsTheScriptUrlAndFetchesItByHttp() throws Exception {
        try (DhcpServer server = server(); DhcpTestClient client = client(server, PXE, BIOS, IPXE)) {
            String url = client.discover().orElseThrow().file();
            assertThat(url).isEqualTo("http://127.0.0.1:" + server.netboot().httpAddress().orElseThrow().getPort()
                    + "/boot.ipxe");
            HttpResponse<String> script = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(script.body()).contains("DHCP-EMBEDDED-BOOT-OK");
            assertThat(server.netboot().fetched("boot.ipxe")).isTrue();
            assertThat(server.netboot().fetched("undionly.kpxe")).isFalse();
        }
    }

    /**
     * iPXE is told to wait for no ProxyDHCP offer: option 175 (Etherboot) with {@code no-pxedhcp} (176) = 1, in the
     * OFFER and the ACK, as tshark decodes them; a PXE ROM is not.
     */
    @Test
    void iPxeIsToldNotToWaitForProxyDhcpAndTsharkDecodesIt(@TempDir Path tmp) throws Exception {
        try (DhcpServer server = server(); DhcpTestClient client = client(server, PXE, BIOS, IPXE);
             DhcpTestClient rom = DhcpTestClient.builder().server(server.address()).mac("52:54:00:12:34:57")
                     .timeout(Duration.ofSeconds(3)).attempts(1).option(PXE).option(BIOS).build()) {
            DhcpMessage ack = client.request(client.discover().orElseThrow()).orElseThrow();
            assertThat(ack.option(175).orElseThrow().value()).containsExactly((byte) 176, 1, 1);
            assertThat(rom.discover().orElseThrow().option(175)).isEmpty();
            assertThat(server.journal().sent(MessageType.OFFER).get(0).message().orElseThrow().option(175)
                    .orElseThrow().value()).containsExactly((byte) 176, 1, 1);
            boolean tshark = Stream.of(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator))
                    .anyMatch(dir -> Files.isExecutable(Path.of(dir, "tshark")));
            Assumptions.assumeTrue(tshark || Boolean.getBoolean("dhcp.requireRealHosts"), "tshark is not installed");
            Path pcap = tmp.resolve("ipxe.pcap");
            server.journal().writePcap(pcap);
            Process p = new ProcessBuilder("tshark", "-r", pcap.toString(), "-V", "-o", "udp.check_checksum:TRUE",
                    "-Y", "dhcp.option.type == 175")
                    .redirectErrorStream(true).start();
            String text = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
            assertThat(text).contains("Option: (53) DHCP Message Type (Offer)").contains("(53) DHCP Message Type (ACK)")
                    .contains("Option: (175) Etherboot\n        Length: 3\n        Value: b00101\n")
                    .doesNotContain("Malformed").doesNotContain("Expert Info").doesNotContain("[Checksum Status: Bad]");
        }
    }

    @Test
    void iPxeToWaitForProxyDhcpIsNotTold() throws IOException {
        try (DhcpServer server = server(n -> n.waitForProxyDhcp(true));
             DhcpTestClient client = client(server, PXE, BIOS, IPXE)) {
            DhcpMessage offer = client.discover().orElseThrow();
            assertThat(offer.file()).endsWith("/boot.ipxe");
            assertThat(offer.option(175)).isEmpty();
        }
    }

    @Test
    void aStubOnPxeRequestsAnswersAsForAnyRequest() throws IOException {
        try (DhcpServer server = server(); DhcpTestClient client = client(server, PXE, BIOS)) {
            server.stub(onDiscover().pxe().withArchitecture(0).respond(Responses.ignore()));
            assertThat(client.discover()).isEmpty();
            assertThat(server.unusedStubs()).isEmpty();
        }
    }

    @Test
    void resetForgetsTheFetchesAndStopClosesTftp() throws IOException {
        DhcpServer server = server();
        TftpClient.to(server.netboot().tftpAddress()).get("boot.ipxe");
        await().atMost(Duration.ofSeconds(5)).until(() -> server.netboot().fetches().size() == 1);
        server.reset();
        assertThat(server.netboot().fetches()).isEmpty();
        try (DhcpTestClient client = client(server, PXE, BIOS)) { // what netboot clients are told outlives it
            assertThat(client.discover().orElseThrow().file()).isEqualTo("undionly.kpxe");
        }
        server.stop();
        assertThatThrownBy(() -> server.netboot().tftpAddress()).hasMessageContaining("not running");
    }

    @Test
    void theDslFailsFastWithWhatToChange() throws IOException {
        Files.writeString(root.resolve("ipxe.efi"), "x");
        assertThatThrownBy(() -> base().netboot(n -> n.bootFile("ipxe.efi")).build())
                .hasMessageContaining("call tftpRoot(DIR)");
        assertThatThrownBy(() -> base().netboot(n -> n.tftpRoot(root)).build())
                .hasMessageContaining("call bootFile(");
        assertThatThrownBy(() -> base().netboot(n -> n.tftpRoot(root.resolve("nope")).bootFile("a")).build())
                .hasMessageContaining("is not a directory");
        assertThatThrownBy(() -> base().netboot(n -> n.tftpRoot(root).bootFile("a").ipxeScript("boot.ipxe"))
                .build()).hasMessageContaining("iPXE script boot.ipxe is not in");
        assertThatThrownBy(() -> base().netboot(n -> n.tftpRoot(root).bootFile("a").httpBoot("10.0.0.1")).build())
                .hasMessageContaining("is no URL");
        assertThatThrownBy(() -> base().netboot(n -> n.tftpPort(70000)).build()).hasMessageContaining("out of range");
        assertThatThrownBy(() -> DhcpServer.builder().subnet("10.20.0.0/24", s -> s.pool("10.20.0.100",
                "10.20.0.199")).build().netboot()).hasMessageContaining(".netboot(n -> n.tftpRoot(DIR)");
    }

    DhcpServerBuilder base() {
        return DhcpServer.builder().subnet("10.20.0.0/24", s -> s.pool("10.20.0.100", "10.20.0.199"));
    }
}
