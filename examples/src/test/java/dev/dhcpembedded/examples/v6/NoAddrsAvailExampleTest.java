package dev.dhcpembedded.examples.v6;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dhcpembedded.client.DhcpClientException;
import dev.dhcpembedded.client.Dhcp6TestClient;
import dev.dhcpembedded.codec6.StatusCode;
import dev.dhcpembedded.junit.DhcpServerTest;
import dev.dhcpembedded.server.DhcpServer;
import org.junit.jupiter.api.Test;

/**
 * A full pool: the second device is offered nothing, with the status NoAddrsAvail in its IA_NA (RFC 8415 section
 * 18.3.1). Does the device under test give up cleanly, and try again later?
 */
@DhcpServerTest(subnet6 = "2001:db8:1::/64", pool6 = "2001:db8:1::100-2001:db8:1::100")
class NoAddrsAvailExampleTest {

    @Test
    void theSecondDeviceIsRefused(DhcpServer dhcp, Dhcp6TestClient first) {
        first.solicitRequest();                                          // takes the only address

        try (Dhcp6TestClient second = Dhcp6TestClient.builder().server(dhcp.v6().address()).build()) {
            assertThatThrownBy(second::solicitRequest).isInstanceOf(DhcpClientException.class)
                    .hasMessageContaining("NoAddrsAvail");
            assertThat(second.received().get(0).iaNa().get(0).status()).hasValueSatisfying(
                    status -> assertThat(status.code()).isEqualTo(StatusCode.NO_ADDRS_AVAIL));
        }
    }
}
