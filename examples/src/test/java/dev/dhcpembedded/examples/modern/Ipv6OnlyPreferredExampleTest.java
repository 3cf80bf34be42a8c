package dev.dhcpembedded.examples.modern;

import static dev.dhcpembedded.junit.assertions.DhcpAssertions.assertThat;

import dev.dhcpembedded.client.DhcpTestClient;
import dev.dhcpembedded.codec.OptionCode;
import dev.dhcpembedded.junit.DhcpServerExtension;
import dev.dhcpembedded.server.DhcpServer;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * IPv6-only preferred (option 108, RFC 8925), per subnet: a device that asks for 108 gets it in the OFFER, must not
 * REQUEST, and stops DHCPv4 for V6ONLY_WAIT. {@code ipv6OnlyOfferingNoAddress()} makes that OFFER carry 0.0.0.0.
 */
class Ipv6OnlyPreferredExampleTest {

    static final String DEVICE_MAC = "02:00:00:00:00:42";

    @RegisterExtension
    static DhcpServerExtension dhcp = DhcpServerExtension.builder()
            .server(b -> b.subnet("10.20.0.0/24", s -> s.pool("10.20.0.100", "10.20.0.199")
                    .ipv6OnlyPreferred(Duration.ofMinutes(30)).ipv6OnlyOfferingNoAddress()))
            .build();

    @Test
    void anIpv6OnlyCapableDeviceStopsAfterTheOffer(DhcpServer server) {
        try (DhcpTestClient device = DhcpTestClient.builder().server(server.address()).mac(DEVICE_MAC)
                .parameterRequestList(OptionCode.SUBNET_MASK, OptionCode.ROUTER, OptionCode.IPV6_ONLY_PREFERRED)
                .build()) {
            device.discover();                       // a device that honours 108 sends nothing more

            assertThat(server).client(DEVICE_MAC).stoppedForIpv6Only().conformsToRfc2131();
            org.assertj.core.api.Assertions.assertThat(server.leases()).isEmpty();  // 0.0.0.0 was offered: the pool is untouched
        }
    }
}
