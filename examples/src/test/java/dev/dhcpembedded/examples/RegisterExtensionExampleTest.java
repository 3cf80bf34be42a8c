package dev.dhcpembedded.examples;

import static dev.dhcpembedded.codec.MessageType.DISCOVER;
import static dev.dhcpembedded.codec.MessageType.REQUEST;
import static dev.dhcpembedded.junit.assertions.DhcpAssertions.assertThat;

import dev.dhcpembedded.client.ClientLease;
import dev.dhcpembedded.client.DhcpTestClient;
import dev.dhcpembedded.junit.DhcpServerExtension;
import dev.dhcpembedded.server.DhcpServer;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The programmatic form, with the server's full builder. A static field gives one server per class (reset before
 * each test); drop {@code static} for a new server per test. The field gives the running server, its address,
 * journal and TestClock. Also: waiting for an asynchronous device.
 */
class RegisterExtensionExampleTest {

    // tag::field[]
    @RegisterExtension
    static DhcpServerExtension dhcp = DhcpServerExtension.builder()
            .server(b -> b
                    .subnet("10.20.0.0/24", s -> s.pool("10.20.0.100", "10.20.0.199").router("10.20.0.1")
                            .leaseTime(Duration.ofMinutes(10)))
                    .staticLease("02:00:00:00:00:42", "10.20.0.42", l -> l.hostname("thermostat")))
            .testClock(Instant.parse("2030-01-01T00:00:00Z"))
            .build();
    // end::field[]

    @Test
    void awaitsADeviceThatBootsInTheBackground(DhcpServer server) {
        DhcpTestClient device = DhcpTestClient.builder().server(server.address()).mac("02:00:00:00:00:42").build();
        // the device boots on its own thread, a little later, as firmware in a container would
        CompletableFuture<Void> boot = CompletableFuture.runAsync(device::dora,
                CompletableFuture.delayedExecutor(300, TimeUnit.MILLISECONDS));
        try {
            // waits (polling with Awaitility) instead of sleeping; on timeout it says what it awaited and what came
            assertThat(server).awaitingAtMost(Duration.ofSeconds(5))
                    .client("02:00:00:00:00:42").sentInOrder(DISCOVER, REQUEST).hasLease("10.20.0.42");
        } finally {
            boot.join();
            device.close();
        }
    }

    @Test
    // tag::field-use[]
    void theFieldGivesTheServerAndItsClock() {
        try (DhcpTestClient device = DhcpTestClient.builder().server(dhcp.address()).mac("02:00:00:00:00:07")
                .build()) {
            ClientLease lease = device.dora();
            dhcp.clock().advance(Duration.ofMinutes(5));         // T1 of a 10-minute lease
            device.renew(lease);
            assertThat(dhcp.server()).client("02:00:00:00:00:07").renewedByUnicast()
                    .hasLease(lease.address().getHostAddress());
        }
    }
    // end::field-use[]
}
