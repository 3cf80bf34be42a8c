package dev.dhcpembedded.examples.guide;

import static dev.dhcpembedded.junit.assertions.DhcpAssertions.assertThat;
import static dev.dhcpembedded.stub.RequestMatcher.onRequest;
import static dev.dhcpembedded.stub.Responses.defaultReply;

import dev.dhcpembedded.client.ClientLease;
import dev.dhcpembedded.client.DhcpTestClient;
import dev.dhcpembedded.codec.MessageType;
import dev.dhcpembedded.junit.DhcpServerTest;
import dev.dhcpembedded.lease.Lease;
import dev.dhcpembedded.lease.LeaseState;
import dev.dhcpembedded.server.DhcpServer;
import dev.dhcpembedded.server.TestClock;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** Time on the server's clock: leases age and delayed replies wait until the test moves it. */
@DhcpServerTest(subnet = "10.20.0.0/24", leaseSeconds = 600)
class TestClockExampleTest {

    // tag::lease-time[]
    @Test
    void leasesAgeOnTheTestsClock(DhcpServer dhcp, TestClock clock, DhcpTestClient client) {
        ClientLease lease = client.dora();

        clock.advance(Duration.ofMinutes(5));                 // T1: half of the 600 s lease, at once
        client.renew(lease);
        assertThat(dhcp).client(client.mac()).renewedByUnicast();

        clock.advance(Duration.ofMinutes(11));                // past the end of the renewed lease
        assertThat(dhcp.lease(client.mac())).map(Lease::state).contains(LeaseState.EXPIRED);
    }
    // end::lease-time[]

    // tag::delayed-reply[]
    @Test
    void aDelayedAckWaitsForTheClock(DhcpServer dhcp, TestClock clock, DhcpTestClient client) {
        dhcp.stub(onRequest().respond(defaultReply().delayOnServerClock(Duration.ofSeconds(30))));
        CompletableFuture<ClientLease> boot = CompletableFuture.supplyAsync(client::dora);

        assertThat(dhcp).awaiting().received(MessageType.REQUEST).atLeast(1);
        assertThat(dhcp.journal().sent(MessageType.ACK)).isEmpty();   // held: the server clock has not moved
        clock.advance(Duration.ofSeconds(30));                // releases it
        assertThat(boot.join().address().getHostAddress()).startsWith("10.20.0.");
    }
    // end::delayed-reply[]
}
