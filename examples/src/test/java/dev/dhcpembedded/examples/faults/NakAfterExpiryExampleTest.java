package dev.dhcpembedded.examples.faults;

import static dev.dhcpembedded.codec.MessageType.NAK;
import static dev.dhcpembedded.junit.assertions.DhcpAssertions.assertThat;
import static dev.dhcpembedded.stub.RequestMatcher.onRequest;
import static dev.dhcpembedded.codec.RequestState.RENEWING;
import static dev.dhcpembedded.stub.Responses.nak;

import dev.dhcpembedded.client.ClientLease;
import dev.dhcpembedded.client.DhcpTestClient;
import dev.dhcpembedded.junit.DhcpServerTest;
import dev.dhcpembedded.server.DhcpServer;
import dev.dhcpembedded.server.TestClock;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** A NAK after the lease expired: does the device drop its address and start over from INIT? */
@DhcpServerTest(subnet = "10.20.0.0/24", pool = "10.20.0.100-10.20.0.199", leaseSeconds = 60)
class NakAfterExpiryExampleTest {

    static final String DEVICE = "02:00:00:00:00:42";

    @Test
    void deviceStartsOverAfterANak(DhcpServer dhcp, TestClock clock) {
        try (DhcpTestClient device = DhcpTestClient.builder().server(dhcp.address()).mac(DEVICE).build()) {
            ClientLease lease = device.dora();
            clock.advance(Duration.ofSeconds(61));                       // past the lease: no sleeping
            dhcp.expireLease(lease.address().getHostAddress());
            dhcp.stub(onRequest().from(DEVICE).inState(RENEWING).respond(nak("lease expired")).once());

            device.renew(lease);                                         // the device's late renewal is NAKed
            device.dora();                                               // and it starts over
        }

        assertThat(dhcp).sent(NAK).to(DEVICE).once();
        assertThat(dhcp).client(DEVICE).wentBackToInitAfterNak().hasLease("10.20.0.100");
    }
}
