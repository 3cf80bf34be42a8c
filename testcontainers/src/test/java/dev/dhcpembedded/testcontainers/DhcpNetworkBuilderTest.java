package dev.dhcpembedded.testcontainers;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dhcpembedded.server.Subnet6Builder;
import dev.dhcpembedded.server.SubnetBuilder;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/** The builder checks the network's subnets and pool at once, with the messages of the server's builder. */
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
    void aPoolWithABadAddress() {
        assertThatThrownBy(() -> DhcpNetwork.builder().pool("10.77.0.130", "10.77.0.300"))
                .hasMessage("'10.77.0.300' has an octet over 255");
        assertThatThrownBy(() -> DhcpNetwork.builder().pool("10.77.0.x-10.77.0.250"))
                .hasMessage("'10.77.0.x' is not an IPv4 address such as 10.20.0.1");
    }

    @Test
    void aSubnetIsANetworkWithAPrefixLength() {
        assertThatThrownBy(() -> DhcpNetwork.builder().subnet("10.77.0.0"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("subnet '10.77.0.0' needs a prefix length, e.g. 10.20.0.0/24");
        assertThatThrownBy(() -> DhcpNetwork.builder().subnet("10.77.0.5/24"))
                .hasMessage("10.77.0.5/24 has host bits set; write 10.77.0.0/24");
        assertThatThrownBy(() -> DhcpNetwork.builder().subnet("10.77.0.0/33"))
                .hasMessage("prefix length 33 is outside 0..32");
    }

    @Test
    void theServerSubnetAndSubnet6StepsMustBeSteps() {
        assertThatThrownBy(() -> DhcpNetwork.builder().server(null)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> DhcpNetwork.builder().subnet((Consumer<SubnetBuilder>) null))
                .isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> DhcpNetwork.builder().subnet6((Consumer<Subnet6Builder>) null))
                .isInstanceOf(NullPointerException.class);
    }

    @Test
    void anIpv6SubnetIsANetworkSlash64() {
        assertThatThrownBy(() -> DhcpNetwork.builder().subnet6("fd12:3456:789a:1::/56"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("subnet6 'fd12:3456:789a:1::/56' must be a /64, e.g. fd12:3456:789a:1::/64");
        assertThatThrownBy(() -> DhcpNetwork.builder().subnet6("fd12:3456:789a:1::5/64"))
                .hasMessage("subnet6 'fd12:3456:789a:1::5/64' has host bits set; write its network, "
                        + "fd12:3456:789a:1::/64");
        assertThatThrownBy(() -> DhcpNetwork.builder().subnet6("10.77.0.0/64"))
                .hasMessage("subnet6 '10.77.0.0/64' is not an IPv6 /64, e.g. fd12:3456:789a:1::/64");
    }
}
