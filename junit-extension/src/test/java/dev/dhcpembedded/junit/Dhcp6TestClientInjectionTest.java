package dev.dhcpembedded.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import dev.dhcpembedded.client.ClientLease6;
import dev.dhcpembedded.client.Dhcp6TestClient;
import dev.dhcpembedded.codec6.Dhcp6MessageType;
import dev.dhcpembedded.server.DhcpServer;
import dev.dhcpembedded.server.TestClock;
import dev.dhcpembedded.stub6.Request6Matcher;
import dev.dhcpembedded.stub6.Response6;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.testkit.engine.EngineTestKit;

/** A {@link Dhcp6TestClient} parameter: pointed at the server's [::1] address, on its TestClock, closed after. */
@DhcpServerTest(subnet6 = "2001:db8:1::/64", pool6 = "2001:db8:1::100-2001:db8:1::1ff")
class Dhcp6TestClientInjectionTest {

    @Test
    void theInjectedClientGetsALeaseFromTheServer(DhcpServer server, Dhcp6TestClient client) {
        ClientLease6 lease = client.solicitRequest();

        assertThat(lease.addressText()).isEqualTo("2001:db8:1::100");
        assertThat(client.server()).isEqualTo(server.v6().address());
        assertThat(server.v6().leases(client.duid())).hasSize(1);
    }

    @Test
    void theInjectedClientWaitsOnTheServersTestClock(DhcpServer server, TestClock clock, Dhcp6TestClient client) {
        server.stub(Request6Matcher.onSolicit().respond(Response6.ignore()).once());
        Instant before = clock.instant();

        client.solicitRequest();

        assertThat(client.sent()).extracting(m -> m.type().orElseThrow()).containsExactly(
                Dhcp6MessageType.SOLICIT, Dhcp6MessageType.SOLICIT, Dhcp6MessageType.REQUEST);
        assertThat(Duration.between(before, clock.instant())).as("the first RT of SOLICIT, moved by the client")
                .isGreaterThan(Duration.ofSeconds(1)).isLessThanOrEqualTo(Duration.ofMillis(1100));
    }

    @DhcpServerTest
    @TestKitOnly
    static class WithoutSubnet6 {
        @Test
        void test(Dhcp6TestClient client) {
        }
    }

    @Test
    void aServerWithoutDhcp6SaysWhatToAdd() {
        Throwable failure = EngineTestKit.engine("junit-jupiter").configurationParameter(TestKitOnly.PARAMETER, "true")
                .selectors(selectClass(WithoutSubnet6.class)).execute().allEvents().failed().list().get(0)
                .getPayload(TestExecutionResult.class).orElseThrow().getThrowable().orElseThrow();

        assertThat(failure).hasRootCauseInstanceOf(IllegalStateException.class)
                .hasMessageContaining("parameter 0 (Dhcp6TestClient) of test needs a DHCPv6 server")
                .hasMessageContaining("serves no DHCPv6")
                .hasMessageContaining("subnet6 = \"2001:db8:1::/64\"");
    }
}
