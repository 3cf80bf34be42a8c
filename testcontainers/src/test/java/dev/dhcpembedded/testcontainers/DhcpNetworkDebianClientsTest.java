package dev.dhcpembedded.testcontainers;

import static dev.dhcpembedded.codec.MessageType.DISCOVER;
import static dev.dhcpembedded.codec.MessageType.REQUEST;
import static org.assertj.core.api.Assertions.assertThat;

import dev.dhcpembedded.codec.OptionCode;
import dev.dhcpembedded.junit.assertions.DhcpAssertions;
import dev.dhcpembedded.lab.DhcpEvent;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** ISC dhclient and dhcpcd, from the Debian-based image, on a DhcpNetwork started and closed by hand. */
@RequiresDockerBridge(images = {RequiresDockerBridge.Image.DEBIAN})
class DhcpNetworkDebianClientsTest {

    private static final Duration LEASE = Duration.ofSeconds(30);
    private static DhcpNetwork network;

    @BeforeAll
    static void network() {
        network = DhcpNetwork.builder().serveFromHostBridge().subnet("10.232.77.0/24")
                .subnet(s -> s.leaseTime(Duration.ofMinutes(5))).build();
        network.start();
    }

    @AfterAll
    static void close() {
        if (network != null) {
            network.close();
        }
    }

    @Test
    void dhclientGetsItsLeaseFromTheEmbeddedServer() {
        try (DhcpClientContainer device = TestImages.dhclient().withNetwork(network)
                .withDhclient(d -> d.hostname("dhclient-box"))) {
            device.start();
            String mac = device.macAddress();
            DhcpEvent bound = device.awaitLease(LEASE);

            DhcpAssertions.assertThat(network.server()).received(DISCOVER).from(mac).withHostname("dhclient-box")
                    .withParameterRequestList(OptionCode.SUBNET_MASK, OptionCode.ROUTER);
            DhcpAssertions.assertThat(network.server()).client(mac).sentInOrder(DISCOVER, REQUEST)
                    .hasLease(bound.ip());
            assertThat(bound.is("BOUND")).isTrue();
            assertThat(bound.ip()).startsWith("10.232.77.");
            assertThat(network.inPool(bound.ip())).isTrue();
            assertThat(device.ipv4Addresses()).containsExactly(bound.ip() + "/24");
            assertThat(device.defaultGateway()).contains("10.232.77.1");
        }
    }

    @Test
    void dhcpcdGetsItsLeaseFromTheEmbeddedServer() {
        try (DhcpClientContainer device = TestImages.dhcpcd().withNetwork(network)) {
            device.start();
            String mac = device.macAddress();
            DhcpEvent bound = device.awaitLease(LEASE);

            DhcpAssertions.assertThat(network.server()).received(DISCOVER).from(mac).withHostname("lab-client");
            DhcpAssertions.assertThat(network.server()).client(mac).sentInOrder(DISCOVER, REQUEST)
                    .hasLease(bound.ip());
            assertThat(network.inPool(bound.ip())).isTrue();
            // dhcpcd configures the interface itself: the address, and the default route with its metric
            assertThat(device.ipv4Addresses()).contains(bound.ip() + "/24");
            assertThat(device.defaultGateway()).contains("10.232.77.1");
        }
    }
}
