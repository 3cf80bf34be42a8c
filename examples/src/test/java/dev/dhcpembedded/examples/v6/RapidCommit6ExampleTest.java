package dev.dhcpembedded.examples.v6;

import static dev.dhcpembedded.codec6.Dhcp6MessageType.REPLY;
import static dev.dhcpembedded.codec6.Dhcp6MessageType.SOLICIT;
import static dev.dhcpembedded.junit.assertions.DhcpAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import dev.dhcpembedded.client.Dhcp6TestClient;
import dev.dhcpembedded.codec6.Dhcp6Message;
import dev.dhcpembedded.junit.DhcpServerTest;
import dev.dhcpembedded.server.DhcpServer;
import org.junit.jupiter.api.Test;

/**
 * Rapid commit (option 14, RFC 8415 section 18.3.1): a SOLICIT carrying it gets a REPLY, and the lease is bound in
 * two messages. Off by default; {@code rapidCommit6 = true} (or {@code .rapidCommit6()} on the builder) turns it on.
 */
@DhcpServerTest(subnet6 = "2001:db8:1::/64", pool6 = "2001:db8:1::100-2001:db8:1::1ff", rapidCommit6 = true)
class RapidCommit6ExampleTest {

    @Test
    void theDeviceIsBoundInTwoMessages(DhcpServer dhcp, Dhcp6TestClient device) {
        Dhcp6Message reply = device.solicitWithRapidCommit().orElseThrow();

        assertThat(reply.is(REPLY) && reply.rapidCommit()).as("a REPLY with rapid commit: %s", reply).isTrue();
        assertThat(dhcp).client(device.duid()).sentInOrder(SOLICIT).hasAddress("2001:db8:1::100");
    }
}
