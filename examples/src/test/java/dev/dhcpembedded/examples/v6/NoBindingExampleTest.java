package dev.dhcpembedded.examples.v6;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dhcpembedded.client.ClientLease6;
import dev.dhcpembedded.client.Dhcp6TestClient;
import dev.dhcpembedded.codec6.Dhcp6Message;
import dev.dhcpembedded.codec6.StatusCode;
import dev.dhcpembedded.junit.DhcpServerTest;
import dev.dhcpembedded.server.DhcpServer;
import dev.dhcpembedded.server.TestClock;
import org.junit.jupiter.api.Test;

/**
 * A server that lost its lease table: at T1 the device's RENEW gets NoBinding in its IA_NA (RFC 8415 section
 * 18.3.4), and the device must start over with a SOLICIT rather than keep using the address.
 */
@DhcpServerTest(subnet6 = "2001:db8:1::/64", pool6 = "2001:db8:1::100-2001:db8:1::1ff")
class NoBindingExampleTest {

    @Test
    void aRenewTheServerHasNoBindingForIsRefused(DhcpServer dhcp, TestClock clock, Dhcp6TestClient device) {
        ClientLease6 lease = device.solicitRequest();
        dhcp.reset();                                                    // the server forgets every lease
        clock.advance(lease.renewalTime());                              // T1

        Dhcp6Message reply = device.renew(lease).orElseThrow();

        assertThat(reply.iaNa().get(0).status().map(StatusCode::code)).contains(StatusCode.NO_BINDING);
    }
}
