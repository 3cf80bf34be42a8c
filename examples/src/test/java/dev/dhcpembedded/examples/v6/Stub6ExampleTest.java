package dev.dhcpembedded.examples.v6;

import static dev.dhcpembedded.codec6.Dhcp6MessageType.REQUEST;
import static dev.dhcpembedded.codec6.Dhcp6MessageType.SOLICIT;
import static dev.dhcpembedded.junit.assertions.DhcpAssertions.assertThat;
import static dev.dhcpembedded.stub6.Request6Matcher.onRequest;
import static dev.dhcpembedded.stub6.Response6.ignore;
import static org.assertj.core.api.Assertions.assertThat;

import dev.dhcpembedded.client.Dhcp6TestClient;
import dev.dhcpembedded.junit.DhcpServerTest;
import dev.dhcpembedded.server.DhcpServer;
import dev.dhcpembedded.server.TestClock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * A DHCPv6 stub: the server drops the first REQUEST. Does the device retransmit it, with the same transaction id,
 * after RFC 8415's first timeout (1 s, +-10 %)? The injected client runs on the server's TestClock: when no reply
 * came within a short real wait, it moves the clock to its retransmission time, so the clock shows the RFC's timing.
 */
@DhcpServerTest(subnet6 = "2001:db8:1::/64", pool6 = "2001:db8:1::100-2001:db8:1::1ff")
class Stub6ExampleTest {

    @Test
    void theDeviceRetransmitsADroppedRequest(DhcpServer dhcp, TestClock clock, Dhcp6TestClient device) {
        dhcp.stub(onRequest().fromDuid(device.duid()).respond(ignore()).once());
        Instant start = clock.instant();

        device.solicitRequest();

        assertThat(dhcp).client(device.duid()).sentInOrder(SOLICIT, REQUEST, REQUEST).hasAddress("2001:db8:1::100");
        assertThat(device.sent().get(2).transactionId()).isEqualTo(device.sent().get(1).transactionId());
        assertThat(Duration.between(start, clock.instant())).isBetween(Duration.ofMillis(900),
                Duration.ofMillis(1100));
    }
}
