package dev.dhcpembedded.examples.faults;

import static dev.dhcpembedded.codec.MessageType.OFFER;
import static dev.dhcpembedded.junit.assertions.DhcpAssertions.assertThat;
import static dev.dhcpembedded.stub.RequestMatcher.onDiscover;
import static dev.dhcpembedded.stub.Responses.defaultReply;
import static dev.dhcpembedded.stub.Responses.rogueServerId;
import static org.assertj.core.api.Assertions.assertThat;

import dev.dhcpembedded.client.DhcpTestClient;
import dev.dhcpembedded.codec.DhcpMessage;
import dev.dhcpembedded.junit.DhcpServerTest;
import dev.dhcpembedded.server.DhcpServer;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Two servers offer: which does the device choose, and does the other one let its offer go? */
@DhcpServerTest(subnet = "10.20.0.0/24", pool = "10.20.0.100-10.20.0.199", serverId = "10.20.0.1")
class CompetingServersExampleTest {

    static final String DEVICE = "02:00:00:00:00:42";

    @Test
    void deviceTakesOneOfferAndTheOtherServerStaysSilent(DhcpServer dhcp) {
        dhcp.stub(onDiscover().respond(defaultReply().alsoFrom(rogueServerId("10.20.0.2"))));

        try (DhcpTestClient device = DhcpTestClient.builder().server(dhcp.address()).mac(DEVICE)
                .timeout(Duration.ofMillis(200)).attempts(1).build()) {
            List<DhcpMessage> offers = device.discoverAll(Duration.ofMillis(300));
            assertThat(offers).hasSize(2);
            DhcpMessage rogue = offers.stream()
                    .filter(o -> o.serverIdentifier().orElseThrow().getHostAddress().equals("10.20.0.2"))
                    .findFirst().orElseThrow();
            device.request(rogue);        // the device picks the rogue's offer (no ACK: the rogue is not real)
        }

        assertThat(dhcp).sent(OFFER).to(DEVICE).times(2);
        assertThat(dhcp).received(dev.dhcpembedded.codec.MessageType.REQUEST).from(DEVICE)
                .withServerIdentifier("10.20.0.2");
        assertThat(dhcp).client(DEVICE).hasNoLease();                    // our server freed its held offer
    }
}
