package dev.dhcpembedded.examples.v6;

import static dev.dhcpembedded.junit.assertions.DhcpAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import dev.dhcpembedded.client.ClientLease6;
import dev.dhcpembedded.client.Dhcp6TestClient;
import dev.dhcpembedded.codec6.Duid;
import dev.dhcpembedded.junit.DhcpServerTest;
import dev.dhcpembedded.server.DhcpServer;
import org.junit.jupiter.api.Test;

/**
 * Prefix delegation (IA_PD): a home router asks for an address on its uplink (IA_NA) and a /56 for its LAN
 * (IA_PD) in one exchange. {@code prefixDelegation} is the pool, then the delegated length.
 */
@DhcpServerTest(subnet6 = "2001:db8:1::/64", pool6 = "2001:db8:1::100-2001:db8:1::1ff",
        prefixDelegation = "2001:db8:100::/48/56")
class PrefixDelegationExampleTest {

    static final Duid ROUTER = Duid.parse("00:03:00:01:02:00:00:00:00:42");    // DUID-LL of 02:00:00:00:00:42

    @Test
    void theRouterGetsAnAddressAndAPrefix(DhcpServer dhcp) {
        try (Dhcp6TestClient router = Dhcp6TestClient.builder().server(dhcp.v6().address()).duid(ROUTER)
                .iaNa(1).iaPd(2).build()) {
            ClientLease6 lease = router.solicitRequest();

            assertThat(lease.prefix().cidr()).isEqualTo("2001:db8:100::/56");
            assertThat(dhcp).client(ROUTER).hasAddress(lease.addressText()).hasDelegatedPrefix("2001:db8:100::/56");
        }
    }

    @Test
    void eachRouterGetsItsOwnPrefix(DhcpServer dhcp) {
        for (String mac : new String[] {"02:00:00:00:00:01", "02:00:00:00:00:02"}) {
            try (Dhcp6TestClient router = Dhcp6TestClient.builder().server(dhcp.v6().address())
                    .duid(Duid.ll(dev.dhcpembedded.codec.MacAddress.parse(mac))).iaPd(1).build()) {
                router.solicitRequest();
            }
        }
        assertThat(dhcp.v6().leases()).extracting(l -> l.text())
                .containsExactlyInAnyOrder("2001:db8:100::/56", "2001:db8:100:100::/56");
    }
}
