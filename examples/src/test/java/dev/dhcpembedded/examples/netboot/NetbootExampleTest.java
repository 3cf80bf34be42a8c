package dev.dhcpembedded.examples.netboot;

import static dev.dhcpembedded.junit.assertions.DhcpAssertions.assertThat;

import dev.dhcpembedded.client.DhcpTestClient;
import dev.dhcpembedded.codec.DhcpMessage;
import dev.dhcpembedded.codec.DhcpOption;
import dev.dhcpembedded.codec.OptionCode;
import dev.dhcpembedded.server.DhcpServer;
import dev.dhcpembedded.tftp.TftpClient;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Netboot on loopback: a PXE-shaped DISCOVER (vendor class 60 and architecture 93) gets the boot file of its
 * architecture, fetched by TFTP from the server's root; an iPXE client (user class 77) gets the chained script's
 * URL, fetched by HTTP.
 */
class NetbootExampleTest {

    static final String MAC = "52:54:00:12:34:56";

    @TempDir
    Path root;

    DhcpServer start() throws IOException {
        Files.write(root.resolve("undionly.kpxe"), new byte[64 * 1024]);
        Files.write(root.resolve("ipxe.efi"), new byte[256 * 1024]);
        Files.writeString(root.resolve("boot.ipxe"), "#!ipxe\necho DHCP-EMBEDDED-BOOT-OK\n");
        // tag::server[]
        DhcpServer server = DhcpServer.builder()
                .subnet("10.20.0.0/24", s -> s.pool("10.20.0.100", "10.20.0.199").router("10.20.0.1"))
                .netboot(n -> n.tftpRoot(root)                                   // served by TFTP and HTTP
                        .bootFile(arch -> arch == 0 ? "undionly.kpxe" : "ipxe.efi") // option 93: 0 BIOS, 7 UEFI x64
                        .ipxeScript("boot.ipxe"))                                // what iPXE gets, by HTTP
                .start();
        // end::server[]
        return server;
    }

    @Test
    void aUefiPxeClientGetsIpxeEfiAndFetchesItByTftp() throws IOException {
        try (DhcpServer server = start()) {
            // tag::pxe[]
            DhcpTestClient client = DhcpTestClient.builder().server(server.address()).mac(MAC)
                    .vendorClass("PXEClient:Arch:00007:UNDI:003016")            // option 60, as UEFI firmware sends
                    .option(DhcpOption.of(93, new byte[] {0, 7}))                // client architecture: x64 UEFI
                    .build();
            DhcpMessage offer = client.discover().orElseThrow();
            org.assertj.core.api.Assertions.assertThat(offer.file()).isEqualTo("ipxe.efi");
            org.assertj.core.api.Assertions.assertThat(offer.option(OptionCode.BOOTFILE_NAME).orElseThrow()
                    .asString()).isEqualTo("ipxe.efi");

            TftpClient.Download file = TftpClient.to(server.netboot().tftpAddress())  // as the firmware would
                    .blockSize(1468).windowSize(8).askSize()
                    .get(offer.file());
            org.assertj.core.api.Assertions.assertThat(file.content()).hasSize(256 * 1024);
            assertThat(server).client(MAC).fetched("ipxe.efi");
            // end::pxe[]
            client.close();
        }
    }

    @Test
    void iPxeGetsTheScriptByHttp() throws Exception {
        try (DhcpServer server = start();
             DhcpTestClient client = DhcpTestClient.builder().server(server.address()).mac(MAC)
                     .vendorClass("PXEClient:Arch:00000:UNDI:002001")
                     .option(DhcpOption.of(77, "iPXE".getBytes(java.nio.charset.StandardCharsets.US_ASCII)))
                     .timeout(Duration.ofSeconds(3)).build()) {
            // tag::ipxe[]
            String script = client.discover().orElseThrow().file();        // http://127.0.0.1:PORT/boot.ipxe
            HttpResponse<String> response = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(URI.create(script)).build(), HttpResponse.BodyHandlers.ofString());
            org.assertj.core.api.Assertions.assertThat(response.body()).contains("DHCP-EMBEDDED-BOOT-OK");
            assertThat(server).client(MAC).fetched("boot.ipxe");
            // end::ipxe[]
        }
    }
}
