package dev.dhcpembedded.examples.faults;

import static dev.dhcpembedded.codec.MessageType.DISCOVER;
import static dev.dhcpembedded.codec.OptionCode.ROUTER;
import static dev.dhcpembedded.junit.assertions.DhcpAssertions.assertThat;
import static dev.dhcpembedded.stub.RequestMatcher.onDiscover;
import static dev.dhcpembedded.stub.Responses.badOptionLength;
import static dev.dhcpembedded.stub.Responses.defaultReply;
import static org.assertj.core.api.Assertions.assertThat;

import dev.dhcpembedded.client.DhcpTestClient;
import dev.dhcpembedded.client.Exchange;
import dev.dhcpembedded.junit.DhcpServerTest;
import dev.dhcpembedded.server.DhcpServer;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** An OFFER whose router option lies about its length: does the device discard it rather than crash or use it? */
@DhcpServerTest(subnet = "10.20.0.0/24", pool = "10.20.0.100-10.20.0.199", router = "10.20.0.1")
class MalformedOptionExampleTest {

    static final String DEVICE = "02:00:00:00:00:42";

    @Test
    void deviceDiscardsAMalformedOfferAndTakesTheNextOne(DhcpServer dhcp) {
        dhcp.stub(onDiscover().from(DEVICE).respond(defaultReply().malformed(badOptionLength(ROUTER, 200))).once());

        try (DhcpTestClient device = DhcpTestClient.builder().server(dhcp.address()).mac(DEVICE)
                .timeout(Duration.ofSeconds(1)).attempts(3).build()) {
            device.dora();
            assertThat(device.exchanges()).filteredOn(Exchange::isReceived)
                    .anySatisfy(x -> assertThat(x.decodeError()).hasValueSatisfying(
                            reason -> assertThat(reason).contains("option 3 length 200")));
        }

        // the device retransmitted after the malformed OFFER (more often if this machine was slow to answer)
        assertThat(dhcp).received(DISCOVER).from(DEVICE).atLeast(2);
        assertThat(dhcp).client(DEVICE).hasLease("10.20.0.100");
    }
}
