package dev.dhcpembedded.junit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dhcpembedded.client.DhcpTestClient;
import dev.dhcpembedded.codec.DhcpMessage;
import dev.dhcpembedded.server.DhcpServer;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code @DhcpServerTest(secondServer = "IP=FIRST-LAST")}: a second server with its own identifier and pool. */
@DhcpServerTest(subnet = "10.20.0.0/24", router = "10.20.0.1", pool = "10.20.0.100-10.20.0.149",
        secondServer = "10.20.0.2=10.20.0.200-10.20.0.249", dns = "10.20.0.53")
class SecondServerAnnotationTest {

    @Test
    void bothServersOfferEachFromItsPoolWithTheSubnetsOptions(DhcpServer server) {
        try (DhcpTestClient client = DhcpTestClient.builder().server(server.address()).mac("02:00:00:00:00:07")
                .timeout(Duration.ofSeconds(5)).build()) {
            DhcpMessage first = client.discover().orElseThrow();
            DhcpMessage other = client.receive(Duration.ofSeconds(5)).orElseThrow();
            assertThat(List.of(first, other)).extracting(m -> m.serverIdentifier().orElseThrow().getHostAddress()
                    + " " + m.yiaddr().getHostAddress()).containsExactlyInAnyOrder("10.20.0.1 10.20.0.100",
                    "10.20.0.2 10.20.0.200");
            assertThat(List.of(first, other)).allSatisfy(m -> assertThat(m.domainNameServers())
                    .extracting(a -> a.getHostAddress()).containsExactly("10.20.0.53"));
        }
        assertThat(server.secondServer().address().getHostAddress()).isEqualTo("10.20.0.2");
    }
}
