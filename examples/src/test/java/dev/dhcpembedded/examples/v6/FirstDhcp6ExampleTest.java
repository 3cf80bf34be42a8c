package dev.dhcpembedded.examples.v6;

import static dev.dhcpembedded.codec6.Dhcp6MessageType.REQUEST;
import static dev.dhcpembedded.codec6.Dhcp6MessageType.SOLICIT;
import static dev.dhcpembedded.junit.assertions.DhcpAssertions.assertThat;

import dev.dhcpembedded.client.ClientLease6;
import dev.dhcpembedded.client.Dhcp6TestClient;
import dev.dhcpembedded.junit.DhcpServerTest;
import dev.dhcpembedded.server.DhcpServer;
import org.junit.jupiter.api.Test;

/**
 * A first DHCPv6 test: the server listens on {@code [::1]} beside DHCPv4, and a {@link Dhcp6TestClient} parameter
 * is a client pointed at it (a random DUID, one IA_NA), closed after the test. In your suite the device under test
 * takes its place, pointed at {@code dhcp.v6().address()}.
 */
// tag::first-v6-test[]
@DhcpServerTest(subnet6 = "2001:db8:1::/64", pool6 = "2001:db8:1::100-2001:db8:1::1ff")
class FirstDhcp6ExampleTest {

    @Test
    void theDeviceGetsAnAddress(DhcpServer dhcp, Dhcp6TestClient device) {
        ClientLease6 lease = device.solicitRequest();                    // SOLICIT, ADVERTISE, REQUEST, REPLY

        assertThat(lease.addressText()).isEqualTo("2001:db8:1::100");
        assertThat(dhcp).client(device.duid()).sentInOrder(SOLICIT, REQUEST).hasAddress("2001:db8:1::100")
                .conformsToRfc8415();
    }
}
// end::first-v6-test[]
