package dev.dhcpembedded.examples.scripting;

import static dev.dhcpembedded.codec.MessageType.ACK;
import static dev.dhcpembedded.codec.MessageType.NAK;
import static dev.dhcpembedded.stub.RequestMatcher.onRequest;
import static dev.dhcpembedded.stub.Responses.ack;
import static dev.dhcpembedded.stub.Responses.nak;
import static org.assertj.core.api.Assertions.assertThat;

import dev.dhcpembedded.client.DhcpTestClient;
import dev.dhcpembedded.junit.DhcpServerTest;
import dev.dhcpembedded.server.DhcpServer;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * Two servers in conflict: one REQUEST gets a NAK and an ACK, in the order the test chooses
 * ({@code nak(...).then(ack())} or {@code ack().then(nak(...))}), as ChromiumOS's {@code RejectAndRespondToRequest}
 * scripts it. A client must act on the first reply it accepts. The "device" is the project's client; in your suite
 * it is the client under test.
 */
@DhcpServerTest(subnet = "10.20.0.0/24", pool = "10.20.0.100-10.20.0.199")
class ConflictingRepliesExampleTest {

    @Test
    void aNakThenAnAckToOneRequest(DhcpServer dhcp) {
        dhcp.stub(onRequest().respond(nak("address taken").then(ack())).once());

        try (DhcpTestClient device = DhcpTestClient.builder().server(dhcp.address()).build()) {
            assertThat(device.request(device.discover().orElseThrow())).hasValueSatisfying(
                    first -> assertThat(first.is(NAK)).isTrue());            // the first reply it hears
            assertThat(device.receive(Duration.ofSeconds(2))).hasValueSatisfying(
                    second -> assertThat(second.is(ACK)).isTrue());          // then the other server's ACK
        }
        assertThat(dhcp.v4().sent(NAK)).hasSize(1);
    }
}
