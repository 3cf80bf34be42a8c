package dev.dhcpembedded.examples.guide;

import static dev.dhcpembedded.junit.assertions.DhcpAssertions.assertThat;

import dev.dhcpembedded.client.DhcpTestClient;
import dev.dhcpembedded.codec.MacAddress;
import dev.dhcpembedded.codec.MessageType;
import dev.dhcpembedded.journal.JournalEntry;
import dev.dhcpembedded.server.DhcpServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reading the journal, as the documentation's "The journal" section shows it. */
class JournalExampleTest {

    @Test
    void everyMessageIsKept(@TempDir Path dir) throws Exception {
        try (DhcpServer server = DhcpServer.builder().subnet("10.20.0.0/24", s -> s.router("10.20.0.1")).start();
             DhcpTestClient client = DhcpTestClient.builder().server(server.address()).mac("02:00:00:00:00:42")
                     .build()) {
            client.dora();
            // tag::journal[]
            List<JournalEntry> discovers = server.journal().received(MessageType.DISCOVER);   // oldest first
            List<JournalEntry> mine = server.journal().forClient(MacAddress.parse("02:00:00:00:00:42"));
            String transcript = server.journal().transcript();  // 0.0.0.0:68 -> 255.255.255.255:67 DHCP Discover ...
            server.journal().writePcap(dir.resolve("exchange.pcap"));                       // for Wireshark
            // end::journal[]
            assertThat(discovers).hasSize(1);
            assertThat(mine).hasSize(4);
            assertThat(transcript).contains("DHCP Discover", "DHCP ACK");
            assertThat(Files.size(dir.resolve("exchange.pcap"))).isGreaterThan(24);
        }
    }
}
