package dev.dhcpembedded.examples;

import static dev.dhcpembedded.codec.MessageType.DISCOVER;
import static dev.dhcpembedded.codec.MessageType.REQUEST;
import static dev.dhcpembedded.codec.OptionCode.DOMAIN_NAME_SERVER;
import static dev.dhcpembedded.codec.OptionCode.ROUTER;
import static dev.dhcpembedded.codec.OptionCode.SUBNET_MASK;
import static dev.dhcpembedded.junit.assertions.DhcpAssertions.assertThat;

import dev.dhcpembedded.client.ClientLease;
import dev.dhcpembedded.client.DhcpTestClient;
import dev.dhcpembedded.junit.DhcpServerTest;
import dev.dhcpembedded.server.DhcpServer;
import dev.dhcpembedded.server.TestClock;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * The declarative form: one server for the class, reset before each test. The "device" here is the project's own
 * DhcpTestClient; in your suite it is the DHCP client under test, pointed at {@code dhcp.address()}.
 */
// tag::declarative[]
@DhcpServerTest(subnet = "10.20.0.0/24", pool = "10.20.0.100-10.20.0.199", router = "10.20.0.1",
        dns = "10.20.0.53", domain = "lab.test", leaseSeconds = 600)
class AnnotationExampleTest {

    static final String DEVICE_MAC = "02:00:00:00:00:42";

    @Test
    void bootsAndRenews(DhcpServer dhcp, TestClock clock) {
        try (DhcpTestClient device = DhcpTestClient.builder().server(dhcp.address()).mac(DEVICE_MAC)
                .parameterRequestList(SUBNET_MASK, ROUTER, DOMAIN_NAME_SERVER).hostname("thermostat").build()) {
            ClientLease lease = device.dora();

            assertThat(dhcp).received(DISCOVER).from(DEVICE_MAC)
                    .withParameterRequestList(SUBNET_MASK, ROUTER, DOMAIN_NAME_SERVER).withHostname("thermostat");
            assertThat(dhcp).client(DEVICE_MAC).sentInOrder(DISCOVER, REQUEST).hasLease("10.20.0.100");

            clock.advance(Duration.ofMinutes(5));                        // reach T1 (50% of 600 s)
            device.renew(lease);
            assertThat(dhcp).client(DEVICE_MAC).renewedByUnicast().conformsToRfc2131();
        }
    }

    @Test
    void eachTestStartsFromAnEmptyJournal(DhcpServer dhcp, DhcpTestClient device) {
        // a DhcpTestClient parameter is a client with a random MAC, pointed at the server and closed afterwards
        device.dora();
        assertThat(dhcp).received(DISCOVER).once();
        assertThat(dhcp).hasBoundLeases(1);
    }
}
// end::declarative[]
