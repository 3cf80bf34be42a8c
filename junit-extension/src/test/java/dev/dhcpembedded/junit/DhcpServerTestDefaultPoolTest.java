package dev.dhcpembedded.junit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dhcpembedded.client.DhcpTestClient;
import dev.dhcpembedded.codec.DhcpMessage;
import dev.dhcpembedded.server.DhcpServer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * {@code @DhcpServerTest} without a pool serves every host of its subnet but the router and the server identifier,
 * and the server identifier defaults to the router: the server's one rule, not a copy of it.
 */
@DhcpServerTest(subnet = "10.20.0.0/29", router = "10.20.0.6")
class DhcpServerTestDefaultPoolTest {

    /** What the server offers to new clients, one after the other, until it offers nothing. */
    static List<String> everyOffer(DhcpServer server) {
        List<String> offered = new ArrayList<>();
        for (int client = 1; client <= 8; client++) {
            try (DhcpTestClient device = DhcpTestClient.builder().server(server.address())
                    .mac(String.format("02:00:00:00:02:%02x", client)).timeout(Duration.ofMillis(300)).attempts(1)
                    .build()) {
                Optional<DhcpMessage> offer = device.discover();
                if (offer.isEmpty()) {
                    return offered;
                }
                assertThat(offer.get().serverIdentifier()).contains(server.serverIdentifier());
                offered.add(offer.get().yiaddr().getHostAddress());
            }
        }
        return offered;
    }

    @Test
    void the_router_is_the_server_identifier_and_every_other_host_is_offered(DhcpServer server) {
        assertThat(server.serverIdentifier().getHostAddress()).isEqualTo("10.20.0.6");
        assertThat(everyOffer(server)).containsExactly("10.20.0.1", "10.20.0.2", "10.20.0.3", "10.20.0.4",
                "10.20.0.5");
    }

    @Nested
    @DhcpServerTest(subnet = "10.20.0.0/29", router = "10.20.0.1", serverId = "10.20.0.2")
    class WithItsOwnServerIdentifier {
        @Test
        void neither_the_router_nor_the_server_identifier_is_offered(DhcpServer server) {
            assertThat(server.serverIdentifier().getHostAddress()).isEqualTo("10.20.0.2");
            assertThat(everyOffer(server)).containsExactly("10.20.0.3", "10.20.0.4", "10.20.0.5", "10.20.0.6");
        }
    }
}
