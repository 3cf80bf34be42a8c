package dev.dhcpembedded.examples.modern;

import static dev.dhcpembedded.junit.assertions.DhcpAssertions.assertThat;

import dev.dhcpembedded.client.ClientLease;
import dev.dhcpembedded.client.DhcpTestClient;
import dev.dhcpembedded.junit.DhcpServerTest;
import dev.dhcpembedded.server.DhcpServer;
import dev.dhcpembedded.server.TestClock;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * A server outage: while paused the server answers nothing (it still journals what it hears), so a renewal at T1
 * goes unanswered and the device must keep its address and try again (rebind at T2). {@code resume()} ends the
 * outage.
 */
@DhcpServerTest(subnet = "10.20.0.0/24", pool = "10.20.0.100-10.20.0.199", leaseSeconds = 600)
class OutageExampleTest {

    @Test
    void aRenewalDuringAnOutageIsNotAnsweredThenTheRebindIs(DhcpServer dhcp, TestClock clock) {
        try (DhcpTestClient device = DhcpTestClient.builder().server(dhcp.address()).mac("02:00:00:00:00:42")
                .timeout(Duration.ofMillis(300)).attempts(1).build()) {
            ClientLease lease = device.dora();

            dhcp.pause();
            clock.advance(Duration.ofMinutes(5));                       // T1
            org.assertj.core.api.Assertions.assertThat(device.renew(lease)).isEmpty();
            assertThat(dhcp).client("02:00:00:00:00:42").sentExactly(                // the renewal: heard, not answered
                    dev.dhcpembedded.codec.MessageType.DISCOVER, dev.dhcpembedded.codec.MessageType.REQUEST,
                    dev.dhcpembedded.codec.MessageType.REQUEST);
            org.assertj.core.api.Assertions.assertThat(dhcp.journal().sent()).hasSize(2); // the OFFER and ACK

            dhcp.resume();
            clock.advance(Duration.ofMinutes(4));                       // past T2 (87.5%)
            org.assertj.core.api.Assertions.assertThat(device.rebind(lease)).isPresent();
            assertThat(dhcp).client("02:00:00:00:00:42").rebindedByBroadcast().hasLease("10.20.0.100");
        }
    }
}
