package dev.dhcpembedded.examples.faults;

import static dev.dhcpembedded.codec.MessageType.DISCOVER;
import static dev.dhcpembedded.codec.MessageType.OFFER;
import static dev.dhcpembedded.junit.assertions.DhcpAssertions.assertThat;
import static dev.dhcpembedded.stub.RequestMatcher.onDiscover;
import static dev.dhcpembedded.stub.Responses.ignore;

import dev.dhcpembedded.client.DhcpTestClient;
import dev.dhcpembedded.junit.DhcpServerTest;
import dev.dhcpembedded.server.DhcpServer;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** A dropped OFFER: does the device retransmit its DISCOVER, with the same xid, and still get a lease? */
@DhcpServerTest(subnet = "10.20.0.0/24", pool = "10.20.0.100-10.20.0.199")
class DroppedOfferExampleTest {

    static final String DEVICE = "02:00:00:00:00:42";

    @Test
    void deviceRetransmitsAfterADroppedOffer(DhcpServer dhcp) {
        dhcp.stub(onDiscover().from(DEVICE).respond(ignore()).once());

        try (DhcpTestClient device = DhcpTestClient.builder().server(dhcp.address()).mac(DEVICE)
                .timeout(Duration.ofMillis(200)).attempts(3).build()) {
            device.dora();                                               // the device under test boots
        }

        assertThat(dhcp).received(DISCOVER).from(DEVICE).times(2);     // it tried again
        assertThat(dhcp).sent(OFFER).to(DEVICE).once();                // and took the second OFFER
        assertThat(dhcp).client(DEVICE).hasLease("10.20.0.100").conformsToRfc2131();
    }
}
