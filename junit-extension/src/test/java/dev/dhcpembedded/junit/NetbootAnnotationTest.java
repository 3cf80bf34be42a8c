package dev.dhcpembedded.junit;

import static dev.dhcpembedded.junit.assertions.DhcpAssertions.assertThat;

import dev.dhcpembedded.client.DhcpTestClient;
import dev.dhcpembedded.codec.DhcpMessage;
import dev.dhcpembedded.codec.DhcpOption;
import dev.dhcpembedded.codec.MessageType;
import dev.dhcpembedded.server.DhcpServer;
import dev.dhcpembedded.tftp.TftpClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** {@code @DhcpServerTest(tftpRoot, bootFile, ipxeScript)} reaches the server; {@code fetched(file)} reads it. */
@DhcpServerTest(subnet = "10.20.0.0/24", tftpRoot = "src/test/resources/netboot",
        bootFile = {"0=undionly.kpxe", "ipxe.efi"}, ipxeScript = "boot.ipxe")
class NetbootAnnotationTest {

    @Test
    void aPxeDiscoverGetsTheBootFileWhichTheClientFetches(DhcpServer server, DhcpTestClient client) {
        DhcpMessage discover = client.newMessage(MessageType.DISCOVER)
                .option(DhcpOption.of(60, "PXEClient:Arch:00000:UNDI:002001".getBytes(StandardCharsets.US_ASCII)))
                .option(DhcpOption.of(93, new byte[] {0, 0})).build();
        client.send(discover);
        DhcpMessage offer = client.receive(Duration.ofSeconds(3)).orElseThrow();
        org.assertj.core.api.Assertions.assertThat(offer.file()).isEqualTo("undionly.kpxe");
        TftpClient.to(server.netboot().tftpAddress()).get(offer.file());
        assertThat(server).client(client.mac().toString()).fetched("undionly.kpxe");
    }

    @Test
    void fetchedFailsListingWhatWasFetched(DhcpServer server, DhcpTestClient client) {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> assertThat(server).awaitingAtMost(Duration.ofMillis(100))
                        .client(client.mac().toString()).fetched("ipxe.efi"))
                .hasMessageContaining("to have fetched ipxe.efi whole, but the fetches were: none");
    }
}
