package dev.dhcpembedded.testcontainers;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.NetworkInterface;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** With DhcpNetworkExtension, the DhcpNetwork of a static field is started before the tests and injected into their parameters. */
@RequiresDockerBridge
@ExtendWith(DhcpNetworkExtension.class)
class DhcpNetworkParameterTest {

    static final DhcpNetwork NETWORK = DhcpNetwork.builder().serveFromHostBridge().subnet("10.232.79.0/24").build();

    @Test
    void theNetworkIsInjectedStarted(DhcpNetwork network) throws Exception {
        assertThat(network).isSameAs(NETWORK);
        assertThat(network.isRunning()).isTrue();
        assertThat(network.subnet()).isEqualTo("10.232.79.0/24");
        assertThat(network.gateway()).isEqualTo("10.232.79.1");
        assertThat(network.dockerRange()).isEqualTo("10.232.79.0/25");
        assertThat(network.poolFirst()).isEqualTo("10.232.79.129");
        assertThat(network.poolLast()).isEqualTo("10.232.79.254");
        assertThat(NetworkInterface.getByName(network.bridgeInterface()).inetAddresses()
                .map(a -> a.getHostAddress())).contains("10.232.79.1");
    }
}
