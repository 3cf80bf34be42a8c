package dev.dhcpembedded.examples;

import static dev.dhcpembedded.junit.assertions.DhcpAssertions.assertThat;

import dev.dhcpembedded.client.ClientLease;
import dev.dhcpembedded.client.DhcpTestClient;
import dev.dhcpembedded.codec.DhcpOption;
import dev.dhcpembedded.codec.DhcpOptions;
import dev.dhcpembedded.codec.MessageType;
import dev.dhcpembedded.junit.DhcpServerTest;
import dev.dhcpembedded.junit.assertions.Rfc2131Rule;
import dev.dhcpembedded.junit.assertions.Rfc2131Violation;
import dev.dhcpembedded.server.DhcpServer;
import java.util.List;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.Test;

/** RFC 2131 conformance of a client's messages: one assertion that lists every rule broken. */
@DhcpServerTest
class ConformanceExampleTest {

    @Test
    void aWellBehavedClientConforms(DhcpServer dhcp) {
        try (DhcpTestClient device = DhcpTestClient.builder().server(dhcp.address()).mac("02:00:00:00:00:07").build()) {
            ClientLease lease = device.dora();
            device.renew(lease);
            device.release(lease);
            // RELEASE gets no reply, so the server may not have read it yet: await it
            assertThat(dhcp).awaiting().client("02:00:00:00:00:07").released().conformsToRfc2131();
        }
    }

    @Test
    void aSloppyRenewIsReported(DhcpServer dhcp) {
        try (DhcpTestClient device = DhcpTestClient.builder().server(dhcp.address()).mac("02:00:00:00:00:08").build()) {
            ClientLease lease = device.dora();
            // a buggy firmware renews with the server identifier (54) still in the REQUEST
            device.send(device.newMessage(MessageType.REQUEST).ciaddr(lease.address())
                    .option(DhcpOptions.serverIdentifier(lease.serverId().getHostAddress())).build());

            // in your own test you would simply write: assertThat(dhcp).client(MAC).conformsToRfc2131();
            // which fails listing each broken rule, message by message, then the transcript
            assertThat(dhcp).awaiting().client("02:00:00:00:00:08").sent(MessageType.REQUEST)
                    .withCiaddr(lease.address().getHostAddress()).last()
                    .hasServerIdentifier(lease.serverId().getHostAddress());
            List<Rfc2131Violation> broken = assertThat(dhcp).client("02:00:00:00:00:08").rfc2131Violations();
            // 54 makes it a SELECTING request, for the server as for this check, and SELECTING needs ciaddr 0
            Assertions.assertThat(broken).extracting(Rfc2131Violation::rule)
                    .containsExactly(Rfc2131Rule.SELECTING_REQUEST);
            Assertions.assertThatThrownBy(() -> assertThat(dhcp).client("02:00:00:00:00:08").conformsToRfc2131())
                    .hasMessageContaining("but its messages broke 1 rule:")
                    .hasMessageContaining("carries server identifier (54)");
        }
    }
}
