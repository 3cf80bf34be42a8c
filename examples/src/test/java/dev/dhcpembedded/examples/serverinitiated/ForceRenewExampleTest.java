package dev.dhcpembedded.examples.serverinitiated;

import static dev.dhcpembedded.junit.assertions.DhcpAssertions.assertThat;

import dev.dhcpembedded.client.ClientLease;
import dev.dhcpembedded.client.DhcpTestClient;
import dev.dhcpembedded.codec.DhcpMessage;
import dev.dhcpembedded.codec.DhcpOption;
import dev.dhcpembedded.codec.MessageType;
import dev.dhcpembedded.codec.OptionCode;
import dev.dhcpembedded.junit.DhcpServerExtension;
import dev.dhcpembedded.server.DhcpServer;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * FORCERENEW (RFC 3203): the server tells a bound client to renew now. With reconfigureKeys() the client's ACK
 * carried a key (RFC 6704) and the FORCERENEW is authenticated with it, as dhcpcd requires. The "device" here is the
 * project's own client, which announces that it can take a key (option 145) and receives the message.
 */
class ForceRenewExampleTest {

    // tag::force-renew[]
    @RegisterExtension
    static DhcpServerExtension dhcp = DhcpServerExtension.of(DhcpServer.builder()
            .subnet("10.20.0.0/24", s -> s.router("10.20.0.1"))
            .reconfigureKeys());                     // a reconfigure key in each ACK to a client that can use one

    @Test
    void theServerMakesABoundClientRenew() {
        try (DhcpTestClient device = DhcpTestClient.builder().server(dhcp.address()).mac("02:00:00:00:00:42")
                .option(DhcpOption.of(OptionCode.FORCERENEW_NONCE_CAPABLE, new byte[] {1}))   // HMAC-MD5
                .build()) {
            ClientLease lease = device.dora();
            assertThat(lease.option(OptionCode.AUTHENTICATION)).isPresent();            // its key

            dhcp.server().v4().forceRenew("02:00:00:00:00:42");

            DhcpMessage force = device.receive(Duration.ofSeconds(2)).orElseThrow();
            assertThat(force).isA(MessageType.FORCERENEW);
            assertThat(force.option(OptionCode.AUTHENTICATION)).isPresent();            // signed with it
            device.renew(lease);                                                        // what a client does next
            assertThat(dhcp.server()).client("02:00:00:00:00:42").renewedByUnicast();
        }
    }
    // end::force-renew[]
}
