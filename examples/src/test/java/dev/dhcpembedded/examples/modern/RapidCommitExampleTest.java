package dev.dhcpembedded.examples.modern;

import static dev.dhcpembedded.junit.assertions.DhcpAssertions.assertThat;
import static dev.dhcpembedded.stub.RequestMatcher.onDiscover;
import static dev.dhcpembedded.stub.Responses.withoutRapidCommit;

import dev.dhcpembedded.client.DhcpTestClient;
import dev.dhcpembedded.codec.MessageType;
import dev.dhcpembedded.junit.DhcpServerTest;
import dev.dhcpembedded.server.DhcpServer;
import org.junit.jupiter.api.Test;

/**
 * Rapid commit (option 80, RFC 4039): a DISCOVER carrying 80 gets an ACK carrying 80, and the lease is bound with no
 * OFFER and no REQUEST. Off by default; {@code rapidCommit = true} (or {@code .rapidCommit()} on the builder, or
 * {@code --rapid-commit} on the command line) turns it on. The "device" is the project's client; in your suite it is
 * the client under test.
 */
@DhcpServerTest(subnet = "10.20.0.0/24", pool = "10.20.0.100-10.20.0.199", rapidCommit = true)
class RapidCommitExampleTest {

    static final String DEVICE_MAC = "02:00:00:00:00:42";

    @Test
    void theDeviceTakesTheLeaseInTwoMessages(DhcpServer dhcp) {
        try (DhcpTestClient device = DhcpTestClient.builder().server(dhcp.address()).mac(DEVICE_MAC).build()) {
            device.discoverWithRapidCommit();

            assertThat(dhcp).client(DEVICE_MAC).usedRapidCommit().sentExactly(MessageType.DISCOVER)
                    .hasLease("10.20.0.100").conformsToRfc2131();
        }
    }

    @Test
    void aServerThatRefusesRapidCommitOnceMeansAFullExchange(DhcpServer dhcp) {
        dhcp.stub(onDiscover().from(DEVICE_MAC).respond(withoutRapidCommit()).once());
        try (DhcpTestClient device = DhcpTestClient.builder().server(dhcp.address()).mac(DEVICE_MAC).build()) {
            device.request(device.discoverWithRapidCommit().orElseThrow());   // an OFFER this time: REQUEST it

            assertThat(dhcp).client(DEVICE_MAC).sentInOrder(MessageType.DISCOVER, MessageType.REQUEST)
                    .hasLease("10.20.0.100");
        }
    }
}
