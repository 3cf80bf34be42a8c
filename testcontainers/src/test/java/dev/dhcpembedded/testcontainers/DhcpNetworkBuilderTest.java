package dev.dhcpembedded.testcontainers;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The builder checks pools and static leases at once, with the same parser and messages as the server's builder. */
class DhcpNetworkBuilderTest {

    @Test
    void aPoolNotWrittenFirstDashLast() {
        assertThatThrownBy(() -> DhcpNetwork.builder().pool("10.77.0.130..10.77.0.250"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("pool '10.77.0.130..10.77.0.250' is not written FIRST-LAST, e.g. 10.20.0.100-10.20.0.199");
    }

    @Test
    void aPoolThatEndsBeforeItStarts() {
        assertThatThrownBy(() -> DhcpNetwork.builder().pool("10.77.0.250", "10.77.0.130"))
                .hasMessage("pool 10.77.0.250-10.77.0.130 ends before it starts; write the lower address first");
    }

    @Test
    void aStaticLeaseWithABadMacOrAddress() {
        assertThatThrownBy(() -> DhcpNetwork.builder().staticLease("zz", "10.77.0.200"))
                .hasMessageStartingWith("static lease 'zz=10.77.0.200': 'zz' is not a MAC address");
        assertThatThrownBy(() -> DhcpNetwork.builder().staticLease("02:42:ac:11:00:42", "10.77.0.300"))
                .hasMessage("static lease '02:42:ac:11:00:42=10.77.0.300': '10.77.0.300' has an octet over 255");
    }

    @Test
    void anIpv6SubnetIsANetworkSlash64() {
        assertThatThrownBy(() -> DhcpNetwork.builder().subnet6("fd12:3456:789a:1::/56"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("subnet6 'fd12:3456:789a:1::/56' must be a /64, e.g. fd12:3456:789a:1::/64");
        assertThatThrownBy(() -> DhcpNetwork.builder().subnet6("fd12:3456:789a:1::5/64"))
                .hasMessage("subnet6 'fd12:3456:789a:1::5/64' has host bits set; write its network, "
                        + "fd12:3456:789a:1::/64");
    }
}
