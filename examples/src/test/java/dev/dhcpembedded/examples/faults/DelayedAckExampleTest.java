package dev.dhcpembedded.examples.faults;

import static dev.dhcpembedded.codec.MessageType.ACK;
import static dev.dhcpembedded.codec.MessageType.REQUEST;
import static dev.dhcpembedded.junit.assertions.DhcpAssertions.assertThat;
import static dev.dhcpembedded.stub.RequestMatcher.onRequest;
import static dev.dhcpembedded.stub.Responses.defaultReply;

import dev.dhcpembedded.client.DhcpTestClient;
import dev.dhcpembedded.junit.DhcpServerTest;
import dev.dhcpembedded.server.DhcpServer;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** A slow server: the ACK comes after the device's timeout. Does it retransmit the REQUEST and bind anyway? */
@DhcpServerTest(subnet = "10.20.0.0/24", pool = "10.20.0.100-10.20.0.199")
class DelayedAckExampleTest {

    static final String DEVICE = "02:00:00:00:00:42";

    @Test
    void deviceRetransmitsItsRequestWhileTheAckIsLate(DhcpServer dhcp) {
        dhcp.stub(onRequest().from(DEVICE).respond(defaultReply().delay(Duration.ofMillis(300))).once());

        try (DhcpTestClient device = DhcpTestClient.builder().server(dhcp.address()).mac(DEVICE)
                .timeout(Duration.ofMillis(200)).attempts(3).build()) {
            device.dora();
        }

        assertThat(dhcp).received(REQUEST).from(DEVICE).atLeast(2);    // it did not give up
        assertThat(dhcp).sent(ACK).to(DEVICE).atLeast(1);
        assertThat(dhcp).client(DEVICE).hasLease("10.20.0.100");
    }
}
