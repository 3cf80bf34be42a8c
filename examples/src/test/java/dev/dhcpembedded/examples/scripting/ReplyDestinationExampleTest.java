package dev.dhcpembedded.examples.scripting;

import static dev.dhcpembedded.codec.MessageType.NAK;
import static dev.dhcpembedded.codec.RequestState.RENEWING;
import static dev.dhcpembedded.stub.RequestMatcher.onRequest;
import static dev.dhcpembedded.stub.Responses.nak;
import static org.assertj.core.api.Assertions.assertThat;

import dev.dhcpembedded.client.ClientLease;
import dev.dhcpembedded.client.DhcpTestClient;
import dev.dhcpembedded.journal.JournalEntry;
import dev.dhcpembedded.junit.DhcpServerTest;
import dev.dhcpembedded.server.DhcpServer;
import org.junit.jupiter.api.Test;

/**
 * Where a reply goes: RFC 2131 §4.1 broadcasts a NAK, but a client in RENEWING whose socket is bound to its leased
 * address (dhcpcd's) never hears a broadcast. {@code unicastToClientAddress()} sends it to the client's address
 * instead; {@code broadcast()} and {@code unicastTo("10.20.0.250")} choose the other ways. The journal (and its
 * pcap) shows where each reply went.
 */
@DhcpServerTest(subnet = "10.20.0.0/24", pool = "10.20.0.100-10.20.0.199")
class ReplyDestinationExampleTest {

    @Test
    void aNakDuringRenewalReachesTheClientsAddress(DhcpServer dhcp) {
        dhcp.stub(onRequest().inState(RENEWING).respond(nak("moved").unicastToClientAddress()));

        try (DhcpTestClient device = DhcpTestClient.builder().server(dhcp.address()).build()) {
            ClientLease lease = device.dora();
            assertThat(device.renew(lease)).hasValueSatisfying(reply -> assertThat(reply.is(NAK)).isTrue());
        }
        JournalEntry nak = dhcp.v4().sent(NAK).get(0);
        assertThat(nak.destination().getAddress().getHostAddress()).isEqualTo("10.20.0.100");  // not 255.255.255.255
    }
}
