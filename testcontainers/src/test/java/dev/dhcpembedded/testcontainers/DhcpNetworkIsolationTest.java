package dev.dhcpembedded.testcontainers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.dockerjava.api.exception.NotFoundException;
import dev.dhcpembedded.codec.MacAddress;
import dev.dhcpembedded.journal.JournalEntry;
import dev.dhcpembedded.junit.assertions.DhcpAssertions;
import dev.dhcpembedded.server.DhcpServer;
import java.net.NetworkInterface;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.Network;

/** Nothing leaves the Docker network: the server answers only on its bridge, and closing removes everything. */
@RequiresDockerBridge
class DhcpNetworkIsolationTest {

    @Test
    void aClientOnAnotherDockerNetworkGetsNothingWhileOneOnTheDhcpNetworkIsServed() {
        try (DhcpNetwork served = DhcpNetwork.builder().serveFromHostBridge().build();
             Network other = Network.builder().createNetworkCmdModifier(c -> c.withInternal(true)).build();
             DhcpClientContainer inside = TestImages.udhcpc().withNetwork(served).waitingForLease();
             DhcpClientContainer outside = TestImages.udhcpc().withNetwork(other).oneShot()
                     .withUdhcpc(u -> u.discover(3, Duration.ofSeconds(1)))) {
            served.start();
            inside.start();
            outside.start();

            outside.awaitEvent("leasefail", 1, Duration.ofSeconds(20));
            assertThat(outside.getLogs()).contains("DHCP-CONTAINER client-exited rc=1");
            assertThat(outside.ipv4Addresses()).isEmpty();
            assertThat(inside.ipv4Address()).hasValueSatisfying(a -> assertThat(served.inPool(a)).isTrue());

            DhcpServer server = served.server();
            assertThat(server.journal().forClient(MacAddress.parse(outside.macAddress()))).isEmpty();
            assertThat(server.journal().entries()).isNotEmpty()
                    .extracting(JournalEntry::interfaceName).containsOnly(served.bridgeInterface());
            DhcpAssertions.assertThat(server).client(inside.macAddress()).hasLease(inside.ipv4Address().get());
        }
    }

    @Test
    void closingStopsTheServerAndRemovesTheNetworkAndItsBridge() throws Exception {
        DhcpNetwork network = DhcpNetwork.builder().serveFromHostBridge().build();
        String id = network.getId();
        String bridge = network.bridgeInterface();
        DhcpServer server = network.server();
        assertThat(server.isRunning()).isTrue();

        network.close();

        assertThat(server.isRunning()).isFalse();
        assertThat(network.isRunning()).isFalse();
        assertThatThrownBy(() -> DockerClientFactory.instance().client().inspectNetworkCmd().withNetworkId(id).exec())
                .isInstanceOf(NotFoundException.class);
        assertThat(NetworkInterface.getByName(bridge)).isNull();
        network.close(); // twice is fine
    }

    @Test
    void aPoolInTheHalfDockerAssignsFromIsRefusedAndNothingIsLeftBehind() {
        DhcpNetwork network = DhcpNetwork.builder().subnet("10.232.78.0/24").pool("10.232.78.10", "10.232.78.20")
                .build();
        assertThatThrownBy(network::start).isInstanceOf(DhcpNetworkException.class)
                .hasMessageContaining("10.232.78.0/25").hasMessageContaining("10.232.78.128-10.232.78.254");
        assertThat(DockerClientFactory.instance().client().listNetworksCmd().exec())
                .noneMatch(n -> "10.232.78.0/24".equals(n.getIpam().getConfig().isEmpty() ? null
                        : n.getIpam().getConfig().get(0).getSubnet()));
    }
}
