package dev.dhcpembedded.testcontainers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dhcpembedded.testcontainers.Addresses.Range;
import dev.dhcpembedded.testcontainers.Addresses.Subnet;
import org.junit.jupiter.api.Test;

/** Where a DhcpNetwork puts things, without Docker: the halves of its subnet, its pool, its IPv6 ranges. */
class NetworkLayoutTest {

    @Test
    void dockerGetsTheLowerHalfAndDhcpTheUpperHalfButItsEnds() {
        NetworkLayout layout = NetworkLayout.of(Subnet.parse("10.232.79.0/24"), null, null);

        assertThat(layout.gatewayText()).isEqualTo("10.232.79.1");
        assertThat(layout.dockerRange()).hasToString("10.232.79.0/25");
        assertThat(layout.pool()).hasToString("10.232.79.129-10.232.79.254");
        assertThat(layout.poolAddress(5)).isEqualTo("10.232.79.134");
        assertThat(layout.inPool("10.232.79.129")).isTrue();
        assertThat(layout.inPool("10.232.79.128")).isFalse();
        assertThat(layout.inPool("10.232.79.255")).isFalse();
        assertThat(layout.subnet6Text()).isEmpty();
    }

    @Test
    void aPoolOutsideTheUpperHalfOrASubnetTooSmallIsRefused() {
        Subnet subnet = Subnet.parse("10.77.0.0/24");
        assertThatThrownBy(() -> NetworkLayout.of(subnet, Range.of("10.77.0.100", "10.77.0.200"), null))
                .isInstanceOf(DhcpNetworkException.class)
                .hasMessageStartingWith("pool 10.77.0.100-10.77.0.200 overlaps 10.77.0.0/25")
                .hasMessageEndingWith("keep the pool in 10.77.0.128-10.77.0.254");
        assertThatThrownBy(() -> NetworkLayout.of(subnet, Range.of("10.77.1.130", "10.77.1.140"), null))
                .hasMessage("pool 10.77.1.130-10.77.1.140 is not a range inside subnet 10.77.0.0/24");
        assertThatThrownBy(() -> NetworkLayout.of(Subnet.parse("10.77.0.0/30"), null, null))
                .hasMessageStartingWith("subnet 10.77.0.0/30 is too small");
    }

    @Test
    void ipv6HasDockersRangeAboveDhcpv6sPoolAndTheGatewayFirst() {
        NetworkLayout layout = NetworkLayout.of(Subnet.parse("10.77.0.0/24"), null,
                Addresses.slash64("fd12:3456:789a:1::/64"));

        assertThat(layout.subnet6Text()).contains("fd12:3456:789a:1::/64");
        assertThat(layout.dockerRange6()).isEqualTo("fd12:3456:789a:1:8000::/96");
        assertThat(layout.gateway6()).isEqualTo("fd12:3456:789a:1::1");
        assertThat(Addresses.text6(NetworkLayout.randomUla())).startsWith("fd").endsWith("::");
    }
}
