package dev.dhcpembedded.testcontainers;

import static dev.dhcpembedded.codec.MessageType.DISCOVER;
import static org.assertj.core.api.Assertions.assertThat;

import dev.dhcpembedded.junit.DhcpServerTest;
import dev.dhcpembedded.junit.assertions.DhcpAssertions;
import dev.dhcpembedded.server.DhcpServer;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A DhcpNetwork managed by DhcpNetworkExtension, next to the DHCP extension: @DhcpServerTest injects its loopback
 * DhcpServer, the network starts before the tests and closes after them, and neither gets in the other's way.
 * (DhcpServerExtension refuses every dev.dhcpembedded.* parameter type it does not inject, so next to it the
 * network is used through its field, not as a parameter; see DhcpNetworkParameterTest for that.)
 */
@RequiresDockerBridge
@ExtendWith(DhcpNetworkExtension.class)
@DhcpServerTest(subnet = "10.20.0.0/24", pool = "10.20.0.100-10.20.0.199")
class DhcpNetworkExtensionTest {

    static final DhcpNetwork NETWORK = DhcpNetwork.builder().serveFromHostBridge()
            .subnet(s -> s.leaseTime(Duration.ofMinutes(3))).build();

    @Test
    void theNetworkAndTheLoopbackServerLiveSideBySide(DhcpServer loopback) {
        DhcpNetwork network = NETWORK;
        assertThat(network.isRunning()).isTrue();
        assertThat(loopback).isNotSameAs(network.server());
        assertThat(loopback.address().getAddress().isLoopbackAddress()).isTrue();

        try (DhcpClientContainer device = TestImages.udhcpc().withNetwork(network).waitingForLease()) {
            device.start();
            DhcpAssertions.assertThat(network.server()).received(DISCOVER).from(device.macAddress());
            DhcpAssertions.assertThat(network.server()).client(device.macAddress())
                    .hasLease(device.ipv4Address().orElseThrow());
            assertThat(device.lease()).hasValueSatisfying(e -> assertThat(e.lease()).isEqualTo("180"));
        }
        assertThat(loopback.journal().entries()).isEmpty();
    }
}
