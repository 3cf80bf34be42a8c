package dev.dhcpembedded.examples;

// tag::first-test[]
import static dev.dhcpembedded.codec.MessageType.DISCOVER;
import static dev.dhcpembedded.codec.MessageType.REQUEST;
import static dev.dhcpembedded.junit.assertions.DhcpAssertions.assertThat;

import dev.dhcpembedded.client.ClientLease;
import dev.dhcpembedded.client.DhcpTestClient;
import dev.dhcpembedded.junit.DhcpServerTest;
import dev.dhcpembedded.server.DhcpServer;
import java.net.InetAddress;
import org.junit.jupiter.api.Test;

@DhcpServerTest(subnet = "10.20.0.0/24", router = "10.20.0.1", dns = "10.20.0.53")
class FirstTestExampleTest {

    @Test
    void theClientGetsALease(DhcpServer dhcp, DhcpTestClient client) {
        ClientLease lease = client.dora();       // DISCOVER, OFFER, REQUEST, ACK over loopback

        assertThat(dhcp).client(client.mac()).sentInOrder(DISCOVER, REQUEST).hasLease(lease.address().getHostAddress());
        assertThat(lease.routers()).extracting(InetAddress::getHostAddress).containsExactly("10.20.0.1");
    }
}
// end::first-test[]
