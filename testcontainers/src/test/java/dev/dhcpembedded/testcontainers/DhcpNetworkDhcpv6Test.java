package dev.dhcpembedded.testcontainers;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link AgentDhcpv6Test}'s check from the host bridge: the server binds UDP 547 of the network's bridge (joined to
 * ff02::1:2 there) and replies from the bridge's link-local address. Needs root, as every host-bridge test.
 */
@RequiresDockerBridge(images = {RequiresDockerBridge.Image.DEBIAN})
class DhcpNetworkDhcpv6Test {

    @Test
    void dhclient6GetsAnAddressFromTheServerOnTheHostBridge(@TempDir Path dir) throws Exception {
        AgentDhcpv6Test.dhclient6GetsAnAddress(DhcpNetwork.builder().serveFromHostBridge(), dir);
    }
}
