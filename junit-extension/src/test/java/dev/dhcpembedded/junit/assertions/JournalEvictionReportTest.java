package dev.dhcpembedded.junit.assertions;

import static dev.dhcpembedded.codec.MessageType.DISCOVER;
import static dev.dhcpembedded.junit.assertions.DhcpAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dhcpembedded.client.DhcpTestClient;
import dev.dhcpembedded.codec.MacAddress;
import dev.dhcpembedded.journal.Journal;
import dev.dhcpembedded.server.DhcpServer;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** A failure message says when the journal dropped its oldest entries: what was looked for may have been among them. */
class JournalEvictionReportTest {

    @Test
    void aFailureOnAJournalThatDroppedEntriesSaysHowMany() {
        DhcpServer server = DhcpServer.builder().journal(2, Journal.DEFAULT_MAX_BYTES)
                .subnet("10.20.0.0/24", s -> s.router("10.20.0.1")).start();
        try (DhcpTestClient client = DhcpTestClient.builder().server(server.address())
                .mac("02:00:00:00:21:03").timeout(Duration.ofSeconds(2)).build()) {
            client.dora(); // DISCOVER, OFFER, REQUEST, ACK: the first two dropped
            assertThatThrownBy(() -> assertThat(server).received(DISCOVER)
                    .from(MacAddress.parse("02:00:00:00:21:03")))
                    .isInstanceOf(AssertionError.class)
                    .hasMessageContaining("Transcript (2 entries):\n  (the journal dropped 2 oldest entries "
                            + "(bounds: 2 entries, 67108864 bytes))\n  #3 ");
        } finally {
            server.stop();
        }
    }
}
