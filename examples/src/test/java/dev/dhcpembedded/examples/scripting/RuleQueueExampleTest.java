package dev.dhcpembedded.examples.scripting;

import static dev.dhcpembedded.stub.RequestMatcher.onDiscover;
import static dev.dhcpembedded.stub.RequestMatcher.onRequest;
import static dev.dhcpembedded.stub.Responses.ack;
import static dev.dhcpembedded.stub.Responses.nak;
import static dev.dhcpembedded.stub.Responses.offer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dhcpembedded.client.DhcpTestClient;
import dev.dhcpembedded.junit.DhcpServerTest;
import dev.dhcpembedded.server.DhcpServer;
import dev.dhcpembedded.server.StubQueue;
import dev.dhcpembedded.stub.Stub;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * An ordered queue of rules, as client suites script their test servers (ChromiumOS's "handling rules"): only the
 * head rule answers, it leaves the queue once it has, and a strict queue drops everything else (the journal says
 * "dropped by the strict stub queue"). The test passes when the last rule has fired. {@code v4().dropUnscripted(true)}
 * goes further: no stub, no answer.
 */
@DhcpServerTest(subnet = "10.20.0.0/24", pool = "10.20.0.100-10.20.0.199")
class RuleQueueExampleTest {

    @Test
    void theDeviceIsRefusedOnceThenGetsItsLease(DhcpServer dhcp) {
        StubQueue<Stub> rules = dhcp.v4().strictQueue(
                onDiscover().respond(offer().address("10.20.0.150")),
                onRequest().respond(nak("try again")),
                onDiscover().respond(offer().address("10.20.0.151")),
                onRequest().respond(ack()));

        try (DhcpTestClient device = DhcpTestClient.builder().server(dhcp.address())
                .timeout(Duration.ofMillis(500)).attempts(1).build()) {
            assertThatThrownBy(device::dora).hasMessageContaining("try again");   // refused: NAK
            device.dora();                                                       // back to INIT: the lease
        }
        assertThat(rules.remaining()).isEmpty();                  // the last rule fired
        assertThat(rules.isConsumed()).isTrue();
        assertThat(dhcp.lease("10.20.0.151")).isPresent();
    }
}
